package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import java.util.List;
import java.util.Map;

/** Runs a lesson into a set of sinks and tells each sink when it starts and ends. */
public final class LessonRunner {

    private LessonRunner() {
    }

    /**
     * Runs {@code lesson}; returns normally or rethrows what the lesson threw, after every sink was told.
     */
    public static void run(Lesson lesson, List<LessonSink> sinks, Backend backend) throws Exception {
        run(lesson, sinks, backend, Map.of());
    }

    /** As {@link #run(Lesson, List, Backend)}, passing {@code options} to the lesson ({@link LessonLog#option}). */
    public static void run(Lesson lesson, List<LessonSink> sinks, Backend backend, Map<String, String> options)
            throws Exception {
        for (LessonSink sink : sinks) {
            sink.lessonStarted(lesson);
        }
        try {
            lesson.run(new LessonLog(lesson, sinks, backend, options));
        } catch (Exception | Error e) {
            for (LessonSink sink : sinks) {
                sink.lessonFinished(lesson, e);
            }
            throw e;
        }
        for (LessonSink sink : sinks) {
            sink.lessonFinished(lesson, null);
        }
    }

    /**
     * Runs {@code lesson} up to step {@code onlyStep} and stops there; the sinks see only that step (the ones before
     * it run, since it builds on them, but print and plot nothing). For presenting one step: {@code --step N}.
     */
    public static void run(Lesson lesson, List<LessonSink> sinks, Backend backend, int onlyStep) throws Exception {
        run(lesson, sinks, backend, onlyStep, Map.of());
    }

    /** As {@link #run(Lesson, List, Backend, int)}, passing {@code options} to the lesson. */
    public static void run(Lesson lesson, List<LessonSink> sinks, Backend backend, int onlyStep,
            Map<String, String> options) throws Exception {
        try {
            run(lesson, List.of(new OneStep(onlyStep, sinks)), backend, options);
        } catch (StepReached done) {
            // the lesson went past the step: it is finished as far as the sinks know
        }
    }

    /** Thrown where the step after the one shown begins, to stop the lesson there. */
    private static final class StepReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepReached() {
            super(null, null, false, false);
        }
    }

    /** Passes on the events of one step only (and the lesson's start and end); stops the lesson after that step. */
    private static final class OneStep implements LessonSink {

        private final int shown;
        private final List<LessonSink> sinks;
        private int current;

        OneStep(int shown, List<LessonSink> sinks) {
            this.shown = shown;
            this.sinks = List.copyOf(sinks);
        }

        private boolean showing() {
            return current == shown;
        }

        @Override
        public void lessonStarted(Lesson lesson) {
            sinks.forEach(s -> s.lessonStarted(lesson));
        }

        @Override
        public void stepStarted(Lesson lesson, Step step) {
            if (step.index() > shown) {
                for (LessonSink sink : sinks) {
                    sink.lessonFinished(lesson, null);
                }
                throw new StepReached();
            }
            current = step.index();
            if (showing()) {
                sinks.forEach(s -> s.stepStarted(lesson, step));
            }
        }

        @Override
        public void text(String text) {
            if (showing()) {
                sinks.forEach(s -> s.text(text));
            }
        }

        @Override
        public void plot(Lesson lesson, Step step, Plot plot) {
            if (showing()) {
                sinks.forEach(s -> s.plot(lesson, step, plot));
            }
        }

        @Override
        public void elapsed(String what, double seconds) {
            if (showing()) {
                sinks.forEach(s -> s.elapsed(what, seconds));
            }
        }

        @Override
        public void measured(String text) {
            if (showing()) {
                sinks.forEach(s -> s.measured(text));
            }
        }

        @Override
        public void measuredPlot(Lesson lesson, Step step, Plot plot) {
            if (showing()) {
                sinks.forEach(s -> s.measuredPlot(lesson, step, plot));
            }
        }

        @Override
        public void lessonFinished(Lesson lesson, Throwable failure) {
            if (!(failure instanceof StepReached)) {
                sinks.forEach(s -> s.lessonFinished(lesson, failure));
            }
        }
    }
}
