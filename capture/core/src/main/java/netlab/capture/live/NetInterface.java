package netlab.capture.live;

import java.util.List;
import netlab.capture.net.Ipv4Subnet;
import netlab.capture.net.MacAddress;

/**
 * One capture device, as {@code tcpdump -D} numbers it, with what the kernel knows about it.
 *
 * @param number      1-based position in libpcap's device list (tcpdump -D's number)
 * @param name        device name
 * @param index       kernel interface index, or 0 for libpcap pseudo-devices (any, nflog, ...)
 * @param mac         hardware address, or null when it has none (loopback, pseudo-devices)
 * @param ipv4        IPv4 addresses with their prefix length
 * @param ipv6        IPv6 addresses as {@code addr/prefix} (RFC 5952 text)
 * @param up          administratively up (IFF_UP)
 * @param running     operationally up (IFF_RUNNING)
 * @param loopback    a loopback interface
 * @param description libpcap's description, or null
 */
public record NetInterface(int number, String name, int index, MacAddress mac, List<Ipv4Subnet> ipv4,
                           List<String> ipv6, boolean up, boolean running, boolean loopback, String description) {

    public NetInterface {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }

    /** A kernel interface rather than a libpcap pseudo-device. */
    public boolean isKernelInterface() {
        return index > 0;
    }

    /** The first IPv4 subnet of this interface containing {@code ip}, or null. */
    public Ipv4Subnet subnetOf(netlab.capture.net.Ipv4Address ip) {
        for (Ipv4Subnet s : ipv4) {
            if (s.prefixLength() < 32 && s.contains(ip)) {
                return s;
            }
        }
        return null;
    }
}
