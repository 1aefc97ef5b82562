package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import netlab.cli.support.ExitCode;
import netlab.cli.support.Hosts;
import netlab.cli.support.NetlabException;
import netlab.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab subnet}: the facts of an IPv4 prefix, like ipcalc. */
@Command(name = "subnet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Network, broadcast, host range and count, mask, wildcard, class and scope of an "
                + "IPv4 prefix.%nExamples: netlab subnet 192.168.10.77/20   netlab subnet 10.1.2.3 255.255.255.0")
public final class SubnetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS[/LEN]", description = "IPv4 address with optional prefix length.")
    String address;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MASK", description = "Dotted netmask, instead of /LEN.")
    String mask;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Ipv4Subnet s = parse();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (JsonGenerator g = Json.pretty(out)) {
                write(g, s);
            }
            out.println();
        } else {
            print(out, s);
        }
        out.flush();
        return ExitCode.OK;
    }

    private Ipv4Subnet parse() {
        try {
            if (mask != null) {
                if (address.contains("/")) {
                    throw new IllegalArgumentException("give either ADDRESS/LEN or ADDRESS MASK, not both");
                }
                return Ipv4Subnet.of(address, mask);
            }
            return Ipv4Subnet.parse(address);
        } catch (IllegalArgumentException e) {
            String arg = mask == null ? address : address + " " + mask;
            throw new NetlabException(ExitCode.USAGE, "subnet " + arg, e.getMessage(),
                    "expected e.g. 192.168.10.77/20 or 192.168.10.77 255.255.240.0");
        }
    }

    private static void print(PrintWriter out, Ipv4Subnet s) {
        Ipv4Address a = s.address();
        row(out, "Address", a.toString());
        row(out, "Network", s.toString());
        row(out, "Netmask", s.netmask() + " = " + s.prefixLength());
        row(out, "Wildcard", s.wildcard().toString());
        row(out, "Broadcast", s.prefixLength() >= 31 ? "none (RFC 3021)" : s.broadcast().toString());
        row(out, "HostMin", s.firstHost().toString());
        row(out, "HostMax", s.lastHost().toString());
        row(out, "Hosts", Long.toString(s.hostCount()));
        row(out, "Class", String.valueOf(Ipv4Subnet.addressClass(a)));
        row(out, "Scope", Ipv4Subnet.scope(a));
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("%-11s%s%n", name + ":", value);
    }

    private static void write(JsonGenerator g, Ipv4Subnet s) throws IOException {
        g.writeStartObject();
        g.writeStringField("address", s.address().toString());
        g.writeStringField("network", s.network().toString());
        g.writeNumberField("prefix_length", s.prefixLength());
        g.writeStringField("netmask", s.netmask().toString());
        g.writeStringField("wildcard", s.wildcard().toString());
        if (s.prefixLength() >= 31) {
            g.writeNullField("broadcast");
        } else {
            g.writeStringField("broadcast", s.broadcast().toString());
        }
        g.writeStringField("first_host", s.firstHost().toString());
        g.writeStringField("last_host", s.lastHost().toString());
        g.writeNumberField("host_count", s.hostCount());
        g.writeNumberField("address_count", s.size());
        g.writeStringField("class", String.valueOf(Ipv4Subnet.addressClass(s.address())));
        g.writeStringField("scope", Ipv4Subnet.scope(s.address()));
        g.writeEndObject();
    }
}
