package dev.backprop.notebooks;

import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonLog;

/** A lesson that starts a step in a loop, so the steps that run are not the steps in its source. */
final class LoopLesson implements Lesson {

    @Override
    public int number() {
        return 44;
    }

    @Override
    public String name() {
        return "loop";
    }

    @Override
    public String title() {
        return "A step in a loop";
    }

    @Override
    public void run(LessonLog log) {
        for (int i = 0; i < 2; i++) {
            log.step("Again", "The same step, twice.");
        }
    }
}
