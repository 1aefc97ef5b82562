package netlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code netlab-spark analyze}'s errors: one line on stderr and the documented exit code. */
class NetlabSparkCommandTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = NetlabSpark.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void missingOutIsAUsageError() {
        String[] r = run("analyze", "/srv/captures");
        assertEquals("2", r[0]);
        assertEquals("netlab-spark: Missing required option: '--out=DIR' (see --help)\n", r[1]);
    }

    @Test
    void topBelowOneIsAUsageError() {
        String[] r = run("analyze", "/srv/captures", "--out", "/tmp/x", "--top", "0");
        assertEquals("2", r[0]);
        assertEquals("netlab-spark: --top 0: must be at least 1 (see --help)\n", r[1]);
    }

    @Test
    void aMissingRootIsOneLineAndExit3(@TempDir Path tmp) {
        Path root = tmp.resolve("no-such-archive");
        String[] r = run("analyze", root.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("3", r[0], r[1]);
        assertEquals("netlab-spark: " + root + ": no such directory (give a directory of capture directories)\n", r[1]);
    }
}
