package netlab.capture.pcap4j;

import java.util.List;
import netlab.capture.LinkType;
import netlab.capture.live.Accounts;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.PacketFilter;
import netlab.capture.live.Platform;

/**
 * The machine's own {@link Platform}: libpcap through Pcap4j for handles, filters and the interface list, libc
 * through JNA for the user switch. Creating it loads nothing native; each call loads what it needs on first use.
 */
public final class NativePlatform implements Platform {

    @Override
    public LiveHandle open(LiveOptions options) throws LiveException {
        return LiveCapture.open(options);
    }

    @Override
    public List<NetInterface> interfaces() throws LiveException {
        return NetInterfaces.list();
    }

    @Override
    public PacketFilter compileFilter(String expression, LinkType linkType, int snapLength)
            throws PacketFilter.FilterException, PacketFilter.UnavailableException {
        return BpfFilter.compile(expression, linkType, snapLength);
    }

    /** A new view of libc's user database; JNA is loaded on its first use, not before (start-up, issue 16). */
    @Override
    public Accounts accounts() {
        return new Privileges();
    }
}
