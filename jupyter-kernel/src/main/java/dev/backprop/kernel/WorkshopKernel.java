package dev.backprop.kernel;

import dev.backprop.exercises.notebook.NotebookSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * The workshop's Jupyter kernel: Java cells run in JShell, inside this JVM, with the engine and the lessons on the
 * class path. A cell's printed lines go to its stdout/stderr outputs, a chart it shows (or a chart it ends with) to
 * an {@code image/png} output, a value it ends with to text as {@code toString()} writes it (a {@code Matrix} prints as
 * numpy does), and an exception to an error naming the line of the cell. Built on JJava's {@link BaseKernel}, which
 * speaks the Jupyter protocol. In an exercise worksheet, {@code check("function")} grades the methods the notebook's
 * cells declared, which the kernel tells the grader ({@link NotebookMethods}).
 */
public final class WorkshopKernel extends BaseKernel {

    /** The kernelspec's name, as {@code jupyter kernelspec list} shows it. */
    public static final String NAME = "backprop-workshop";
    /** The name Jupyter shows in its launcher and its kernel menu. */
    public static final String DISPLAY_NAME = "Java (Backprop Workshop)";

    private final KernelIO kernelIo;
    private final CellExecutionControl control;
    private final JShell jshell;
    private final SourceCodeAnalysis analysis;
    private final NotebookMethods methods;
    /** The cell each snippet was cut from, by the snippet's id (for a frame in a method an earlier cell declared). */
    private final Map<String, Cell> cellOfSnippet = new ConcurrentHashMap<>();
    /** The execution count of the cell {@link #handleExecuteRequest} runs, or 0. */
    private int executionCountOfCell;

