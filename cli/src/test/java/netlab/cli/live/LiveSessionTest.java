package netlab.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.live.LiveException;
import netlab.cli.FakeHandle;
import netlab.cli.io.StdoutException;
import netlab.cli.io.StdoutFailures;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/**
 * The live session on a {@link FakeHandle} that runs until stopped, as a real handle does: what ends the loop (the
 * duration, the handler, a failed timer task), what the loop rethrows, and how the timer ends. Nothing waits on a
 * clock: each test ends when the session stops the handle.
 */
class LiveSessionTest {
    /** 2023-11-14T22:13:20Z. */
    private static final long T0 = 1_700_000_000_000_000_000L;

    private static FakeHandle silent() {
        return new FakeHandle("fake0", List.of(), false, (f, t) -> List.of());
    }

    private static Frame frame(int k) {
        return Frame.of(new byte[] {(byte) k}, T0 + k, LinkType.ETHERNET);
    }

    @Test
    void theDurationStopsTheLoop() throws LiveException {
        FakeHandle h = silent();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.stopAfter(1_000_000L);
            s.loop(f -> true);
            assertTrue(h.isStopped());
            assertEquals(0, s.signalExitCode());
        }
    }

    @Test
    void noDurationSchedulesNothingAndTheHandlerEndsTheLoop() throws LiveException {
        FakeHandle h = new FakeHandle("fake0", List.of(frame(1), frame(2), frame(3)), false, (f, t) -> List.of());
        List<Long> seen = new ArrayList<>();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.stopAfter(null);
            s.loop(f -> {
                seen.add(f.timestampNanos());
                return seen.size() < 2;
            });
        }
        assertEquals(List.of(T0 + 1, T0 + 2), seen);
        assertTrue(h.isStopped());
    }

    @Test
    void aTaskThatCannotWriteToStdoutStopsTheLoopWhichRethrowsIt() {
        FakeHandle h = silent();
        StdoutException gone = StdoutFailures.readerGone();
        AtomicInteger runs = new AtomicInteger();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.every(0, 1_000_000L, () -> {
                if (runs.incrementAndGet() == 3) {
                    throw gone;
                }
            });
            assertSame(gone, assertThrows(StdoutException.class, () -> s.loop(f -> true)));
            s.stopTimer();
        }
        assertTrue(h.isStopped());
        assertEquals(3, runs.get(), "the failed task runs no more");
    }

    @Test
    void theFirstFailureWinsAndIsRethrownAfterTheLoop() {
        FakeHandle h = silent();
        LiveException first = new LiveException(LiveException.Kind.FAILED, "fake0: send failed");
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.start(() -> {
                s.fail(first);
                s.fail(new IllegalStateException("later"));
            });
            assertSame(first, assertThrows(LiveException.class, () -> s.loop(f -> true)));
            assertSame(first, assertThrows(LiveException.class, s::throwIfFailed));
        }
    }

    @Test
    void finishingTheTimerLetsTheRunningTaskEnd() throws Exception {
        FakeHandle h = silent();
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.start(() -> {
                h.stop();
                try {
                    go.await();
                    done.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            s.loop(f -> true);
            go.countDown();
            s.finishTimer(60);
        }
        assertTrue(done.get());
    }

    @Test
    void stoppingTheTimerInterruptsTheRunningTask() throws Exception {
        FakeHandle h = silent();
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.start(() -> {
                h.stop();
                try {
                    never.await();
                    done.set(true);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            });
            s.loop(f -> true);
            s.stopTimer();
        }
        assertTrue(interrupted.get());
        assertFalse(done.get());
    }

    @Test
    void trappedSignalsStopTheHandleAndGiveTheirExitCode() throws LiveException {
        FakeHandle h = silent();
        try (LiveSession s = new LiveSession(h, "test-timer")) {
            s.trapSignals();
            Signal.raise(new Signal("TERM"));
            s.loop(f -> true);
            assertTrue(h.isStopped());
            assertEquals(143, s.signalExitCode());
        }
    }
}
