package dev.backprop.lessons;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A step's explanation (Markdown with LaTeX between {@code $…$}) made readable on a console: Greek letters and
 * operators become Unicode ({@code \sigma} → σ, {@code \cdot} → ·), scripts become Unicode super- and subscripts
 * where they exist ({@code x^2} → x², {@code W_1} → W₁) and stay readable where they do not ({@code W^{[l]}} →
 * W^[l]), {@code \frac{a}{b}} becomes (a)/(b), {@code \hat{y}} becomes ŷ, and the {@code $} delimiters go. Markdown
 * emphasis and {@code `code`} are shown bold on a terminal that understands ANSI escapes, plain otherwise; a fenced
 * code block is shown as its lines, verbatim and indented, set off by blank lines, and a pipe table as aligned
 * columns under a ─ rule. The notebooks keep the LaTeX and the Markdown; only the console renders them.
 */
public final class TerminalText {

    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";
    /** An em space marks a {@code \quad} until the spaces around it are tidied, then shows as two spaces. */
    private static final String QUAD = "\u2003";

    private static final Map<String, String> SYMBOLS = new HashMap<>();

    /** Accents and fonts: commands that make a letter of their argument, so that {@code \\partial \\hat{y}} is ∂ŷ. */
    private static final Set<String> LETTER_MAKERS = Set.of("hat", "widehat", "bar", "overline", "tilde", "widetilde",
            "vec", "dot", "ddot", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "mathcal",
            "mathbb");
    private static final Map<Integer, Character> SUPERSCRIPTS = new HashMap<>();
    private static final Map<Integer, Character> SUBSCRIPTS = new HashMap<>();

    static {
        String[] greek = {"alpha", "α", "beta", "β", "gamma", "γ", "delta", "δ", "epsilon", "ε", "varepsilon", "ε",
            "zeta", "ζ", "eta", "η", "theta", "θ", "vartheta", "ϑ", "iota", "ι", "kappa", "κ", "lambda", "λ",
            "mu", "μ", "nu", "ν", "xi", "ξ", "pi", "π", "rho", "ρ", "sigma", "σ", "tau", "τ", "upsilon", "υ",
            "phi", "φ", "varphi", "φ", "chi", "χ", "psi", "ψ", "omega", "ω", "Gamma", "Γ", "Delta", "Δ",
            "Theta", "Θ", "Lambda", "Λ", "Xi", "Ξ", "Pi", "Π", "Sigma", "Σ", "Phi", "Φ", "Psi", "Ψ", "Omega", "Ω"};
        String[] operators = {"cdot", "·", "times", "×", "div", "÷", "pm", "±", "mp", "∓", "odot", "⊙", "otimes", "⊗",
            "circ", "∘", "ast", "∗", "star", "⋆", "sum", "Σ", "prod", "∏", "int", "∫", "partial", "∂",
            "nabla", "∇", "infty", "∞", "le", "≤", "leq", "≤", "ge", "≥", "geq", "≥", "neq", "≠", "ne", "≠",
            "approx", "≈", "sim", "~", "simeq", "≃", "equiv", "≡", "propto", "∝", "in", "∈", "notin", "∉",
            "subset", "⊂", "cup", "∪", "cap", "∩", "forall", "∀", "exists", "∃", "to", "→", "rightarrow", "→",
            "leftarrow", "←", "Rightarrow", "⇒", "Leftarrow", "⇐", "leftrightarrow", "↔", "iff", "⇔",
            "mapsto", "↦", "gets", "←", "implies", "⇒", "ldots", "…", "cdots", "⋯", "dots", "…", "vdots", "⋮",
            "ddots", "⋱", "prime", "′", "top", "ᵀ", "intercal", "ᵀ", "lVert", "‖", "rVert", "‖", "Vert", "‖",
            "lvert", "|", "rvert", "|", "vert", "|", "mid", "|", "langle", "⟨", "rangle", "⟩", "lfloor", "⌊",
            "rfloor", "⌋", "lceil", "⌈", "rceil", "⌉", "lbrace", "{", "rbrace", "}", "backslash", "∖",
            "setminus", "∖", "emptyset", "∅", "neg", "¬", "land", "∧", "lor", "∨", "wedge", "∧", "vee", "∨",
            "ell", "ℓ", "hbar", "ħ", "Re", "ℜ", "quad", QUAD, "qquad", QUAD + QUAD, "log", "log", "ln", "ln", "exp", "exp",
            "max", "max", "min", "min", "argmax", "argmax", "argmin", "argmin", "sin", "sin", "cos", "cos",
            "tanh", "tanh", "sinh", "sinh", "cosh", "cosh", "lim", "lim", "sup", "sup", "inf", "inf", "det", "det",
            "R", "ℝ", "N", "ℕ", "Z", "ℤ", "displaystyle", "", "textstyle", "", "limits", "", "nolimits", "",
            "left", "", "right", "", "big", "", "Big", "", "bigg", "", "Bigg", "", "bigl", "", "bigr", "",
            "Bigl", "", "Bigr", "", "biggl", "", "biggr", "", "middle", "", ",", " ", ";", " ", ":", " ", " ", " ",
            "!", "", "{", "{", "}", "}", "|", "‖", "%", "%", "_", "_", "#", "#", "&", "&", "$", "$"};
        for (String[] table : new String[][] {greek, operators}) {
            for (int i = 0; i < table.length; i += 2) {
                SYMBOLS.put(table[i], table[i + 1]);
            }
        }
        scripts(SUPERSCRIPTS, "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWn′ᵀ",
                "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂⁿ′ᵀ");
        scripts(SUBSCRIPTS, "0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ");
        SUPERSCRIPTS.put((int) '−', '⁻');
        SUBSCRIPTS.put((int) '−', '₋');
    }

