package netlab.cli.probe;

import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;

/**
 * One {@code arp-scan} target as the inclusive run of addresses it asks for, from any of arp-scan's forms:
 * {@code a.b.c.d}, {@code a.b.c.d/len}, {@code a.b.c.d-e.f.g.h} and {@code net:mask}.
 *
 * @param first first address asked, unsigned
 * @param last  last address asked, unsigned, not below {@code first}
 */
public record TargetRange(long first, long last) {

    public TargetRange {
        if (first < 0 || last > 0xffff_ffffL || first > last) {
            throw new IllegalArgumentException("not an address range: " + first + ".." + last);
        }
    }

    /**
     * Parses one target. A prefix of length 30 or less loses its network and broadcast addresses (RFC 950:
     * they name no host); /31 keeps both (RFC 3021) and /32 is the address itself. {@code net:mask} is the
     * same prefix written with a dotted netmask; a range keeps every address from start to end.
     *
     * @throws IllegalArgumentException with the reason, when {@code text} is none of the forms
     */
    public static TargetRange parse(String text) {
        if (text.indexOf('/') < 0) {
            int dash = text.indexOf('-');
            if (dash >= 0) {
                Ipv4Address start = Ipv4Address.parse(text.substring(0, dash));
                Ipv4Address end = Ipv4Address.parse(text.substring(dash + 1));
                if (start.compareTo(end) > 0) {
                    throw new IllegalArgumentException("the start " + start + " is above the end " + end);
                }
                return new TargetRange(start.unsigned(), end.unsigned());
            }
            int colon = text.indexOf(':');
            if (colon >= 0) {
                return of(Ipv4Subnet.of(text.substring(0, colon), text.substring(colon + 1)));
            }
        }
        return of(Ipv4Subnet.parse(text));
    }

    /** The addresses of {@code s} that arp-scan asks: all of a /31 or /32, else all but network and broadcast. */
    public static TargetRange of(Ipv4Subnet s) {
        return new TargetRange(s.firstHost().unsigned(), s.lastHost().unsigned());
    }

    /** Addresses in the range. */
    long count() {
        return last - first + 1;
    }

    public boolean contains(Ipv4Address a) {
        return a.unsigned() >= first && a.unsigned() <= last;
    }

    /** {@code a.b.c.d} for one address, else {@code a.b.c.d-e.f.g.h}. */
    @Override
    public String toString() {
        String start = Ipv4Address.format((int) first);
        return first == last ? start : start + "-" + Ipv4Address.format((int) last);
    }
}
