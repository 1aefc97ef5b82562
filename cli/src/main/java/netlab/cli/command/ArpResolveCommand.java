package netlab.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import netlab.capture.LinkType;
import netlab.capture.live.ArpFrames;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.Platform;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import netlab.capture.net.MacAddress;
import netlab.cli.live.LiveErrors;
import netlab.cli.live.LiveSession;
import netlab.cli.probe.ArpExchange;
import netlab.cli.probe.ArpSchedule;
import netlab.cli.report.ArpResolveReport;
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

/** {@code netlab arp-resolve IP}: real ARP requests on the wire, like arping, with exact -c/-w rules. */
@Command(name = "arp-resolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resolve IP to a MAC address with real ARP requests (RFC 826) from the interface whose "
                + "subnet holds IP, using its own MAC and IPv4 address; needs root or CAP_NET_RAW.",
            "Prints one line per reply: IP is-at MAC RTT via IFACE. The capture filter is in place before "
                + "the first request goes out.",
            "",
            "Timing: requests go out at 0, I, 2I, ... (I = --interval, default 1 s: RFC 1122 §2.3.2.1 allows "
                + "one request a second per destination).",
            "  no -c, no -w : up to 3 requests; stop at the first reply; give up at 3*I.",
            "  -c N         : exactly N requests, every reply printed (no early stop); end at N*I.",
            "  -w S         : a request every I until the first reply; give up at S seconds.",
            "  -c N -w S    : N requests, no early stop; end at min(N*I, S), so the deadline can cut requests.",
            "  -U / -A      : announcements (default 2, RFC 5227 §2.3); end right after the last, or at -w.",
            "",
            "Exit: 0 a reply came, 1 none came (-D: 0 the address is free, 1 it is in use; -U/-A: 0 once sent), "
                + "2 usage or an IP no host answers for (this host's own, the subnet's network or broadcast address, "
                + "multicast: nothing sent), 9 not permitted, 10 no usable interface or IP not on any attached subnet "
                + "(nothing sent)."})