    private static void scripts(Map<Integer, Character> map, String from, String to) {
        if (from.length() != to.length()) {
            throw new AssertionError("script tables differ in length: " + from + " / " + to);
        }
        for (int i = 0; i < from.length(); i++) {
            map.put((int) from.charAt(i), to.charAt(i));
        }
    }

    private TerminalText() {
    }

    /**
     * The explanation as a console shows it.
     *
     * @param ansi whether to show emphasis and code with ANSI bold (a terminal), or plain (a file, a pipe)
     */
    public static String render(String markdown, boolean ansi) {
        // fenced code blocks and tables first, so that no formula, emphasis or inline code reaches into one
        StringBuilder out = new StringBuilder();
        int text = 0;
        int line = 0;
        while (line < markdown.length()) {
            int fence = fenceAt(markdown, line);
            int tableEnd = fence > 0 ? -1 : tableAt(markdown, line);
            if (fence > 0) {
                out.append(inline(markdown.substring(text, line), ansi));
                line = codeBlock(markdown, line, fence, out);
                text = line;
            } else if (tableEnd > 0) {
                out.append(inline(markdown.substring(text, line), ansi));
                table(markdown.substring(line, tableEnd), ansi, out);
                if (!markdown.substring(line, tableEnd).endsWith("\n")) {
                    out.setLength(out.length() - 1); // the text ends on the table's last row
                }
                line = tableEnd;
                text = line;
            } else {
                int end = markdown.indexOf('\n', line);
                line = end < 0 ? markdown.length() : end + 1;
            }
        }
        out.append(inline(markdown.substring(text), ansi));
        return out.toString().replaceAll("[ \t]+(?=\n|$)", "");
    }

