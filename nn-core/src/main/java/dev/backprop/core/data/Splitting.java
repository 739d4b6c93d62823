package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Train/validation/test splits by fractions, as the <i>Multi-layer Perceptron</i> deck's pie (70 / 20 / 10),
 * seeded: the examples are shuffled with {@code np.random.seed(seed); np.random.permutation(m)} and cut in that
 * order. Stratified, each class is shuffled and cut on its own, so every part keeps the class proportions.
 */
public final class Splitting {

    private Splitting() {
    }

    /** The three parts. */
    public record Parts(LabeledData train, LabeledData validation, LabeledData test) {
    }

    /**
     * Splits {@code data} into train, validation and test by the fractions (which must add up to 1); each part
     * gets {@code round(fraction·m)} examples, the test part the rest.
     */
    public static Parts split(LabeledData data, double train, double validation, double test, int seed,
            boolean stratified) {
        checkFractions(train, validation, test);
        NumpyRandom random = new NumpyRandom(seed);
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        if (stratified) {
            for (int k = 0; k < data.classes(); k++) {
                int klass = k;
                int[] members = java.util.stream.IntStream.range(0, data.m())
                        .filter(i -> data.labels()[i] == klass).toArray();
                cut(members, random.permutation(members.length), train, validation, a, b, c);
            }
        } else {
            int[] all = java.util.stream.IntStream.range(0, data.m()).toArray();
            cut(all, random.permutation(data.m()), train, validation, a, b, c);
        }
        return new Parts(data.select(sorted(a, stratified)), data.select(sorted(b, stratified)),
                data.select(sorted(c, stratified)));
    }

    /** The parts of a regression: one shuffle of all the examples (there are no classes to stratify by). */
    public record RegressionParts(RegressionData train, RegressionData validation, RegressionData test) {
    }

    /** Splits a regression's examples as {@link #split(LabeledData, double, double, double, int, boolean)} does. */
    public static RegressionParts split(RegressionData data, double train, double validation, double test,
            int seed) {
        checkFractions(train, validation, test);
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        int[] all = java.util.stream.IntStream.range(0, data.m()).toArray();
        cut(all, new NumpyRandom(seed).permutation(data.m()), train, validation, a, b, c);
        return new RegressionParts(data.select(sorted(a, false)), data.select(sorted(b, false)),
                data.select(sorted(c, false)));
    }

    private static void checkFractions(double train, double validation, double test) {
        if (!(train >= 0 && validation >= 0 && test >= 0 && Math.abs(train + validation + test - 1) <= 1e-9)) {
            throw new IllegalArgumentException("split: fractions " + train + ", " + validation + ", " + test
                    + " must be ≥ 0 and add up to 1");
        }
    }

    private static void cut(int[] members, int[] permutation, double train, double validation, List<Integer> a,
            List<Integer> b, List<Integer> c) {
        int n = members.length;
        int nTrain = (int) Math.round(train * n);
        int nValidation = Math.min(n - nTrain, (int) Math.round(validation * n));
        for (int j = 0; j < n; j++) {
            int i = members[permutation[j]];
            (j < nTrain ? a : j < nTrain + nValidation ? b : c).add(i);
        }
    }

    /** Stratified parts would otherwise be ordered by class; they keep the shuffled order within a class only. */
    private static int[] sorted(List<Integer> indices, boolean stratified) {
        int[] out = indices.stream().mapToInt(Integer::intValue).toArray();
        if (stratified) {
            Arrays.sort(out);
        }
        return out;
    }
}
