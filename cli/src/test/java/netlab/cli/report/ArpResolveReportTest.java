package netlab.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import netlab.capture.live.ArpFrames;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.probe.ArpExchange;
import netlab.cli.probe.ArpExchange.Mode;
import netlab.cli.probe.ArpPacket;
import org.junit.jupiter.api.Test;

/** arp-resolve's lines and JSON objects rendered from the engine's records, without a handle. */
class ArpResolveReportTest {
    private static final Ipv4Address IP = Ipv4Address.parse("10.0.0.2");
    private static final MacAddress OWN = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress OTHER = MacAddress.parse("02:00:00:00:00:02");
    /** 2023-11-14T22:13:20Z. */
    private static final long T0 = 1_700_000_000_000_000_000L;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ArpResolveReport report(Mode mode, boolean json) {
        return new ArpResolveReport(new PrintWriter(out), new PrintWriter(err), json, mode, IP, OWN, "eth1");
    }

    private static ArpExchange.Answer reply(MacAddress ethernetSource, long rttNanos) {
        return new ArpExchange.Answer(new ArpPacket(ArpFrames.REPLY, OTHER, IP, OWN, Ipv4Address.parse("10.0.0.1"),
                ethernetSource, T0), rttNanos);
    }

    @Test
    void aReplyFromAProxyNamesItsEthernetSourceAndAnUnknownRttIsLeftOut() {
        ArpResolveReport r = report(Mode.RESOLVE, false);
        r.answer(reply(MacAddress.parse("02:00:00:00:00:09"), -1));
        r.summary(new ArpExchange.Result(Mode.RESOLVE, 3, 1));
        assertEquals("10.0.0.2 is-at 02:00:00:00:00:02 (Unknown: locally administered) "
                + "[Ethernet source 02:00:00:00:00:09] via eth1\n", out.toString());
        assertEquals("sent 3 requests, received 1 reply\n", err.toString());
    }

    @Test
    void aProbeForTheAddressIsShownAsSuchWithoutRtt() {
        ArpResolveReport r = report(Mode.DAD, false);
        r.answer(new ArpExchange.Answer(new ArpPacket(ArpFrames.REQUEST, OTHER, Ipv4Address.ANY, MacAddress.ZERO, IP,
                OTHER, T0), 1_500_000));
        r.summary(new ArpExchange.Result(Mode.DAD, 1, 1));
        assertEquals("10.0.0.2 is being probed by 02:00:00:00:00:02 (Unknown: locally administered) via eth1\n",
                out.toString());
        assertEquals("sent 1 probe, received 1 answer\n", err.toString());
    }

    @Test
    void aFreeAddressAndAnAnnouncementSayItOnStdout() {
        report(Mode.DAD, false).summary(new ArpExchange.Result(Mode.DAD, 2, 0));
        report(Mode.ANNOUNCE_REPLY, false).summary(new ArpExchange.Result(Mode.ANNOUNCE_REPLY, 1, 0));
        assertEquals("10.0.0.2 is free: no answer to 2 probes via eth1\n"
                + "announced 10.0.0.2 at 02:00:00:00:00:01 via eth1 (1 gratuitous reply)\n", out.toString());
        assertEquals("sent 2 probes, received 0 answers\n", err.toString());
    }

    @Test
    void jsonHasOneObjectPerAnswerThenTheSummary() {
        ArpResolveReport r = report(Mode.RESOLVE, true);
        r.answer(reply(OTHER, 1_500_000));
        r.summary(new ArpExchange.Result(Mode.RESOLVE, 1, 1));
        assertEquals("{\"type\":\"reply\",\"ip\":\"10.0.0.2\",\"mac\":\"02:00:00:00:00:02\",\"ethernet_source\":"
                + "\"02:00:00:00:00:02\",\"vendor\":\"(Unknown: locally administered)\",\"rtt_ms\":1.5,"
                + "\"interface\":\"eth1\",\"timestamp\":\"2023-11-14T22:13:20.000000000Z\"}\n"
                + "{\"type\":\"summary\",\"ip\":\"10.0.0.2\",\"interface\":\"eth1\",\"mode\":\"resolve\",\"sent\":1,"
                + "\"received\":1,\"result\":\"resolved\"}\n", out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void eachModeHasItsOutcome() {
        assertEquals("no-reply", new ArpExchange.Result(Mode.RESOLVE, 3, 0).outcome().word());
        assertEquals("in-use", new ArpExchange.Result(Mode.DAD, 3, 2).outcome().word());
        assertEquals("announced", new ArpExchange.Result(Mode.ANNOUNCE_REQUEST, 2, 0).outcome().word());
    }
}
