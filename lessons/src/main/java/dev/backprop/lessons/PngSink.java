package dev.backprop.lessons;

import dev.backprop.core.data.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every plot as a PNG under {@code DIR/NN-lesson/stepSS-name.png}, e.g.
 * {@code out/05-planar/step09-decision-boundary.png}. Each file is written whole or not at all ({@link AtomicFiles}),
 * and what an earlier, killed run left half-written in the lesson's folder is removed when the lesson starts.
 */
public final class PngSink implements LessonSink {

    private final Path dir;
    private final PrintWriter report;
    private int written;

    /** @param report where to say which file was written (null for silence) */
    public PngSink(Path dir, PrintWriter report) {
        this.dir = dir;
        this.report = report;
    }

    /** The folder of a lesson's files. */
    public static Path lessonDir(Path dir, Lesson lesson) {
        return dir.resolve(String.format("%02d-%s", lesson.number(), lesson.name()));
    }

    /** How many PNG files the current lesson has written so far. */
    public int written() {
        return written;
    }

    @Override
    public void lessonStarted(Lesson lesson) {
        written = 0;
        try {
            AtomicFiles.removeOrphans(lessonDir(dir, lesson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + lessonDir(dir, lesson) + ": " + Workshop.reason(e), e);
        }
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        Path folder = lessonDir(dir, lesson);
        Path file = folder.resolve(String.format("step%02d-%s.png", step.index(), plot.name()));
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(file, plot.png());
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + Workshop.reason(e), e);
        }
        if (report != null) {
            report.println("       wrote " + file);
        }
    }
}
