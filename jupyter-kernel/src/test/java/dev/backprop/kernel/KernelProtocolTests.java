package dev.backprop.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.backprop.kernel.JupyterClient.Received;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel as Jupyter talks to it: signed messages over ZeroMQ, requests on shell and control, results on IOPub.
 * One kernel serves every test here, as one notebook would, and is shut down the way Jupyter shuts it down.
 */
class KernelProtocolTests {

    private static final long WAIT = 60_000;

    private static KernelConnectionProperties connection;
    private static CompletableFuture<Integer> kernel;
    private static JupyterClient client;

    @BeforeAll
    static void startTheKernelAndConnect() throws Exception {
        connection = new KernelConnectionProperties("127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), "tcp", "hmac-sha256", UUID.randomUUID().toString());
        kernel = CompletableFuture.supplyAsync(() -> {
            try {
                return KernelMain.serve(connection);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        client = new JupyterClient(connection);
        // IOPub is a broadcast: ask for kernel_info until the subscription is live and a status message arrives
        Received status = null;
        for (int k = 0; k < 60 && status == null; k++) {
            String id = client.shell("kernel_info_request", new JsonObject());
            assertThat(client.shellReply(WAIT)).isNotNull();
            status = client.iopubUntilIdle(id, 500).stream().filter(m -> m.type().equals("status")).findFirst()
                    .orElse(null);
        }
        assertThat(status).as("a status message on IOPub").isNotNull();
    }

    @AfterAll
    static void shutDownAsJupyterDoes() throws Exception {
        JsonObject restart = new JsonObject();
        restart.addProperty("restart", false);
        client.control("shutdown_request", restart);
        Received reply = client.controlReply(WAIT);
        client.close();
        assertThat(reply.type()).isEqualTo("shutdown_reply");
        assertThat(kernel.get(30, TimeUnit.SECONDS)).as("the kernel's exit code").isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void kernelInfoNamesTheWorkshopKernelAndJava() {
        client.shell("kernel_info_request", new JsonObject());
        Received reply = client.shellReply(WAIT);

        assertThat(reply.type()).isEqualTo("kernel_info_reply");
        assertThat(reply.content().get("implementation").getAsString()).isEqualTo("backprop-workshop");
        assertThat(reply.content().getAsJsonObject("language_info").get("name").getAsString()).isEqualTo("java");
    }

    @Test
    void anExecuteRequestPrintsReturnsItsValueAndKeepsItsVariables() {
        String id = client.execute("int answer = 6 * 7;\nSystem.out.println(\"answer = \" + answer);\nanswer");
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        Received reply = client.shellReply(WAIT);

        assertThat(published).extracting(Received::type)
                .containsSubsequence("status", "execute_input", "stream", "execute_result", "status");
        assertThat(text(published, "stream")).isEqualTo("answer = 42\n");
        assertThat(published).filteredOn(m -> m.type().equals("execute_result")).singleElement()
                .satisfies(m -> assertThat(m.content().getAsJsonObject("data").get("text/plain").getAsString())
                        .isEqualTo("42"));
        assertThat(reply.type()).isEqualTo("execute_reply");
        assertThat(reply.content().get("status").getAsString()).isEqualTo("ok");

        String next = client.execute("answer + 1");
        assertThat(client.iopubUntilIdle(next, WAIT)).filteredOn(m -> m.type().equals("execute_result"))
                .singleElement().satisfies(m -> assertThat(
                        m.content().getAsJsonObject("data").get("text/plain").getAsString()).isEqualTo("43"));
        client.shellReply(WAIT);
    }

    @Test
    void aPlotALessonLogShowsIsAPngDisplay() {
        String id = client.execute("""
                var log = dev.backprop.kernel.Jupyter.log(new dev.backprop.lessons.PlanarLesson());
                log.println("before the plot");
                log.plot("squares", dev.backprop.lessons.Charts.functions("Squares", "y", new double[] {0, 1, 2},
                        java.util.Map.of("x²", new double[] {0, 1, 4})));
                """);
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        client.shellReply(WAIT);

        assertThat(text(published, "stream")).isEqualTo("before the plot\n");
        Received display = published.stream().filter(m -> m.type().equals("display_data")).findFirst().orElseThrow();
        byte[] png = Base64.getDecoder().decode(
                display.content().getAsJsonObject("data").get("image/png").getAsString());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(display.content().getAsJsonObject("data").get("text/plain").getAsString())
                .isEqualTo("<squares: \"Squares\", 800×600 PNG>");
    }

    @Test
    void stderrIsItsOwnStreamAndAChartCanBeShownDirectly() {
        String id = client.execute("""
                System.err.println("a warning");
                dev.backprop.kernel.Jupyter.show(dev.backprop.lessons.Charts.functions("Line", "y",
                        new double[] {0, 1}, java.util.Map.of("x", new double[] {0, 1})));
                """);
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        client.shellReply(WAIT);

        assertThat(published).filteredOn(m -> m.type().equals("stream")).singleElement()
                .satisfies(m -> assertThat(m.content().get("name").getAsString()).isEqualTo("stderr"))
                .satisfies(m -> assertThat(m.content().get("text").getAsString()).isEqualTo("a warning\n"));
        assertThat(published).filteredOn(m -> m.type().equals("display_data")).singleElement()
                .satisfies(m -> assertThat(m.content().getAsJsonObject("data").get("text/plain").getAsString())
                        .isEqualTo("<chart: \"Line\">"));
    }

    @Test
    void anExceptionIsAnErrorWithItsNameAndTheLineOfTheCell() {
        String id = client.execute("int[] counts = new int[2];\ncounts[2] = 1;");
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        Received reply = client.shellReply(WAIT);

        Received error = published.stream().filter(m -> m.type().equals("error")).findFirst().orElseThrow();
        assertThat(error.content().get("ename").getAsString()).isEqualTo("ArrayIndexOutOfBoundsException");
        assertThat(error.content().get("traceback").toString()).contains("at line 2 of this cell: counts[2] = 1;");
        assertThat(reply.content().get("status").getAsString()).isEqualTo("error");
        assertThat(reply.content().get("ename").getAsString()).isEqualTo("ArrayIndexOutOfBoundsException");
    }

    @Test
    void anExceptionInAMethodAnEarlierCellDeclaredNamesThatCellsNumberAndLine() {
        String define = client.execute("int unusedHere = 0;\nint lastOf(int[] values) {\n"
                + "    int last = values.length;\n    return values[last];\n}");
        client.iopubUntilIdle(define, WAIT);
        int defined = client.shellReply(WAIT).content().get("execution_count").getAsInt();

        String id = client.execute("lastOf(new int[3])");
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        client.shellReply(WAIT);

        Received error = published.stream().filter(m -> m.type().equals("error")).findFirst().orElseThrow();
        // before: "in lastOf(...), line 1 of a snippet an earlier cell defined"
        assertThat(error.content().get("traceback").toString())
                .contains("in lastOf(...), line 4 of cell [" + defined + "]: return values[last];");
    }

    @Test
    void anInterruptRequestStopsAnEndlessLoop() {
        String id = client.execute("System.out.println(\"looping\");\nwhile (true) { }");
        // wait until the cell runs: it prints before its loop
        Received printed = null;
        while (printed == null || !printed.type().equals("stream")) {
            printed = client.iopub(WAIT);
            assertThat(printed).as("the cell's first line printed").isNotNull();
        }
        client.control("interrupt_request", new JsonObject());
        Received interruptReply = client.controlReply(WAIT);
        List<Received> published = client.iopubUntilIdle(id, WAIT);
        Received reply = client.shellReply(WAIT);

        assertThat(interruptReply.type()).isEqualTo("interrupt_reply");
        assertThat(published).filteredOn(m -> m.type().equals("error")).singleElement()
                .satisfies(m -> assertThat(m.content().get("ename").getAsString()).isEqualTo("KeyboardInterrupt"));
        assertThat(reply.content().get("status").getAsString()).isEqualTo("error");
    }

    private static String text(List<Received> messages, String type) {
        StringBuilder text = new StringBuilder();
        messages.stream().filter(m -> m.type().equals(type))
                .forEach(m -> text.append(m.content().get("text").getAsString()));
        return text.toString();
    }
}
