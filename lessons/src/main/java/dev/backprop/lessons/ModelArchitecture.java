package dev.backprop.lessons;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.DataFileException;
import dev.backprop.core.data.ModelFile;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.train.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a {@link Sequential} model as the JSON text a saved model keeps beside its arrays
 * ({@link ModelFile#ARCHITECTURE}), so {@code --load} rebuilds the same stack and Python can read it with
 * {@code json.loads(np.load("model.npz")["architecture.json"])}:
 * <pre>
 * {"format":"backprop-workshop/sequential","version":1,"inputs":784,
 *  "layers":[{"type":"Dense","units":128,"activation":"relu"},{"type":"Dense","units":10,"activation":"softmax"}],
 *  "loss":"categorical_crossentropy","normalize":"standard","classes":["0","1",…]}
 * </pre>
 * The layers' weights are the arrays {@code W1, b1, W2, b2, …} of the same file ({@link Sequential#namedParameters}).
 *
 * @param normalize the {@code --normalize} kind the model was trained with (its statistics come again from the
 *                  training split of the same data set), or null
 * @param classes   the class names of a classifier, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelArchitecture(String format, int version, int inputs, List<LayerSpec> layers, String loss,
        String normalize, List<String> classes) {

    /** The value of {@code format}, so a foreign {@code architecture.json} is recognised as such. */
    public static final String FORMAT = "backprop-workshop/sequential";

    /** One layer: a dense layer's units and activation (and its α for leaky_relu and elu), or a dropout rate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayerSpec(String type, Integer units, String activation, Double alpha, Double rate) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The architecture of a built model. */
    public static ModelArchitecture of(Sequential model, String normalize, List<String> classes) {
        List<LayerSpec> specs = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense dense) {
                Activation g = dense.activation();
                Double alpha = g instanceof LeakyRelu r ? Double.valueOf(r.alpha())
                        : g instanceof Elu e ? Double.valueOf(e.alpha()) : null;
                specs.add(new LayerSpec("Dense", dense.units(), activationName(g), alpha, null));
            } else if (layer instanceof Dropout dropout) {
                specs.add(new LayerSpec("Dropout", null, null, null, dropout.rate()));
            } else {
                throw new IllegalArgumentException("save: a " + layer.type() + " layer cannot be saved yet; dense"
                        + " and dropout layers can");
            }
        }
        // the class weights shape training only; a saved model is evaluated with its plain loss
        Loss loss = model.loss() instanceof ClassWeightedLoss weighted ? weighted.unweighted() : model.loss();
        return new ModelArchitecture(FORMAT, 1, model.inputSize(), specs, loss.toString(), normalize, classes);
    }

    /** The JSON text, one line. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("architecture: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads and checks the architecture of a saved model.
     *
     * @param file the model file, for the messages
     * @throws DataFileException when the text is not such an architecture, naming what is wrong
     */
    public static ModelArchitecture fromJson(String text, String file) throws DataFileException {
        String where = "entry " + ModelFile.ARCHITECTURE;
        if (text.isEmpty()) {
            throw new DataFileException(file, where, "expected the model's architecture, found none (an .npz of"
                    + " parameters only cannot be rebuilt into a model)");
        }
        ModelArchitecture a;
        try {
            a = JSON.readValue(text, ModelArchitecture.class);
        } catch (JsonProcessingException e) {
            throw new DataFileException(file, where + ", line " + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr(), "expected the architecture JSON: " + plain(e), e);
        }
        if (!FORMAT.equals(a.format) || a.version != 1) {
            throw new DataFileException(file, where, "expected format " + FORMAT + " version 1, found " + a.format
                    + " version " + a.version);
        }
        if (a.inputs < 1 || a.layers == null || a.layers.isEmpty()) {
            throw new DataFileException(file, where, "expected inputs ≥ 1 and at least one layer, found inputs "
                    + a.inputs + " and " + (a.layers == null ? 0 : a.layers.size()) + " layers");
        }
        if (loss(a.loss) == null) {
            throw new DataFileException(file, where, "unknown loss '" + a.loss + "'");
        }
        for (int l = 0; l < a.layers.size(); l++) {
            LayerSpec s = a.layers.get(l);
            boolean dense = "Dense".equals(s.type) && s.units != null && s.units >= 1
                    && activation(s.activation, s.alpha) != null;
            boolean dropout = "Dropout".equals(s.type) && s.rate != null && s.rate >= 0 && s.rate < 1;
            if (!dense && !dropout) {
                throw new DataFileException(file, where + ", layer " + (l + 1), "expected a Dense layer (units ≥ 1,"
                        + " a known activation) or a Dropout layer (rate in [0, 1)), found " + json(s));
            }
        }
        return a;
    }

    /** Jackson's message without the parts about Java: the source it read and the chain of Java fields. */
    private static String plain(JsonProcessingException e) {
        return e.getOriginalMessage().replaceAll("\\s*\\(through reference chain:.*", "")
                .replaceAll("\\s*(at )?\\[Source: .*", "")
                .replaceAll("\\s*\\(class dev\\.backprop\\.[^)]*\\)", "")
                .replaceAll("value of type `java\\.lang\\.(Integer|Long)`|`java\\.lang\\.(Integer|Long)` value",
                        "whole number")
                .replaceAll("value of type `java\\.lang\\.Double`|`java\\.lang\\.Double` value", "number")
                .replaceAll("value of type `java\\.lang\\.String`", "text").strip();
    }

    /** A layer as the JSON it came from, nulls left out. */
    private static String json(LayerSpec s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            return String.valueOf(s);
        }
    }

    /** The model, built for {@link #inputs} rows (its weights drawn with {@code seed}, to be replaced by the saved ones). */
    public Sequential toModel(int seed) {
        List<Layer> stack = new ArrayList<>();
        for (LayerSpec s : layers) {
            stack.add("Dense".equals(s.type) ? new Dense(s.units, activation(s.activation, s.alpha))
                    : new Dropout(s.rate, seed));
        }
        return Sequential.of(stack.toArray(Layer[]::new)).build(inputs, seed);
    }

    /** The loss by its Keras name (or its short form), null when unknown. */
    static Loss loss(String name) {
        return name == null ? null : switch (name) {
            case "binary_crossentropy", "bce" -> new BinaryCrossEntropy();
            case "categorical_crossentropy", "cce" -> new CategoricalCrossEntropy();
            case "sparse_categorical_crossentropy", "scce" -> new SparseCategoricalCrossEntropy();
            case "mse", "mean_squared_error" -> new MeanSquaredError();
            case "mae", "mean_absolute_error" -> new MeanAbsoluteError();
            case "hinge" -> new Hinge();
            default -> null;
        };
    }

    /** The activation by its Keras name, with α for leaky_relu and elu (null: their default); null when unknown. */
    static Activation activation(String name, Double alpha) {
        return name == null ? null : switch (name) {
            case "relu" -> new Relu();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            case "leaky_relu" -> alpha == null ? new LeakyRelu() : new LeakyRelu(alpha);
            case "elu" -> alpha == null ? new Elu() : new Elu(alpha);
            case "linear" -> new Linear();
            case "softmax" -> new Softmax();
            default -> null;
        };
    }

    private static String activationName(Activation g) {
        String name = g.toString();
        int paren = name.indexOf('(');
        return paren < 0 ? name : name.substring(0, paren);
    }
}
