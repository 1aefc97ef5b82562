package netlab.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import netlab.capture.LinkType;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.Platform;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import netlab.cli.live.LiveErrors;
import netlab.cli.live.LiveSession;
import netlab.cli.probe.ArpScan;
import netlab.cli.probe.ScanTargets;
import netlab.cli.probe.TargetFile;
import netlab.cli.probe.TargetRange;
import netlab.cli.report.ArpScanReport;
import netlab.cli.support.Durations;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import netlab.cli.support.StartupTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab arp-scan TARGET... | -f FILE | --localnet}: every address of the targets asked with ARP, like arp-scan. */
@Command(name = "arp-scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send an ARP request (RFC 826) to every address of the targets given and list who answers, "
                + "like arp-scan; needs root or CAP_NET_RAW.",
            "Prints one line per reply in address order: IP<TAB>MAC<TAB>Vendor<TAB>RTT ms, with a further reply for the "
                + "same IP (another MAC, or the same one again) flagged (DUP: n). Header and footer go to stderr.",
            "Targets: a.b.c.d, a.b.c.d/len, a.b.c.d-e.f.g.h (every address from start to end) or net:mask "
                + "(192.168.1.0:255.255.255.0), on the command line and in --file together. A prefix (or net:mask) of "
                + "length 30 or less loses its network and broadcast addresses (give them as /32 to scan them); the "
                + "interface's own addresses are skipped unless --include-self. More than "
                + ScanTargets.DEFAULT_CAP + " addresses need --force (at most " + ScanTargets.FORCE_CAP + ").",
            "Timing as arp-scan: one request every --interval (default 2 ms, arp-scan's 256 kbit/s of 64-byte frames); "
                + "a host silent for --timeout (500 ms, times --backoff 1.5 per further attempt) is asked again, "
                + "--retry 2 attempts in all. --random changes only the order of sending, never of the output.",
            "--json: one document with every reply, its vendor, RTT and dup number, and random_seed; --quiet and "
                + "--ignoredups do not apply to it, --plain still drops the stderr header and footer.",
            "Exit: 0 done (whoever answered), 1 fewer than --limit hosts answered, 2 usage (a bad target, also in "
                + "--file), 3 --file unreadable, 9 not permitted, 10 no usable interface."})
