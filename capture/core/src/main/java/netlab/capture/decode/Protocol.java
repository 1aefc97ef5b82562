package netlab.capture.decode;

/**
 * The protocols netlab recognises in a frame's protocol path, named exactly as tshark 4.0 names them
 * in {@code frame.protocols}.
 *
 * <p>Path rules (checked against tshark by {@code ProtocolPathTsharkTest}):
 * <ul>
 *   <li>tshark's {@code ethertype} pseudo-protocol is never part of the path.</li>
 *   <li>{@code data} is never part of the path: tshark adds it only when none of its several hundred
 *       dissectors claims a payload, which netlab cannot know. Undissected payload is reported by
 *       {@link PacketView#payloadOffset()} / {@link PacketView#payloadLength()} and shown as a
 *       {@code data} layer by {@link FrameDetails}; tshark's {@code io,phs} likewise hides most of it.</li>
 *   <li>A protocol is appended as soon as the layer below names it (EtherType, LLC SAP, IP protocol,
 *       port), even when its header then turns out truncated or invalid, as tshark does; the
 *       {@link DecodeFailure} then says where and why decoding stopped.</li>
 *   <li>Every IPv4 fragment (more-fragments set or offset != 0) and IPv6 with a fragment header of
 *       offset != 0 stop at the IP layer, as tshark (which dissects the reassembled datagram on the last
 *       fragment); an IPv6 first fragment goes on, its UDP length (the whole datagram's) not checked.
 *       ICMP errors are not followed into the quoted datagram.</li>
 *   <li>IP protocol 4 and 41 (IP-in-IP, 6in4) append the inner {@code ip}/{@code ipv6}; 51 appends
 *       {@code ah} and goes on with its next header; 50 is {@code esp}, its payload opaque.</li>
 *   <li>L7 is classified only when at least one payload byte was captured, trying the lower port first
 *       and then the higher one (tshark's order): UDP 53 {@code dns}, 5353 {@code mdns},
 *       5355 {@code llmnr}, 67/68 {@code dhcp}; TCP 53 {@code dns}; TCP 80/8080 {@code http} when
 *       {@code HttpDecoder.looksLikeHttp}; TCP 443 {@code tls} when {@code TlsDecoder.looksLikeTls};
 *       on any other TCP port, {@code http} when the payload starts like HTTP/1.x and {@code tls} when
 *       {@code TlsDecoder.looksLikeTlsAnyPort} (a hello, or whole records).
 *       tshark reassembles TCP streams and names a multi-segment PDU on its last segment; netlab names
 *       it on its first.</li>
 *   <li>LLC DSAP = SSAP = 0x42 is {@code stp}; SNAP with OUI 0 carries an EtherType; SNAP with the
 *       Cisco OUI 00:00:0c is {@code cdp} for PID 0x2000 and {@code stp} (PVST+) for PID 0x010b.</li>
 *   <li>TPID 0x8100 and 0x9100 are {@code vlan}; 0x88a8 is {@code ieee8021ad}.</li>
 * </ul>
 */
