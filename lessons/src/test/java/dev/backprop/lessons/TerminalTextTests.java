package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The console's rendering of the explanations' LaTeX and Markdown, checked on every lesson. */
class TerminalTextTests {

    /** A LaTeX command left over: a backslash before a letter or one of LaTeX's one-character commands. */
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\([A-Za-z]+|[,;:!{}|\\\\ ])");
    /** A workshop file's number where a deck's title belongs: "seed 003", "Seeds 001 and 002", "(seed 004)". */
    /** A Markdown table's delimiter row left over, {@code |---|:--:|}: the table was printed raw. */
    private static final Pattern TABLE_DELIMITER_ROW = Pattern.compile("(?m)^ {0,3}\\|\\s*:?-+:?\\s*\\|");
    private static final Pattern SEED_NUMBER = Pattern.compile("(?i)\\bseeds?\\s*0\\d\\d|\\b00[0-4](['’]s|\\s*§)");

    @Test
    void greekLettersAndOperatorsBecomeUnicode() {
        assertThat(TerminalText.render("$\\sigma(z) = \\alpha \\cdot W \\times X$", false))
                .isEqualTo("σ(z) = α · W × X");
        assertThat(TerminalText.math("\\partial J / \\partial w \\approx 0 \\le \\theta \\to \\infty"))
                .isEqualTo("∂J / ∂w ≈ 0 ≤ θ → ∞");
    }

    @Test
    void scriptsAreUnicodeWhereTheyExistAndReadableWhereNot() {
        assertThat(TerminalText.math("x^2 + W_1 + e^{-z}")).isEqualTo("x² + W₁ + e⁻ᶻ");
        assertThat(TerminalText.math("W^{[l]} b^{[L]}")).isEqualTo("W^[l] b^[L]");
        assertThat(TerminalText.math("J_{MAE}")).isEqualTo("J_MAE");
        assertThat(TerminalText.math("x^{(i) + 1}")).isEqualTo("x^((i) + 1)");
        assertThat(TerminalText.math("A^T")).isEqualTo("Aᵀ");
        assertThat(TerminalText.math("A^{[1]T} (1 - A^{[1]2})")).isEqualTo("A^[1]ᵀ (1 - A^[1]²)");
    }

    @Test
    void fractionsRootsAndHatsReadOnOneLine() {
        assertThat(TerminalText.math("\\frac{1}{m}")).isEqualTo("1/m");
        assertThat(TerminalText.math("\\frac{\\partial J}{\\partial w}")).isEqualTo("∂J/∂w");
        assertThat(TerminalText.math("\\frac{\\partial J}{\\partial \\theta}")).isEqualTo("∂J/∂θ");
        // an accent or a font makes a letter too: no parentheses around ∂ ŷ
        assertThat(TerminalText.math("\\frac{\\partial \\mathcal{L}}{\\partial \\hat{y}}")).isEqualTo("∂L/∂ŷ");
        assertThat(TerminalText.math("\\frac{\\partial L}{\\partial \\hat{y}}")).isEqualTo("∂L/∂ŷ");
        assertThat(TerminalText.math("\\frac{e^{-z}}{(1 + e^{-z})^2}")).isEqualTo("e⁻ᶻ/(1 + e⁻ᶻ)²");
        assertThat(TerminalText.math("\\frac{Y}{A^{[L]}} - \\frac{1 - Y}{1 - A^{[L]}}"))
                .isEqualTo("Y/A^[L] - (1 - Y)/(1 - A^[L])");
        assertThat(TerminalText.math("\\sqrt{x + 1} \\sqrt{2}")).isEqualTo("√(x + 1) √2");
        assertThat(TerminalText.math("\\hat{y} = \\hat y")).isEqualTo("ŷ = ŷ");
        // before: x²̄, a macron on the superscript only
        assertThat(TerminalText.math("\\bar{x} \\overline{x^2}")).isEqualTo("x\u0304 x\u0305²\u0305");
        assertThat(TerminalText.math("\\sum_{i=1}^{m} \\mathcal{L}(\\hat{y}^{(i)}, y^{(i)})"))
                .isEqualTo("Σᵢ₌₁ᵐ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾)");
    }

