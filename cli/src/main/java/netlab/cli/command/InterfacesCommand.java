package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.capture.live.LiveException;
import netlab.capture.live.NetInterface;
import netlab.capture.live.Platform;
import netlab.capture.net.Ipv4Subnet;
import netlab.cli.live.LiveErrors;
import netlab.cli.support.ExitCode;
import netlab.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netlab interfaces}: the capture devices, numbered like tcpdump -D, with index, MAC, addresses and flags. */
@Command(name = "interfaces", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the network interfaces of this namespace, numbered as tcpdump -D numbers them; "
                + "the number can replace the name in other commands (netlab capture 2).",
            "Each line: number.name [flags] index, MAC (ether), IPv4 (inet) and IPv6 (inet6) with prefix, "
                + "and libpcap's description in parentheses."})
public final class InterfacesCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public InterfacesCommand(Platform platform) {
        this.platform = platform;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Also list libpcap's pseudo-devices (any, nflog, nfqueue, ...).")
    boolean all;

    @Option(names = "--json", description = "A JSON array of interface objects.")
    boolean json;

    @Override
    public Integer call() {
        List<NetInterface> list;
        try {
            list = platform.interfaces();
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
        List<NetInterface> shown = new ArrayList<>();
        for (NetInterface i : list) {
            if (all || i.isKernelInterface()) {
                shown.add(i);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(out, shown);
        } else {
            for (NetInterface i : shown) {
                out.println(line(i));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    static String line(NetInterface i) {
        StringBuilder sb = new StringBuilder().append(i.number()).append('.').append(i.name());
        sb.append(" [").append(String.join(", ", flags(i))).append(']');
        if (i.index() > 0) {
            sb.append(" index ").append(i.index());
        }
        if (i.mac() != null) {
            sb.append(" ether ").append(i.mac());
        }
        for (Ipv4Subnet s : i.ipv4()) {
            sb.append(" inet ").append(s.address()).append('/').append(s.prefixLength());
        }
        for (String s : i.ipv6()) {
            sb.append(" inet6 ").append(s);
        }
        if (i.description() != null) {
            sb.append(" (").append(i.description()).append(')');
        }
        return sb.toString();
    }

    private static List<String> flags(NetInterface i) {
        List<String> f = new ArrayList<>();
        if (i.up()) {
            f.add("Up");
        }
        if (i.running()) {
            f.add("Running");
        }
        if (i.loopback()) {
            f.add("Loopback");
        }
        if (f.isEmpty()) {
            f.add("none");
        }
        return f;
    }

    private static void writeJson(PrintWriter out, List<NetInterface> list) {
        try (JsonGenerator g = Json.pretty(out)) {
            g.writeStartArray();
            for (NetInterface i : list) {
                g.writeStartObject();
                g.writeNumberField("number", i.number());
                g.writeStringField("name", i.name());
                g.writeNumberField("index", i.index());
                g.writeStringField("mac", i.mac() == null ? null : i.mac().toString());
                g.writeArrayFieldStart("ipv4");
                for (Ipv4Subnet s : i.ipv4()) {
                    g.writeString(s.address() + "/" + s.prefixLength());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("ipv6");
                for (String s : i.ipv6()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeBooleanField("up", i.up());
                g.writeBooleanField("running", i.running());
                g.writeBooleanField("loopback", i.loopback());
                g.writeStringField("description", i.description());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
