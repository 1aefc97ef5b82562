package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapReader;
import netlab.cli.command.ArpResolveCommand;
import netlab.cli.io.RotatingPcap;
import netlab.cli.probe.ArpExchange;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live commands' argument checks and file rotation, which need no interface and send nothing. */
class CaptureCommandTest {
    @TempDir
    Path dir;

    @Test
    void unknownInterfaceIsExitTen() {
        Run r = Run.of("capture", "nlt-no-such0", "-c", "1");
        assertEquals(ExitCode.INTERFACE, r.code());
        assertEquals("netlab: nlt-no-such0: no such interface ('netlab interfaces' lists the names and numbers)\n", r.err());
    }

    @Test
    void rotationOptionsNeedAFile() {
        Run r = Run.of("capture", "lo", "-C", "1");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: capture: -C, -G, -W and -U need -w FILE (see 'netlab capture --help')\n", r.err());
    }

    @Test
    void filterTwiceIsUsage() {
        assertEquals(ExitCode.USAGE, Run.of("capture", "lo", "-f", "arp", "arp").code());
    }

    @Test
    void arpResolveRejectsBadArguments() {
        assertEquals("netlab: arp-resolve: IP '10.0.0' is not an IPv4 address (see 'netlab arp-resolve --help')\n",
                Run.of("arp-resolve", "10.0.0").err());
        assertEquals(ExitCode.USAGE, Run.of("arp-resolve", "-D", "-U", "10.0.0.1").code());
        assertEquals(ExitCode.USAGE, Run.of("arp-resolve", "-c", "0", "10.0.0.1").code());
        assertEquals(ExitCode.USAGE, Run.of("arp-resolve", "-w", "0", "10.0.0.1").code());
        assertEquals(ExitCode.USAGE, Run.of("arp-resolve", "-D", "-s", "10.0.0.2", "10.0.0.1").code());
    }

    @Test
    void bpfFilterForEachMode() {
        netlab.capture.net.MacAddress mac = netlab.capture.net.MacAddress.parse("02:00:00:00:00:01");
        netlab.capture.net.Ipv4Address ip = netlab.capture.net.Ipv4Address.parse("10.77.0.2");
        assertEquals("arp and arp[6:2] = 2 and arp[14:4] = 0x0a4d0002 and ether dst 02:00:00:00:00:01",
                ArpResolveCommand.filter(ArpExchange.Mode.RESOLVE, ip, mac));
        assertEquals("arp and not ether src 02:00:00:00:00:01 and (arp[14:4] = 0x0a4d0002 or (arp[6:2] = 1 "
                + "and arp[14:4] = 0 and arp[24:4] = 0x0a4d0002))", ArpResolveCommand.filter(ArpExchange.Mode.DAD, ip, mac));
    }

    private static Frame frame(int k, int length) {
        byte[] b = new byte[length];
        b[0] = (byte) k;
        return new Frame(b, 0, length, length, 1_700_000_000_000_000_000L + k, LinkType.ETHERNET, 0);
    }