public final class ArpScanCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public ArpScanCommand(Platform platform) {
        this.platform = platform;
    }

    /** Bits of one request on the wire as arp-scan counts them for --bandwidth: 60 bytes plus the 4-byte FCS. */
    static final int FRAME_BITS = 64 * 8;
    /** Seeds are arp-scan's: an unsigned 32-bit number. */
    static final long MAX_SEED = 0xffff_ffffL;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "a.b.c.d, a.b.c.d/len, a.b.c.d-e.f.g.h or net:mask.")
    List<String> specs = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read targets from FILE ('-' for stdin), one "
            + "per line; blank lines and text after # are ignored, a bad line is an error naming FILE:LINE.")
    String file;

    @Option(names = {"-l", "--localnet"}, description = "Scan the interface's own IPv4 subnets.")
    boolean localnet;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "Interface (name or number); default: the "
            + "one whose subnet holds the first target (command line before --file), or with --localnet the first up non-loopback one with IPv4.")
    String iface;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Durations.Millis.class,
            description = "Time between requests (default 2ms; a bare number is milliseconds, as arp-scan -i; 500us, 0.1s).")
    Long intervalNanos;

    @Option(names = {"-B", "--bandwidth"}, paramLabel = "BITS", description = "Send at this many bits/s instead "
            + "(K, M: x1000, x1000000; 256K = 2 ms between 64-byte frames).")
    String bandwidth;

    @Option(names = {"-r", "--retry"}, paramLabel = "N", defaultValue = "2", description = "Attempts per host in all (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", converter = Durations.Millis.class, defaultValue = "500ms",
            description = "Wait for a reply to the first request (default: ${DEFAULT-VALUE}; a bare number is "
                    + "milliseconds, as arp-scan -t).")
    long timeoutNanos;

    @Option(names = {"-b", "--backoff"}, paramLabel = "FACTOR", defaultValue = "1.5",
            description = "Timeout factor per further attempt (default: ${DEFAULT-VALUE}).")
    double backoff;

    @Option(names = {"-R", "--random"}, description = "Send to the targets in a random order; the seed is printed in "
            + "the header, so a run can be repeated.")
    boolean random;

    @Option(names = "--randomseed", paramLabel = "N", description = "Seed of --random's order (0.." + MAX_SEED
            + "; needs --random): the same seed gives the same order every run.")
    Long randomSeed;

    @Option(names = {"-M", "--limit"}, paramLabel = "N", description = "Stop once N hosts answered; exit 1 if fewer did.")
    Integer limit;

    @Option(names = "--include-self", description = "List the interface's own address too (it is not asked: a host does not hear its own request).")
    boolean includeSelf;

    @Option(names = "--force", description = "Allow more than " + ScanTargets.DEFAULT_CAP + " addresses.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Reply lines of IP and MAC only: no vendor, RTT or (DUP: n) "
            + "flag (a further reply still gets a line, as in arp-scan: add -g).")
    boolean quiet;

    @Option(names = {"-x", "--plain"}, description = "No header and footer on stderr.")
    boolean plain;

    @Option(names = {"-g", "--ignoredups"}, description = "No line for a further reply from an IP already listed.")
    boolean ignoreDups;

    @Option(names = "--json", description = "One JSON document instead of lines (replies, counts, timing).")
    boolean json;

    @Override
    public Integer call() {
        ArpScan.Plan plan = plan();
        List<TargetRange> given = localnet ? List.of() : given();
        NetInterface ni = pickInterface(given);
        StartupTrace.mark("interface lookup");
        if (ni.mac() == null) {
            throw new NetlabException(ExitCode.INTERFACE, ni.name(), "has no Ethernet address, ARP cannot be used",
                    "pick an Ethernet interface with -i");
        }
        List<TargetRange> ranges = localnet ? localSubnets(ni) : given;
        List<Ipv4Address> own = ni.ipv4().stream().map(Ipv4Subnet::address).toList();
        ScanTargets targets = ScanTargets.of(ranges, own, force);
        List<Ipv4Address> self = includeSelf ? own.stream().filter(a -> ranges.stream().anyMatch(r -> r.contains(a))).toList()
                : List.of();
        Ipv4Address source = sourceFor(ni, new Ipv4Address(targets.ip(0)));
        LiveOptions o = LiveOptions.defaults(ni.name()).withImmediate(true).withSnapLength(128).withBuffer(4 << 20)
                .withFilter("arp and arp[6:2] = 2 and ether dst " + ni.mac());
        try (LiveHandle capture = platform.open(o)) {
            StartupTrace.mark("handle open and filter set");
            if (!capture.linkType().equals(LinkType.ETHERNET)) {
                throw new NetlabException(ExitCode.INTERFACE, ni.name(), "link type " + capture.linkType()
                        + " is not Ethernet", "pick an Ethernet interface with -i");
            }
            ArpScanReport report = new ArpScanReport(spec.commandLine().getOut(), spec.commandLine().getErr(),
                    new ArpScanReport.Style(json, quiet, plain, ignoreDups), plan.randomSeed(), ni, source, targets, self);
            long start = System.nanoTime();
            int signal;
            ArpScan.Result result;
            CaptureStats stats;
            try (LiveSession session = new LiveSession(capture, "netlab-arp-scan-send")) {
                session.trapSignals();
                // After the handlers: a Ctrl-C once "Starting" is shown always ends with the summary.
                report.header();
                result = new ArpScan(session, ni.mac(), source, targets, plan).run();
                signal = session.signalExitCode();
                stats = session.stats();
            }
            report.finish(result, stats, System.nanoTime() - start);
            if (signal != 0) {
                return signal;
            }
            return limit != null && result.responded() < limit ? ExitCode.FINDING : ExitCode.OK;
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    private ArpScan.Plan plan() {
        if (localnet == (!specs.isEmpty() || file != null)) {
            throw usage("give either targets (TARGET or --file) or --localnet");
        }
        if (randomSeed != null && !random) {
            throw usage("--randomseed needs --random");
        }
        new OptionCheck("arp-scan").range("--randomseed", randomSeed, 0, MAX_SEED);
        if (intervalNanos != null && bandwidth != null) {
            throw usage("--interval and --bandwidth exclude each other");
        }
        long interval = bandwidth != null ? FRAME_BITS * 1_000_000_000L / bits(bandwidth)
                : intervalNanos != null ? intervalNanos : 2_000_000L;
        OptionCheck check = new OptionCheck("arp-scan");
        check.range("-r/--retry", attempts, 1, 100);
        check.duration("-t/--timeout", timeoutNanos, 1_000_000L, 3_600_000_000_000L);
        check.realRange("-b/--backoff", backoff, 1, 10);
        check.count("-M/--limit", limit);
        check.duration("--interval", interval, 0, 60_000_000_000L);
        Long seed = !random ? null : randomSeed != null ? randomSeed : ThreadLocalRandom.current().nextLong(MAX_SEED + 1);
        return new ArpScan.Plan(interval, attempts, timeoutNanos, backoff, limit == null ? 0 : limit, seed);
    }

    private long bits(String text) {
        String t = text.trim().toUpperCase();
        long unit = t.endsWith("K") ? 1000 : t.endsWith("M") ? 1_000_000 : t.endsWith("G") ? 1_000_000_000 : 1;
        try {
            double v = Double.parseDouble(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (v >= FRAME_BITS / 60.0 && v <= 100e9) {
                return Math.round(v);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new OptionCheck("arp-scan").bad("-B/--bandwidth", text, "must be a rate of 9..100G bits/s (K, M, G: x1000)");
    }

    private NetlabException usage(String why) {
        return new OptionCheck("arp-scan").usage(why);
    }

    /** The targets of the command line, then of --file; USAGE beyond the cap. */
    private List<TargetRange> given() {
        List<TargetRange> out = new ArrayList<>();
        for (String s : specs) {
            try {
                out.add(TargetRange.parse(s));
            } catch (IllegalArgumentException e) {
                throw usage(TargetFile.badTarget(s, e));
            }
        }
        if (file != null) {
            out.addAll(TargetFile.read(file, System.in, force));
        }
        ScanTargets.checkCap(out, force);
        return out;
    }

    private static List<TargetRange> localSubnets(NetInterface ni) {
        List<TargetRange> out = ni.ipv4().stream().filter(s -> s.prefixLength() < 32).map(TargetRange::of).toList();
        if (out.isEmpty()) {
            throw new NetlabException(ExitCode.INTERFACE, ni.name(), "has no IPv4 subnet for --localnet",
                    "give the targets as CIDR");
        }
        return out;
    }

    private NetInterface pickInterface(List<TargetRange> given) {
        try {
            if (iface != null) {
                return platform.findInterface(iface);
            }
            if (localnet) {
                for (NetInterface n : platform.interfaces()) {
                    if (n.isKernelInterface() && n.up() && !n.loopback() && n.mac() != null && !n.ipv4().isEmpty()) {
                        return n;
                    }
                }
                throw new NetlabException(ExitCode.INTERFACE, "--localnet", "no up Ethernet interface with IPv4",
                        "give the interface with -i");
            }
            NetInterface ni = platform.interfaceFor(new Ipv4Address((int) given.get(0).first()));
            if (ni == null) {
                String first = specs.isEmpty() ? given.get(0).toString() : specs.get(0);
                throw new NetlabException(ExitCode.INTERFACE, first, "not on any attached subnet, nothing sent",
                        "give -i IFACE to scan anyway; 'netlab interfaces' lists the subnets");
            }
            return ni;
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    private static Ipv4Address sourceFor(NetInterface ni, Ipv4Address target) {
        Ipv4Subnet s = ni.subnetOf(target);
        if (s != null) {
            return s.address();
        }
        if (!ni.ipv4().isEmpty()) {
            return ni.ipv4().get(0).address();
        }
        throw new NetlabException(ExitCode.INTERFACE, ni.name(), "has no IPv4 address to send from",
                "add one, or scan from another interface");
    }
}
