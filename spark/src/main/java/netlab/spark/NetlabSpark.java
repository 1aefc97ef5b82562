package netlab.spark;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netlab-spark}: netlab's analyzers on Apache Spark. Run by {@code spark-submit} on a cluster, or by
 * {@code ./netlab-spark} on one machine (Spark's local mode, {@code local[*]} unless {@code spark.master} is set).
 */
@Command(name = "netlab-spark", mixinStandardHelpOptions = true, version = "netlab-spark 0.1.0",
        subcommands = {NetlabSpark.Analyze.class, StationStream.class},
        description = "netlab's analyzers over capture archives and event streams, on Apache Spark.")
public final class NetlabSpark implements Callable<Integer> {
    /** Exit codes, as netlab's (cli ExitCode): 0 ok, 2 usage, 3 no input, 8 write error, 70 internal. */
    static final int OK = 0;
    static final int USAGE = 2;
    static final int NO_INPUT = 3;
    static final int INTERNAL = 70;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The one command-line factory, for main and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NetlabSpark());
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("netlab-spark: " + e.getMessage() + " (see --help)");
            return USAGE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A Spark session on the configured master, or on all local cores when none is configured. */
    static SparkSession session(String appName) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (!conf.contains("spark.master")) {
            b.master("local[*]");
        }
        if (conf.get("spark.master", "local[*]").startsWith("local") && !conf.contains("spark.driver.host")) {
            // One machine: Spark's RPC listens on loopback, never on a real interface's address.
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }

    /** {@code netlab-spark analyze ROOT --out DIR}. */
    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Analyse every segment (directory of captures) under ROOT, as netlab analyze --json "
                    + "would, into DIR/segments/<segment>.json, the DIR/events Parquet table and DIR/summary.json.")
    static final class Analyze implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ROOT", description = "Root of the archive, any Hadoop path (file:, hdfs:, s3a:).")
        String root;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        String out;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10",
                description = "Rows in the top-talker tables (default: ${DEFAULT-VALUE}).")
        int top;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (top < 1) {
                err.println("netlab-spark: --top " + top + ": must be at least 1 (see --help)");
                return USAGE;
            }
            try (SparkSession spark = session("netlab analyze " + root)) {
                SparkAnalyze.Outcome o = new SparkAnalyze(spark, top).run(root, out);
                if (o.filesWithErrors() > 0) {
                    err.println("netlab-spark: analyze: " + o.filesWithErrors() + " of " + o.files()
                            + " files had errors (listed in " + out + "/summary.json)");
                }
                return OK;
            } catch (IllegalArgumentException e) {
                err.println("netlab-spark: " + e.getMessage() + " (give a directory of capture directories)");
                return NO_INPUT;
            } catch (Exception e) {
                // A failed Spark job's message carries the task's stack trace: its first line names the cause.
                err.println("netlab-spark: analyze: " + e.toString().lines().findFirst().orElse("") + " (see the Spark log)");
                return INTERNAL;
            } finally {
                err.flush();
            }
        }
    }
}