    /** Text outside code blocks and tables (or one table cell): formulas, emphasis and inline code. */
    private static String inline(String markdown, boolean ansi) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < markdown.length()) {
            char c = markdown.charAt(i);
            if (c == '\\' && i + 1 < markdown.length() && markdown.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$') {
                boolean display = markdown.startsWith("$$", i);
                String delimiter = display ? "$$" : "$";
                int end = markdown.indexOf(delimiter, i + delimiter.length());
                if (end < 0) {
                    // an unmatched $: a plain dollar sign, not a formula
                    out.append(c);
                    i++;
                    continue;
                }
                out.append(math(markdown.substring(i + delimiter.length(), end)));
                i = end + delimiter.length();
            } else if (c == '`') {
                int end = markdown.indexOf('`', i + 1);
                if (end < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                out.append(emphasis(markdown.substring(i + 1, end), ansi));
                i = end + 1;
            } else if (c == '*' && (markdown.startsWith("**", i) || isEmphasisStart(markdown, i))) {
                String delimiter = markdown.startsWith("**", i) ? "**" : "*";
                int end = markdown.indexOf(delimiter, i + delimiter.length());
                if (end < 0) {
                    out.append(delimiter);
                    i += delimiter.length();
                    continue;
                }
                out.append(emphasis(inline(markdown.substring(i + delimiter.length(), end), false), ansi));
                i = end + delimiter.length();
            } else if (c == '\\') {
                // a LaTeX command outside $…$: rendered as in a formula
                int end = i + 1;
                while (end < markdown.length() && Character.isLetter(markdown.charAt(end))) {
                    end++;
                }
                out.append(math(markdown.substring(i, Math.max(end, Math.min(i + 2, markdown.length())))));
                i = Math.max(end, Math.min(i + 2, markdown.length()));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The length of the code fence (three or more backticks or tildes, indented by at most three spaces) that opens
     * the line starting at {@code i}, or 0 when it is not a fence. As in CommonMark, the language tag after a
     * backtick fence holds no backtick: a line such as {@code ```a`b```} is inline code, not a fence.
     */
    private static int fenceAt(String text, int i) {
        int at = i;
        while (at < text.length() && at - i < 3 && text.charAt(at) == ' ') {
            at++;
        }
        if (at >= text.length() || (text.charAt(at) != '`' && text.charAt(at) != '~')) {
            return 0;
        }
        char mark = text.charAt(at);
        int end = at;
        while (end < text.length() && text.charAt(end) == mark) {
            end++;
        }
        int length = end - at;
        if (length < 3) {
            return 0;
        }
        int lineEnd = text.indexOf('\n', end);
        String info = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
        return mark == '`' && info.indexOf('`') >= 0 ? 0 : length;
    }

    /**
     * A fenced code block starting at {@code i} (its opening fence {@code fence} characters long), shown as a code
     * block: its lines verbatim, indented four spaces and set off by blank lines, without the fences or the language
     * tag; no LaTeX, emphasis or inline code inside it. An unclosed fence runs to the end of the text, as in
     * CommonMark.
     *
     * @return where the text after the block (after its closing fence's line) starts
     */
    private static int codeBlock(String text, int i, int fence, StringBuilder out) {
        int indent = 0;
        while (text.charAt(i + indent) == ' ') {
            indent++;
        }
        char mark = text.charAt(i + indent);
        int line = text.indexOf('\n', i);
        line = line < 0 ? text.length() : line + 1;
        // a blank line before the block, unless it opens the text or one is there already
        while (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 1) == '\n'
                && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
        while (line < text.length()) {
            int end = text.indexOf('\n', line);
            end = end < 0 ? text.length() : end;
            String content = text.substring(line, end);
            int next = Math.min(end + 1, text.length());
            if (isClosingFence(content, mark, fence)) {
                if (next < text.length() && text.charAt(next) != '\n') {
                    out.append('\n'); // a blank line after the block
                }
                return next;
            }
            // the opening fence's indentation is taken off each line, as CommonMark does
            int strip = 0;
            while (strip < indent && strip < content.length() && content.charAt(strip) == ' ') {
                strip++;
            }
            out.append(content.isBlank() ? "" : "    " + content.substring(strip));
            if (end == text.length()) {
                return end;
            }
            out.append('\n');
            line = next;
        }
        return text.length();
    }

    /**
     * Where the Markdown table (GitHub's pipe table) that starts at the line at {@code i} ends: the start of the first
     * line after it, or -1 when no table starts there. A table is a header row, a delimiter row of as many cells
     * ({@code |---|:--:|}) and the rows after them, each line starting with a pipe (after at most three spaces).
     */
    private static int tableAt(String text, int i) {
        int headerEnd = lineEnd(text, i);
        if (headerEnd >= text.length() || !isTableRow(text.substring(i, headerEnd))) {
            return -1;
        }
        int delimiterEnd = lineEnd(text, headerEnd + 1);
        String delimiter = text.substring(headerEnd + 1, delimiterEnd);
        if (!isTableRow(delimiter) || cells(delimiter).isEmpty()
                || !cells(delimiter).stream().allMatch(cell -> cell.matches(":?-+:?"))
                || cells(delimiter).size() != cells(text.substring(i, headerEnd)).size()) {
            return -1;
        }
        int end = delimiterEnd;
        while (end < text.length()) {
            int next = lineEnd(text, end + 1);
            if (!isTableRow(text.substring(end + 1, next))) {
                break;
            }
            end = next;
        }
        return Math.min(end + 1, text.length());
    }

    private static int lineEnd(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end;
    }

    private static boolean isTableRow(String line) {
        String stripped = line.stripLeading();
        return line.length() - stripped.length() <= 3 && stripped.startsWith("|");
    }

    /** A table row's cells, stripped: split at each pipe not escaped as {@code \|}, without the outer pipes. */
    private static List<String> cells(String row) {
        String t = row.strip();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int k = 1; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '\\' && k + 1 < t.length() && t.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip()); // a row without its closing pipe
        }
        return cells;
    }

    /**
     * A Markdown table as aligned columns: each cell's formulas, emphasis and code rendered, the columns two spaces
     * apart, the header underlined with ─ in place of the delimiter row ({@code ---:} aligns a column right,
     * {@code :---:} centres it). A row with fewer cells than the header is padded with empty ones, as GitHub does.
     */
    private static void table(String markdown, boolean ansi, StringBuilder out) {
        List<String> lines = markdown.lines().toList();
        List<String> delimiter = cells(lines.get(1));
        int columns = delimiter.size();
        List<String[]> plain = new ArrayList<>();
        List<String[]> shown = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            if (r == 1) {
                continue;
            }
            List<String> row = cells(lines.get(r));
            String[] p = new String[columns];
            String[] a = new String[columns];
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                p[c] = inline(cell, false);
                a[c] = inline(cell, ansi);
            }
            plain.add(p);
            shown.add(a);
        }
        int[] width = new int[columns];
        for (String[] row : plain) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], displayWidth(row[c]));
            }
        }
        for (int r = 0; r < shown.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String d = delimiter.get(c);
                int pad = width[c] - displayWidth(plain.get(r)[c]);
                int left = d.endsWith(":") ? d.startsWith(":") ? pad / 2 : pad : 0;
                line.append(c > 0 ? "  " : "").append(" ".repeat(left)).append(shown.get(r)[c])
                        .append(" ".repeat(pad - left));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c > 0 ? "  " : "").append("─".repeat(width[c]));
                }
                out.append(rule).append('\n');
            }
        }
    }

    /** The columns a text takes on a console: its code points, less the combining marks drawn over the one before. */
    private static int displayWidth(String text) {
        return (int) text.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK
                && Character.getType(cp) != Character.ENCLOSING_MARK).count();
    }

    /** Whether a line closes a fenced code block: at most three spaces, then at least as many fence characters. */
    private static boolean isClosingFence(String line, char mark, int fence) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        int end = lead;
        while (end < line.length() && line.charAt(end) == mark) {
            end++;
        }
        return lead <= 3 && end - lead >= fence && line.substring(end).isBlank();
    }

    private static boolean isEmphasisStart(String text, int i) {
        return i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1)) && text.indexOf('*', i + 1) > 0
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
    }

    private static String emphasis(String text, boolean ansi) {
        return ansi ? BOLD + text + RESET : text;
    }

    /** A LaTeX formula (without its {@code $} delimiters) in Unicode. */
    public static String math(String tex) {
        String text = new Formula(tex).sequence(false).replaceAll(" {2,}", " ").replaceAll(" *" + QUAD + " *", QUAD);
        return Normalizer.normalize(text.replace(QUAD, "  "), Normalizer.Form.NFC);
    }

    /** A recursive-descent reader of the LaTeX subset the lessons write. */
    private static final class Formula {
        private final String tex;
        private int pos;

        Formula(String tex) {
            this.tex = tex;
        }

        /** Everything up to the end, or up to the closing brace of a group when {@code inGroup}. */
        String sequence(boolean inGroup) {
            StringBuilder out = new StringBuilder();
            while (pos < tex.length()) {
                char c = tex.charAt(pos);
                if (c == '}') {
                    pos++;
                    if (inGroup) {
                        return out.toString();
                    }
                } else if (c == '{') {
                    pos++;
                    out.append(sequence(true));
                } else if (c == '^' || c == '_') {
                    pos++;
                    out.append(script(argument(), c == '^'));
                } else if (c == '\\') {
                    out.append(command());
                } else if (c == '~') {
                    pos++;
                    out.append(' ');
                } else if (c == '&') {
                    pos++;
                    out.append("  ");
                } else {
                    pos++;
                    out.append(c);
                }
            }
            return out.toString();
        }

        /**
         * The argument of a command or script: a group, a command, or one character. As in TeX, spaces and line
         * breaks before it are skipped: {@code \frac{a}} and its {@code {b}} on the next line are one fraction.
         */
        private String argument() {
            skipWhitespace();
            if (pos >= tex.length()) {
                return "";
            }
            char c = tex.charAt(pos);
            if (c == '{') {
                pos++;
                return sequence(true);
            }
            if (c == '\\') {
                return command();
            }
            int cp = tex.codePointAt(pos);
            pos += Character.charCount(cp);
            return new String(Character.toChars(cp));
        }

        private void skipWhitespace() {
            while (pos < tex.length() && Character.isWhitespace(tex.charAt(pos))) {
                pos++;
            }
        }

        /** The raw text of a group, e.g. the words of {@code \text{…}}. */
        private String rawGroup() {
            skipWhitespace();
            if (pos >= tex.length() || tex.charAt(pos) != '{') {
                return argument();
            }
            int depth = 0;
            int start = pos + 1;
            for (; pos < tex.length(); pos++) {
                char c = tex.charAt(pos);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    pos++;
                    return tex.substring(start, pos - 1).replace("\\", "");
                }
            }
            return tex.substring(start).replace("\\", "");
        }

        private String command() {
            pos++; // the backslash
            if (pos >= tex.length()) {
                return "";
            }
            int start = pos;
            while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                pos++; // a one-character command such as \, or \{
            }
            String name = tex.substring(start, pos);
            switch (name) {
                case "frac", "dfrac", "tfrac" -> {
                    String a = argument();
                    String b = argument();
                    // a big operator straight after the fraction is its own term: 1/m Σ, not 1/mΣ
                    String gap = startsBigOperator(pos) ? " " : "";
                    return wrap(a) + "/" + denominator(b) + gap;
                }
                case "sqrt" -> {
                    String index = "";
                    if (pos < tex.length() && tex.charAt(pos) == '[') {
                        int end = tex.indexOf(']', pos);
                        index = end < 0 ? "" : tex.substring(pos + 1, end);
                        pos = end < 0 ? pos : end + 1;
                    }
                    String root = switch (index) {
                        case "", "2" -> "√";
                        case "3" -> "∛";
                        case "4" -> "∜";
                        default -> script(index, true) + "√";
                    };
                    return root + wrap(argument());
                }
                case "hat", "widehat" -> {
                    return accent(argument(), '\u0302');
                }
                case "bar", "overline" -> {
                    return overline(argument());
                }
                case "tilde", "widetilde" -> {
                    return accent(argument(), '\u0303');
                }
                case "vec" -> {
                    return accent(argument(), '\u20D7');
                }
                case "dot" -> {
                    return accent(argument(), '\u0307');
                }
                case "ddot" -> {
                    return accent(argument(), '\u0308');
                }
                case "text", "textrm", "textit", "textbf", "texttt", "textsf", "mbox", "operatorname" -> {
                    return rawGroup();
                }
                case "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "mathcal" -> {
                    return argument();
                }
                case "mathbb" -> {
                    String letter = argument();
                    return SYMBOLS.getOrDefault(letter, letter);
                }
                case "begin" -> {
                    String environment = rawGroup();
                    return switch (environment) {
                        case "pmatrix" -> "(";
                        case "bmatrix" -> "[";
                        case "cases" -> "{ ";
                        default -> "";
                    };
                }
                case "end" -> {
                    String environment = rawGroup();
                    return switch (environment) {
                        case "pmatrix" -> ")";
                        case "bmatrix" -> "]";
                        default -> "";
                    };
                }
                case "\\" -> {
                    return "; ";
                }
                case "left", "right", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "big", "Big", "bigg",
                     "Bigg", "middle" -> {
                    // the size of the delimiter that follows; "\left." is an invisible one
                    if (pos < tex.length() && tex.charAt(pos) == '.') {
                        pos++;
                    }
                    return "";
                }
                default -> {
                    String symbol = SYMBOLS.get(name);
                    if (symbol != null) {
                        if (symbol.codePointCount(0, symbol.length()) == 1
                                && (Character.isLetter(symbol.codePointAt(0)) || "∂∇".contains(symbol))) {
                            // as in LaTeX, a letter-like command touches the operand after it: "\partial J" is ∂J
                            int next = pos;
                            while (next < tex.length() && tex.charAt(next) == ' ') {
                                next++;
                            }
                            if (next < tex.length() && (Character.isLetterOrDigit(tex.charAt(next))
                                    || isLetterCommand(next))) {
                                pos = next;
                            }
                        }
                        return symbol;
                    }
                    return name; // an unknown command shows as its name, never with a backslash
                }
            }
        }

        /** Whether a sum, product or integral starts at {@code at}. */
        private boolean startsBigOperator(int at) {
            if (at >= tex.length() || tex.charAt(at) != '\\') {
                return false;
            }
            int end = at + 1;
            while (end < tex.length() && Character.isLetter(tex.charAt(end))) {
                end++;
            }
            return switch (tex.substring(at + 1, end)) {
                case "sum", "prod", "int" -> true;
                default -> false;
            };
        }

        /**
         * A fraction's denominator: as {@link #wrap}, and in parentheses too when it is a number times a symbol, so
         * that λ/(2m) does not read as λ/2 · m.
         */
        private static String denominator(String b) {
            String t = wrap(b);
            int i = 0;
            while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
                i++;
            }
            if (i > 0 && i < t.length() && Character.isLetter(t.codePointAt(i))
                    && !SUPERSCRIPTS.containsValue((char) t.codePointAt(i))
                    && !SUBSCRIPTS.containsValue((char) t.codePointAt(i))) {
                return "(" + t + ")";
            }
            return t;
        }

        /**
         * Whether a command starting at {@code at} is a letter, e.g. {@code \\theta} in {@code \\partial \\theta}, or
         * makes one: an accent or a font, {@code \\hat{y}}, {@code \\mathcal{L}}.
         */
        private boolean isLetterCommand(int at) {
            if (tex.charAt(at) != '\\') {
                return false;
            }
            int end = at + 1;
            while (end < tex.length() && Character.isLetter(tex.charAt(end))) {
                end++;
            }
            String name = tex.substring(at + 1, end);
            if (LETTER_MAKERS.contains(name)) {
                return true;
            }
            String symbol = SYMBOLS.get(name);
            return symbol != null && symbol.codePointCount(0, symbol.length()) == 1
                    && Character.isLetter(symbol.codePointAt(0));
        }

        private static String accent(String base, char combining) {
            if (base.codePointCount(0, base.length()) == 1) {
                return base + combining;
            }
            return wrap(base) + combining;
        }

        /**
         * A bar over one letter is a macron (x̄); over longer text, as in the mean of squares, a combining overline on
         * each character draws one line across all of it (x̅²̅), where a macron on the last one would read x²̄.
         */
        private static String overline(String base) {
            if (base.codePointCount(0, base.length()) == 1) {
                return base + '\u0304';
            }
            StringBuilder line = new StringBuilder();
            base.strip().codePoints().forEach(cp -> {
                line.appendCodePoint(cp);
                if (cp != ' ') {
                    line.append('\u0305');
                }
            });
            return line.toString();
        }

        /** {@code a} as one operand: bare when it is one symbol or word, else in parentheses. */
        private static String wrap(String a) {
            String t = a.strip();
            // a parenthesised group, perhaps raised to a power, is one operand already: (1 + e⁻ᶻ)²
            String base = t.replaceAll("[" + superscripts() + "]+$", "");
            if (t.isEmpty() || isAtom(t) || (base.startsWith("(") && base.endsWith(")") && balanced(base))) {
                return t;
            }
            return "(" + t + ")";
        }

        private static boolean isAtom(String t) {
            return t.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '.' || cp == '\''
                    || cp == '∂' || cp == '∇'
                    || cp == '′' || Character.getType(cp) == Character.NON_SPACING_MARK
                    || SUPERSCRIPTS.containsValue((char) cp) || SUBSCRIPTS.containsValue((char) cp)
                    || cp == '[' || cp == ']' || cp == '^' || cp == '_');
        }

        private static String superscripts() {
            StringBuilder all = new StringBuilder();
            SUPERSCRIPTS.values().forEach(c -> {
                if (c != '⁽' && c != '⁾') {
                    all.append(c == '⁻' ? "\\u207B" : String.valueOf(c));
                }
            });
            return all.toString();
        }

        private static boolean balanced(String t) {
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0 && i < t.length() - 1) {
                    return false;
                }
            }
            return depth == 0;
        }

        /** A superscript or subscript: Unicode when every character has one, else ^x / _(x + y) kept readable. */
        private static String script(String content, boolean superscript) {
            String t = content.strip();
            Map<Integer, Character> table = superscript ? SUPERSCRIPTS : SUBSCRIPTS;
            if (!t.isEmpty() && t.codePoints().allMatch(table::containsKey)) {
                StringBuilder s = new StringBuilder();
                t.codePoints().forEach(cp -> s.append(table.get(cp)));
                return s.toString();
            }
            int close = t.indexOf(']');
            if (t.startsWith("[") && close > 0 && close < t.length() - 1) {
                // a layer index and then a power or transpose, A^{[1]T}: A^[1]ᵀ
                return script(t.substring(0, close + 1), superscript) + script(t.substring(close + 1), superscript);
            }
            String mark = superscript ? "^" : "_";
            boolean bracketed = t.startsWith("[") && t.endsWith("]") || t.startsWith("(") && t.endsWith(")");
            return mark + (bracketed || isAtom(t) ? t : "(" + t + ")");
        }
    }
}