    private WorkshopKernel(KernelIO io, Renderer renderer, CellExecutionControl control) {
        super(NAME, version(), new LanguageInfo.Builder("java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("java")
                        .build(),
                List.of(), null, io, new CommManager(),
                renderer, null, null, false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG).addHighlightStyle(TextColor.BOLD_RESET_FG).build());
        this.kernelIo = io;
        this.control = control;
        this.jshell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "backprop-cell";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).compilerOptions("-sourcepath", noSources()).build();
        this.analysis = jshell.sourceCodeAnalysis();
        // the same class path this JVM runs on: the engine, the lessons, their libraries (loaded once, by this JVM)
        jshell.addToClasspath(System.getProperty("java.class.path"));
        ChartRendering.register(renderer);
        // a worksheet's check("function") grades the methods this notebook's cells declare
        this.methods = new NotebookMethods(jshell, cellOfSnippet);
        NotebookSources.use(methods);
    }

    /** A kernel, not yet connected: {@link KernelMain} connects it to Jupyter; tests call {@link #eval} directly. */
    public static WorkshopKernel create() {
        return new WorkshopKernel(new KernelIO(), new Renderer(), new CellExecutionControl());
    }

    /**
     * An empty source path for the cells' compiler. Without one, javac looks for sources on the class path too, and
     * the lessons jar carries each lesson's {@code .java} (for the notebooks' code cells): javac would then compile a
     * lesson from its source inside the REPL instead of using its class.
     */
    private static String noSources() {
        try {
            Path empty = Files.createTempDirectory("backprop-kernel-no-sources");
            empty.toFile().deleteOnExit();
            return empty.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("kernel: cannot create an empty source path for the cells' compiler", e);
        }
    }

    /** The kernel this JVM runs for a notebook, or null outside one. */
    static BaseKernel running() {
        return notebookKernel;
    }

    private static String version() {
        String version = WorkshopKernel.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    /**
     * Runs a cell, snippet by snippet as JShell cuts it, and returns the value of its last snippet when that is an
     * expression (or null). Each snippet goes to JShell from its first character that is not white space, and the
     * cell remembers where that is, so that a line JShell reports of the snippet is told as a line of the cell. (A
     * snippet whose source starts with a line break would not do: JShell then reports line 1 of it for every stack
     * frame in it, whatever line threw.)
     *
     * @throws CellError when a snippet does not compile, uses something undefined, throws, or is interrupted; the
     *                   snippets before it have run
     */
    @Override
    public Object evalRaw(String code) {
        Cell cell = new Cell(code, executionCountOfCell);
        Object value = null;
        String rest = code;
        CompletionInfo info = analysis.analyzeCompletion(rest);
        control.beginCell();
        try {
            while (info.completeness().isComplete()) {
                String source = info.source().stripLeading();
                int start = code.length() - rest.length() + info.source().length() - source.length();
                value = evalSnippet(cell, source, start);
                rest = info.remaining();
                info = analysis.analyzeCompletion(rest);
            }
        } finally {
            control.endCell();
        }
        if (info.completeness() != Completeness.EMPTY) {
            int offset = code.length() - rest.length() + (rest.length() - rest.stripLeading().length());
            int line = (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
            String message = "line " + line + ": the cell ends in the middle of a statement: " + rest.strip();
            throw new CellError("IncompleteCell", message, List.of("IncompleteCell on " + message));
        }
        return value;
    }

    private Object evalSnippet(Cell cell, String source, int start) {
        List<SnippetEvent> events = jshell.eval(source);
        Object value = control.takeValue();
        Object shown = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;   // a snippet this one re-validated, not this one
            }
            Snippet snippet = event.snippet();
            cell.snippetAt(snippet.id(), start);
            cellOfSnippet.put(snippet.id(), cell);
            if (event.exception() != null) {
                throw CellError.thrown(jshell, cell, cellOfSnippet, event.exception());
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw CellError.compileError(jshell, cell, snippet);
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof DeclarationSnippet d) {
                throw CellError.unresolved(jshell, cell, snippet, jshell.unresolvedDependencies(d).toList());
            }
            shown = switch (snippet.subKind()) {
                case TEMP_VAR_EXPRESSION_SUBKIND, OTHER_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND -> value;
                default -> null;
            };
        }
        return shown;
    }

    /**
     * Compiles and runs a throwaway snippet, so that JShell's compiler is loaded before the first cell (it takes
     * seconds): {@link KernelMain} calls it on a thread of its own once Jupyter is connected; a cell that comes
     * sooner waits for it.
     */
    synchronized void warmUp() {
        for (SnippetEvent event : jshell.eval("Math.max(0, 1)")) {
            jshell.drop(event.snippet());
        }
        control.takeValue();
    }

    /** Tab completion, as JShell's source analysis gives it. */
    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct()
                .collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    /** Shift-Tab: the signatures of what is under the cursor. */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, extraDetail);
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            lines.add(doc.signature() + (extraDetail && doc.javadoc() != null ? "\n" + doc.javadoc() : ""));
        }
        return new DisplayData(String.join("\n\n", lines));
    }

    /** For a console frontend: whether {@code code} is a whole statement yet, or the indent of its next line. */
    @Override
    public String isComplete(String code) {
        CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return switch (info.completeness()) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case CONSIDERED_INCOMPLETE, DEFINITELY_INCOMPLETE -> "    ";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    /** Kernel → Interrupt: stops the cell that is running. */
    @Override
    public void interrupt() {
        control.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        NotebookSources.stopUsing(methods);
        control.interrupt();
        super.onShutdown(isRestarting);
        jshell.close();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellError cellError ? cellError.traceback() : super.formatError(e);
    }

    /**
     * As JJava's execute handler, except that an error is published with the name of the exception the cell threw
     * ({@code ArithmeticException}, not the kernel's wrapper) and the traceback {@link CellError} tells.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        commManager.setMessageContext(request);
        ExecuteRequest execute = request.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(execute.getCode(), count));
        replaceOutputStreams(env);
        kernelIo.attach(env, execute.isStdinEnabled());
        env.defer(() -> kernelIo.detach(env));
        executionCountOfCell = count;
        try {
            DisplayData result = eval(execute.getCode());
            kernelIo.out.flush();
            kernelIo.err.flush();
            if (result != null) {
                env.publish(new PublishExecuteResult(count, result));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (RuntimeException e) {
            kernelIo.out.flush();
            kernelIo.err.flush();
            CellError error = e instanceof CellError cellError ? cellError
                    : new CellError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), formatError(e));
            env.publish(new PublishError(error.ename(), error.evalue(), error.traceback()));
            ErrorReply reply = new ErrorReply(error.ename(), error.evalue(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            executionCountOfCell = 0;
        }
    }
}
