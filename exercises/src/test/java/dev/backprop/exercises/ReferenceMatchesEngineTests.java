package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import dev.backprop.exercises.sets.CostAndGradient;
import dev.backprop.exercises.sets.Sets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference solutions of the sets the engine has functions for (activations, two-layer, losses, deep) agree
 * with the engine's own, which nn-core tests against numpy: the exercises cannot drift from the engine.
 */
class ReferenceMatchesEngineTests {

    private static final Map<String, Function<Object[], Object>> ENGINE = new LinkedHashMap<>();

    static {
        activation("sigmoid", new Sigmoid());
        activation("tanh", new Tanh());
        activation("relu", new Relu());
        activation("leaky_relu", new LeakyRelu(0.1));
        activation("elu", new Elu(0.1));
        activation("softmax", new Softmax());

        ENGINE.put("two-layer/layer_sizes", in -> TwoLayerNetwork.layerSizes((Matrix) in[0], (Matrix) in[1]));
        ENGINE.put("two-layer/initialize_parameters",
                in -> TwoLayerNetwork.initializeParameters((int) in[0], (int) in[1], (int) in[2]));
        ENGINE.put("two-layer/forward_propagation",
                in -> TwoLayerNetwork.forwardPropagation((Matrix) in[0], (Parameters) in[1]));
        ENGINE.put("two-layer/compute_cost", in -> TwoLayerNetwork.computeCost((Matrix) in[0], (Matrix) in[1]));
        ENGINE.put("two-layer/backward_propagation", in -> TwoLayerNetwork.backwardPropagation((Parameters) in[0],
                (Cache) in[1], (Matrix) in[2], (Matrix) in[3]));
        ENGINE.put("two-layer/update_parameters", in -> TwoLayerNetwork.updateParameters((Parameters) in[0],
                (Gradients) in[1], (double) in[2]));
        ENGINE.put("two-layer/nn_model", in -> TwoLayerNetwork.nnModel((Matrix) in[0], (Matrix) in[1], (int) in[2],
                (int) in[3], 1.2, 0, (i, c) -> { }));
        ENGINE.put("two-layer/predict", in -> TwoLayerNetwork.predict((Parameters) in[0], (Matrix) in[1]));

        loss("mean_squared_error", new MeanSquaredError());
        loss("mean_absolute_error", new MeanAbsoluteError());
        loss("mean_squared_logarithmic_error", new MeanSquaredLogarithmicError());
        loss("binary_crossentropy", new BinaryCrossEntropy());
        loss("categorical_crossentropy", new CategoricalCrossEntropy());
        loss("sparse_categorical_crossentropy", new SparseCategoricalCrossEntropy());
        loss("hinge", new Hinge());
        loss("squared_hinge", new SquaredHinge());
        loss("kl_divergence", new KLDivergence());

        ENGINE.put("deep/initialize_parameters_deep", in -> DeepNetwork.initializeParametersDeep((int[]) in[0]));
        ENGINE.put("deep/linear_forward", in -> DeepNetwork.linearForward((Matrix) in[0], (Matrix) in[1],
                (Matrix) in[2]));
        ENGINE.put("deep/linear_activation_forward", in -> DeepNetwork.linearActivationForward((Matrix) in[0],
                (Matrix) in[1], (Matrix) in[2], in[3].equals("relu") ? new Relu() : new Sigmoid()));
        ENGINE.put("deep/L_model_forward", in -> DeepNetwork.lModelForward((Matrix) in[0], (DeepParameters) in[1]));
        ENGINE.put("deep/compute_cost", in -> DeepNetwork.computeCost((Matrix) in[0], (Matrix) in[1]));
        ENGINE.put("deep/linear_backward", in -> DeepNetwork.linearBackward((Matrix) in[0], (LayerCache) in[1]));
        ENGINE.put("deep/linear_activation_backward", in -> DeepNetwork.linearActivationBackward((Matrix) in[0],
                (LayerCache) in[1]));
        ENGINE.put("deep/L_model_backward", in -> DeepNetwork.lModelBackward((Matrix) in[0], (Matrix) in[1],
                (DeepCaches) in[2]));
        ENGINE.put("deep/update_parameters", in -> DeepNetwork.updateParameters((DeepParameters) in[0],
                (DeepGradients) in[1], (double) in[2]));
    }

    private static void activation(String name, Activation g) {
        ENGINE.put("activations/" + name, in -> g.forward((Matrix) in[0]));
        ENGINE.put("activations/" + name + "_backward", in -> g.backward((Matrix) in[0], (Matrix) in[1],
                g.forward((Matrix) in[1])));
    }

    private static void loss(String name, Loss loss) {
        ENGINE.put("losses/" + name, in -> new CostAndGradient(loss.cost((Matrix) in[0], (Matrix) in[1]),
                loss.gradient((Matrix) in[0], (Matrix) in[1])));
    }

    static Stream<String> functions() {
        return Stream.of("activations", "two-layer", "losses", "deep")
                .flatMap(s -> Sets.find(s).functions().stream().map(f -> s + "/" + f.workshopName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void theReferenceSolutionAgreesWithTheEngine(String setAndFunction) throws StudentFailure {
        ExerciseSet set = Sets.find(setAndFunction.substring(0, setAndFunction.indexOf('/')));
        FunctionSpec f = set.function(setAndFunction.substring(setAndFunction.indexOf('/') + 1));
        assertThat(ENGINE).as("the engine's version of " + setAndFunction).containsKey(setAndFunction);
        Object solution = Grader.call(Grading.GRADER.reference(set), f, f.newInputs());
        Object engine = ENGINE.get(setAndFunction).apply(f.newInputs());
        for (Part expected : f.partsOf(engine)) {
            Object actual = f.partsOf(solution).stream().filter(p -> p.name().equals(expected.name())).findFirst()
                    .map(Part::value).orElse(null);
            assertThat(Compare.problem(expected.name(), actual, expected.value(), 0)).as(setAndFunction).isEmpty();
        }
    }
}
