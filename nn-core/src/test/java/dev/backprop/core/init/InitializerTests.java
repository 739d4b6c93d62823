package dev.backprop.core.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.Initialization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every initializer against numpy after {@code np.random.seed(3)}, layer by layer (scripts/optim_reference.py). */
class InitializerTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/initialization.txt");

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (int[] dims : new int[][] {{3, 2, 1}, {2, 4, 1}, {2, 10, 5, 1}}) {
            all.add(Arguments.of("zeros", Initializer.zeros(), dims));
            all.add(Arguments.of("random_0.01", Initializer.random(RandomNormal.SMALL), dims));
            all.add(Arguments.of("random_10", Initializer.random(RandomNormal.LARGE), dims));
            all.add(Arguments.of("he", Initializer.he(), dims));
            all.add(Arguments.of("xavier", Initializer.xavier(), dims));
            all.add(Arguments.of("glorot_normal", Initializer.glorotNormal(), dims));
            all.add(Arguments.of("glorot_uniform", Initializer.glorotUniform(), dims));
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void drawsTheWeightsNumpyDraws(String name, Initializer initializer, int[] dims) {
        List<Matrix> parameters = initializer.initializeParameters(dims, 3);
        String tag = String.join("_", Arrays.stream(dims).mapToObj(Integer::toString).toList());
        assertThat(parameters).hasSize(2 * (dims.length - 1));
        for (int l = 1; l < dims.length; l++) {
            Matrix W = parameters.get(2 * (l - 1));
            Matrix b = parameters.get(2 * (l - 1) + 1);
            // randn goes through log and sqrt, which may differ from C's in the last bit
            assertThat(Reference.maxUlps(W, REF.matrix(name + "_" + tag + "_W" + l))).as("W" + l).isLessThanOrEqualTo(2);
            assertThat(b).as("b" + l).isEqualTo(REF.matrix(name + "_" + tag + "_b" + l));
        }
    }

    @Test
    void dlsHeTestCaseStartsWithItsPublishedWeight() {
        // DLS initialize_parameters_he([2, 4, 1]): W1[0][0] = 1.78862847
        assertThat(Initializer.he().initializeParameters(new int[] {2, 4, 1}, 3).get(0).get(0, 0))
                .isCloseTo(1.78862847, within(5e-9));
    }

    @Test
    void namesGiveTheInitializersAndTheDeepNetworkEnumsDraws() {
        assertThat(Initializer.named("large")).isEqualTo(new RandomNormal(10));
        assertThat(Initializer.named("glorot-uniform")).isEqualTo(new GlorotUniform());
        assertThatThrownBy(() -> Initializer.named("lecun")).hasMessageContaining("unknown initialization 'lecun'");
        // DeepNetwork.Initialization draws randn · scale(n_prev) layer by layer from seed 3: the same weights
        int[] dims = {4, 6, 3, 1};
        Architecture dls = Architecture.dls(dims);
        for (var pair : List.of(
                Map.entry(Initialization.HE, Initializer.he()),
                Map.entry(Initialization.XAVIER, Initializer.xavier()),
                Map.entry(Initialization.SMALL_RANDOM,
                        Initializer.named("random")),
                Map.entry(Initialization.ZEROS, Initializer.zeros()))) {
            assertThat(Initializer.named(pair.getValue().name()).initializeParameters(dims, 3)).as(pair.getKey().name())
                    .isEqualTo(DeepNetwork.initializeParametersDeep(dls, pair.getKey(), 3)
                            .matrices());
        }
    }

    @Test
    void badSizesAreRejectedWithTheLayers() {
        assertThatThrownBy(() -> Initializer.he().initializeParameters(new int[] {2, 0, 1}, 3))
                .hasMessageContaining("he initialization").hasMessageContaining("[2, 0, 1]");
        assertThatThrownBy(() -> Initializer.random(0)).hasMessageContaining("scale");
    }
}
