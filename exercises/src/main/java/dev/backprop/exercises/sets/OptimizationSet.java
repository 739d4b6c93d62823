package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Set 6, optimization: the DLS assignment's names and math, graded on a 5-4-3-1 network (the deep set's) with
 * non-zero moving averages. The expected values are checked against numpy in the tests.
 */
final class OptimizationSet {

    private OptimizationSet() {
    }

    static DeepGradients grads() {
        DeepCaches caches = DeepSet.caches();
        return DeepNetwork.lModelBackward(caches.AL(), DeepSet.Y(), caches);
    }

    /** Moving averages drawn with a seed (as after a few steps), non-negative for s. */
    static Moments moments(int seed, boolean squared) {
        DeepParameters p = DeepSet.parameters();
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        for (int l = 1; l <= p.L(); l++) {
            Matrix w = Inputs.randn(seed + l, p.W(l).rows(), p.W(l).cols()).times(0.1);
            Matrix b = Inputs.randn(seed + 10 + l, p.b(l).rows(), 1).times(0.1);
            dW.add(squared ? w.square() : w);
            db.add(squared ? b.square() : b);
        }
        return new Moments(dW, db);
    }

    static List<Part> stepParts(Object value) {
        OptimizerStep step = (OptimizerStep) value;
        List<Part> parts = new ArrayList<>(step.parameters() == null ? List.of(new Part("parameters", null))
                : DeepSet.parameterParts(step.parameters()));
        parts.addAll(momentParts("v", step.v()));
        if (step.s() != null) {
            parts.addAll(momentParts("s", step.s()));
        }
        return parts;
    }

    static List<Part> momentParts(String name, Moments m) {
        List<Part> parts = new ArrayList<>();
        if (m == null) {
            parts.add(new Part(name, null));
            return parts;
        }
        for (int l = 1; l <= Math.max(m.dW().size(), 3); l++) {
            parts.add(new Part(name + "[\"dW" + l + "\"]", l <= m.dW().size() ? m.dW().get(l - 1) : null));
            parts.add(new Part(name + "[\"db" + l + "\"]", l <= m.db().size() ? m.db().get(l - 1) : null));
        }
        return parts;
    }

    static ExerciseSet set() {
        return new ExerciseSet(6, "optimization", "Optimization", "OptimizationExercise",
                "Mini-batch gradient descent, momentum, Adam and learning-rate decay, as in the optimizers table of"
                        + " the Introduction to Deep Learning deck (names and math of the DLS assignment).",
                List.of(randomMiniBatches(), initializeVelocity(), momentum(), adam(), updateLr(), scheduleLrDecay()));
    }

    private static FunctionSpec randomMiniBatches() {
        return FunctionSpec.of("random_mini_batches", "randomMiniBatches")
                .task("Shuffle the examples (X and Y with the same permutation, seeded), then cut them into"
                        + " mini-batches of mini_batch_size columns; the last one may be smaller.")
                .formula("permutation = np.random.permutation(m)      after np.random.seed(seed)\n"
                        + "shuffled_X = X[:, permutation],  shuffled_Y = Y[:, permutation]\n"
                        + "mini-batch k = columns k·size .. (k+1)·size − 1;  the last: the m mod size left over")
                .inputs(List.of("X", "Y", "mini_batch_size", "seed"), () -> new Object[] {
                        Inputs.randn(3, 2, 10), Inputs.labels(4, 10), 4, 0})
                .parts(OptimizationSet::batchParts)
                .mistake("the examples were not shuffled: apply the permutation to the columns of X and Y first",
                        in -> batches((Matrix) in[0], (Matrix) in[1], 4, true))
                .mistake("the last, smaller mini-batch was dropped: the m mod size examples left over form one more",
                        in -> batches(shuffled((Matrix) in[0]), shuffled((Matrix) in[1]), 4, false))
                .hints("Shuffle once, with one permutation for both X and Y, so each example keeps its label.",
                        "⌊m / size⌋ complete mini-batches, then one more if m is not a multiple of size.",
                        "The given columnsAt shuffles the columns; A.columns(from, to) cuts.");
    }

    private static Matrix shuffled(Matrix A) {
        int[] permutation = new dev.backprop.core.random.NumpyRandom(0).permutation(A.cols());
        double[][] a = A.toArray2D();
        double[][] out = new double[A.rows()][A.cols()];
        for (int i = 0; i < A.rows(); i++) {
            for (int j = 0; j < A.cols(); j++) {
                out[i][j] = a[i][permutation[j]];
            }
        }
        return Matrix.of(out);
    }

