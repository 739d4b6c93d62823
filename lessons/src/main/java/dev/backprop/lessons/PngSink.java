package dev.backprop.lessons;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every plot as a PNG under {@code DIR/NN-lesson/stepSS-name.png}, e.g.
 * {@code out/05-planar/step09-decision-boundary.png}. Each file is written to a temporary name first and then moved,
 * so a file is either whole or absent.
 */
public final class PngSink implements LessonSink {

    private final Path dir;
    private final PrintStream report;

    /** @param report where to say which file was written (null for silence) */
    public PngSink(Path dir, PrintStream report) {
        this.dir = dir;
        this.report = report;
    }

    /** The folder of a lesson's files. */
    public static Path lessonDir(Path dir, Lesson lesson) {
        return dir.resolve(String.format("%02d-%s", lesson.number(), lesson.name()));
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        Path folder = lessonDir(dir, lesson);
        Path file = folder.resolve(String.format("step%02d-%s.png", step.index(), plot.name()));
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".plot-", ".tmp");
            Files.write(tmp, plot.png());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        if (report != null) {
            report.println("       wrote " + file);
        }
    }
}
