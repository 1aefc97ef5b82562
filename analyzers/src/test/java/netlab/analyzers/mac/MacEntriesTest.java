package netlab.analyzers.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacEntriesTest {
    static final long T0 = 1_700_000_000_000_000_000L;

    static void ip(MacEntries e, int s, int v4, int max) {
        e.addIp(s, 0, MacEntries.ipv4(v4), max);
    }

    @Test
    void valuesOfOneStationStayApartFromItsNeighbours() {
        MacEntries e = new MacEntries(8);
        int a = e.add(MacEntries.key(0, 1), T0);
        int b = e.add(MacEntries.key(5, 2), T0 + 10);
        e.addFrame(a, T0 + 5, 60);
        e.addFrame(a, T0 + 3, 100); // stamped earlier: last stays T0 + 5
        e.addBroadcast(a);
        e.addMulticast(b);
        e.addMulticast(b);
        e.addArpRequest(a);
        e.addArpReply(b);
        e.addArpUnanswered(a);
        e.addVlan(b, 5);
        e.addVlan(b, 7);
        e.addVlan(b, 5);
        ip(e, b, 0x0a000001, 16);
        assertEquals(List.of(T0, T0 + 5, 2L, 160L, 1L, 0L, 1L, 0L, 1L, 0L), values(e, a));
        assertEquals(List.of(T0 + 10, T0 + 10, 0L, 0L, 0L, 2L, 0L, 1L, 0L, 0L), values(e, b));
        assertEquals(List.of(), e.vlanList(a));
        assertEquals(List.of(5, 7), e.vlanList(b));
        assertEquals(List.of(), e.ipText(a));
        assertEquals(List.of("10.0.0.1"), e.ipText(b));
    }

    private static List<Long> values(MacEntries e, int s) {
        return List.of(e.first(s), e.last(s), e.frames(s), e.bytes(s), e.broadcast(s), e.multicast(s),
                e.arpRequests(s), e.arpReplies(s), e.arpUnanswered(s), e.ipsMore(s));
    }

    @Test
    void repeatedAddressesAreStoredOnceInFirstSeenOrder() {
        MacEntries e = new MacEntries(4);
        int s = e.add(MacEntries.key(0, 1), T0);
        int[] seq = {1, 1, 2, 1, 3, 2, 2, 3, 1, 4, 3};
        for (int v : seq) {
            ip(e, s, v, 3);
        }
        assertEquals(List.of("0.0.0.1", "0.0.0.2", "0.0.0.3"), e.ipText(s));
        assertEquals(1, e.ipsMore(s)); // only the frame with 0.0.0.4
        ip(e, s, 4, 3);
        ip(e, s, 2, 3);
        ip(e, s, 5, 3);
        assertEquals(3, e.ipsMore(s));
        e.addIp(s, 0x2001_0db8_0000_0000L, 1, 3);
        assertEquals(4, e.ipsMore(s));
        assertEquals(List.of("0.0.0.1", "0.0.0.2", "0.0.0.3"), e.ipText(s));
    }

    @Test
    void ipv6AddressesDifferingInOneHalfAreDistinct() {
        MacEntries e = new MacEntries(4);
        int s = e.add(MacEntries.key(0, 1), T0);
        e.addIp(s, 0x2001_0db8_0000_0000L, 1, 16);
        e.addIp(s, 0x2001_0db8_0000_0001L, 1, 16);
        e.addIp(s, 0x2001_0db8_0000_0000L, 2, 16);
        e.addIp(s, 0x2001_0db8_0000_0000L, 2, 16);
        e.addIp(s, 0x2001_0db8_0000_0001L, 1, 16);
        assertEquals(List.of("2001:db8::1", "2001:db8:0:1::1", "2001:db8::2"), e.ipText(s));
    }

    @Test
    void aReusedSlotStartsEmptyAndIgnoresTheEvictedStationsAddresses() {
        MacEntries e = new MacEntries(1);
        int s = e.add(MacEntries.key(0, 1), T0);
        ip(e, s, 1, 16);
        ip(e, s, 2, 16);
        e.addFrame(s, T0 + 1, 60);
        e.addVlan(s, 3);
        e.index.remove(s);
        int t = e.add(MacEntries.key(0, 2), T0 + 2);
        assertEquals(s, t);
        assertEquals(List.of(T0 + 2, T0 + 2, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), values(e, t));
        assertEquals(List.of(), e.ipText(t));
        assertEquals(List.of(), e.vlanList(t));
        ip(e, t, 2, 16); // matched last by the evicted station: must be stored again, not taken as known
        ip(e, t, 1, 16);
        ip(e, t, 2, 16);
        assertEquals(List.of("0.0.0.2", "0.0.0.1"), e.ipText(t));
    }

    @Test
    void valuesSurviveTheTableGrowing() {
        MacEntries e = new MacEntries(1000);
        for (int i = 0; i < 1000; i++) {
            int s = e.add(MacEntries.key(0, i), T0 + i);
            e.addFrame(s, T0 + i, i);
            ip(e, s, i, 16);
        }
        for (int i = 0; i < 1000; i++) {
            int s = e.index.find(MacEntries.key(0, i));
            assertEquals(T0 + i, e.first(s));
            assertEquals(i, e.bytes(s));
            assertEquals(1, e.frames(s));
            assertEquals(1, e.ipText(s).size());
        }
    }
}
