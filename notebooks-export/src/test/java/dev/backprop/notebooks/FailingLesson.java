package dev.backprop.notebooks;

import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonLog;

/** A lesson whose second step throws, as a lesson with a bug would. */
final class FailingLesson implements Lesson {

    @Override
    public int number() {
        return 43;
    }

    @Override
    public String name() {
        return "failing";
    }

    @Override
    public String title() {
        return "A lesson that fails half way";
    }

    @Override
    public void run(LessonLog log) {
        log.step("Fine", "This step works.");
        log.println("so far so good");

        log.step("Broken", "This step throws.");
        throw new IllegalStateException("planted failure in step 2");
    }
}
