package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What every optimizer here shares: a {@link LearningRateSchedule} followed epoch by epoch, the check that
 * parameters and gradients pair up, and state created on the first call as zeros on the parameters' backend.
 */
abstract class ScheduledOptimizer implements Optimizer {

    private final String name;
    private final LearningRateSchedule schedule;
    private double learningRate;
    private List<Shape> shapes;
    private final List<List<Matrix>> states = new ArrayList<>();

    ScheduledOptimizer(String name, LearningRateSchedule schedule) {
        this.name = name;
        this.schedule = schedule;
        this.learningRate = checkedRate(schedule.learningRate(0));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void startEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException(name + ": epoch must be ≥ 0, got " + epoch);
        }
        learningRate = checkedRate(schedule.learningRate(epoch));
    }

    @Override
    public final List<Matrix> update(List<Matrix> parameters, List<Matrix> gradients) {
        check(parameters, gradients);
        List<Matrix> updated = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            updated.add(step(i, parameters.get(i), gradients.get(i)));
        }
        return updated;
    }

    /** Called once per {@link #update} before the steps, e.g. to count t. */
    void beforeSteps() {
    }

    /** θ_i after one step with gradient g; the optimizer's state for parameter i is updated in place. */
    abstract Matrix step(int i, Matrix theta, Matrix g);

    /** Creates the optimizer's per-parameter state lists (called once, on the first update). */
    abstract void createState(List<Matrix> parameters);

    @Override
    public final MatrixGroup state() {
        List<Matrix> all = new ArrayList<>();
        for (List<Matrix> state : states) {
            all.addAll(state);
        }
        return () -> all;
    }

    /** New state: np.zeros(p.shape) for each parameter, on the parameter's backend. */
    final List<Matrix> zerosLike(List<Matrix> parameters) {
        return fullLike(parameters, 0.0);
    }

    /** New state: np.full(p.shape, value) for each parameter, on the parameter's backend. */
    final List<Matrix> fullLike(List<Matrix> parameters, double value) {
        List<Matrix> state = new ArrayList<>(parameters.size());
        for (Matrix p : parameters) {
            state.add(p.backend().full(p.rows(), p.cols(), value));
        }
        states.add(state);
        return state;
    }

    /** state[i] = next; returns next. (The loop releases the replaced value, see {@link Optimizer#state()}.) */
    static Matrix replace(List<Matrix> state, int i, Matrix next) {
        state.set(i, next);
        return next;
    }

    private void check(List<Matrix> parameters, List<Matrix> gradients) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException(name + ": " + parameters.size() + " parameters but "
                    + gradients.size() + " gradients");
        }
        for (int i = 0; i < parameters.size(); i++) {
            Matrix p = parameters.get(i);
            Matrix g = gradients.get(i);
            if (!p.shape().equals(g.shape())) {
                throw new IllegalArgumentException(name + ": parameter " + i + " has shape " + p.shape().compact()
                        + " but its gradient has shape " + g.shape().compact());
            }
        }
        if (shapes == null) {
            shapes = parameters.stream().map(Matrix::shape).toList();
            createState(parameters);
        } else {
            if (shapes.size() != parameters.size()) {
                throw new IllegalArgumentException(name + ": its state was made for " + shapes.size()
                        + " parameters, now called with " + parameters.size());
            }
            for (int i = 0; i < parameters.size(); i++) {
                if (!shapes.get(i).equals(parameters.get(i).shape())) {
                    throw new IllegalArgumentException(name + ": parameter " + i + " had shape "
                            + shapes.get(i).compact() + " when the state was made, now "
                            + parameters.get(i).shape().compact());
                }
            }
        }
        beforeSteps();
    }

    private double checkedRate(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(name + ": learning rate must be a positive number, got " + rate);
        }
        return rate;
    }
}
