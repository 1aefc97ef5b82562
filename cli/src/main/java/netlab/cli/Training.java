package netlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.capture.pcap4j.NativeInit;

/**
 * The run the launcher records netlab's class-data-sharing archive from (dist/src/main/sh/netlab-jvm.sh,
 * issue 16): several command lines, separated by {@code --}, run one after the other in one JVM, their
 * output discarded, so that one class list covers every command a user runs (analyze, help, the live ARP
 * commands when run in a throw-away network namespace). Exit 0 whatever the commands returned.
 * {@code --jni DIR} first copies JNA's native library to DIR (netlab_archive_opts points JNA at it).
 */
public final class Training {
    private Training() {
    }

    /** {@code [--jni DIR] COMMAND-LINE [-- COMMAND-LINE]...}; --jni also extracts JNA's native library to DIR. */
    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        String[] rest = args;
        if (args.length >= 2 && args[0].equals("--jni")) {
            try {
                NativeInit.extractDispatchLibrary(Path.of(args[1]));
            } catch (IOException | RuntimeException e) { // NOPMD: without it JNA unpacks its copy per run
                System.err.println("netlab: training: " + e.getMessage());
            }
            rest = Arrays.copyOfRange(args, 2, args.length);
        }
        for (String[] command : split(rest)) {
            try {
                Netlab.newCommandLine(sink, sink, command).execute(command);
            } catch (RuntimeException | Error e) { // NOPMD: a failed training command only leaves classes out
                sink.flush();
            }
        }
    }

    /** {@code a b -- c -- d e} as {@code [a b], [c], [d e]}; empty command lines are dropped. */
    static List<String[]> split(String[] args) {
        List<String[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i].equals("--")) {
                if (i > from) {
                    out.add(Arrays.copyOfRange(args, from, i));
                }
                from = i + 1;
            }
        }
        return out;
    }
}
