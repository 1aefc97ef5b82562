package netlab.cli.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One server-sent-events stream (WHATWG HTML, "Server-sent events"): snapshots queue here (at most
 * {@link #QUEUE}) and the stream's thread writes each as one {@code data:} line; a comment line every
 * {@link #KEEPALIVE_SECONDS} s keeps idle proxies from closing it and notices a gone client.
 */
final class SseClient {
    /** Snapshots queued for a client before it counts as too slow and is dropped. */
    static final int QUEUE = 4;
    static final int KEEPALIVE_SECONDS = 15;
    private static final byte[] CLOSE = new byte[0];
    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEPALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE + 1);
    private volatile boolean closed;

    /** Queues a snapshot; false when the client is {@link #QUEUE} behind. */
    boolean offer(byte[] json) {
        return closed || queue.size() < QUEUE && queue.offer(json);
    }

    /** Ends the stream at the next message (the close marker always fits: the queue has one spare slot). */
    void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSE);
    }

    /** The stream's thread: writes until closed or the client goes away. */
    void run(OutputStream out) {
        try (out) {
            while (!closed) {
                byte[] m = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                if (m == CLOSE) {
                    break;
                }
                if (m == null) {
                    out.write(KEEPALIVE);
                } else {
                    out.write(PREFIX);
                    out.write(m);
                    out.write(END);
                }
                out.flush();
            }
        } catch (IOException e) {
            // The browser went away: nothing to report, the slot is freed by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
