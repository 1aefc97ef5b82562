package netlab.cli.live;

import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGINT and SIGTERM do not kill the JVM: they run {@code onSignal} (which stops the capture
 * loop) and remember the exit code 130 or 143, so the command can flush and close its files first.
 */
public final class Signals implements AutoCloseable {
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile int exitCode;

    public Signals(Runnable onSignal) {
        install("INT", ExitCode.SIGINT, onSignal);
        install("TERM", ExitCode.SIGTERM, onSignal);
    }

    private void install(String name, int code, Runnable onSignal) {
        try {
            Signal s = new Signal(name);
            previous.add(Signal.handle(s, sig -> {
                if (exitCode == 0) {
                    exitCode = code;
                }
                onSignal.run();
            }));
            installed.add(s);
        } catch (IllegalArgumentException e) {
            // The JVM keeps this signal (-Xrs): the default behaviour stays.
        }
    }

    /** 130 or 143 once a signal arrived, else 0. */
    public int exitCode() {
        return exitCode;
    }

    /** Puts the previous handlers back; idempotent. */
    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
        installed.clear();
        previous.clear();
    }
}
