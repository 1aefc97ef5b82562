package netlab.cli.live;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.cli.io.StdoutException;

/**
 * One live run on a handle, as capture, watch, arp-resolve and arp-scan share it: the timer thread (periodic
 * tasks, the --duration stop, a probe's sender), SIGINT/SIGTERM, which stop the handle and give the exit code
 * 130/143, a failure on the timer thread (stdout gone, a send refused), which stops the handle and is rethrown on
 * the capturing thread, and the capture statistics at the end.
 */
public final class LiveSession implements AutoCloseable {
    /** How long {@link #stopTimer()} waits for an interrupted task to end. */
    private static final long STOP_WAIT_SECONDS = 2;

    private final LiveHandle handle;
    private final ScheduledThreadPoolExecutor timer;
    private Signals signals;
    /** The first failure of a timer task: a LiveException or a RuntimeException. */
    private volatile Exception failure;

    /** A session on {@code handle} whose timer thread (a daemon, started with the first task) is named {@code thread}. */
    public LiveSession(LiveHandle handle, String thread) {
        this.handle = handle;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
    }

    /** The handle this session runs on. */
    public LiveHandle handle() {
        return handle;
    }

    /**
     * From now until the returned handlers (or the session) are closed, SIGINT and SIGTERM do not kill the JVM:
     * they stop the handle, and {@link #signalExitCode()} becomes 130 or 143, so the command can flush and close
     * its files and print its summary first.
     */
    public Signals trapSignals() {
        if (signals != null) {
            signals.close();
        }
        signals = new Signals(handle::stop);
        return signals;
    }

    /** 130 (SIGINT) or 143 (SIGTERM) once a signal arrived while trapped, else 0. */
    public int signalExitCode() {
        return signals == null ? 0 : signals.exitCode();
    }

    /** --duration: stops the handle {@code nanos} from now; nothing when null. */
    public void stopAfter(Long nanos) {
        if (nanos != null) {
            timer.schedule(handle::stop, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Runs {@code task} on the timer thread {@code firstNanos} from now, then every {@code periodNanos}. A task
     * that cannot write to stdout (the reader went away) stops the handle and runs no more; {@link #loop} then
     * rethrows that failure. Any other exception ends the task alone, as a scheduled executor does.
     */
    public void every(long firstNanos, long periodNanos, Runnable task) {
        timer.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (StdoutException e) {
                fail(e);
                throw e;
            }
        }, firstNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} once on the timer thread, now (arp-scan's sender, which paces itself). */
    public void start(Runnable task) {
        timer.execute(task);
    }

    /** A timer task failed: the first failure is kept for {@link #throwIfFailed()}, and the handle stops. */
    public void fail(LiveException e) {
        record(e);
    }

    /** A timer task failed: the first failure is kept for {@link #throwIfFailed()}, and the handle stops. */
    public void fail(RuntimeException e) {
        record(e);
    }

    private void record(Exception e) {
        synchronized (this) {
            if (failure == null) {
                failure = e;
            }
        }
        handle.stop();
    }

    /**
     * Delivers frames to {@code handler} on the calling thread until the handle stops (the handler, --duration, a
     * signal, a failed task), then rethrows a timer task's failure.
     */
    public void loop(LiveHandle.FrameHandler handler) throws LiveException {
        handle.loop(handler);
        throwIfFailed();
    }

    /** Rethrows the first failure of a timer task, if any. */
    public void throwIfFailed() throws LiveException {
        Exception e = failure;
        if (e instanceof LiveException le) {
            throw le;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    /** Ends the timer now: interrupts the running task and waits for it (2 s at most); pending ones never run. */
    public void stopTimer() {
        timer.shutdownNow();
        await(STOP_WAIT_SECONDS);
    }

    /**
     * Ends the timer gently: a task already running may finish (within {@code seconds}; an interrupt would cut a
     * database write short), delayed and periodic ones never run again; then as {@link #stopTimer()}.
     */
    public void finishTimer(long seconds) {
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.shutdown();
        await(seconds);
        timer.shutdownNow();
    }

    private void await(long seconds) {
        try {
            timer.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The handle's counters now (libpcap's {@code pcap_stats}), for the statistics printed at the end. */
    public CaptureStats stats() throws LiveException {
        return handle.stats();
    }

    /** Gives SIGINT and SIGTERM back to the JVM and ends the timer thread at once; the handle stays open. */
    @Override
    public void close() {
        if (signals != null) {
            signals.close();
        }
        timer.shutdownNow();
    }
}
