package netlab.cli.probe;

import netlab.capture.Frame;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.Protocol;
import netlab.capture.live.ArpFrames;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * A received Ethernet/IPv4 ARP packet (RFC 826), as the decoder read it: the probes parse what they hear with the
 * same {@link PacketView} as {@code read} and {@code analyze}, so ARP has one parser.
 *
 * @param op             opcode ({@link ArpFrames#REQUEST}, {@link ArpFrames#REPLY}, or another)
 * @param senderMac      ARP sender hardware address (the answer, in a reply)
 * @param senderIp       ARP sender protocol address
 * @param targetMac      ARP target hardware address
 * @param targetIp       ARP target protocol address
 * @param ethernetSource Ethernet source, which may differ from senderMac (proxies, spoofers)
 * @param timestampNanos capture time
 */
public record ArpPacket(int op, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp,
                        MacAddress ethernetSource, long timestampNanos) {
    /**
     * The ARP packet for IPv4 over Ethernet (hardware type 1, 6-byte and 4-byte addresses) in {@code frame}, or null
     * when the frame holds none or a cut one; decodes into {@code view}, which the caller reuses frame after frame.
     */
    public static ArpPacket read(Frame frame, PacketView view) {
        Decoder.decode(frame, view);
        if (!view.has(Protocol.ARP) || view.arpHwType() != 1 || !view.arpIsEthernetIpv4()) {
            return null;
        }
        return new ArpPacket(view.arpOpcode(), new MacAddress(view.arpSenderMac()), new Ipv4Address(view.arpSenderIp()),
                new MacAddress(view.arpTargetMac()), new Ipv4Address(view.arpTargetIp()), new MacAddress(view.srcMac()),
                frame.timestampNanos());
    }
}
