package netlab.analyzers.mac;

import static netlab.analyzers.mac.TestFrames.publicCapture;
import static netlab.analyzers.mac.TestFrames.replay;
import static netlab.analyzers.mac.TestFrames.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.Event;
import netlab.analyzers.oui.OuiTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays captures through the broadcast meter and the MAC table. Expected numbers come from tshark 4.0
 * ({@code -T fields -e eth.src -e eth.dst -e vlan.id -e frame.len}): classes by eth.dst, distinct
 * (first vlan.id, eth.src) keys, and forwarded/flooded from a separate Python learning-switch model over the
 * same fields (aging 300 s and never), keyed by the outer tag ({@code ieee8021ad.id} when present).
 */
class ReplayTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, frames, unicast, broadcast, multicast, unicast bytes, broadcast bytes, keys (no aging),
        // forwarded/flooded (no aging), table at end / learned / aged out / forwarded / flooded (300 s), events
        "sample-pcaps/mac-flood.pcap, 3000, 3000, 0, 0, 180000, 0, 3000, 0, 3000, 3000, 3000, 0, 0, 3000, mac_flood",
        "sample-pcaps/arp-icmp.pcap, 12, 9, 3, 0, 714, 158, 2, 9, 0, 2, 2, 0, 9, 0, ''",
        // vlan.pcap: one frame has an 802.1ad S-tag 100 over C-tag 10; the key takes the outer tag
        // (tshark's ieee8021ad.id), so 7 keys where vlan.id alone gives 6
        "sample-pcaps/vlan.pcap, 7, 4, 3, 0, 258, 180, 7, 3, 1, 7, 7, 0, 3, 1, ''",
        "sample-pcaps/mixed-session.pcap, 25, 22, 3, 0, 2430, 726, 2, 22, 0, 2, 2, 0, 22, 0, ''",
        "public:tcpdump/eapon1.pcap, 114, 43, 66, 5, 3010, 10921, 3, 43, 0, 3, 3, 0, 43, 0, ''",
        "public:tcpdump/arp-oobr.pcap, 2282, 48, 2005, 229, 2880, 119814, 211, 26, 22, 10, 386, 376, 24, 24, ''",
        "public:pcapplusplus/VlanPackets.pcap, 26, 20, 0, 6, 2440, 0, 6, 18, 2, 6, 6, 0, 18, 2, ''",
    })
    void countsAgreeWithTshark(String file, long frames, long unicast, long broadcast, long multicast,
                               long unicastBytes, long broadcastBytes, int keys, long fwdNever, long floodNever,
                               int size300, long learned300, long aged300, long fwd300, long flood300,
                               String eventTypes) throws IOException {
        Path p = file.startsWith("public:") ? publicCapture(file.substring(7)) : TestFrames.root().resolve(file);
        List<Event> events = new ArrayList<>();
        BroadcastMeter meter = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, events::add);
        MacTable never = new MacTable(new MacTable.Config(0, MacTable.DEFAULT_CAP, 100, 1_000_000_000L,
                1_000_000_000L), OuiTable::bundled, e -> { });
        MacTable t = new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, events::add);
        assertEquals(frames, replay(p, meter, never, t));
        assertEquals(unicast, meter.unicastFrames());
        assertEquals(broadcast, meter.broadcastFrames());
        assertEquals(multicast, meter.multicastFrames());
        assertEquals(unicastBytes, meter.bytes(0));
        assertEquals(broadcastBytes, meter.bytes(1));
        assertEquals(keys, never.size());
        assertEquals(fwdNever, never.forwardedUnicast());
        assertEquals(floodNever, never.floodedUnicast());
        assertEquals(size300, t.size());
        assertEquals(learned300, t.learned());
        assertEquals(aged300, t.agedOut());
        assertEquals(fwd300, t.forwardedUnicast());
        assertEquals(flood300, t.floodedUnicast());
        assertEquals(eventTypes, String.join(",", events.stream().map(Event::type).toList()));
        long seriesFrames = 0;
        for (int i = 0; i < meter.series().size(); i++) {
            seriesFrames += meter.series().value(i, 0) + meter.series().value(i, 1) + meter.series().value(i, 2);
        }
        assertEquals(unicast + broadcast + multicast, seriesFrames);
    }

    @org.junit.jupiter.api.Test
    void macFloodCaptureRaisesOneRateEpisode() throws IOException {
        List<Event> events = new ArrayList<>();
        MacTable t = new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, events::add);
        replay(sample("mac-flood.pcap"), t);
        assertEquals(1, events.size());
        var e = (MacTableEvent.MacFlood) events.get(0);
        assertEquals("rate", e.trigger());
        assertEquals(0, e.topVlan());
        assertEquals(0, e.topInterface());
        assertEquals(e.windowNewMacs(), e.topNewMacs());
        System.out.println("mac-flood.pcap: " + e.reason());
    }
}
