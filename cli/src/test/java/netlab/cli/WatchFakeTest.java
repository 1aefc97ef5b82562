package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * watch on a {@link FakeHandle} (no root, no namespace): frames with their capture times in, events stamped with
 * those times out, libpcap's statistics line at the end. WatchLiveTest runs it against a real kernel.
 */
class WatchFakeTest {
    /** 2023-11-14T22:13:20Z. */
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final Ipv4Address IP = Ipv4Address.parse("10.0.0.5");

    private static FakePlatform twoClaims() {
        return new FakePlatform(o -> new FakeHandle(o.device(), List.of(
                ArpFakeFrames.announce(IP, MacAddress.parse("02:00:00:00:00:05"), T0),
                ArpFakeFrames.announce(IP, MacAddress.parse("02:00:00:00:00:06"), T0 + 2_000_000_000L)), true,
                (f, t) -> List.of()));
    }

    @Test
    void reportsANewStationThenAConflictAtTheirCaptureTimes() {
        FakePlatform p = twoClaims();
        Run r = p.run("watch", "fake0");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertEquals("2023-11-14T22:13:20.000000000Z  new_station       new station 10.0.0.5 at 02:00:00:00:00:05\n"
                + "2023-11-14T22:13:22.000000000Z  ip_conflict       10.0.0.5 claimed by 02:00:00:00:00:06 while "
                + "02:00:00:00:00:05 had it 2.000000 s earlier\n", r.out());
        assertEquals("netlab: watching fake0\n2 packets received by filter, 0 packets dropped by kernel\n", r.err());
        assertEquals(512, p.options().get(0).snapLength());
        assertEquals(List.of(), p.opened().get(0).sent());
    }

    @Test
    void jsonEventsCarryTheCaptureTimes() {
        Run r = twoClaims().run("watch", "fake0", "--json");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertEquals("{\"type\":\"new_station\",\"time\":\"2023-11-14T22:13:20.000000000Z\",\"reason\":\"new station "
                + "10.0.0.5 at 02:00:00:00:00:05\",\"vlan\":0,\"ip\":\"10.0.0.5\",\"mac\":\"02:00:00:00:00:05\"}\n"
                + "{\"type\":\"ip_conflict\",\"time\":\"2023-11-14T22:13:22.000000000Z\",\"reason\":\"10.0.0.5 claimed "
                + "by 02:00:00:00:00:06 while 02:00:00:00:00:05 had it 2.000000 s earlier\",\"vlan\":0,\"ip\":\"10.0.0.5\","
                + "\"mac\":\"02:00:00:00:00:06\",\"previous_mac\":\"02:00:00:00:00:05\",\"previous_last_seen\":"
                + "\"2023-11-14T22:13:20.000000000Z\"}\n", r.out());
    }
}
