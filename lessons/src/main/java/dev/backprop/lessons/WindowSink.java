package dev.backprop.lessons;

import java.awt.GraphicsEnvironment;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.internal.chartpart.Chart;

/** Shows each plot in its own XChart window ({@code --show}); only where a display exists. */
public final class WindowSink implements LessonSink {

    /** Whether windows can be opened here. */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        show(plot.chart());
    }

    private static <C extends Chart<?, ?>> void show(C chart) {
        new SwingWrapper<>(chart).displayChart();
    }
}
