package netlab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import netlab.analyzers.Json;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.mac.Station;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * The {@code watch --db} station database: every IP to MAC binding with its history, and every station of
 * the MAC table, kept across runs. A binding or station that leaves the analyzers' bounded tables stays here.
 * Written atomically: a temporary file in the same directory, fsync, rename over the old one, fsync of
 * the directory, so a crash leaves the old or the new file, never half of one.
 */
final class StationDb {
    static final String FORMAT = "netlab-watch-db";
    static final int VERSION = 1;

    /** A MAC table station as kept: when first and last seen, and the addresses it used. */
    record StationRecord(long mac, int vlan, long firstSeen, long lastSeen, List<String> ips) {
    }

    private final Path path;
    private final Map<Long, ArpBinding> bindings = new TreeMap<>();
    private final Map<Long, StationRecord> stations = new TreeMap<>();

    private StationDb(Path path) {
        this.path = path;
    }

    /**
     * Reads the database, or starts an empty one when the file does not exist.
     *
     * @param user the user the process switched to with -Z, for the error's hint; null without -Z
     */
    static StationDb load(Path path, String user) {
        StationDb db = new StationDb(path);
        Object root;
        try (JsonParser p = new JsonFactory().createParser(Files.readAllBytes(path))) {
            p.nextToken();
            root = value(p);
        } catch (NoSuchFileException e) {
            return db;
        } catch (AccessDeniedException e) {
            throw cannot(false, path, user, e);
        } catch (IOException e) {
            throw bad(path, e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !FORMAT.equals(top.get("format"))
                || !(top.get("version") instanceof Number v) || v.intValue() != VERSION) {
            throw bad(path, "no \"format\": \"" + FORMAT + "\", \"version\": " + VERSION);
        }
        try {
            for (Object o : list(top.get("bindings"))) {
                Map<?, ?> b = (Map<?, ?>) o;
                List<ArpBinding.Claim> claims = new ArrayList<>();
                for (Object h : list(b.get("history"))) {
                    Map<?, ?> c = (Map<?, ?>) h;
                    claims.add(new ArpBinding.Claim(mac(c.get("mac")), time(c.get("first_seen")), time(c.get("last_seen"))));
                }
                // ArpBinding lists claims earliest first; the file lists them most recent first.
                claims.sort(Comparator.comparingLong(ArpBinding.Claim::firstSeenNanos).thenComparingLong(ArpBinding.Claim::mac));
                ArpBinding ab = new ArpBinding(((Number) b.get("vlan")).intValue(), Ipv4Address.parse((String) b.get("ip")).bits(),
                        time(b.get("first_seen")), time(b.get("last_seen")), List.copyOf(claims));
                db.bindings.put(key(ab.vlan(), ab.ip()), ab);
            }
            for (Object o : list(top.get("stations"))) {
                Map<?, ?> s = (Map<?, ?>) o;
                List<String> ips = new ArrayList<>();
                list(s.get("ips")).forEach(ip -> ips.add((String) ip));
                StationRecord r = new StationRecord(mac(s.get("mac")), ((Number) s.get("vlan")).intValue(),
                        time(s.get("first_seen")), time(s.get("last_seen")), List.copyOf(ips));
                db.stations.put(stationKey(r.vlan(), r.mac()), r);
            }
        } catch (RuntimeException e) {
            throw bad(path, "bad entry: " + e.getMessage());
        }
        return db;
    }

    /** The JSON value at the parser's current token: a map, list, string, number, boolean or null. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                m.put(name, value(p));
            }
            return m;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                l.add(value(p));
            }
            return l;
        }
        if (t == null) {
            throw new IOException("empty file");
        }
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            default -> null;
        };
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static NetlabException bad(Path path, String why) {
        return new NetlabException(ExitCode.NO_INPUT, path.toString(), "not a netlab watch database: " + why,
                "move it away to start a new one");
    }

    /**
     * The one line for a database that cannot be read (exit 3) or written (exit 8). Permission denied after -Z
     * names the user and the chown that fixes it: the usual cause is a file or directory still owned by root.
     */
    static NetlabException cannot(boolean write, Path path, String user, IOException e) {
        int code = write ? ExitCode.WRITE_ERROR : ExitCode.NO_INPUT;
        String verb = "cannot " + (write ? "write" : "read") + " the database";
        if (!(e instanceof AccessDeniedException)) {
            return new NetlabException(code, path.toString(), verb + ": " + e.getMessage(),
                    "check the directory exists and is writable", e);
        }
        if (user == null) {
            return new NetlabException(code, path.toString(), verb + ": permission denied",
                    "check the owner and mode of the file and its directory", e);
        }
        Path dir = path.toAbsolutePath().getParent();
        return new NetlabException(code, path.toString(), verb + " as user " + user + ": permission denied",
                "with -Z the directory and the file must be " + user + "'s: chown " + user + " " + dir
                        + (Files.exists(path) ? " " + path : "") + ", or leave out -Z", e);
    }

    private static long mac(Object text) {
        return MacAddress.parse((String) text).bits();
    }

    private static long time(Object text) {
        Instant i = Instant.parse((String) text);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static long key(int vlan, int ip) {
        return ((long) vlan << 32) | Integer.toUnsignedLong(ip);
    }

    private static long stationKey(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    /** The bindings to seed the ARP tracker with. */
    synchronized List<ArpBinding> bindings() {
        return List.copyOf(bindings.values());
    }

    synchronized int bindingCount() {
        return bindings.size();
    }

    synchronized int stationCount() {
        return stations.size();
    }

    /** Takes in the analyzers' current state: their bindings replace the stored ones, stations are merged. */
    synchronized void update(List<ArpBinding> current, List<Station> live) {
        for (ArpBinding b : current) {
            bindings.put(key(b.vlan(), b.ip()), b);
        }
        for (Station s : live) {
            long k = stationKey(s.vlan(), s.mac());
            StationRecord old = stations.get(k);
            Set<String> ips = new LinkedHashSet<>(old == null ? List.of() : old.ips());
            for (String ip : s.ips()) {
                if (ips.size() < MacTable.MAX_IPS_PER_STATION) {
                    ips.add(ip);
                }
            }
            stations.put(k, new StationRecord(s.mac(), s.vlan(), old == null ? s.firstSeen() : Math.min(old.firstSeen(), s.firstSeen()),
                    old == null ? s.lastSeen() : Math.max(old.lastSeen(), s.lastSeen()), List.copyOf(ips)));
        }
    }

    /** Writes the database atomically (see the class comment). */
    synchronized void write(String iface, long nowNanos, LongFunction<String> vendor) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Writer w = new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8);
                try (JsonGenerator g = Json.pretty(w)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    writeJson(g, iface, nowNanos, vendor);
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

    private void writeJson(JsonGenerator g, String iface, long nowNanos, LongFunction<String> vendor) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("interface", iface);
        g.writeStringField("written", Timestamps.rfc3339(nowNanos));
        g.writeArrayFieldStart("bindings");
        for (ArpBinding b : bindings.values()) {
            List<ArpBinding.Claim> recent = new ArrayList<>(b.claims());
            recent.sort((x, y) -> Long.compare(y.lastSeenNanos(), x.lastSeenNanos()));
            g.writeStartObject();
            g.writeStringField("ip", Ipv4Address.format(b.ip()));
            g.writeNumberField("vlan", b.vlan());
            g.writeStringField("mac", new MacAddress(recent.get(0).mac()).toString());
            g.writeStringField("first_seen", Timestamps.rfc3339(b.firstSeenNanos()));
            g.writeStringField("last_seen", Timestamps.rfc3339(b.lastSeenNanos()));
            g.writeArrayFieldStart("history");
            for (ArpBinding.Claim c : recent) {
                g.writeStartObject();
                g.writeStringField("mac", new MacAddress(c.mac()).toString());
                g.writeStringField("first_seen", Timestamps.rfc3339(c.firstSeenNanos()));
                g.writeStringField("last_seen", Timestamps.rfc3339(c.lastSeenNanos()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("stations");
        for (StationRecord s : stations.values()) {
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
}
