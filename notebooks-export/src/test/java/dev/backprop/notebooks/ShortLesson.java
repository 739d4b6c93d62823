package dev.backprop.notebooks;

import dev.backprop.lessons.Charts;
import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonLog;
import org.knowm.xchart.XYChart;

/** A lesson that is not one of the workshop's: three short steps that print, plot, time and stay silent. */
final class ShortLesson implements Lesson {

    @Override
    public int number() {
        return 42;
    }

    @Override
    public String name() {
        return "short";
    }

    @Override
    public String title() {
        return "A short lesson";
    }

    @Override
    public void run(LessonLog log) {
        log.step("Print, plot, print", """
                Squares: $y = x^2$.
                """);
        log.println("one");
        log.println("two");
        XYChart squares = Charts.xy("Squares", "x", "y");
        squares.addSeries("x²", new double[] {0, 1, 2, 3}, new double[] {0, 1, 4, 9});
        log.plot("squares", squares);
        log.printf("three = %d", square(3) - 6);

        log.step("A timing", """
                How long it took.
                """);
        log.elapsed("3 iterations on cpu", 0.25);

        log.step("Silence", """
                This step prints nothing.
                """);
        int nothing = 0;
        nothing++;
    }

    /** x squared, a helper the steps call. */
    private static int square(int x) {
        return x * x;
    }
}
