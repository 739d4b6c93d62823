package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The fast backend hands the arrays of a scope's released matrices to the next results of their length
 * ({@link ArrayPool}): only arrays no caller can still read, each once, and training gives the same numbers with the
 * pool empty or full. (The tests run with {@code dev.backprop.cpufast.poisonOutputs}: a reused array starts full of
 * NaN, so a result that reads what its array held before shows.)
 */
class ArrayReuseTests {

    private static final Backend FAST = FastCpuBackend.withThreads(1);
    private static final int N = 2;
    private static final int M = 300;   // 600 elements: long enough for the pool

    private static Matrix ones() {
        return FAST.full(N, M, 1.0);
    }

    /**
     * Runs {@code test} on a thread of its own, whose pool starts empty: other tests in this JVM leave arrays of other
     * lengths in this thread's pool.
     */
    private static void onAFreshThread(Runnable test) {
        CompletableFuture.runAsync(test, runnable -> new Thread(runnable).start()).join();
    }

    @Test
    void aScopesTemporaryArrayGoesToTheNextResultOfItsLength() {
        onAFreshThread(() -> {
            Matrix a = ones();
            Object used;
            try (MatrixScope scope = MatrixScope.open()) {
                used = a.times(2.0).storage();
            }
            try (MatrixScope scope = MatrixScope.open()) {
                Matrix next = a.times(3.0);
                assertThat(next.storage()).isSameAs(used);
                assertThat(next.toArray()).containsOnly(3.0);
            }
        });
    }

