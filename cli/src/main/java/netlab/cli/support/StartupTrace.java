package netlab.cli.support;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where a run's fixed cost goes (issue 16, docs/performance.md): with {@code -Dnetlab.trace.startup=true}
 * (e.g. {@code NETLAB_JAVA_OPTS=-Dnetlab.trace.startup=true ./netlab ...}) each phase's wall time and the
 * CPU time of the thread that ran it are printed on stderr at exit, then the JVM's uptime and the CPU time
 * of the whole process (JIT compiler and GC threads included). Off, every call is one boolean test.
 *
 * <p>CPU time is what a loaded machine cannot inflate much, so that is the column to compare across runs.
 */
public final class StartupTrace {
    public static final boolean ON = Boolean.getBoolean("netlab.trace.startup");
    private static final StringBuilder LINES = new StringBuilder();
    private static ThreadMXBean threads;
    private static long lastWall;
    private static long lastCpu;

    private StartupTrace() {
    }

    /** At the top of main: the JVM's own start-up, before any netlab code ran. */
    public static void begin() {
        if (!ON) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        threads = ManagementFactory.getThreadMXBean();
        line("JVM start until main", uptime, processCpuNanos() / 1e6, "(process)");
        lastWall = System.nanoTime();
        lastCpu = threads.getCurrentThreadCpuTime();
    }

    /** Ends the phase that began at the previous mark of the main thread. */
    public static void mark(String phase) {
        if (!ON) {
            return;
        }
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        line(phase, (wall - lastWall) / 1e6, (cpu - lastCpu) / 1e6, "(main thread)");
        lastWall = System.nanoTime();
        lastCpu = threads.getCurrentThreadCpuTime();
    }

    /** Runs {@code work} on the calling (background) thread and records it as one phase of its own. */
    public static void span(String phase, Runnable work) {
        if (!ON) {
            work.run();
            return;
        }
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        work.run();
        line(phase, (System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6,
                "(" + Thread.currentThread().getName() + ")");
    }

    /** Prints the phases, then the totals, on {@code err}. */
    public static void report(PrintWriter err) {
        if (!ON) {
            return;
        }
        mark("exit");
        line("total", ManagementFactory.getRuntimeMXBean().getUptime(), processCpuNanos() / 1e6,
                "(process: uptime, all threads)");
        synchronized (LINES) {
            err.print(LINES);
        }
        err.flush();
    }

    private static void line(String phase, double wallMs, double cpuMs, String whose) {
        synchronized (LINES) {
            LINES.append(String.format("netlab: startup: %-34s %8.1f ms wall %8.1f ms CPU %s%n", phase, wallMs, cpuMs,
                    whose));
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
