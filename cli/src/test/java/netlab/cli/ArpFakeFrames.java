package netlab.cli;

import java.util.List;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.live.ArpFrames;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/** Hosts on the fake wire: the ARP frames they send, and a responder that answers requests as they would. */
final class ArpFakeFrames {
    private ArpFakeFrames() {
    }

    /** A reply "{@code ip} is-at {@code mac}" to {@link FakePlatform#IP}, captured at {@code nanos}. */
    static Frame reply(Ipv4Address ip, MacAddress mac, long nanos) {
        byte[] b = new byte[ArpFrames.LENGTH];
        ArpFrames.build(b, FakePlatform.MAC, mac, ip, ArpFrames.REPLY, FakePlatform.MAC, FakePlatform.IP);
        return Frame.of(b, nanos, LinkType.ETHERNET);
    }

    /** An unsolicited broadcast reply "{@code ip} is-at {@code mac}" (how a host announces a new binding). */
    static Frame announce(Ipv4Address ip, MacAddress mac, long nanos) {
        return Frame.of(ArpFrames.announce(mac, ip, true), nanos, LinkType.ETHERNET);
    }

    /**
     * Answers each ARP request for an address in {@code hosts} (host k at MAC 02:00:00:00:00:k+2 where k is its
     * position) 1.5 ms after it was sent; other frames get no answer.
     */
    static java.util.function.BiFunction<byte[], Long, List<Frame>> hosts(List<Ipv4Address> hosts) {
        return (sent, at) -> {
            if (sent.length < 42 || (sent[12] & 0xff) != 0x08 || sent[13] != 0x06 || sent[21] != ArpFrames.REQUEST) {
                return List.of();
            }
            Ipv4Address target = Ipv4Address.read(sent, 38);
            int k = hosts.indexOf(target);
            return k < 0 ? List.of() : List.of(reply(target, mac(k), at + 1_500_000));
        };
    }

    /** The MAC of the k-th host of {@link #hosts}. */
    static MacAddress mac(int k) {
        return MacAddress.parse(String.format("02:00:00:00:00:%02x", k + 2));
    }
}
