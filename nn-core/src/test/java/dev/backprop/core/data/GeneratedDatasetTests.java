package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated data sets against scripts/datasets_reference.py: scikit-learn's make_moons, make_circles and
 * make_blobs (called with numpy's global generator seeded as below), scikit-learn's XOR example, and the TensorFlow
 * Playground's generators. The labels and the order of the points are equal; the coordinates go through sin, cos,
 * log and sqrt, where Java and the C library may round the last bit differently, so they agree to 1e-14.
 */
class GeneratedDatasetTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/data/datasets.txt");

    static Stream<Arguments> scikitLearn() {
        return Stream.of(
                Arguments.of("moons_300_noise02_seed3", (Supplier<Dataset>) () -> Moons.makeMoons(300, 0.2,
                        new NumpyRandom(3))),
                Arguments.of("moons_7_seed0", (Supplier<Dataset>) () -> Moons.makeMoons(7, 0, new NumpyRandom(0))),
                Arguments.of("circles_300_noise005_seed1", (Supplier<Dataset>) () -> Circles.makeCircles(300, 0.05,
                        new NumpyRandom(1))),
                Arguments.of("circles_101_noise01_factor05_seed2", (Supplier<Dataset>) () -> Circles.makeCircles(101,
                        true, 0.1, 0.5, new NumpyRandom(2))),
                Arguments.of("blobs_100_seed0", (Supplier<Dataset>) () -> Blobs.makeBlobs(100, 3, 1.0,
                        new NumpyRandom(0))),
                Arguments.of("blobs_50_4centers_std05_seed7", (Supplier<Dataset>) () -> Blobs.makeBlobs(50, 4, 0.5,
                        new NumpyRandom(7))),
                Arguments.of("xor_200_seed1", (Supplier<Dataset>) () -> Xor.gaussian(200, new NumpyRandom(1))));
    }

    private static void assertSame(Dataset actual, String name) {
        Matrix X = REF.matrix(name + "_X");
        assertThat(actual.Y()).as(name + " labels").isEqualTo(REF.matrix(name + "_Y"));
        assertThat(actual.X().shape()).as(name + " X shape").isEqualTo(X.shape());
        assertThat(actual.X().minus(X).abs().max()).as(name + " largest |x − x_numpy|").isLessThan(1e-14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scikitLearn")
    void scikitLearnsPointsForTheSameSeed(String name, Supplier<Dataset> make) {
        assertSame(make.get(), name);
    }

    static Stream<Arguments> playground() {
        return Stream.of(
                Arguments.of("playground_circle", Playground.CIRCLE, 200, 0.1, 0.5, 1),
                Arguments.of("playground_xor", Playground.XOR, 200, 0.1, 0.5, 2),
                Arguments.of("playground_gauss", Playground.GAUSSIAN, 200, 0.2, 0.7, 3),
                Arguments.of("playground_spiral", Playground.SPIRAL, 200, 0.15, 0.5, 4),
                Arguments.of("playground_circle_odd", Playground.CIRCLE, 51, 0.0, 0.8, 5),
                Arguments.of("playground_spiral_odd", Playground.SPIRAL, 51, 0.0, 0.6, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playground")
    void playgroundPointsAndSplitFollowItsGenerators(String name, Playground dataset, int n, double noise,
                                                     double ratio, int seed) {
        Playground.Split split = dataset.split(n, noise, ratio, new NumpyRandom(seed));
        assertSame(split.train(), name + "_train");
        assertSame(split.test(), name + "_test");
    }

    @Test
    void dlsMoonsHaveThreeHundredPointsInTwoEqualClasses() {
        Dataset moons = Moons.makeMoons(300, 0.2, new NumpyRandom(3));
        assertThat(moons.X().shape().compact()).isEqualTo("(2,300)");
        assertThat(moons.Y().sum()).isEqualTo(150);
    }

    @Test
    void theTruthTableIsTheDecksXor() {
        Dataset xor = Xor.truthTable();
        assertThat(xor.Y()).isEqualTo(Matrix.row(0, 1, 1, 0));
        assertThat(xor.X()).isEqualTo(Matrix.of(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}}));
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Moons.makeMoons(0, 0.1, new NumpyRandom(0))).hasMessageContaining(
                "make_moons: n_samples must be ≥ 1, got 0");
        assertThatThrownBy(() -> Circles.makeCircles(10, true, 0.1, 1.0, new NumpyRandom(0))).hasMessageContaining(
                "make_circles: factor must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Playground.SPIRAL.split(10, -1, 0.5, new NumpyRandom(0))).hasMessageContaining(
                "playground spiral: noise must be ≥ 0, got -1.0");
        assertThatThrownBy(() -> Playground.XOR.split(10, 0.1, 1.0, new NumpyRandom(0))).hasMessageContaining(
                "train ratio must be in (0, 1), got 1.0");
    }
}