    private static List<MiniBatch> batches(Matrix X, Matrix Y, int size, boolean keepLast) {
        List<MiniBatch> out = new ArrayList<>();
        int m = X.cols();
        for (int k = 0; k < m / size; k++) {
            out.add(new MiniBatch(X.columns(k * size, (k + 1) * size), Y.columns(k * size, (k + 1) * size)));
        }
        if (keepLast && m % size != 0) {
            out.add(new MiniBatch(X.columns(m / size * size, m), Y.columns(m / size * size, m)));
        }
        return out;
    }

    private static List<Part> batchParts(Object value) {
        @SuppressWarnings("unchecked")
        List<MiniBatch> batches = (List<MiniBatch>) value;
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("the number of mini-batches", batches.size()));
        for (int k = 0; k < batches.size(); k++) {
            parts.add(new Part("mini_batch_X[" + k + "]", batches.get(k).X()));
            parts.add(new Part("mini_batch_Y[" + k + "]", batches.get(k).Y()));
        }
        return parts;
    }

    private static FunctionSpec initializeVelocity() {
        return FunctionSpec.of("initialize_velocity", "initializeVelocity")
                .task("Zeros with the shape of each parameter: v[\"dW\" + l] like W^[l], v[\"db\" + l] like b^[l].")
                .formula("v[\"dW\" + l] = np.zeros(W^[l].shape)\nv[\"db\" + l] = np.zeros(b^[l].shape)")
                .inputs(List.of("parameters"), () -> new Object[] {DeepSet.parameters()})
                .parts(v -> momentParts("v", (Moments) v))
                .mistake("v was copied from the parameters: a moving average starts at zero",
                        in -> new Moments(((DeepParameters) in[0]).weights(), ((DeepParameters) in[0]).biases()))
                .hints("One zero matrix per parameter, layer by layer.",
                        "Matrix.zeros(rows, cols) with the shape of W^[l] and of b^[l].");
    }

    static OptimizerStep momentumStep(DeepParameters p, DeepGradients g, Moments v, double beta, double lr,
                                      double gradientWeight, boolean stepWithGradient) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Matrix> vdW = new ArrayList<>();
        List<Matrix> vdb = new ArrayList<>();
        for (int l = 1; l <= p.L(); l++) {
            vdW.add(v.dW().get(l - 1).times(beta).plus(g.dW(l).times(gradientWeight)));
            vdb.add(v.db().get(l - 1).times(beta).plus(g.db(l).times(gradientWeight)));
            W.add(p.W(l).minus((stepWithGradient ? g.dW(l) : vdW.get(l - 1)).times(lr)));
            b.add(p.b(l).minus((stepWithGradient ? g.db(l) : vdb.get(l - 1)).times(lr)));
        }
        return new OptimizerStep(new DeepParameters(W, b), new Moments(vdW, vdb), null);
    }

    private static FunctionSpec momentum() {
        return FunctionSpec.of("update_parameters_with_momentum", "updateParametersWithMomentum")
                .task("Update each velocity as an exponentially weighted average of the gradients, then step the"
                        + " parameters along the velocity.")
                .formula("v_dW = β v_dW + (1 − β) dW,    W = W − α v_dW\nv_db = β v_db + (1 − β) db,    b = b − α v_db")
                .inputs(List.of("parameters", "grads", "v", "beta", "learning_rate"), () -> new Object[] {
                        DeepSet.parameters(), grads(), moments(40, false), 0.9, 0.01})
                .parts(OptimizationSet::stepParts)
                .mistake("the (1 − β) is missing: v = β v + (1 − β) dW",
                        in -> momentumStep((DeepParameters) in[0], (DeepGradients) in[1], (Moments) in[2], 0.9, 0.01,
                                1.0, false))
                .mistake("the parameters stepped along the gradient: with momentum they step along v",
                        in -> momentumStep((DeepParameters) in[0], (DeepGradients) in[1], (Moments) in[2], 0.9, 0.01,
                                0.1, true))
                .hints("First the new v for each parameter, then the step uses that new v.",
                        "β weighs the old velocity, (1 − β) the new gradient.");
    }

    static OptimizerStep adamStep(DeepParameters p, DeepGradients g, Moments v, Moments s, int t, double lr,
                                  double beta1, double beta2, double epsilon, boolean correct) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Matrix> vdW = new ArrayList<>();
        List<Matrix> vdb = new ArrayList<>();
        List<Matrix> sdW = new ArrayList<>();
        List<Matrix> sdb = new ArrayList<>();
        double c1 = correct ? 1 - Math.pow(beta1, t) : 1;
        double c2 = correct ? 1 - Math.pow(beta2, t) : 1;
        for (int l = 1; l <= p.L(); l++) {
            vdW.add(v.dW().get(l - 1).times(beta1).plus(g.dW(l).times(1 - beta1)));
            vdb.add(v.db().get(l - 1).times(beta1).plus(g.db(l).times(1 - beta1)));
            sdW.add(s.dW().get(l - 1).times(beta2).plus(g.dW(l).square().times(1 - beta2)));
            sdb.add(s.db().get(l - 1).times(beta2).plus(g.db(l).square().times(1 - beta2)));
            W.add(p.W(l).minus(vdW.get(l - 1).div(c1).div(sdW.get(l - 1).div(c2).sqrt().plus(epsilon)).times(lr)));
            b.add(p.b(l).minus(vdb.get(l - 1).div(c1).div(sdb.get(l - 1).div(c2).sqrt().plus(epsilon)).times(lr)));
        }
        return new OptimizerStep(new DeepParameters(W, b), new Moments(vdW, vdb), new Moments(sdW, sdb));
    }

    private static FunctionSpec adam() {
        return FunctionSpec.of("update_parameters_with_adam", "updateParametersWithAdam")
                .task("Update the first moment v and the second moment s of every gradient, correct their bias"
                        + " for step t, and step each parameter by α v̂ / (√ŝ + ε).")
                .formula("v = β₁ v + (1 − β₁) g,     v̂ = v / (1 − β₁ᵗ)\ns = β₂ s + (1 − β₂) g²,    ŝ = s / (1 − β₂ᵗ)\n"
                        + "θ = θ − α v̂ / (√ŝ + ε)")
                .inputs(List.of("parameters", "grads", "v", "s", "t", "learning_rate", "beta1", "beta2", "epsilon"),
                        () -> new Object[] {DeepSet.parameters(), grads(), moments(50, false), moments(60, true), 2,
                                0.01, 0.9, 0.999, 1e-8})
                .parts(OptimizationSet::stepParts)
                .mistake("the bias correction is missing: divide v by (1 − β₁ᵗ) and s by (1 − β₂ᵗ) before the step",
                        in -> adamStep((DeepParameters) in[0], (DeepGradients) in[1], (Moments) in[2],
                                (Moments) in[3], 2, 0.01, 0.9, 0.999, 1e-8, false))
                .hints("Four moving averages per layer (v and s for dW and db), then the two steps.",
                        "s averages the squared gradient (element by element); the corrections use t, the step"
                                + " number.",
                        "The returned v and s are the uncorrected ones; only the step uses v̂ and ŝ.");
    }

    private static FunctionSpec updateLr() {
        return FunctionSpec.of("update_lr", "updateLr")
                .task("Decay the learning rate with the epoch number.")
                .formula("α = α₀ / (1 + decay_rate · epoch_num)")
                .inputs(List.of("learning_rate0", "epoch_num", "decay_rate"), () -> new Object[] {0.5, 2, 1.0})
                .parts(v -> Part.of(v, "learning_rate"))
                .mistake("α₀ was multiplied by (1 + decay_rate · epoch_num): it is divided by it", in -> 0.5 * 3)
                .hints("One line; the rate falls as the epochs go by.", "At epoch 0 the rate is α₀.");
    }

    private static FunctionSpec scheduleLrDecay() {
        return FunctionSpec.of("schedule_lr_decay", "scheduleLrDecay")
                .task("The same decay, but only every time_interval epochs.")
                .formula("α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋)")
                .inputs(List.of("learning_rate0", "epoch_num", "decay_rate", "time_interval"),
                        () -> new Object[] {0.5, 100, 0.3, 30})
                .parts(v -> Part.of(v, "learning_rate"))
                .mistake("epoch_num / time_interval was not rounded down: the rate changes in steps, every"
                        + " time_interval epochs", in -> 0.5 / (1 + 0.3 * 100.0 / 30))
                .hints("Like update_lr with ⌊epoch_num / time_interval⌋ in place of epoch_num.",
                        "Integer division of two ints rounds down; with doubles use Math.floor.");
    }
}