    @Test
    void aReleasedMatrixAndItsViewsRefuseToBeRead() {
        Matrix a = ones();
        Matrix temporary;
        Matrix view;
        try (MatrixScope scope = MatrixScope.open()) {
            temporary = a.times(2.0);
            view = temporary.T();
        }
        assertThatThrownBy(() -> temporary.plus(1.0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a (2,300) matrix used after it was released (its MatrixScope closed, or release() was "
                        + "called): keep it with scope.keep(...) to use it later");
        assertThatThrownBy(() -> view.dot(a)).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        assertThatThrownBy(temporary::toArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMatrixMadeOutsideAnyScopeOrKeptOutOfTheOutermostIsTheCallersAndNeverReused() {
        Matrix a = ones();
        Matrix outside = a.times(2.0);
        outside.release();   // as a training loop releases the parameters it replaced
        Matrix kept;
        try (MatrixScope scope = MatrixScope.open()) {
            kept = scope.keep(a.times(4.0));
        }
        kept.release();
        try (MatrixScope scope = MatrixScope.open()) {
            for (int i = 0; i < 2 * ArrayPool.PER_LENGTH; i++) {
                Matrix t = a.times(5.0);
                assertThat(t.storage()).isNotSameAs(outside.storage()).isNotSameAs(kept.storage());
            }
        }
        assertThat(outside.toArray()).containsOnly(2.0);
        assertThat(kept.toArray()).containsOnly(4.0);
    }

    @Test
    void aMatrixKeptIntoAnEnclosingScopeIsReleasedWithItOnce() {
        onAFreshThread(() -> {
            Matrix a = ones();
            Object keptArray;
            try (MatrixScope outer = MatrixScope.open()) {
                Matrix p;
                try (MatrixScope inner = MatrixScope.open()) {
                    p = inner.keep(a.times(2.0));
                }
                assertThat(p.toArray()).as("alive in the enclosing scope").containsOnly(2.0);
                keptArray = p.storage();
                p.release();   // by hand, then again by the outer scope: the array goes to the pool once
            }
            try (MatrixScope scope = MatrixScope.open()) {
                Matrix first = a.times(3.0);
                Matrix second = a.times(4.0);
                assertThat(first.storage()).isSameAs(keptArray);
                assertThat(second.storage()).isNotSameAs(keptArray);
                assertThat(first.toArray()).containsOnly(3.0);
                assertThat(second.toArray()).containsOnly(4.0);
            }
        });
    }

    @Test
    void aMatrixMovedFromTheReferenceBackendInsideAScopeLeavesTheReferencesArrayAlone() {
        Matrix reference = Backends.cpu().full(N, M, 7.0);
        try (MatrixScope scope = MatrixScope.open()) {
            Matrix moved = reference.to(FAST);
            assertThat(moved.storage()).isSameAs(reference.storage());
            moved.times(2.0);
        }
        try (MatrixScope scope = MatrixScope.open()) {
            for (int i = 0; i < 2 * ArrayPool.PER_LENGTH; i++) {
                assertThat(ones().times(5.0).storage()).isNotSameAs(reference.storage());
            }
        }
        assertThat(reference.toArray()).containsOnly(7.0);
        assertThat(reference.to(FAST).toArray()).as("moved again after the scope").containsOnly(7.0);
    }

    @Test
    void aPoolTakesEachLengthUpToItsLimitsAndHandsBackTheNewestFirst() {
        ArrayPool pool = new ArrayPool();
        double[] small = new double[ArrayPool.MIN_LENGTH - 1];
        assertThat(pool.give(small)).as("shorter than the pool keeps").isFalse();
        int length = 1000 + ArrayPool.MIN_LENGTH;   // a length no other test uses
        double[] older = new double[length];
        double[] newer = new double[length];
        assertThat(pool.give(older)).isTrue();
        assertThat(pool.give(newer)).isTrue();
        assertThat(pool.take(length)).isSameAs(newer);
        assertThat(pool.take(length)).isSameAs(older);
        assertThat(pool.take(length)).isNull();
        for (int i = 0; i < ArrayPool.PER_LENGTH; i++) {
            assertThat(pool.give(new double[length])).isTrue();
        }
        assertThat(pool.give(new double[length])).as("one more than a length holds").isFalse();
        for (int i = 0; i < ArrayPool.PER_LENGTH; i++) {
            assertThat(pool.take(length)).isNotNull();
        }
        assertThat(pool.give(new double[(int) (ArrayPool.MAX_BYTES / 8) + 1])).as("more than the pool holds").isFalse();
    }

    @Test
    void aNewLengthTakesThePlaceOfTheLengthUsedLeastRecently() {
        ArrayPool pool = new ArrayPool();
        int first = ArrayPool.MIN_LENGTH;
        for (int k = 0; k < ArrayPool.LENGTHS; k++) {
            assertThat(pool.give(new double[first + k])).isTrue();
        }
        assertThat(pool.take(first)).as("the first length, used again").isNotNull();
        assertThat(pool.give(new double[first])).isTrue();
        assertThat(pool.give(new double[first + ArrayPool.LENGTHS])).as("a seventeenth length").isTrue();
        assertThat(pool.take(first + 1)).as("the length used least recently, dropped").isNull();
        assertThat(pool.take(first)).isNotNull();
        assertThat(pool.take(first + ArrayPool.LENGTHS)).isNotNull();
    }

    @Test
    void keepingAViewKeepsTheMatrixItShares() {
        Matrix a = ones();
        Matrix view;
        try (MatrixScope scope = MatrixScope.open()) {
            view = scope.keep(a.times(2.0).T());
        }
        assertThat(view.toArray()).containsOnly(2.0);
        assertThat(view.T().toArray()).containsOnly(2.0);
    }

    @Test
    void aSmallTemporaryIsReleasedToo() {
        Matrix small;
        try (MatrixScope scope = MatrixScope.open()) {
            small = FAST.full(1, 4, 1.0).times(2.0);
        }
        assertThatThrownBy(small::toArray).isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
    }

    @Test
    void aScopeClosedOnAnotherThreadHandsNothingOn() {
        onAFreshThread(() -> {
            Matrix a = ones();
            MatrixScope scope = MatrixScope.open();
            Matrix temporary = a.times(2.0);
            Object array = temporary.storage();
            CompletableFuture<Void> elsewhere = CompletableFuture.runAsync(scope::close);
            assertThatThrownBy(elsewhere::join).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a thread that did not open it");
            try (MatrixScope next = MatrixScope.open()) {
                assertThat(a.times(3.0).storage()).isNotSameAs(array);
            }
            assertThat(temporary.toArray()).as("still the opening thread's").containsOnly(2.0);
        });
    }

    private static History fit(Backend backend) {
        Dataset planar = PlanarDataset.loadPlanarDataset();
        Matrix X = planar.X().to(backend);
        Matrix Y = planar.Y().to(backend);
        Sequential model = Sequential.of(new Dense(8, new Relu(), Initializer.he()), new Dropout(0.1, 5),
                new Dense(1, new Sigmoid(), Initializer.he())).build(2, 3)
                .compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
        // 300 examples in batches of 64: four full batches and one of 44, so arrays of several lengths come and go
        return model.fit(X.columns(0, 300), Y.columns(0, 300), model.loop().epochs(8).batchSize(64).shuffle(7)
                .l2(0.01).validation(X.columns(300, 400), Y.columns(300, 400)));
    }

    @Test
    void trainingGivesTheSameHistoryWithThePoolEmptyOrFullAndTheReferencesNumbers() {
        History first = fit(FAST);
        History second = fit(FAST);
        History reference = fit(Backends.cpu());
        for (String name : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
            assertThat(second.get(name)).as(name + ", run again").isEqualTo(first.get(name));
            List<Double> expected = reference.get(name);
            List<Double> actual = first.get(name);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("%s after epoch %d", name, i + 1).isCloseTo(expected.get(i), within(1e-9));
            }
        }
    }

    /** Adam, whose parameters come back as NaN while {@code diverge} is set: its state is updated all the same. */
    private static final class DivergingAdam implements Optimizer {
        private final Adam adam = new Adam(0.01);
        boolean diverge;

        @Override
        public String name() {
            return "diverging adam";
        }

        @Override
        public List<Matrix> update(List<Matrix> parameters, List<Matrix> gradients) {
            List<Matrix> updated = adam.update(parameters, gradients);
            return diverge ? updated.stream().map(p -> p.times(Double.NaN)).toList() : updated;
        }

        @Override
        public double learningRate() {
            return adam.learningRate();
        }

        @Override
        public MatrixGroup state() {
            return adam.state();
        }
    }

    @Test
    void anOptimizerKeepsItsStateWhenTheStepAfterItsUpdateFails() {
        Dataset planar = PlanarDataset.loadPlanarDataset();
        Matrix X = planar.X().to(FAST);
        Matrix Y = planar.Y().to(FAST);
        DivergingAdam optimizer = new DivergingAdam();
        Sequential model = Sequential.of(new Dense(4, new Relu(), Initializer.he()),
                new Dense(1, new Sigmoid(), Initializer.he())).build(2, 3).compile(new BinaryCrossEntropy(), optimizer);
        model.fit(X, Y, model.loop().epochs(2).batchSize(100));
        optimizer.diverge = true;
        assertThatThrownBy(() -> model.fit(X, Y, model.loop().epochs(1).batchSize(100)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds NaN");
        optimizer.diverge = false;
        History again = model.fit(X, Y, model.loop().epochs(2).batchSize(100));
        assertThat(again.get("loss")).hasSize(2).allSatisfy(loss -> assertThat(loss).isFinite());
    }
}
