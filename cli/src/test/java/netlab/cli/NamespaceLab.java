package netlab.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away L2 segment for live tests: two network namespaces joined by a veth pair, both created
 * inside the namespaces (no interface ever appears in the host's namespace), with fixed MACs
 * 02:00:00:00:00:01 / :02 and addresses 10.77.0.1/24 / .2/24. Names carry the JVM's pid, so parallel runs
 * do not collide. Every process it starts is bounded by a timeout; {@link #close()} deletes both
 * namespaces, which destroys the veth pair with them.
 *
 * <p>Netlab runs in the namespace as a child {@code java} process started by {@code ip netns exec} with
 * this JVM's classpath: a JVM cannot move one thread to another namespace.
 */
final class NamespaceLab implements AutoCloseable {
    static final String MAC_A = "02:00:00:00:00:01";
    static final String MAC_B = "02:00:00:00:00:02";
    static final String IP_A = "10.77.0.1";
    static final String IP_B = "10.77.0.2";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String a;
    final String b;
    /** With {@link #bridged}: the host namespaces, each with eth0 on the bridge (a and b are not created). */
    final List<String> hosts = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    /** Result of a finished child process. */
    record Result(int code, String out, String err) {
    }

    private NamespaceLab() {
        String tag = "nlt-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        a = tag + "a";
        b = tag + "b";
    }

    /** Skips (or fails with NETLAB_REQUIRE_LIVE=1) when not root or without iproute2. */
    static void assumeLive() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"));
        String why = !root ? "live tests need root (network namespaces)" : !ip ? "live tests need iproute2's ip" : null;
        if (why != null) {
            if ("1".equals(System.getenv("NETLAB_REQUIRE_LIVE"))) {
                fail(why + ", and NETLAB_REQUIRE_LIVE=1");
            }
            Assumptions.abort(why);
        }
    }

    /** Builds the segment: namespaces a and b, veth0 in a, veth1 in b, up, addressed. */
    static NamespaceLab create() {
        assumeLive();
        NamespaceLab lab = new NamespaceLab();
        try {
            lab.ip("netns", "add", lab.a);
            lab.namespaces.add(lab.a);
            lab.ip("netns", "add", lab.b);
            lab.namespaces.add(lab.b);
            lab.ip("-n", lab.a, "link", "add", "veth0", "address", MAC_A, "type", "veth",
                    "peer", "name", "veth1", "netns", lab.b, "address", MAC_B);
            lab.ip("-n", lab.a, "addr", "add", IP_A + "/24", "dev", "veth0");
            lab.ip("-n", lab.b, "addr", "add", IP_B + "/24", "dev", "veth1");
            for (String[] dev : new String[][] {{lab.a, "veth0"}, {lab.b, "veth1"}, {lab.a, "lo"}, {lab.b, "lo"}}) {
                lab.ip("-n", dev[0], "link", "set", dev[1], "up");
            }
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    /**
     * Builds a switched segment: namespace {@code <tag>br} holds bridge br0 (no STP, so ports forward at
     * once); host namespaces {@code <tag>h1..hN} each have eth0, a veth whose peer {@code pK} is a bridge port,
     * with MAC {@link #bridgedMac} and address {@link #bridgedIp}/24 on 10.77.SUBNET.0/24.
     */
    static NamespaceLab bridged(int subnet, int count) {
        assumeLive();
        NamespaceLab lab = new NamespaceLab();
        try {
            String br = lab.a.substring(0, lab.a.length() - 1) + "br";
            lab.ip("netns", "add", br);
            lab.namespaces.add(br);
            lab.ip("-n", br, "link", "add", "br0", "type", "bridge");
            lab.ip("-n", br, "link", "set", "br0", "up");
            for (int k = 1; k <= count; k++) {
                String h = lab.a.substring(0, lab.a.length() - 1) + "h" + k;
                lab.ip("netns", "add", h);
                lab.namespaces.add(h);
                lab.hosts.add(h);
                lab.ip("-n", h, "link", "add", "eth0", "address", bridgedMac(subnet, k), "type", "veth",
                        "peer", "name", "p" + k, "netns", br);
                lab.ip("-n", br, "link", "set", "p" + k, "master", "br0", "up");
                lab.ip("-n", h, "addr", "add", bridgedIp(subnet, k) + "/24", "dev", "eth0");
                lab.ip("-n", h, "link", "set", "eth0", "up");
                lab.ip("-n", h, "link", "set", "lo", "up");
            }
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    /** The namespace holding bridge br0 and its ports pK of {@link #bridged}. */
    String bridge() {
        return a.substring(0, a.length() - 1) + "br";
    }

    /** The namespace of host {@code k} (from 1) of {@link #bridged}. */
    String host(int k) {
        return hosts.get(k - 1);
    }

    /** MAC of host {@code k} of {@link #bridged}: 02:00:00:77:SUBNET:k (hex). */
    static String bridgedMac(int subnet, int k) {
        return String.format("02:00:00:77:%02x:%02x", subnet, k);
    }

    /** Address of host {@code k} of {@link #bridged}: 10.77.SUBNET.k. */
    static String bridgedIp(int subnet, int k) {
        return "10.77." + subnet + "." + k;
    }

    /** Runs {@code ip ARGS} in the host namespace (only netns and -n NS commands are ever given). */
    Result ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Result r = run(cmd, 20);
        if (r.code() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.err());
        }
        return r;
    }

    /** Runs a command inside namespace {@code ns} and waits at most {@code seconds}. */
    Result exec(String ns, int seconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        cmd.addAll(List.of(args));
        return run(cmd, seconds);
    }

    /** Runs netlab with {@code args} inside {@code ns}. */
    Result netlab(String ns, int seconds, String... args) {
        return run(netlabCommand(ns, args), seconds);
    }

    /**
     * Host {@code k} of a {@link #bridged} lab claims {@code ip} with its own MAC: {@code netlab arp-resolve -U}
     * on eth0 with {@code options} (the count or interval), which must exit 0.
     */
    void announce(int k, String ip, int seconds, String... options) {
        List<String> args = new ArrayList<>(List.of("arp-resolve", "-U", "-i", "eth0"));
        args.addAll(List.of(options));
        args.add(ip);
        Result r = netlab(host(k), seconds, args.toArray(String[]::new));
        if (r.code() != 0) {
            fail("arp-resolve -U from host " + k + " exited " + r.code() + ": " + r.err());
        }
    }

    /**
     * Starts netlab inside {@code ns} without waiting, stdout and stderr going to {@code out.txt} and
     * {@code err.txt} in {@code dir}; the caller must {@link #finish(Process, Path, int)} it.
     */
    Process start(String ns, Path dir, String... args) throws IOException {
        return builder(netlabCommand(ns, args)).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /**
     * As {@link #start}, but stdout is a pipe the caller reads from {@link Process#getInputStream()} (and closes,
     * as {@code | head -1} does); stderr goes to {@code err.txt} in {@code dir}.
     */
    Process startPiped(String ns, Path dir, String... args) throws IOException {
        return builder(netlabCommand(ns, args)).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /**
     * Reads {@code p}'s first stdout line (waiting at most {@code seconds}, failing if it ends or stays silent), then
     * closes the pipe as {@code | head -1} does.
     */
    static String firstLineThenClose(Process p, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            while (true) {
                if (in.available() > 0) {
                    int b = in.read();
                    if (b == '\n') {
                        return line.toString(StandardCharsets.UTF_8);
                    }
                    line.write(b);
                } else if (!p.isAlive() || System.nanoTime() > end) {
                    throw new AssertionError("no stdout line within " + seconds + " s (alive " + p.isAlive()
                            + "): " + line.toString(StandardCharsets.UTF_8));
                } else {
                    Thread.sleep(20);
                }
            }
        }
    }

    /** Polls (at most {@code seconds}) until {@code file} contains {@code text}; fails if {@code p} ends first. */
    static void awaitText(Process p, Path file, String text, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                fail("process ended (" + p.exitValue() + ") before printing '" + text + "': " + readQuietly(file));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        fail("no '" + text + "' within " + seconds + " s: " + readQuietly(file));
    }

    /** Polls (at most {@code seconds}) until {@code file} is at least {@code bytes} long. */
    static void awaitSize(Path file, long bytes, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Files.exists(file) && Files.size(file) >= bytes) {
                return;
            }
            Thread.sleep(50);
        }
        fail(file + " did not reach " + bytes + " bytes within " + seconds + " s");
    }

    /** Sends {@code signal} (INT, TERM) to the child: ip netns exec execs java, so the pid is java's. */
    static void signal(Process p, String signal) {
        run(List.of("kill", "-" + signal, Long.toString(p.pid())), 10);
    }

    /** Waits for a process started by {@link #start} and returns its code and output files. */
    static Result finish(Process p, Path dir, int seconds) throws IOException {
        await(p, seconds);
        return new Result(p.exitValue(), readQuietly(dir.resolve("out.txt")), readQuietly(dir.resolve("err.txt")));
    }

    private static void await(Process p, int seconds) {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("process did not end within " + seconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> netlabCommand(String ns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "netlab.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static ProcessBuilder builder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(withDefaultSigint(cmd));
        pb.environment().remove("SUDO_USER");
        return pb;
    }

    /**
     * {@code cmd} run with SIGINT at its default action. A shell starts a background job with SIGINT ignored
     * (POSIX.1-2017, Shell Command Language 2.11), children inherit that, and the JVM and netlab then keep it
     * ignored (docs/usage.md): a test run from such a job (a CI step, a loop started with {@code &}) would wait
     * for a Ctrl-C that can never arrive. Perl resets it and execs the command (same pid); Debian's perl-base is
     * Essential, so it is everywhere the tests run.
     */
    static List<String> withDefaultSigint(List<String> cmd) {
        List<String> wrapped = new ArrayList<>(List.of("perl", "-e",
                "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\"", "--"));
        wrapped.addAll(cmd);
        return wrapped;
    }

    /** Runs {@code cmd} with its output in temporary files (no pipe can fill up), at most {@code seconds}. */
    private static Result run(List<String> cmd, int seconds) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nlt-out", ".txt");
            err = Files.createTempFile("nlt-err", ".txt");
            Process p = builder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            await(p, seconds);
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            run(List.of("ip", "netns", "del", ns), 20);
        }
        namespaces.clear();
    }

    /** Test frame {@code k}: from b's MAC to a's, EtherType 0x88b5, payload "netlab k", zero padding to 60 bytes. */
    static byte[] testFrame(int k) {
        byte[] f = new byte[60];
        byte[] header = java.util.HexFormat.of().parseHex("02000000000102000000000288b5");
        System.arraycopy(header, 0, f, 0, header.length);
        byte[] payload = ("netlab " + k).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(payload, 0, f, 14, payload.length);
        return f;
    }

    /** Sends test frames {@code from}..{@code to - 1} from namespace b's veth1 with a raw AF_PACKET socket. */
    Result sendTestFrames(int from, int to, int seconds) {
        String py = "import socket\n"
                + "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                + "s.bind(('veth1', 0))\n"
                + "for k in range(" + from + ", " + to + "):\n"
                + "    f = bytes.fromhex('02000000000102000000000288b5') + ('netlab %d' % k).encode()\n"
                + "    s.send(f + bytes(60 - len(f)))\n";
        return exec(b, seconds, "/usr/bin/python3", "-c", py);
    }

    /** Skips when a peer tool is not installed (fails instead with NETLAB_REQUIRE_LIVE=1, where .ci/run installs it). */
    static void requireTool(String path, String pkg) {
        if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(path))) {
            if ("1".equals(System.getenv("NETLAB_REQUIRE_LIVE"))) {
                fail(pkg + " (Debian package) is not installed, and NETLAB_REQUIRE_LIVE=1");
            }
            org.junit.jupiter.api.Assumptions.abort(pkg + " (Debian package) is not installed");
        }
    }
}