    @Test
    void sizedDelimitersTextAndSpacingAreDropped() {
        assertThat(TerminalText.math("-\\left(\\frac{Y}{A}\\right)")).isEqualTo("-(Y/A)");
        assertThat(TerminalText.math("\\text{if } z > 0,\\quad 0 \\text{ otherwise}"))
                .isEqualTo("if z > 0,  0 otherwise");
        assertThat(TerminalText.math("a\\,b\\;c\\!d")).isEqualTo("a b cd");
    }

    @Test
    void delimitersGoAndDisplayFormulasStayOnTheirLine() {
        assertThat(TerminalText.render("so $z = wx + b$ and\n$$\\hat{y} = \\sigma(z)$$\nthen", false))
                .isEqualTo("so z = wx + b and\nŷ = σ(z)\nthen");
        assertThat(TerminalText.render("$a,\\quad$\nnext", false)).as("no trailing spaces").isEqualTo("a,\nnext");
        assertThat(TerminalText.render("costs $5 only", false)).isEqualTo("costs $5 only");
    }

    @Test
    void markdownEmphasisIsBoldOnATerminalAndPlainOtherwise() {
        String text = "the **normal** one, *em* and `forward_propagation`";
        assertThat(TerminalText.render(text, false)).isEqualTo("the normal one, em and forward_propagation");
        assertThat(TerminalText.render(text, true)).isEqualTo(
                "the \u001B[1mnormal\u001B[0m one, \u001B[1mem\u001B[0m and \u001B[1mforward_propagation\u001B[0m");
        assertThat(TerminalText.render("2 * 3 and a*b", false)).isEqualTo("2 * 3 and a*b");
    }

    @Test
    void aFencedCodeBlockIsShownVerbatimIndentedAndSetOffWithoutItsLanguageTag() {
        String text = """
                the line $y = X + 10$:
                ```python
                X_train = X[:40] # 80 % of $data, *not* `all`

                    return \\frac{a}{b}
                ```
                and prints `(8, 0)`.""";
        String block = """
                the line y = X + 10:

                    X_train = X[:40] # 80 % of $data, *not* `all`

                        return \\frac{a}{b}

                and prints CODE.""";
        assertThat(TerminalText.render(text, false)).isEqualTo(block.replace("CODE", "(8, 0)"));
        assertThat(TerminalText.render(text, true)).as("no bold in or around the block")
                .isEqualTo(block.replace("CODE", "\u001B[1m(8, 0)\u001B[0m"));
        assertThat(TerminalText.render("```\na\n```\n\nthen", false)).as("no blank line doubled or added at the top")
                .isEqualTo("    a\n\nthen");
        assertThat(TerminalText.render("~~~~\n```\n~~~~\nend", false)).as("a longer fence, a shorter one inside")
                .isEqualTo("    ```\n\nend");
        assertThat(TerminalText.render("```code``` inline", false)).as("no fence: a backtick follows on its line")
                .isEqualTo("code inline");
    }

    @Test
    void aPipeTableIsShownAsAlignedColumnsUnderARuleWithItsCellsRendered() {
        String text = """
                Which loss:

                | problem | output | loss $\\mathcal{L}$ |
                |---|:---:|--:|
                | regression | linear $\\hat{y} = z$ | **MSE** |
                | binary, margin-based | tanh | hinge \\| max |
                | multi-class | softmax |

                then""";
        String table = """
                Which loss:

                problem                  output          loss L
                ────────────────────  ────────────  ───────────
                regression            linear ŷ = z          MSE
                binary, margin-based      tanh      hinge | max
                multi-class             softmax

                then""";
        assertThat(TerminalText.render(text, false)).isEqualTo(table);
        assertThat(TerminalText.render(text, true)).as("bold does not move the columns")
                .isEqualTo(table.replace("   MSE", "   \u001B[1mMSE\u001B[0m"));
        assertThat(TerminalText.render("| a | b |\n|---|---|\n| 1 | 2 |", false)).as("a table that ends the text")
                .isEqualTo("a  b\n─  ─\n1  2");
        assertThat(TerminalText.render("|x| + |y|\nis a sum", false)).as("no delimiter row: not a table")
                .isEqualTo("|x| + |y|\nis a sum");
        assertThat(TerminalText.render("| a | b |\n|---|\n", false)).as("a delimiter row of another width")
                .isEqualTo("| a | b |\n|---|\n");
    }

