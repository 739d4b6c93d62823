package dev.backprop.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The frontend's side of the Jupyter messaging protocol (v5.3), as far as the kernel tests need it: signed requests
 * on the shell and control sockets, and the IOPub broadcast read back. What {@code jupyter_client} does for Jupyter.
 */
final class JupyterClient implements AutoCloseable {

    /** A message as received: its type, the id of the request it answers, and its content. */
    record Received(String type, String parentId, JsonObject content) {
    }

    private static final String DELIMITER = "<IDS|MSG>";

    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();

    JupyterClient(KernelConnectionProperties kernel) throws GeneralSecurityException {
        String base = kernel.getTransport() + "://" + kernel.getIp() + ":";
        shell = context.createSocket(SocketType.DEALER);
        shell.connect(base + kernel.getShellPort());
        control = context.createSocket(SocketType.DEALER);
        control.connect(base + kernel.getControlPort());
        iopub = context.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.connect(base + kernel.getIopubPort());
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(kernel.getKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** Sends a request on the shell socket; returns its message id. */
    String shell(String type, JsonObject content) {
        return send(shell, type, content);
    }

    /** Sends a request on the control socket (interrupt, shutdown); returns its message id. */
    String control(String type, JsonObject content) {
        return send(control, type, content);
    }

    /** An {@code execute_request} for {@code code}; returns its message id. */
    String execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return shell("execute_request", content);
    }

    /** The next reply on the shell socket, or null after {@code millis}. */
    Received shellReply(long millis) {
        return receive(shell, millis);
    }

    /** The next reply on the control socket, or null after {@code millis}. */
    Received controlReply(long millis) {
        return receive(control, millis);
    }

    /** The next IOPub message, or null after {@code millis}. */
    Received iopub(long millis) {
        return receive(iopub, millis);
    }

    /**
     * The IOPub messages that answer request {@code id}, up to and with its {@code status: idle}, or fewer after
     * {@code millis} without one.
     */
    List<Received> iopubUntilIdle(String id, long millis) {
        List<Received> messages = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            Received m = iopub(Math.max(1, end - System.currentTimeMillis()));
            if (m == null || !id.equals(m.parentId())) {
                continue;
            }
            messages.add(m);
            if (m.type().equals("status") && m.content().get("execution_state").getAsString().equals("idle")) {
                break;
            }
        }
        return messages;
    }

    private String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("username", "test");
        header.addProperty("session", session);
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {header.toString(), "{}", "{}", new Gson().toJson(content)};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3]);
        return id;
    }

    private Received receive(ZMQ.Socket socket, long millis) {
        socket.setReceiveTimeOut((int) Math.min(Integer.MAX_VALUE, millis));
        List<String> frames = new ArrayList<>();
        String frame = socket.recvStr();
        if (frame == null) {
            return null;
        }
        frames.add(frame);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recvStr());
        }
        int at = frames.indexOf(DELIMITER);
        List<String> parts = frames.subList(at + 2, at + 6);
        if (!sign(parts.toArray(String[]::new)).equals(frames.get(at + 1))) {
            throw new IllegalStateException("the kernel's message has a wrong signature: " + frames);
        }
        JsonObject header = JsonParser.parseString(parts.get(0)).getAsJsonObject();
        JsonObject parent = JsonParser.parseString(parts.get(1)).getAsJsonObject();
        return new Received(header.get("msg_type").getAsString(),
                parent.has("msg_id") ? parent.get("msg_id").getAsString() : null,
                JsonParser.parseString(parts.get(3)).getAsJsonObject());
    }

    private String sign(String[] parts) {
        for (String part : parts) {
            mac.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    @Override
    public void close() {
        context.close();
    }
}
