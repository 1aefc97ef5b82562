package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import netlab.cli.support.Durations;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/** Durations with units, and errors that name the one option at fault with the value and the range. */
class OptionErrorsTest {
    private static final String ARP_ICMP = Run.sample("arp-icmp.pcap");

    @Test
    void everyUnitForm() {
        assertEquals(200_000_000L, Durations.parse("200ms"));
        assertEquals(1_500_000_000L, Durations.parse("1.5s"));
        assertEquals(120_000_000_000L, Durations.parse("2m"));
        assertEquals(3_600_000_000_000L, Durations.parse("1h"));
        assertEquals(500_000L, Durations.parse("500us"));
        assertEquals(500_000L, Durations.parse("500µs"));
        assertEquals(10L, Durations.parse("10ns"));
        assertEquals(2_000_000_000L, Durations.parse("2"));
        assertEquals(250_000_000L, Durations.parse(".25"));
        assertEquals(1_000_000_000L, Durations.parse(" 1 s "));
        // arp-scan's -t and --interval: a bare number is milliseconds, as in arp-scan.
        assertEquals(500_000_000L, new Durations.Millis().convert("500"));
        assertEquals(2_000_000_000L, new Durations.Millis().convert("2s"));
        assertEquals(1_500_000_000L, new Durations().convert("1.5"));
        for (String bad : new String[] {"", "s", "-1", "1d", "1x", "NaN", "Infinity", "1e400", "0x10", "1..5s"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad), bad);
        }
        assertEquals("1500ms", Durations.format(1_500_000_000L));
        assertEquals("2m", Durations.format(120_000_000_000L));
        assertEquals("0s", Durations.format(0));
    }

    @Test
    void unitsAreAcceptedWhereverADurationIsTaken() {
        assertEquals(0, Run.of("analyze", "--interval", "500ms", "--arp-timeout", "2s", "--aging", "5m",
                "--storm-window", "0.1", "--conflict-window", "1m", ARP_ICMP).code());
    }

    private static void fails(String expected, String... args) {
        Run r = Run.of(args);
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(expected + "\n", r.err());
    }

    @Test
    void eachErrorNamesItsOption() {
        fails("netlab: analyze: --top -1: must be at least 0 (see 'netlab analyze --help')",
                "analyze", "--top", "-1", ARP_ICMP);
        fails("netlab: analyze: --interval 0s: must be 1ms..24h (see 'netlab analyze --help')",
                "analyze", "--interval", "0", ARP_ICMP);
        fails("netlab: analyze: --mac-cap 0: must be 1..1048576 (see 'netlab analyze --help')",
                "analyze", "--mac-cap", "0", ARP_ICMP);
        fails("netlab: analyze: --broadcast-storm 0: must be positive (see 'netlab analyze --help')",
                "analyze", "--broadcast-storm", "0", ARP_ICMP);
        fails("netlab: analyze: --arp-storm 0: must be at least 1 (see 'netlab analyze --help')",
                "analyze", "--arp-storm", "0", ARP_ICMP);
        fails("netlab: analyze: Invalid value for option '--interval': '200x' is not a duration (e.g. 200ms, 1.5s, "
                + "2m, or a bare number of seconds) (see 'netlab analyze --help')", "analyze", "--interval", "200x", ARP_ICMP);
        fails("netlab: arp-scan: -M/--limit 0: must be at least 1 (see 'netlab arp-scan --help')",
                "arp-scan", "-M", "0", "10.0.0.0/24");
        fails("netlab: arp-scan: -r/--retry 0: must be 1..100 (see 'netlab arp-scan --help')",
                "arp-scan", "-r", "0", "10.0.0.0/24");
        fails("netlab: arp-scan: -b/--backoff 0.5: must be 1..10 (see 'netlab arp-scan --help')",
                "arp-scan", "-b", "0.5", "10.0.0.0/24");
        fails("netlab: arp-scan: -t/--timeout 0s: must be 1ms..1h (see 'netlab arp-scan --help')",
                "arp-scan", "-t", "0", "10.0.0.0/24");
        fails("netlab: arp-scan: --interval 2m: must be 0s..1m (see 'netlab arp-scan --help')",
                "arp-scan", "--interval", "120000", "10.0.0.0/24");
        fails("netlab: arp-resolve: -c 0: must be 1..1000000 (see 'netlab arp-resolve --help')",
                "arp-resolve", "-c", "0", "10.0.0.1");
        fails("netlab: arp-resolve: -w 0s: must be at least 1ms (see 'netlab arp-resolve --help')",
                "arp-resolve", "-w", "0", "10.0.0.1");
        fails("netlab: arp-resolve: --interval 2h: must be 1ms..1h (see 'netlab arp-resolve --help')",
                "arp-resolve", "--interval", "2h", "10.0.0.1");
        fails("netlab: capture: -c 0: must be at least 1 (see 'netlab capture --help')", "capture", "-c", "0", "lo");
        fails("netlab: capture: -s -1: must be 0..262144 (see 'netlab capture --help')", "capture", "-s", "-1", "lo");
        fails("netlab: capture: -G 500ms: must be at least 1s (see 'netlab capture --help')",
                "capture", "-w", "x.pcap", "-G", "500ms", "lo");
        fails("netlab: watch: --checkpoint 10ms: must be at least 1s (see 'netlab watch --help')",
                "watch", "--checkpoint", "10ms", "lo");
    }

    @Test
    void mistypedCommandsAndOptionsGetASuggestion() {
        Run r = Run.full("Read", ARP_ICMP);
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: usage: Unmatched arguments from index 0: 'Read', '" + ARP_ICMP + "' (did you mean read?; "
                + "see 'netlab --help')\n", r.err());
        r = Run.of("read", "--jsn", ARP_ICMP);
        assertEquals("netlab: read: Unknown option: '--jsn' (did you mean --json?; see 'netlab read --help')\n", r.err());
    }
}
