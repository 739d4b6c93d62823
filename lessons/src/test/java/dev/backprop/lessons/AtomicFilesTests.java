package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.data.AtomicFiles;
import dev.backprop.core.matrix.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lessons' plots go through {@link AtomicFiles}: whole or not at all, with ordinary permissions, and what a killed
 * run left behind cleaned up.
 */
class AtomicFilesTests {

    /** A process id that no process has: above Linux's largest (2^22). */
    private static final long DEAD_PID = 99_999_999L;

    @Test
    void aPngThatCannotBeWrittenSaysWhyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Lesson lesson = Lessons.find("forward").orElseThrow();
        Path lessonDir = PngSink.lessonDir(dir, lesson);
        Files.createDirectories(lessonDir.resolve("step03-cross-entropy-loss.png/a-folder-in-the-way"));
        List<String> before = names(lessonDir);

        assertThatThrownBy(() -> LessonRunner.run(lesson, List.of(new PngSink(dir, (PrintWriter) null)),
                Backends.cpu()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + lessonDir)
                .hasMessageEndingWith("step03-cross-entropy-loss.png: is a folder, not a file");

        assertThat(names(lessonDir)).isEqualTo(before);
    }

    @Test
    void runningALessonCleansUpWhatAKilledRunLeftAndWritesPlotsWithTheUsualPermissions(@TempDir Path dir)
            throws Exception {
        Lesson lesson = Lessons.find("forward").orElseThrow();
        Path orphan = Files.writeString(Files.createDirectories(PngSink.lessonDir(dir, lesson))
                .resolve(".step03-cross-entropy-loss.png.tmp-" + DEAD_PID), "half a plot");

        LessonRunner.run(lesson, List.of(new PngSink(dir, new PrintWriter(new StringWriter()))), Backends.cpu());

        assertThat(orphan).doesNotExist();
        assertThat(names(PngSink.lessonDir(dir, lesson))).isNotEmpty()
                .allMatch(n -> n.startsWith("step") && n.endsWith(".png"));
        Path usual = Files.write(dir.resolve("usual"), new byte[0]);
        assertThat(Files.getPosixFilePermissions(PngSink.lessonDir(dir, lesson)
                .resolve("step03-cross-entropy-loss.png"))).isEqualTo(Files.getPosixFilePermissions(usual));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
