package netlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import netlab.capture.LinkType;
import netlab.capture.live.Accounts;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.PacketFilter;
import netlab.capture.live.Platform;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import netlab.capture.net.MacAddress;

/**
 * A machine with one Ethernet interface {@code fake0} (10.0.0.1/24, {@link #MAC}) whose handles are
 * {@link FakeHandle}s: the live commands run on it without root, libpcap or a network namespace.
 */
public final class FakePlatform implements Platform {
    /** The interface's own address. */
    public static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");
    public static final Ipv4Address IP = Ipv4Address.parse("10.0.0.1");

    private final Function<LiveOptions, FakeHandle> handles;
    private final List<FakeHandle> opened = new ArrayList<>();
    private final List<LiveOptions> options = new ArrayList<>();

    /** A platform whose every {@link #open} gives a handle made by {@code handles}. */
    public FakePlatform(Function<LiveOptions, FakeHandle> handles) {
        this.handles = handles;
    }

    /** Runs {@code args} on this platform, as {@link Run#of} runs them on the machine's own. */
    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netlab.newCommandLine(this, new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Override
    public synchronized LiveHandle open(LiveOptions o) {
        FakeHandle h = handles.apply(o);
        opened.add(h);
        options.add(o);
        return h;
    }

    /** The handles opened so far. */
    public synchronized List<FakeHandle> opened() {
        return List.copyOf(opened);
    }

    /** The options of each {@link #open}, in order (device, filter, snap length...). */
    public synchronized List<LiveOptions> options() {
        return List.copyOf(options);
    }

    @Override
    public List<NetInterface> interfaces() {
        return List.of(new NetInterface(1, "fake0", 2, MAC, List.of(new Ipv4Subnet(IP, 24)), List.of(), true, true,
                false, null));
    }

    @Override
    public PacketFilter compileFilter(String expression, LinkType linkType, int snapLength)
            throws PacketFilter.UnavailableException {
        throw new PacketFilter.UnavailableException("no filter compiler on the fake platform", null);
    }

    @Override
    public Accounts accounts() {
        return new Accounts() {
            @Override
            public Account lookup(String user) throws LiveException {
                throw new LiveException(LiveException.Kind.PRIVILEGES, "unknown user '" + user + "'");
            }

            @Override
            public boolean isRoot() {
                return false;
            }

            @Override
            public Account dropTo(String user) throws LiveException {
                throw new LiveException(LiveException.Kind.PRIVILEGES, "cannot become '" + user + "' on a fake platform");
            }
        };
    }
}
