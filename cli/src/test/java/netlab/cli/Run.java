package netlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs netlab through {@link Netlab#newCommandLine}, as {@link Main} does, and captures exit code, stdout and stderr. */
public record Run(int code, String out, String err) {

    public static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netlab.newCommandLine(new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** As {@link #of}, through the command line with every subcommand built. */
    public static Run full(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netlab.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository root, from the surefire property (or the working directory's parent). */
    public static Path root() {
        String r = System.getProperty("netlab.root");
        return r != null ? Path.of(r) : Path.of("..").toAbsolutePath().normalize();
    }

    public static String sample(String name) {
        return root().resolve("sample-pcaps").resolve(name).toString();
    }
}
