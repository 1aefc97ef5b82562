package netlab.capture.pcap4j;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.live.LiveException;
import netlab.capture.live.NetInterface;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * The capture devices of this network namespace: libpcap's list ({@code pcap_findalldevs}, numbered as
 * tcpdump -D numbers it) joined with {@link NetworkInterface} for the kernel index, MAC and prefixes.
 */
final class NetInterfaces {
    private NetInterfaces() {
    }

    /** Every device libpcap can open, in libpcap's order. */
    static List<NetInterface> list() throws LiveException {
        List<PcapNetworkInterface> devs;
        NativeInit.configure();
        try {
            devs = Pcaps.findAllDevs();
        } catch (PcapNativeException e) {
            throw new LiveException(LiveException.Kind.FAILED, "cannot list interfaces: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new LiveException(LiveException.Kind.NO_LIBPCAP, "libpcap cannot be loaded: " + NativeInit.explain(e), e);
        }
        List<NetInterface> out = new ArrayList<>();
        int number = 0;
        for (PcapNetworkInterface d : devs) {
            out.add(describe(++number, d));
        }
        return out;
    }

    private static NetInterface describe(int number, PcapNetworkInterface d) {
        NetworkInterface ni = kernel(d.getName());
        boolean loopback = d.isLoopBack();
        MacAddress mac = null;
        List<Ipv4Subnet> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        int index = 0;
        boolean up = d.isUp();
        if (ni != null) {
            index = ni.getIndex();
            mac = mac(ni);
            for (InterfaceAddress a : ni.getInterfaceAddresses()) {
                if (a.getAddress() instanceof Inet4Address v) {
                    v4.add(new Ipv4Subnet(Ipv4Address.read(v.getAddress(), 0), a.getNetworkPrefixLength()));
                } else if (a.getAddress() instanceof Inet6Address v) {
                    v6.add(Ipv6Address.read(v.getAddress(), 0) + "/" + a.getNetworkPrefixLength());
                }
            }
        }
        return new NetInterface(number, d.getName(), index, mac, v4, v6, up, d.isRunning(), loopback,
                d.getDescription());
    }

    private static NetworkInterface kernel(String name) {
        try {
            return NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
    }

    private static MacAddress mac(NetworkInterface ni) {
        try {
            byte[] hw = ni.getHardwareAddress();
            return hw == null || hw.length != 6 ? null : MacAddress.read(hw, 0);
        } catch (SocketException e) {
            return null;
        }
    }
}
