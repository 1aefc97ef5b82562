package netlab.cli.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The read-only web server of {@code watch --web}, on the JDK's own HTTP server (no dependency, starts in
 * milliseconds): {@code /} the page, {@code /events} a server-sent-events stream of snapshots,
 * {@code /snapshot} the latest one. Only GET and HEAD; every request must carry the token when one is set
 * ({@code ?token=} or {@code Authorization: Bearer}), compared in constant time and never logged, else 401.
 *
 * <p>Bounds: at most {@link #MAX_STREAMS} streams at once (more get 503); each stream queues at most
 * {@link SseClient#QUEUE} snapshots and a client that falls that far behind is dropped. Snapshots are built
 * once per push and shared by every stream, so memory is a few snapshots however many browsers connect.
 */
public final class LiveWeb implements AutoCloseable {
    /** Streams served at once. */
    public static final int MAX_STREAMS = 16;

    private final HttpServer server;
    private final ExecutorService pool;
    private final byte[] token;
    private final Supplier<byte[]> page;
    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private volatile byte[] latest = "{}".getBytes(StandardCharsets.UTF_8);
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();

    /**
     * Starts serving on {@code bind}.
     *
     * @param page the page's HTML, made on each request to {@code /}
     * @throws IOException when the address cannot be bound
     */
    public LiveWeb(WebBind bind, Supplier<byte[]> page) throws IOException {
        this.token = bind.token() == null ? null : bind.token().getBytes(StandardCharsets.UTF_8);
        this.page = page;
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "netlab-web");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(bind.address(), 64);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address actually bound (the port is chosen when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Publishes a snapshot (UTF-8 JSON, one line) to every stream; a stream too far behind is dropped. */
    public void publish(byte[] json) {
        latest = json;
        for (SseClient c : clients) {
            if (!c.offer(json)) {
                dropped.incrementAndGet();
                c.close();
            }
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            var h = x.getResponseHeaders();
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                    + "style-src 'unsafe-inline'; connect-src 'self'; img-src data:; frame-ancestors 'none'");
            if (!authorized(x)) {
                unauthorized.incrementAndGet();
                h.set("WWW-Authenticate", "Bearer realm=\"netlab\"");
                send(x, 401, "text/plain", "401 token required\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                h.set("Allow", "GET, HEAD");
                send(x, 405, "text/plain", "405 read-only\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            switch (x.getRequestURI().getPath()) {
                case "/" -> send(x, 200, "text/html; charset=utf-8", page.get());
                case "/snapshot" -> send(x, 200, "application/json", latest);
                case "/events" -> stream(x);
                default -> send(x, 404, "text/plain", "404\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private void stream(HttpExchange x) throws IOException {
        if (!slots.tryAcquire()) {
            refused.incrementAndGet();
            x.getResponseHeaders().set("Retry-After", "5");
            send(x, 503, "text/plain", ("503 at most " + MAX_STREAMS + " live views at once\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        SseClient c = new SseClient();
        try {
            served.incrementAndGet();
            x.getResponseHeaders().set("Content-Type", "text/event-stream");
            x.sendResponseHeaders(200, 0);
            clients.add(c);
            c.offer(latest);
            c.run(x.getResponseBody());
        } finally {
            clients.remove(c);
            slots.release();
        }
    }

    /** Constant-time comparison of the presented token (query or bearer header) with ours. */
    private boolean authorized(HttpExchange x) {
        if (token == null) {
            return true;
        }
        String presented = null;
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            presented = auth.substring(7).trim();
        }
        String query = x.getRequestURI().getRawQuery();
        if (presented == null && query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith("token=")) {
                    presented = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
                }
            }
        }
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int code, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(code, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** One line for the end of the run: streams served, refused at the cap, dropped as too slow, 401s. */
    public String stats() {
        return "web view: " + served.get() + " streams served, " + refused.get() + " refused (at most " + MAX_STREAMS
                + " at once), " + dropped.get() + " dropped as too slow, " + unauthorized.get() + " requests without the token";
    }

    @Override
    public void close() {
        clients.forEach(SseClient::close);
        server.stop(0);
        pool.shutdownNow();
    }
}
