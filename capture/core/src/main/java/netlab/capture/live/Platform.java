package netlab.capture.live;

import java.util.List;
import netlab.capture.LinkType;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;

/**
 * What netlab needs of the machine's network stack: live handles, the interface list, filter compilation and
 * the user switch. The native implementation (libpcap through Pcap4j, libc through JNA) lives in the
 * {@code netlab-capture-native} module and is wired in by the CLI alone; tests give a fake one.
 */
public interface Platform {

    /** Opens and activates a handle, then installs the filter, so no unfiltered frame is delivered. */
    LiveHandle open(LiveOptions options) throws LiveException;

    /** Every device that can be opened, numbered as tcpdump -D numbers them. */
    List<NetInterface> interfaces() throws LiveException;

    /**
     * Compiles {@code expression} (optimised) for frames of {@code linkType} captured with {@code snapLength}
     * (0 means libpcap's default 262144), as tcpdump -r would.
     */
    PacketFilter compileFilter(String expression, LinkType linkType, int snapLength)
            throws PacketFilter.FilterException, PacketFilter.UnavailableException;

    /** The user database and the process's identity. */
    Accounts accounts();

    /** The device named {@code nameOrNumber}, or numbered so in {@link #interfaces()} (like tcpdump -i 2). */
    default NetInterface findInterface(String nameOrNumber) throws LiveException {
        List<NetInterface> all = interfaces();
        for (NetInterface i : all) {
            if (i.name().equals(nameOrNumber)) {
                return i;
            }
        }
        if (!nameOrNumber.isEmpty() && nameOrNumber.length() < 6 && nameOrNumber.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(nameOrNumber);
            if (n >= 1 && n <= all.size()) {
                return all.get(n - 1);
            }
        }
        throw new LiveException(LiveException.Kind.NO_SUCH_INTERFACE, nameOrNumber + ": no such interface");
    }

    /** The up, non-loopback interface with an IPv4 subnet holding {@code ip} (the longest prefix wins), or null. */
    default NetInterface interfaceFor(Ipv4Address ip) throws LiveException {
        NetInterface best = null;
        int bestLen = -1;
        for (NetInterface i : interfaces()) {
            Ipv4Subnet s = i.isKernelInterface() && !i.loopback() && i.up() ? i.subnetOf(ip) : null;
            if (s != null && s.prefixLength() > bestLen) {
                best = i;
                bestLen = s.prefixLength();
            }
        }
        return best;
    }
}
