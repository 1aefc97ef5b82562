package netlab.cli.db;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.stationdb.StationDb;
import netlab.analyzers.stationdb.StationRecord;
import netlab.capture.Timestamps;
import netlab.capture.file.OutputFiles;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;

/**
 * The station database's file: JSON, one binding or station per line, written atomically (a temporary file in
 * the same directory, fsync, rename over the old one, fsync of the directory, so a crash leaves the old or the
 * new file, never half of one), and read as a stream within fixed bounds whatever is on disk.
 *
 * <p>Before it is opened the file must be a regular file (not a link, FIFO or device), owned by root or the
 * user netlab runs as, not writable by group or others (the checks {@code -w} makes), and at most {@link
 * #MAX_BYTES}; opening is abandoned after {@link #OPEN_TIMEOUT_SECONDS} (a FIFO swapped in after the check).
 * A file it will not load is one line and exit 4, and is left as it is.
 */
public final class StationDbFile {
    static final String FORMAT = "netlab-watch-db";
    static final int VERSION = 1;
    /** Largest file loaded: ~2.5x a database full at the default caps with full histories (~100 MB). */
    public static final long MAX_BYTES = 256L << 20;
    static final int OPEN_TIMEOUT_SECONDS = 5;
    private static final String HINT = "move it away to start a new one; the file is left as it is";
    /** Strings and nesting capped: a database holds short strings two levels deep. */
    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(4096).maxNestingDepth(8).build())
            .build();

    private StationDbFile() {
    }

    /** Reads the database, or an empty one when the file does not exist (see the class comment for the checks). */
    public static StationDb load(Path path, String user, int cap) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new StationDb(cap, 0, 0);
        }
        check(path);
        try (InputStream in = new Capped(new BufferedInputStream(open(path), 1 << 16));
             JsonParser p = JSON.createParser(in)) {
            return StationDbReader.read(p, cap, why -> bad(path, why + " at byte " + p.currentLocation().getByteOffset()));
        } catch (NoSuchFileException e) {
            return new StationDb(cap, 0, 0);
        } catch (AccessDeniedException e) {
            throw cannot(false, path, user, e);
        } catch (TooLarge e) {
            throw bad(path, "larger than the " + (MAX_BYTES >> 20) + " MiB a database may be");
        } catch (IOException e) {
            throw bad(path, Messages.text(FileNames.message(e, path)));
        }
    }

    /** The type, owner, mode and size checks, on the path itself (never through a link). */
    static void check(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                throw bad(path, "is a symbolic link, which netlab does not follow for its database");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw bad(path, "is not a regular file");
            }
            int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int self = OutputFiles.effectiveUid();
            if (owner != 0 && self >= 0 && owner != self) {
                throw bad(path, "belongs to uid " + owner + ", neither root nor the user netlab runs as, "
                        + "so another user may have planted it");
            }
            if ((mode & 022) != 0) {
                throw bad(path, String.format("is writable by group or others (mode %04o), so another user may "
                        + "have changed it", mode & 07777));
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw bad(path, "is " + size + " bytes, larger than the " + (MAX_BYTES >> 20) + " MiB a database may be");
            }
        } catch (IOException e) {
            throw bad(path, Messages.text(FileNames.message(e, path)));
        }
    }

    /** Opens without following a link, giving up after a timeout (a FIFO's open blocks until a writer comes). */
    private static InputStream open(Path path) throws IOException {
        CompletableFuture<InputStream> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "netlab-db-open");
        t.setDaemon(true);
        t.start();
        try {
            return f.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw bad(path, "did not open within " + OPEN_TIMEOUT_SECONDS + " s: not a regular file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    static NetlabException bad(Path path, String why) {
        return new NetlabException(ExitCode.BAD_CAPTURE, Messages.path(path), "not loaded as a netlab watch database: "
                + why, HINT);
    }

    /** More than {@link #MAX_BYTES} were read (the file grew, or was swapped, after the size check). */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Counts what is read and fails past {@link #MAX_BYTES}. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        private int count(int n) throws TooLarge {
            if (n > 0 && (read += n) > MAX_BYTES) {
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }
    }

    /**
     * The one line for a database that cannot be read (exit 3) or written (exit 8). Permission denied after -Z
     * names the user and the chown that fixes it: the usual cause is a file or directory still owned by root.
     */
    public static NetlabException cannot(boolean write, Path path, String user, IOException e) {
        int code = write ? ExitCode.WRITE_ERROR : ExitCode.NO_INPUT;
        String verb = "cannot " + (write ? "write" : "read") + " the database";
        String shown = FileNames.name(path);
        if (!(e instanceof AccessDeniedException)) {
            return new NetlabException(code, shown, verb + ": " + FileNames.message(e, path),
                    "check the directory exists and is writable", e);
        }
        if (user == null) {
            return new NetlabException(code, shown, verb + ": permission denied",
                    "check the owner and mode of the file and its directory", e);
        }
        Path dir = path.toAbsolutePath().getParent();
        return new NetlabException(code, shown, verb + " as user " + user + ": permission denied",
                "with -Z the directory and the file must be " + user + "'s: chown " + user + " " + FileNames.name(dir)
                        + (Files.exists(path) ? " " + shown : "") + ", or leave out -Z", e);
    }

    /** The name prefix of this database's temporary files: {@code .NAME.} (then digits and {@code .tmp}). */
    static String tempPrefix(Path path) {
        return "." + FileNames.name(path.getFileName()) + ".";
    }

    /** Writes the database atomically (see the class comment). */
    public static void write(StationDb db, Path path, String iface, long nowNanos, LongFunction<String> vendor) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = FileNames.createTempFile(dir, tempPrefix(path), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
                try (JsonGenerator g = JSON.createGenerator(w)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.setPrettyPrinter(new MinimalPrettyPrinter(""));
                    writeJson(g, db, iface, nowNanos, vendor);
                }
                w.write('\n');
                w.flush();
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be synced; the rename itself is atomic.
        }
    }

    private static final SerializedString NEWLINE = new SerializedString("\n");

    private static void writeJson(JsonGenerator g, StationDb db, String iface, long nowNanos, LongFunction<String> vendor)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("interface", iface);
        g.writeStringField("written", Timestamps.rfc3339(nowNanos));
        g.writeNumberField("cap", db.cap());
        g.writeNumberField("evicted_bindings", db.evictedBindings());
        g.writeNumberField("evicted_stations", db.evictedStations());
        g.writeRaw(NEWLINE);
        g.writeArrayFieldStart("bindings");
        for (ArpBinding b : db.bindings()) {
            g.writeRaw(NEWLINE);
            StationDbReader.writeBinding(g, b);
        }
        g.writeEndArray();
        g.writeRaw(NEWLINE);
        g.writeArrayFieldStart("stations");
        for (StationRecord s : db.stations()) {
            g.writeRaw(NEWLINE);
            g.writeStartObject();
            g.writeStringField("mac", new MacAddress(s.mac()).toString());
            g.writeNumberField("vlan", s.vlan());
            g.writeStringField("vendor", vendor.apply(s.mac()));
            g.writeStringField("first_seen", Timestamps.rfc3339(s.firstSeen()));
            g.writeStringField("last_seen", Timestamps.rfc3339(s.lastSeen()));
            g.writeArrayFieldStart("ips");
            for (String ip : s.ips()) {
                g.writeString(ip);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static String ip(int bits) {
        return Ipv4Address.format(bits);
    }
}