public final class ArpResolveCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public ArpResolveCommand(Platform platform) {
        this.platform = platform;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IP", description = "IPv4 address to resolve (or to probe with -D, announce with -U/-A).")
    String target;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", description = "Send on this interface (name or number) "
            + "instead of the one whose subnet holds IP.")
    String iface;

    @Option(names = {"-s", "--source"}, paramLabel = "IP", description = "Sender IPv4 address (default: the interface's own on IP's subnet).")
    String source;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Send N requests, report every reply (see Timing).")
    Long count;

    @Option(names = {"-w", "--deadline"}, paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long (see Timing): 1.5s, 500ms, 2m, or a bare number of seconds as arping -w.")
    Long deadlineNanos;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Durations.class, defaultValue = "1s",
            description = "Time between requests (default: ${DEFAULT-VALUE}; a bare number is seconds, as arping -i).")
    long intervalNanos;

    @Option(names = "--json", description = "JSON Lines: one object per reply, then a summary object.")
    boolean json;

    @Option(names = {"-D", "--dad"}, description = "Duplicate address detection: RFC 5227 probes (sender IP 0.0.0.0); "
            + "exit 0 if IP is free, 1 if in use.")
    boolean dad;

    @Option(names = {"-U", "--unsolicited"}, description = "Announce IP with gratuitous ARP requests (RFC 5227 §2.3).")
    boolean announceRequest;

    @Option(names = {"-A", "--announce-reply"}, description = "Announce IP with gratuitous ARP replies.")
    boolean announceReply;

    @Override
    public Integer call() {
        Ipv4Address ip = parse(target, "IP");
        validate();
        ArpExchange.Mode mode = dad ? ArpExchange.Mode.DAD : announceRequest ? ArpExchange.Mode.ANNOUNCE_REQUEST
                : announceReply ? ArpExchange.Mode.ANNOUNCE_REPLY : ArpExchange.Mode.RESOLVE;
        refuseNonHost(ip, null);
        NetInterface ni = pickInterface(ip);
        refuseNonHost(ip, ni);
        StartupTrace.mark("interface lookup");
        MacAddress mac = ni.mac();
        if (mac == null) {
            throw new NetlabException(ExitCode.INTERFACE, ni.name(), "has no Ethernet address, ARP cannot be used",
                    "pick an Ethernet interface with -i");
        }
        if (mode == ArpExchange.Mode.RESOLVE && ni.ipv4().stream().anyMatch(s -> s.address().equals(ip))) {
            // arping to its own address sends and waits in vain: no host answers an ARP request for itself.
            throw new NetlabException(ExitCode.USAGE, ip.toString(), "is this host's own address on " + ni.name()
                    + " (" + mac + "), nothing sent", "-D checks whether another host uses it too");
        }
        Ipv4Address src = sourceAddress(ni, ip);
        byte[] frame = switch (mode) {
            case DAD -> ArpFrames.probe(mac, ip);
            case ANNOUNCE_REQUEST -> ArpFrames.announce(mac, ip, false);
            case ANNOUNCE_REPLY -> ArpFrames.announce(mac, ip, true);
            case RESOLVE -> ArpFrames.request(mac, src, ip);
        };
        ArpSchedule plan = ArpSchedule.of(count, deadlineNanos == null ? null : deadlineNanos / 1e9, intervalNanos / 1e9,
                mode.announces());
        LiveOptions o = LiveOptions.defaults(ni.name()).withImmediate(true).withSnapLength(128).withBuffer(1 << 20)
                .withFilter(filter(mode, ip, mac));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LiveHandle capture = platform.open(o)) {
            StartupTrace.mark("handle open and filter set");
            if (!capture.linkType().equals(LinkType.ETHERNET)) {
                throw new NetlabException(ExitCode.INTERFACE, ni.name(), "link type " + capture.linkType()
                        + " is not Ethernet", "pick an Ethernet interface with -i");
            }
            ArpResolveReport report = new ArpResolveReport(out, err, json, mode, ip, mac, capture.device());
            try (LiveSession session = new LiveSession(capture, "netlab-arp-send")) {
                session.trapSignals();
                ArpExchange.Result result = new ArpExchange(session, mode, plan, ip, mac, frame).run(report::answer);
                report.summary(result);
                int signal = session.signalExitCode();
                return signal != 0 ? signal : exitCode(result.outcome());
            } finally {
                out.flush();
                err.flush();
            }
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    /** arping's: 0 a reply came, 1 none came; -D the other way round (0 free, 1 in use); -U/-A 0 once sent. */
    private static int exitCode(ArpExchange.Outcome outcome) {
        return switch (outcome) {
            case RESOLVED, FREE, ANNOUNCED -> ExitCode.OK;
            case NO_REPLY, IN_USE -> ExitCode.FINDING;
        };
    }

    private void validate() {
        int modes = (dad ? 1 : 0) + (announceRequest ? 1 : 0) + (announceReply ? 1 : 0);
        if (modes > 1) {
            throw usage("-D, -U and -A exclude each other");
        }
        if (modes == 1 && source != null) {
            throw usage("-s does not apply to -D (sender 0.0.0.0) or -U/-A (sender is IP)");
        }
        OptionCheck check = new OptionCheck("arp-resolve");
        check.range("-c", count, 1, ArpSchedule.MAX_COUNT);
        check.duration("-w", deadlineNanos, 1_000_000L, Long.MAX_VALUE);
        check.duration("--interval", intervalNanos, 1_000_000L, (long) ArpSchedule.MAX_INTERVAL * 1_000_000_000L);
    }

    /**
     * Addresses no host answers ARP for, refused before anything is sent (exit 2): 0.0.0.0, the limited
     * broadcast, multicast and loopback (RFC 1122 §3.2.1.3), and with {@code ni} the network and broadcast
     * addresses of the interface's subnet holding IP (none on /31 and /32, RFC 3021).
     */
    private static void refuseNonHost(Ipv4Address ip, NetInterface ni) {
        int b = ip.bits();
        String what = b == 0 ? "the unspecified address 0.0.0.0" : b == -1 ? "the limited broadcast address"
                : (b >>> 28) == 0xe ? "a multicast address" : (b >>> 24) == 127 ? "a loopback address" : null;
        if (what == null && ni != null) {
            Ipv4Subnet s = ni.subnetOf(ip);
            if (s != null && s.prefixLength() <= 30 && ip.equals(s.network())) {
                what = "the network address of " + s.network() + "/" + s.prefixLength() + " on " + ni.name();
            } else if (s != null && s.prefixLength() <= 30 && ip.equals(s.broadcast())) {
                what = "the broadcast address of " + s.network() + "/" + s.prefixLength() + " on " + ni.name();
            }
        }
        if (what != null) {
            throw new NetlabException(ExitCode.USAGE, ip.toString(), "is " + what + ", no host answers ARP for it, "
                    + "nothing sent", "give a host address; 'netlab subnet' lists a subnet's hosts");
        }
    }

    private NetlabException usage(String why) {
        return new OptionCheck("arp-resolve").usage(why);
    }

    private Ipv4Address parse(String text, String what) {
        try {
            return Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(what + " '" + text + "' is not an IPv4 address");
        }
    }

    private NetInterface pickInterface(Ipv4Address ip) {
        try {
            if (iface != null) {
                return platform.findInterface(iface);
            }
            NetInterface ni = platform.interfaceFor(ip);
            if (ni == null) {
                throw new NetlabException(ExitCode.INTERFACE, ip.toString(), "not on any attached subnet, nothing sent",
                        "give -i IFACE to send anyway; 'netlab interfaces' lists the subnets");
            }
            return ni;
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    private Ipv4Address sourceAddress(NetInterface ni, Ipv4Address ip) {
        if (dad) {
            return Ipv4Address.ANY;
        }
        if (announceRequest || announceReply) {
            return ip;
        }
        if (source != null) {
            return parse(source, "-s");
        }
        Ipv4Subnet s = ni.subnetOf(ip);
        if (s != null) {
            return s.address();
        }
        if (!ni.ipv4().isEmpty()) {
            return ni.ipv4().get(0).address();
        }
        throw new NetlabException(ExitCode.INTERFACE, ni.name(), "has no IPv4 address to send from",
                "give the sender address with -s");
    }

    /** The BPF program that lets through only what this mode waits for (RFC 5227 §2.1.1 for -D). */
    public static String filter(ArpExchange.Mode mode, Ipv4Address ip, MacAddress mac) {
        String spa = String.format("arp[14:4] = 0x%08x", ip.bits());
        return switch (mode) {
            case RESOLVE -> "arp and arp[6:2] = 2 and " + spa + " and ether dst " + mac;
            case DAD -> "arp and not ether src " + mac + " and (" + spa
                    + String.format(" or (arp[6:2] = 1 and arp[14:4] = 0 and arp[24:4] = 0x%08x))", ip.bits());
            case ANNOUNCE_REQUEST, ANNOUNCE_REPLY -> "arp and not ether src " + mac + " and " + spa;
        };
    }
}