public enum Protocol {
    ETH("eth", 2, "Ethernet II"),
    SLL("sll", 2, "Linux cooked capture"),
    RAW("raw", 2, "Raw packet data"),
    NULL("null", 2, "Null/Loopback"),
    PPP("ppp", 2, "Point-to-Point Protocol"),
    PPPOED("pppoed", 2, "PPP-over-Ethernet Discovery"),
    PPPOES("pppoes", 2, "PPP-over-Ethernet Session"),
    CHDLC("chdlc", 2, "Cisco HDLC"),
    NFLOG("nflog", 2, "Linux Netfilter NFLOG"),
    RADIOTAP("radiotap", 1, "Radiotap Header"),
    WLAN_RADIO("wlan_radio", 1, "802.11 radio information"),
    WLAN("wlan", 2, "IEEE 802.11 wireless LAN"),
    MPLS("mpls", 2, "MultiProtocol Label Switching Header"),
    CFP("cfp", 2, "Cisco FabricPath"),
    IEEE8021AH("ieee8021ah", 2, "IEEE 802.1ah"),
    VNTAG("vntag", 2, "VN-Tag"),
    PWETHHEURISTIC("pwethheuristic", 2, "PW Ethernet Heuristic"),
    PWETHCW("pwethcw", 2, "PW Ethernet Control Word"),
    PWETHNOCW("pwethnocw", 2, "PW Ethernet (no CW)"),
    LCP("lcp", 2, "PPP Link Control Protocol"),
    VLAN("vlan", 2, "802.1Q Virtual LAN"),
    IEEE8021AD("ieee8021ad", 2, "802.1ad Provider Bridge (Q-in-Q)"),
    LLC("llc", 2, "Logical-Link Control"),
    STP("stp", 2, "Spanning Tree Protocol"),
    CDP("cdp", 2, "Cisco Discovery Protocol"),
    EAPOL("eapol", 2, "802.1X Authentication"),
    LLDP("lldp", 2, "Link Layer Discovery Protocol"),
    SLOW("slow", 2, "Slow Protocols"),
    LACP("lacp", 2, "Link Aggregation Control Protocol"),
    MARKER("marker", 2, "Link Aggregation Marker Protocol"),
    OAMPDU("oampdu", 2, "OAM Protocol Data Unit"),
    PTP("ptp", 2, "Precision Time Protocol (IEEE1588)"),
    MACSEC("macsec", 2, "802.1AE Security tag"),
    GVRP("gvrp", 2, "GARP VLAN Registration Protocol"),
    GMRP("gmrp", 2, "GARP Multicast Registration Protocol"),
    MVRP("mrp-mvrp", 2, "Multiple VLAN Registration Protocol"),
    MMRP("mrp-mmrp", 2, "Multiple Mac Registration Protocol"),
    ARP("arp", 3, "Address Resolution Protocol"),
    IP("ip", 3, "Internet Protocol version 4"),
    IPV6("ipv6", 3, "Internet Protocol version 6"),
    IPV6_HOPOPTS("ipv6.hopopts", 3, "IPv6 Hop-by-Hop Option"),
    IPV6_ROUTING("ipv6.routing", 3, "Routing Header for IPv6"),
    IPV6_FRAGHDR("ipv6.fraghdr", 3, "Fragment Header for IPv6"),
    IPV6_DSTOPTS("ipv6.dstopts", 3, "Destination Options for IPv6"),
    AH("ah", 3, "Authentication Header"),
    ESP("esp", 3, "Encapsulating Security Payload"),
    GRE("gre", 3, "Generic Routing Encapsulation"),
    ERSPAN("erspan", 3, "Encapsulated Remote Switch Packet ANalysis"),
    ICMP("icmp", 4, "Internet Control Message Protocol"),
    ICMPV6("icmpv6", 4, "Internet Control Message Protocol v6"),
    IGMP("igmp", 4, "Internet Group Management Protocol"),
    TCP("tcp", 4, "Transmission Control Protocol"),
    UDP("udp", 4, "User Datagram Protocol"),
    VXLAN("vxlan", 4, "Virtual eXtensible Local Area Network"),
    GENEVE("geneve", 4, "Generic Network Virtualization Encapsulation"),
    TLS("tls", 6, "Transport Layer Security"),
    DNS("dns", 7, "Domain Name System"),
    MDNS("mdns", 7, "Multicast Domain Name System"),
    LLMNR("llmnr", 7, "Link-local Multicast Name Resolution"),
    DHCP("dhcp", 7, "Dynamic Host Configuration Protocol"),
    HTTP("http", 7, "Hypertext Transfer Protocol");

    private static final Protocol[] VALUES = values();

    private final String shortName;
    private final int osiLayer;
    private final String title;

    Protocol(String shortName, int osiLayer, String title) {
        this.shortName = shortName;
        this.osiLayer = osiLayer;
        this.title = title;
    }

    /** The tshark short name, e.g. {@code eth} or {@code ipv6.hopopts}. */
    public String shortName() {
        return shortName;
    }

    /** The OSI layer (1..7) netlab files this protocol under. */
    public int osiLayer() {
        return osiLayer;
    }

    /** Human-readable name, as tshark's protocol tree titles it. */
    public String title() {
        return title;
    }

    /** The constant with this ordinal, without copying {@link #values()}. */
    static Protocol of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The constant with this tshark short name, or {@code null}. */
    public static Protocol byShortName(String name) {
        for (Protocol p : VALUES) {
            if (p.shortName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
