package netlab.analyzers.oui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuiTableTest {

    private static long mac(String s) {
        return MacAddress.parse(s).bits();
    }

    @Test
    void bundledTableHoldsEveryRegistryOfIeeeData20220827() {
        long t = System.nanoTime();
        OuiTable o = OuiTable.bundled();
        System.out.printf("OUI bundled table: %d prefixes loaded in %.1f ms%n", o.size(), (System.nanoTime() - t) / 1e6);
        assertEquals(32527, o.size(24));
        assertEquals(4390, o.size(28));
        assertEquals(9604, o.size(36));
        assertEquals(0, o.skippedLines());
        assertTrue(o.header().contains("ieee-data 20220827.1"), o.header());
    }

    @Test
    void longestPrefixWins() {
        OuiTable o = OuiTable.bundled();
        assertEquals("Cisco Systems, Inc", o.vendor(mac("00:00:0c:12:34:56")));
        // 70:B3:D5 is the registration authority's MA-L; 70:B3:D5:F2:F is an MA-S block inside it.
        assertEquals("TELEPLATFORMS", o.vendor(mac("70:b3:d5:f2:f0:01")));
        assertEquals("IEEE Registration Authority", o.vendor(mac("70:b3:d5:00:00:01")));
        assertEquals("Converging Systems Inc.", o.vendor(mac("00:1b:c5:00:00:09")));
        assertEquals("Toshiba Toko Meter Systems Co., LTD.", o.vendor(mac("1c:88:79:80:00:01")));
    }

    @Test
    void unknownAndLocallyAdministeredReadLikeArpScan() {
        OuiTable o = OuiTable.bundled();
        assertEquals(OuiTable.UNKNOWN, o.vendor(mac("00:08:33:00:00:01")));
        assertNull(o.find(mac("00:08:33:00:00:01")));
        assertEquals("(Unknown: locally administered)", o.vendor(mac("02:00:00:00:00:01")));
        // An early assignment with the U/L bit set is still named from the registry.
        assertEquals("RACAL-DATACOM", o.vendor(mac("02:07:01:00:00:01")));
    }

    @Test
    void loadsArpScanAndManufFormats(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ieee-oui.txt");
        Files.writeString(f, """
                # arp-scan style
                001122\tAcme Widgets
                0011223\tAcme Sub-block
                001122334\tTiny Block
                not a line
                00:AA:BB\tShortNm\tLong Name Inc.\t# comment
                00:1B:C5:00:10:00/36\tOpenRBco\tOpenRB.com, Direct SIA
                00:CC:DD\tOnlyShort
                """, StandardCharsets.UTF_8);
        OuiTable o = OuiTable.load(f);
        assertEquals(6, o.size());
        assertEquals(1, o.skippedLines());
        assertEquals("Acme Widgets", o.vendor(mac("00:11:22:00:00:00")));
        assertEquals("Acme Sub-block", o.vendor(mac("00:11:22:30:00:00")));
        assertEquals("Tiny Block", o.vendor(mac("00:11:22:33:40:00")));
        assertEquals("Long Name Inc.", o.vendor(mac("00:aa:bb:00:00:01")));
        assertEquals("OpenRB.com, Direct SIA", o.vendor(mac("00:1b:c5:00:10:05")));
        assertEquals("OnlyShort", o.vendor(mac("00:cc:dd:00:00:01")));
        assertEquals("arp-scan style", o.header());
    }

    @Test
    void loadsGzippedFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("oui.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("ABCDEF\tGzipped Vendor\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("Gzipped Vendor", OuiTable.load(f).vendor(mac("ab:cd:ef:00:00:00")));
    }

    @Test
    void fileWithoutPrefixesIsRejected(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("empty.txt");
        Files.writeString(f, "# nothing\nhello world\n");
        assertThrows(IOException.class, () -> OuiTable.load(f));
    }

    @Test
    void lineParserRejectsOddLengths() {
        assertNull(OuiLine.parse("00112\tFive digits"));
        assertNull(OuiLine.parse("00:11:22:33:44:55/40\tWrong bits\tx"));
        assertNull(OuiLine.parse("00:11:2G\tBad hex"));
        assertEquals(new OuiLine(0x001122, 24, "Two Words"), OuiLine.parse("001122\t  Two   Words "));
    }
}
