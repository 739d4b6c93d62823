package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation lesson's key numbers: the deck's "Model Evaluation" on scikit-learn's digits. */
class EvaluationLessonTests {

    private static String printed;
    private static RecordingSink recording;

    @BeforeAll
    static void runLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new EvaluationLesson(), List.of(recording), Backends.cpu());
        printed = recording.printed();
    }

    @Test
    void theDigitsAreBalancedButIsItANineIsNineToOne() {
        assertThat(recording.failure()).isNull();
        assertThat(printed).contains("digits per class 0 … 9: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]")
                .contains("'is it a 9?': 1617 no (class 0), 180 yes (class 1), 90.0 % no");
    }

    @Test
    void theMajorityClassClassifierHasHighAccuracyAndZeroRecall() {
        assertThat(printed).contains("majority-class classifier: accuracy 89.98 % on 'is it a 9?'")
                .contains("TP = 0, FP = 0, FN = 180, TN = 1617")
                .contains("Accuracy = (TP + TN) / (TP + FN + FP + TN) = 0.8998")
                .contains("Recall r = TP / (TP + FN) = 0.0000")
                // scikit-learn: classification_report(y, np.zeros(1797), digits=4, zero_division=0)
                .contains("       not 9     0.8998    1.0000    0.9473      1617\n"
                        + "           9     0.0000    0.0000    0.0000       180");
    }

    @Test
    void theDeckFormulasGiveTheReportsNumbersForTheTrainedNetwork() {
        String lastStep = recording.steps().get(recording.steps().size() - 1).printed();
        double p = number(lastStep, "Precision p = TP / \\(TP \\+ FP\\) = ([0-9.]+)");
        double r = number(lastStep, "Recall r = TP / \\(TP \\+ FN\\) = ([0-9.]+)");
        double f1 = number(lastStep, "F1 = 2 / \\(1/r \\+ 1/p\\) = ([0-9.]+)");
        assertThat(lastStep).as("the report's row for class 9 repeats the deck's p, r, F1")
                .contains(String.format(java.util.Locale.ROOT, "\n           9     %.4f    %.4f    %.4f", p, r, f1));
        assertThat(r).as("the network finds most 9s, which the majority classifier never does").isGreaterThan(0.8);
    }

    @Test
    void theSplitIsSeventyTwentyTenAndStratified() {
        assertThat(printed).contains("training   1258 examples: 1132 no, 126 yes")
                .contains("validation  359 examples:  323 no,  36 yes")
                .contains("test        180 examples:  162 no,  18 yes")
                .contains("after: training pixel (3, 3) mean 0.0000, sd 1.0000");
    }

    @Test
    void withoutNormalizationTheSameLearningRateEndsOnTheMajorityClass() {
        double rawCost = number(printed, "raw pixels: +cost ([0-9.]+)");
        double rawAccuracy = number(printed, "raw pixels: +cost [0-9.]+, validation accuracy ([0-9.]+) %");
        double normalizedCost = number(printed, "standardized pixels: cost ([0-9.]+)");
        double normalizedAccuracy = number(printed, "standardized pixels: cost [0-9.]+, validation accuracy ([0-9.]+) %");
        assertThat(rawCost).as("-(0.9 log 0.9 + 0.1 log 0.1)").isCloseTo(0.3254, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(rawAccuracy).as("323 of 359 are 'no'").isCloseTo(100.0 * 323 / 359,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(normalizedCost).isLessThan(0.05);
        assertThat(normalizedAccuracy).isGreaterThan(97);
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("printed text matches %s", regex).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