    private static List<Integer> firstBytes(Path file) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (PcapReader r = new PcapReader(Files.newInputStream(file))) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                out.add(f.data()[f.offset()] & 0xff);
            }
        }
        return out;
    }

    @Test
    void sizeRotationClosesAFileBeforeItWouldExceedTheLimit() throws Exception {
        Path base = dir.resolve("r.pcap");
        // 24-byte header + 2 records of 16 + 60 = 176 bytes fit in 200; a third would not.
        try (RotatingPcap out = new RotatingPcap(base, false, 200, 0, false)) {
            out.open(LinkType.ETHERNET, 262144);
            for (int k = 0; k < 5; k++) {
                out.write(frame(k, 60));
            }
            assertEquals(3, out.files());
        }
        assertEquals(List.of(0, 1), firstBytes(base));
        assertEquals(List.of(2, 3), firstBytes(dir.resolve("r.pcap1")));
        assertEquals(List.of(4), firstBytes(dir.resolve("r.pcap2")));
        assertEquals(176, Files.size(base));
    }

    @Test
    void ringOfFilesReusesTheOldest() throws Exception {
        Path base = dir.resolve("ring.pcap");
        try (RotatingPcap out = new RotatingPcap(base, false, 100, 3, true)) {
            out.open(LinkType.ETHERNET, 262144);
            for (int k = 0; k < 5; k++) {
                out.write(frame(k, 60));
            }
        }
        assertEquals(List.of(3), firstBytes(dir.resolve("ring.pcap0")));
        assertEquals(List.of(4), firstBytes(dir.resolve("ring.pcap1")));
        assertEquals(List.of(2), firstBytes(dir.resolve("ring.pcap2")));
        assertTrue(Files.notExists(base));
    }

    @Test
    void aFrameLargerThanTheLimitStillGetsAFile() throws Exception {
        Path base = dir.resolve("big.pcap");
        try (RotatingPcap out = new RotatingPcap(base, false, 50, 0, false)) {
            out.open(LinkType.ETHERNET, 262144);
            out.write(frame(9, 100));
        }
        assertEquals(List.of(9), firstBytes(base));
    }

    private static Frame at(int k, long seconds) {
        Frame f = frame(k, 60);
        return new Frame(f.data(), 0, 60, 60, T0 + seconds * 1_000_000_000L, LinkType.ETHERNET, 0);
    }

    /** 2023-11-14T22:13:20Z, the period start of the first file. */
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void timeRotationStartsAFileAtTheFirstFrameOfEachPeriodOnAFixedGrid() throws Exception {
        Path base = dir.resolve("t-%Y%m%d-%H%M%S.pcap");
        try (RotatingPcap out = new RotatingPcap(base, false, 0, 0, false, 10_000_000_000L, 0)) {
            out.open(LinkType.ETHERNET, 262144, T0);
            for (long[] f : new long[][] {{0, 0}, {1, 9}, {2, 10}, {3, 35}, {4, 39}}) {
                assertTrue(out.write(at((int) f[0], f[1])));
            }
            assertEquals(3, out.files());
        }
        assertEquals(List.of(0, 1), firstBytes(dir.resolve("t-20231114-221320.pcap")));
        assertEquals(List.of(2), firstBytes(dir.resolve("t-20231114-221330.pcap")));
        // 35 s falls in the period starting at 30 s: no file for the empty period at 20 s.
        assertEquals(List.of(3, 4), firstBytes(dir.resolve("t-20231114-221350.pcap")));
    }

    @Test
    void timeRotationWithoutAPatternNumbersAndMinusWStopsAfterNFiles() throws Exception {
        Path base = dir.resolve("g.pcap");
        try (RotatingPcap out = new RotatingPcap(base, false, 0, 2, false, 5_000_000_000L, 2)) {
            out.open(LinkType.ETHERNET, 262144, T0);
            assertTrue(out.write(at(0, 1)));
            assertTrue(out.write(at(1, 6)));
            assertEquals(false, out.write(at(2, 11)));
        }
        assertEquals(List.of(0), firstBytes(base));
        assertEquals(List.of(1), firstBytes(dir.resolve("g.pcap1")));
        assertTrue(Files.notExists(dir.resolve("g.pcap2")));
    }

    @Test
    void strftimeKnowsTcpdumpsCommonFields() {
        assertEquals("x-2023-11-14T22:13:20-1700000000-%-%q", RotatingPcap.strftime("x-%Y-%m-%dT%H:%M:%S-%s-%%-%q", T0));
    }

    @Test
    void rotationOptionsNeedTheirCompanions() {
        Run r = Run.of("capture", "lo", "-G", "5");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: capture: -C, -G, -W and -U need -w FILE (see 'netlab capture --help')\n", r.err());
        r = Run.of("capture", "lo", "-w", "x.pcap", "-W", "3");
        assertEquals("netlab: capture: -W needs -C or -G (see 'netlab capture --help')\n", r.err());
    }
}
