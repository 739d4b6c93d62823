package dev.backprop.lessons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Presentation mode ({@code --pause}): after each step, waits for Enter before the next one (across lessons too, but
 * not after the last), so that an instructor can walk a room through a lesson. Put it before the console sink, so
 * the wait comes before the next heading.
 */
public final class PauseSink implements LessonSink {

    static final String PROMPT = "[Enter: next step] ";

    private final BufferedReader in;
    private final PrintWriter out;
    private boolean stepShown;
    private boolean endOfInput;

    public PauseSink(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void stepStarted(Lesson lesson, Step step) {
        if (stepShown) {
            waitForEnter();
        }
        stepShown = true;
    }

    @Override
    public void lessonFinished(Lesson lesson, Throwable failure) {
        // the wait after a lesson's last step comes with the next lesson's first step, if there is one
        if (failure != null) {
            stepShown = false;
        }
    }

    private void waitForEnter() {
        if (endOfInput) {
            return;
        }
        out.println();
        out.print(PROMPT);
        out.flush();
        try {
            endOfInput = in.readLine() == null;
        } catch (IOException e) {
            endOfInput = true;
        }
    }
}
