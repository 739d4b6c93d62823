package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backpropagation lesson's key numbers: the chain rule by hand, and DLS's gradient-checking experiment against
 * DLS's published differences and numpy (scripts/backprop_reference.py).
 */
class BackpropagationLessonTests {

    /** DLS, "Gradient Checking": what {@code gradient_check_n} prints for the buggy backward pass, and the fixed. */
    private static final double DLS_BUGGY = 0.2850931567761623;
    private static final double DLS_FIXED = 1.1890913024229996e-07;
    private static final LearningReference REF = LearningReference.load("/dev/backprop/lessons/backprop_reference.txt");
    private static RecordingSink recording;

    @BeforeAll
    static void runTheLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new BackpropagationLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
    }

    private static double number(String regex) {
        Matcher m = Pattern.compile(regex).matcher(recording.printed());
        assertThat(m.find()).as("the lesson prints /%s/", regex).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theChainRuleOnTheComputationalGraphMatchesTheNumericalSlopes() {
        assertThat(recording.printed()).contains("f = t1 × t2 = 28.0")
                .contains("∂f/∂a = 7.0,  ∂f/∂b = 7.0,  ∂f/∂c = 4.0,  ∂f/∂d = 4.0")
                .contains("numerical: ∂f/∂a ≈ 7.000000,  ∂f/∂b ≈ 7.000000,  ∂f/∂c ≈ 4.000000,  ∂f/∂d ≈ 4.000000");
    }

    @Test
    void theNeuronExampleByHandAgreesWithTheNumericalGradient() {
        assertThat(recording.printed()).contains("ŷ = σ(z2) = 0.450000,  L = 0.798508")
                .contains("dz2 = ∂L/∂ŷ · ∂ŷ/∂z2 = -0.550000 = ŷ − y = -0.550000");
        assertThat(number("difference = (\\S+): below 2e-7")).as("‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)")
                .isLessThan(1e-8);
    }

    @Test
    void dlsTestCaseGivesNumpysCost() {
        assertThat(number("cost = (\\S+)")).isCloseTo(REF.value("cost"), within(1e-12));
    }

    @Test
    void thePlantedBugsAreCaughtWithDlsDifference() {
        double buggy = number("There is a mistake in the backward propagation! difference = (\\S+)");
        assertThat(buggy).isCloseTo(REF.value("buggy difference"), within(1e-9)).isCloseTo(DLS_BUGGY, within(1e-9));
    }

    @Test
    void theFixPassesWithDlsDifference() {
        double fixed = number("Your backward propagation works perfectly fine! difference = (\\S+)");
        assertThat(fixed).isCloseTo(REF.value("fixed difference"), within(1e-10))
                .isCloseTo(DLS_FIXED, within(1e-10)).isLessThan(2e-7);
    }

    @Test
    void theWrongParametersAreFoundOneByOne() {
        Matcher wrong = Pattern.compile("(?m)^d(\\w+)\\s+difference = (\\S+)\\s+‖grad‖/‖gradapprox‖ = (\\S+)   <-- wrong$")
                .matcher(recording.printed());
        List<String> found = new java.util.ArrayList<>();
        while (wrong.find()) {
            found.add(wrong.group(1));
            assertThat(Double.parseDouble(wrong.group(2))).isCloseTo(REF.value("buggy " + wrong.group(1)),
                    within(1e-7));
        }
        assertThat(found).containsExactly("b1", "W2");
        assertThat(recording.printed()).contains("‖grad‖/‖gradapprox‖ = 4.000000   <-- wrong")
                .contains("‖grad‖/‖gradapprox‖ = 2.000000   <-- wrong");
    }
}
