package netlab.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.LiveHandle;

/**
 * A live handle with no wire: frames in are given (a script at the start, and the answers of a responder to each
 * frame sent), frames out are recorded, and every frame carries the capture time the test chose.
 *
 * <p>With {@code endWhenDrained}, the loop stops once the script is delivered and nothing is left to receive, as if
 * the run were stopped right after the last frame (watch, capture); otherwise it runs until {@link #stop()}, as the
 * real handle does.
 */
public final class FakeHandle implements LiveHandle {
    /** A stand-in for the end of input in the queue. */
    private static final Frame END = Frame.of(new byte[0], 0, LinkType.ETHERNET);

    private final String device;
    private final LinkedBlockingQueue<Frame> incoming = new LinkedBlockingQueue<>();
    private final BiFunction<byte[], Long, List<Frame>> responder;
    private final List<byte[]> sent = new ArrayList<>();
    private volatile boolean stopped;
    private long received;

    /**
     * A handle on {@code device} that first delivers {@code script}, then the frames {@code responder} returns for
     * each frame sent (given the frame and the time it was sent, epoch nanoseconds).
     */
    public FakeHandle(String device, List<Frame> script, boolean endWhenDrained,
                      BiFunction<byte[], Long, List<Frame>> responder) {
        this.device = device;
        this.responder = responder;
        incoming.addAll(script);
        if (endWhenDrained) {
            incoming.add(END);
        }
    }

    @Override
    public void loop(FrameHandler handler) {
        while (!stopped) {
            Frame f;
            try {
                f = incoming.poll(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (f == END) {
                stop();
            } else if (f != null && !stopped) {
                synchronized (this) {
                    received++;
                }
                if (!handler.accept(f)) {
                    stop();
                }
            }
        }
    }

    @Override
    public Frame next() {
        while (!stopped) {
            try {
                Frame f = incoming.poll(5, TimeUnit.MILLISECONDS);
                if (f == END) {
                    stop();
                } else if (f != null) {
                    return f;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    @Override
    public void send(byte[] frame, int length) {
        byte[] copy = Arrays.copyOf(frame, length);
        Instant t = Instant.now();
        long now = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        synchronized (this) {
            sent.add(copy);
        }
        incoming.addAll(responder.apply(copy, now));
    }

    /** The frames sent so far, in order. */
    public synchronized List<byte[]> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized CaptureStats stats() {
        return new CaptureStats(received, 0, 0);
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public LinkType linkType() {
        return LinkType.ETHERNET;
    }

    @Override
    public int snapLength() {
        return 262_144;
    }

    @Override
    public void close() {
        stop();
    }
}
