package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import java.util.List;

/** Runs a lesson into a set of sinks and tells each sink when it starts and ends. */
public final class LessonRunner {

    private LessonRunner() {
    }

    /**
     * Runs {@code lesson}; returns normally or rethrows what the lesson threw, after every sink was told.
     */
    public static void run(Lesson lesson, List<LessonSink> sinks, Backend backend) throws Exception {
        for (LessonSink sink : sinks) {
            sink.lessonStarted(lesson);
        }
        try {
            lesson.run(new LessonLog(lesson, sinks, backend));
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
}