    @Test
    void aFractionsArgumentsMayBeSplitOverLines() {
        assertThat(TerminalText.math("d = \\frac{\\lVert a - b \\rVert_2}\n{\\lVert a \\rVert_2 + \\lVert b \\rVert_2}"))
                .isEqualTo("d = (‖ a - b ‖₂)/(‖ a ‖₂ + ‖ b ‖₂)");
        assertThat(TerminalText.math("\\frac\n  {x + 1}\n  {y}")).isEqualTo("(x + 1)/y");
    }

    @Test
    void aFractionIsSetOffFromABigOperatorAfterIt() {
        assertThat(TerminalText.math("J = \\frac{1}{m}\\sum_i L_i")).isEqualTo("J = 1/m Σᵢ Lᵢ");
        assertThat(TerminalText.math("\\frac{1}{m}\\prod_i p_i")).isEqualTo("1/m ∏ᵢ pᵢ");
        assertThat(TerminalText.math("\\frac{1}{m} \\sum dZ")).as("one space, not two").isEqualTo("1/m ΣdZ");
        assertThat(TerminalText.math("\\frac{1}{m}x")).as("only before a big operator").isEqualTo("1/mx");
    }

    @Test
    void aDenominatorThatIsANumberTimesASymbolIsParenthesised() {
        assertThat(TerminalText.math("\\frac{\\lambda}{2m} \\sum_l")).isEqualTo("λ/(2m) Σₗ");
        assertThat(TerminalText.math("\\frac{J_+ - J_-}{2\\varepsilon}")).isEqualTo("(J₊ - J₋)/(2ε)");
        assertThat(TerminalText.math("\\frac{1}{10} + \\frac{1}{m^2} + \\frac{dy}{dx} + \\frac{a}{10^{-7}}"))
                .as("a number, a power, a symbol's differential stay bare").isEqualTo("1/10 + 1/m² + dy/dx + a/10⁻⁷");
    }

    @Test
    void theNegativeControlCatchesRawLatexAndSeedNumbers() {
        assertThat(LATEX_COMMAND.matcher("$\\frac{1}{m}$").find()).isTrue();
        assertThat(LATEX_COMMAND.matcher(TerminalText.render("$\\frac{1}{m}$", false)).find()).isFalse();
        assertThat(TABLE_DELIMITER_ROW.matcher("| a | b |\n|---|:--:|").find()).isTrue();
        assertThat(TABLE_DELIMITER_ROW.matcher(TerminalText.render("| a | b |\n|---|:--:|", false)).find()).isFalse();
        assertThat(SEED_NUMBER.matcher("XOR (seed 003)").find()).isTrue();
        assertThat(SEED_NUMBER.matcher("Seeds 001 and 002 list").find()).isTrue();
        assertThat(SEED_NUMBER.matcher("overshooting (004 §1.6)").find()).isTrue();
        assertThat(SEED_NUMBER.matcher("np.random.seed(3); seed 3 as in DLS; 0.003, 1 000 000 and 10 000").find()).isFalse();
    }

    static Stream<Arguments> lessons() {
        return Lessons.all().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyExplanationRendersWithoutLatexOrMarkdownAndNoTextNamesAWorkshopFile(Lesson lesson) throws Exception {
        RecordingSink recording = new RecordingSink();
        StringWriter console = new StringWriter();
        LessonRunner.run(lesson, List.of(recording, new ConsoleSink(new PrintWriter(console), false)), Backends.cpu());

        assertThat(recording.failure()).isNull();
        for (RecordingSink.RecordedStep step : recording.steps()) {
            String rendered = TerminalText.render(step.step().explanation(), false);
            assertThat(rendered).as("step %s of %s", step.step().title(), lesson.name())
                    .doesNotContain("$", "**", "`")
                    .doesNotContainPattern(LATEX_COMMAND)
                    .doesNotContainPattern(TABLE_DELIMITER_ROW);
            assertThat(step.step().explanation() + step.step().title() + step.printed())
                    .as("step %s of %s", step.step().title(), lesson.name())
                    .doesNotContainPattern(SEED_NUMBER);
        }
        assertThat(lesson.title()).doesNotContainPattern(SEED_NUMBER);
        assertThat(console.toString()).doesNotContain("$", "**").doesNotContainPattern(LATEX_COMMAND)
                .doesNotContainPattern(SEED_NUMBER);
    }
}
