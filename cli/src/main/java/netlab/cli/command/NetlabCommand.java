package netlab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import netlab.cli.support.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The top-level {@code netlab} command; its subcommands do the work. */
@Command(name = "netlab", mixinStandardHelpOptions = true, versionProvider = NetlabCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Raw packet capture and ARP analysis: decode every OSI layer, pair ARP requests "
                + "with replies, measure broadcast rates, model a switch's MAC table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the answer is no, or a --fail-on condition held",
            "2:bad command line or argument",
            "3:an input file cannot be opened",
            "4:the input is not a capture netlab can read",
            "5:the capture is damaged part-way (frames before the damage were reported)",
            "6:the BPF filter does not compile",
            "7:libpcap is needed but not installed",
            "8:an output file cannot be written",
            "9:live capture not permitted (not root, no CAP_NET_RAW) or -Z failed",
            "10:interface unknown, down or unusable, or no interface on the target's subnet",
            "11:the launcher cannot start netlab (no Java; in a clone: no Maven, build failed, nowhere writable)",
            "70:internal error (a bug)",
            "130:interrupted (SIGINT)",
            "141:stdout closed by its reader (e.g. | head -1): stopped quietly, as tcpdump killed by SIGPIPE",
            "143:terminated (SIGTERM)"})
public final class NetlabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Reads the version stamped into the jar at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = NetlabCommand.class.getResourceAsStream("/netlab/cli/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"netlab " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
