package netlab.cli.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import netlab.analyzers.stationdb.StationDb;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;

/**
 * Coverage-guided fuzz target (Jazzer) for the station database loader: any bytes either load into a database
 * within its cap or are refused with the loader's one-line exit-4 error (or the JSON parser's own exception,
 * which the loader turns into that line). Anything else, a hang or an OutOfMemoryError is a finding. A plain
 * {@code mvn test} replays the seeds and past findings under {@code StationDbFuzzTestInputs/stationDb}; with
 * {@code JAZZER_FUZZ=1} the {@code fuzz} profile of {@code cli/pom.xml} fuzzes it for {@link #BUDGET}.
 */
class StationDbFuzzTest {
    static final String BUDGET = "45s";
    /** A small cap, so the fuzzer reaches eviction. */
    private static final int CAP = 4;

    @FuzzTest(maxDuration = BUDGET)
    void stationDb(byte[] input) throws IOException {
        try (JsonParser p = StationDbFile.JSON.createParser(input)) {
            StationDb db = StationDbReader.read(p, CAP, why -> new NetlabException(ExitCode.BAD_CAPTURE, "fuzz", why, null));
            assertTrue(db.bindingCount() <= CAP && db.stationCount() <= CAP);
            db.bindings().forEach(b -> assertTrue(!b.claims().isEmpty() && b.claims().size() <= StationDb.MAX_HISTORY));
            db.stations().forEach(s -> assertTrue(s.ips().size() <= StationDb.MAX_IPS && s.firstSeen() <= s.lastSeen()));
        } catch (NetlabException e) {
            assertEquals(ExitCode.BAD_CAPTURE, e.exitCode());
            assertTrue(e.line().indexOf('\n') < 0 && e.line().chars().noneMatch(c -> c < 0x20), e.line());
        } catch (IOException e) {
            // Malformed JSON, a string or nesting cap (StreamConstraintsException, found by this target), or bytes
            // that are no character in the encoding the parser detected (UTF-32 above U+10FFFF, also found here):
            // StationDbFile.load turns every IOException into the exit-4 line.
        }
    }
}
