package dev.backprop.lessons;

import java.util.List;
import java.util.Optional;

/** Every lesson of the workshop, in order. */
public final class Lessons {

    private Lessons() {
    }

    public static List<Lesson> all() {
        return List.of(
                new TensorsLesson(),
                new NeuronLesson(),
                new ForwardLesson(),
                new LinearRegressionLesson(),
                new PlanarLesson(),
                new DeepLesson(),
                new OpenClLesson(),
                new MatmulLesson(),
                new LossesLesson(),
                new GradientDescentLesson(),
                new BackpropagationLesson(),
                new InitializationLesson(),
                new OptimizersLesson(),
                new RegularizationLesson(),
                new EvaluationLesson(),
                new MnistLesson(),
                new KerasLesson(),
                new PlaygroundLesson(),
                new HousePricesLesson());
    }

    /** The lesson with this number or name, e.g. {@code 5} or {@code planar}. */
    public static Optional<Lesson> find(String numberOrName) {
        return all().stream()
                .filter(l -> l.name().equals(numberOrName) || String.valueOf(l.number()).equals(numberOrName))
                .findFirst();
    }
}
