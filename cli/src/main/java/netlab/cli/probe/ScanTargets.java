package netlab.cli.probe;

import java.util.Arrays;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;

/**
 * The addresses {@code arp-scan} asks for, sorted in unsigned order without duplicates: the union of the
 * {@link TargetRange}s (which already left out the network and broadcast addresses of prefixes), minus the
 * interface's own addresses, since a host does not hear its own request.
 */
public final class ScanTargets {
    /** Largest scan without {@code --force}: a /16, which takes 131 s at the default rate (like arp-scan's). */
    public static final long DEFAULT_CAP = 65_536;
    /** Largest scan even with {@code --force}: a /8, about 9 hours at the default rate. */
    public static final long FORCE_CAP = 1L << 24;

    private final int[] ips;

    private ScanTargets(int[] ips) {
        this.ips = ips;
    }

    /**
     * The targets of {@code specs} minus {@code own}.
     *
     * @throws NetlabException USAGE when there are more than the cap, or none left
     */
    public static ScanTargets of(List<TargetRange> specs, List<Ipv4Address> own, boolean force) {
        long total = checkCap(specs, force);
        int[] all = new int[(int) total];
        int n = 0;
        for (TargetRange r : specs) {
            for (long ip = r.first(); ip <= r.last(); ip++) {
                all[n++] = (int) ip;
            }
        }
        for (int i = 0; i < n; i++) {
            all[i] ^= Integer.MIN_VALUE;
        }
        Arrays.sort(all, 0, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int ip = all[i] ^ Integer.MIN_VALUE;
            boolean dup = kept > 0 && all[kept - 1] == ip;
            if (!dup && own.stream().noneMatch(a -> a.bits() == ip)) {
                all[kept++] = ip;
            }
        }
        if (kept == 0) {
            throw new NetlabException(ExitCode.USAGE, "arp-scan", "no address left to scan",
                    "network and broadcast addresses count only as a /32; your own is never asked");
        }
        return new ScanTargets(Arrays.copyOf(all, kept));
    }

    /** The number of addresses {@code specs} name, overlaps counted twice; USAGE beyond the cap. */
    public static long checkCap(List<TargetRange> specs, boolean force) {
        long total = 0;
        for (TargetRange r : specs) {
            total += r.count();
        }
        if (total > cap(force)) {
            throw new NetlabException(ExitCode.USAGE, "arp-scan", total + " addresses exceed the limit of " + cap(force),
                    capHint(force));
        }
        return total;
    }

    /** The most addresses one scan may name. */
    static long cap(boolean force) {
        return force ? FORCE_CAP : DEFAULT_CAP;
    }

    /** What to do about a scan over {@link #cap}. */
    static String capHint(boolean force) {
        return force ? "scan smaller prefixes one at a time" : "give --force to scan up to " + FORCE_CAP;
    }

    public int size() {
        return ips.length;
    }

    /** Address bits of target {@code i}, in unsigned ascending order. */
    public int ip(int i) {
        return ips[i];
    }

    /** Index of {@code ip}, or -1 when it is not a target. */
    int indexOf(int ip) {
        int lo = 0;
        int hi = ips.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(ips[mid], ip);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
