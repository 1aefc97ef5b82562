package netlab.capture;

/**
 * A LINKTYPE_ value from the tcpdump.org link-layer header registry; unknown values are kept as-is.
 *
 * @param value the LINKTYPE_ number as stored in a pcap or pcapng file
 */
public record LinkType(int value) {
    public static final LinkType NULL = new LinkType(0);
    public static final LinkType ETHERNET = new LinkType(1);
    public static final LinkType RAW = new LinkType(101);
    public static final LinkType LINUX_SLL = new LinkType(113);
    public static final LinkType LINUX_SLL2 = new LinkType(276);

    /** The registry's short name (as tcpdump -L and tshark print it), or {@code linktype-N}. */
    public String name() {
        return switch (value) {
            case 0 -> "null";
            case 1 -> "ether";
            case 101 -> "raw";
            case 113 -> "linux-sll";
            case 276 -> "linux-sll2";
            case 12 -> "raw";
            case 105 -> "ieee802_11";
            case 127 -> "ieee802_11_radiotap";
            case 253 -> "netlink";
            default -> "linktype-" + value;
        };
    }

    /** True for the link types netlab decodes: Ethernet, Linux SLL/SLL2 and raw IP. */
    public boolean supported() {
        return value == 1 || value == 101 || value == 113 || value == 276;
    }

    @Override
    public String toString() {
        return name().startsWith("linktype-") ? name() : name() + " (" + value + ")";
    }
}
