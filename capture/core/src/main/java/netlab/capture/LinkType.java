package netlab.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * A LINKTYPE_ value from the tcpdump.org link-layer header registry; unknown values are kept as-is.
 *
 * <p>The one table of link types: the readers, the decoder and every message take the name, the
 * description and whether netlab decodes a link type from here. Names and descriptions are libpcap's
 * ({@code pcap_datalink_val_to_name}, {@code pcap_datalink_val_to_description}, as {@code tcpdump -L}
 * prints them); the values are the LINKTYPE_ numbers stored in pcap and pcapng files, which differ from
 * the DLT_ numbers only for 12/14 (raw IP, as OpenBSD and BSD/OS numbered DLT_RAW), which the table maps
 * to RAW as libpcap does when it reads a file.
 *
 * @param value the LINKTYPE_ number as stored in a pcap or pcapng file
 */
public record LinkType(int value) {
    public static final LinkType NULL = new LinkType(0);
    public static final LinkType ETHERNET = new LinkType(1);
    public static final LinkType RAW = new LinkType(101);
    public static final LinkType LINUX_SLL = new LinkType(113);
    public static final LinkType LINUX_SLL2 = new LinkType(276);

    /** One row of the table. */
    private record Row(int value, String name, String description, boolean decoded) {
    }

    private static final Row[] ROWS = {
        new Row(0, "NULL", "BSD loopback", true),
        new Row(1, "EN10MB", "Ethernet", true),
        new Row(9, "PPP", "PPP", true),
        new Row(12, "RAW", "Raw IP", true),
        new Row(14, "RAW", "Raw IP", true),
        new Row(50, "PPP_HDLC", "PPP over serial", true),
        new Row(51, "PPP_ETHER", "PPPoE", true),
        new Row(101, "RAW", "Raw IP", true),
        new Row(104, "C_HDLC", "Cisco HDLC", true),
        new Row(105, "IEEE802_11", "802.11", true),
        new Row(108, "LOOP", "OpenBSD loopback", true),
        new Row(113, "LINUX_SLL", "Linux cooked v1", true),
        new Row(127, "IEEE802_11_RADIO", "802.11 plus radiotap header", true),
        new Row(228, "IPV4", "Raw IPv4", true),
        new Row(229, "IPV6", "Raw IPv6", true),
        new Row(239, "NFLOG", "Linux netfilter log messages", true),
        new Row(276, "LINUX_SLL2", "Linux cooked v2", true),
        new Row(6, "IEEE802", "Token Ring", false),
        new Row(10, "FDDI", "FDDI", false),
        new Row(107, "FRELAY", "Frame Relay", false),
        new Row(119, "PRISM_HEADER", "802.11 plus Prism header", false),
        new Row(163, "IEEE802_11_RADIO_AVS", "802.11 plus AVS radio information header", false),
        new Row(192, "PPI", "Per-Packet Information", false),
        new Row(195, "IEEE802_15_4_WITHFCS", "IEEE 802.15.4 with FCS", false),
        new Row(201, "BLUETOOTH_HCI_H4_WITH_PHDR", "Bluetooth HCI UART transport layer plus pseudo-header", false),
        new Row(215, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS", false),
        new Row(220, "USB_LINUX_MMAPPED", "USB with padded Linux header", false),
        new Row(242, "IPOIB", "RFC 4391 IP-over-Infiniband", false),
        new Row(253, "NETLINK", "Linux netlink", false),
        new Row(271, "VSOCK", "Linux vsock", false),
    };

    private Row row() {
        for (Row r : ROWS) {
            if (r.value == value) {
                return r;
            }
        }
        return null;
    }

    /** libpcap's name ({@code EN10MB}, {@code LINUX_SLL}, {@code IEEE802_11_RADIO}, ...), or {@code LINKTYPE_N}. */
    public String name() {
        Row r = row();
        return r == null ? "LINKTYPE_" + value : r.name;
    }

    /** libpcap's description ({@code Ethernet}, {@code Raw IPv4}, ...), or {@code unknown}. */
    public String description() {
        Row r = row();
        return r == null ? "unknown" : r.description;
    }

    /** True for the link types netlab decodes (the table's decoded rows). */
    public boolean supported() {
        Row r = row();
        return r != null && r.decoded;
    }

    /** The hint of the message for a capture whose link type netlab does not decode, for every front end. */
    public static String unsupportedHint() {
        return "netlab decodes link types " + supportedList() + "; see docs/decoding.md";
    }

    /** The decoded link type numbers for messages, ascending: {@code 0, 1, 9, 12, ...}. */
    public static String supportedList() {
        List<Integer> out = new ArrayList<>();
        for (Row r : ROWS) {
            if (r.decoded) {
                out.add(r.value);
            }
        }
        out.sort(null);
        return out.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** For messages: {@code 253 (NETLINK, Linux netlink)}, or {@code 147} for a value not in the table. */
    public String label() {
        Row r = row();
        return r == null ? String.valueOf(value) : value + " (" + r.name + ", " + r.description + ")";
    }

    /** As tcpdump's {@code link-type EN10MB (Ethernet)}; an unknown value as {@code LINKTYPE_147 (unknown)}. */
    @Override
    public String toString() {
        return name() + " (" + description() + ")";
    }
}
