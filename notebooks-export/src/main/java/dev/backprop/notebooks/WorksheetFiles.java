package dev.backprop.notebooks;

import dev.backprop.core.data.AtomicFiles;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.Grader;
import dev.backprop.exercises.WorksheetNotebook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The exercise sets' worksheets beside the lesson notebooks: {@code DIR/worksheets/NN-set.ipynb} for the students
 * (the stubs) and {@code DIR/answer-keys/NN-set.ipynb} for the instructors (the solutions), both run in the
 * workshop's kernel (see {@link WorksheetNotebook}). Each file is written whole or not at all.
 */
final class WorksheetFiles {

    static final String WORKSHEETS = "worksheets";
    static final String ANSWER_KEYS = "answer-keys";

    private WorksheetFiles() {
    }

    /** Removes what a killed export left half-written in the two folders. */
    static void removeOrphans(Path dir) throws IOException {
        AtomicFiles.removeOrphans(dir.resolve(WORKSHEETS));
        AtomicFiles.removeOrphans(dir.resolve(ANSWER_KEYS));
    }

    /** Writes the set's worksheet and answer key under {@code dir}; returns the two files. */
    static List<Path> write(Grader grader, ExerciseSet set, Path dir) throws IOException {
        String worksheet = WorksheetNotebook.student(grader, set);
        String answerKey = WorksheetNotebook.answerKey(grader, set);
        return List.of(write(dir.resolve(WORKSHEETS), set, worksheet), write(dir.resolve(ANSWER_KEYS), set, answerKey));
    }

    private static Path write(Path folder, ExerciseSet set, String notebook) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(WorksheetNotebook.fileName(set));
        AtomicFiles.write(file, notebook.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
