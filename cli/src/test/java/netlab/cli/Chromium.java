package netlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol through a
 * pipe: no WebDriver, no browser download, no port. Each instance gets a fresh profile in a
 * temporary directory, with networking features that would reach the internet switched off; one page
 * (target) is attached. Console errors, uncaught exceptions, log errors and every network request the page
 * makes are recorded for the tests to assert on. Every wait is bounded by {@link #TIMEOUT_SECONDS}, after
 * which the test fails (it is a guard against a hung browser, not a timed assertion).
 */
final class Chromium implements AutoCloseable {
    static final String BINARY = "/usr/bin/chromium";
    static final int TIMEOUT_SECONDS = 90;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final OutputStream in;
    private final String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Console errors, uncaught exceptions and error log entries, as text. */
    final List<String> errors = new CopyOnWriteArrayList<>();
    /** URLs of every request the page made. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** Skips (or fails with NETLAB_REQUIRE_LIVE=1) when Debian's chromium is not installed. */
    static void assumeInstalled() {
        NamespaceLab.requireTool(BINARY, "chromium");
    }

    /**
     * Starts Chromium, through {@code prefix} (e.g. {@code ip netns exec NS}) when given, with a window of
     * {@code width} x {@code height}, and attaches to a blank page. DevTools runs over a pipe
     * ({@code --remote-debugging-pipe}: fds 3 and 4, NUL-separated JSON), so no port is opened and a browser
     * in another network namespace is driven the same way.
     */
    static Chromium start(List<String> prefix, int width, int height) throws Exception {
        assumeInstalled();
        Path profile = Files.createTempDirectory("netlab-chromium-");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("timeout", "600", "bash", "-c", "exec 3<&0 4>&1; exec \"$0\" \"$@\" </dev/null >/dev/null",
                BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile.resolve("profile"),
                "--remote-debugging-pipe", "--window-size=" + width + "," + height, "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectError(profile.resolve("chromium.log").toFile()).start();
        try {
            return new Chromium(p, profile);
        } catch (Exception | Error e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw e;
        }
    }

    private Chromium(Process process, Path profile) throws Exception {
        this.process = process;
        this.profile = profile;
        this.in = process.getOutputStream();
        Thread reader = new Thread(this::read, "chromium-devtools");
        reader.setDaemon(true);
        reader.start();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
            call(domain + ".enable", Map.of());
        }
    }

    /** Reader thread: splits the browser's output on NUL and dispatches each message. */
    private void read() {
        try (InputStream out = new BufferedInputStream(process.getInputStream())) {
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            for (int b = out.read(); b >= 0; b = out.read()) {
                if (b != 0) {
                    msg.write(b);
                    continue;
                }
                onMessage(JSON.readTree(msg.toByteArray()));
                msg.reset();
            }
        } catch (IOException e) {
            errors.add("DevTools pipe: " + e.getMessage());
        } finally {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("chromium exited: "
                    + log())));
        }
    }

    /** The browser's stderr so far. */
    String log() {
        try {
            return Files.readString(profile.resolve("chromium.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Opens {@code url} and waits for its load event. */
    void navigate(String url) throws Exception {
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        loaded.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Evaluates {@code expression} in the page (promises awaited) and returns its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits (in the page) until {@code condition} is true; fails after the timeout. */
    void waitFor(String condition) throws Exception {
        JsonNode ok = eval("new Promise(function (done) { var end = Date.now() + " + (TIMEOUT_SECONDS - 5) * 1000L
                + "; (function poll() { var v = false; try { v = !!(" + condition + "); } catch (e) { v = false; }"
                + " if (v || Date.now() > end) { done(v); } else { setTimeout(poll, 50); } })(); })");
        if (!ok.asBoolean()) {
            throw new AssertionError("page never satisfied: " + condition);
        }
    }

    /** A PNG of the whole page, {@code width} wide, written to {@code file}. */
    void screenshot(Path file, int width) throws Exception {
        int height = eval("document.documentElement.scrollHeight").asInt();
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        synchronized (in) {
            in.write(JSON.writeValueAsBytes(msg));
            in.write(0);
            in.flush();
        }
        JsonNode reply = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    private void onMessage(JsonNode m) {
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        JsonNode p = m.path("params");
        switch (m.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
                    errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (p.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url"));
                }
            }
            case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
            default -> {
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            in.close();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
