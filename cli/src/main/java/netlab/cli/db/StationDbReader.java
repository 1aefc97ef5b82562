package netlab.cli.db;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.stationdb.StationDb;
import netlab.analyzers.stationdb.StationRecord;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;

/**
 * Parses a station database as a stream of JSON tokens: the file is never held whole, each entry is checked as
 * it is read (addresses parse, VLAN 0..4095, times within what epoch nanoseconds hold, a history of 1 to
 * {@link StationDb#MAX_HISTORY} MACs, at most {@link StationDb#MAX_IPS} addresses) and goes into a {@link
 * StationDb} that evicts beyond its cap, so memory stays bounded whatever the file holds. Unknown fields are
 * skipped (a later version may add some); anything else wrong refuses the whole file.
 */
public final class StationDbReader {
    private final JsonParser p;
    private final Function<String, NetlabException> bad;

    private StationDbReader(JsonParser p, Function<String, NetlabException> bad) {
        this.p = p;
        this.bad = bad;
    }

    /** The database in {@code p}; {@code bad} makes the refusal (naming the file and where) from a reason. */
    static StationDb read(JsonParser p, int cap, Function<String, NetlabException> bad) throws IOException {
        return new StationDbReader(p, bad).read(cap);
    }

    private StationDb read(int cap) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !p.currentName().equals("format") || p.nextToken() != JsonToken.VALUE_STRING
                || !p.getText().equals(StationDbFile.FORMAT)) {
            throw bad.apply("it does not start with {\"format\": \"" + StationDbFile.FORMAT + "\"");
        }
        StationDb db = null;
        long evictedBindings = 0;
        long evictedStations = 0;
        boolean version = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "version" -> {
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != StationDbFile.VERSION) {
                        throw bad.apply("version " + p.getText() + ", netlab reads version " + StationDbFile.VERSION);
                    }
                    version = true;
                }
                case "evicted_bindings" -> evictedBindings = count();
                case "evicted_stations" -> evictedStations = count();
                case "bindings", "stations" -> {
                    if (!version) {
                        throw bad.apply("no \"version\" before the entries");
                    }
                    if (db == null) {
                        db = new StationDb(cap, evictedBindings, evictedStations);
                    }
                    entries(name, db);
                }
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
            throw bad.apply("not one JSON object");
        }
        if (!version) {
            throw bad.apply("no \"version\"");
        }
        if (db == null) {
            db = new StationDb(cap, evictedBindings, evictedStations);
        }
        db.trim();
        return db;
    }

    private long count() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                && p.getNumberType() != JsonParser.NumberType.LONG || p.getLongValue() < 0) {
            throw bad.apply("an eviction count that is not a number from 0 to 2^63-1");
        }
        return p.getLongValue();
    }

    private void entries(String table, StationDb db) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw bad.apply("\"" + table + "\" is not an array");
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            n++;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad.apply(table + " entry " + n + " is not an object");
            }
            try {
                if (table.equals("bindings")) {
                    db.putBinding(binding());
                } else {
                    db.putStation(station());
                }
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                throw bad.apply(table + " entry " + n + ": " + Messages.text(e.getMessage()));
            }
        }
    }

    private ArpBinding binding() throws IOException {
        Integer ip = null;
        Integer vlan = null;
        Long first = null;
        Long last = null;
        List<ArpBinding.Claim> claims = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "ip" -> ip = Ipv4Address.parse(text(name)).bits();
                case "vlan" -> vlan = vlan();
                case "first_seen" -> first = time(name);
                case "last_seen" -> last = time(name);
                case "history" -> claims = history();
                default -> p.skipChildren();
            }
        }
        if (ip == null || vlan == null || first == null || last == null || claims == null) {
            throw new IllegalArgumentException("a binding needs ip, vlan, first_seen, last_seen and history");
        }
        order(first, last);
        return new ArpBinding(vlan, ip, first, last, claims);
    }

    private List<ArpBinding.Claim> history() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("history is not an array");
        }
        List<ArpBinding.Claim> claims = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            if (claims.size() == StationDb.MAX_HISTORY) {
                throw new IllegalArgumentException("more than " + StationDb.MAX_HISTORY + " MACs in its history");
            }
            Long mac = null;
            Long first = null;
            Long last = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "mac" -> mac = MacAddress.parse(text(name)).bits();
                    case "first_seen" -> first = time(name);
                    case "last_seen" -> last = time(name);
                    default -> p.skipChildren();
                }
            }
            if (mac == null || first == null || last == null) {
                throw new IllegalArgumentException("a history entry needs mac, first_seen and last_seen");
            }
            order(first, last);
            claims.add(new ArpBinding.Claim(mac, first, last));
        }
        if (p.currentToken() != JsonToken.END_ARRAY || claims.isEmpty()) {
            throw new IllegalArgumentException("history must be 1 to " + StationDb.MAX_HISTORY + " objects");
        }
        // ArpBinding lists claims earliest first; the file lists them most recent first.
        claims.sort(Comparator.comparingLong(ArpBinding.Claim::firstSeenNanos).thenComparingLong(ArpBinding.Claim::mac));
        return List.copyOf(claims);
    }

    private StationRecord station() throws IOException {
        Long mac = null;
        Integer vlan = null;
        Long first = null;
        Long last = null;
        List<String> ips = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "mac" -> mac = MacAddress.parse(text(name)).bits();
                case "vlan" -> vlan = vlan();
                case "first_seen" -> first = time(name);
                case "last_seen" -> last = time(name);
                case "ips" -> ips = ips();
                default -> p.skipChildren();
            }
        }
        if (mac == null || vlan == null || first == null || last == null) {
            throw new IllegalArgumentException("a station needs mac, vlan, first_seen and last_seen");
        }
        order(first, last);
        return new StationRecord(mac, vlan, first, last, ips);
    }

    private List<String> ips() throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("ips is not an array");
        }
        List<String> ips = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            if (ips.size() == StationDb.MAX_IPS) {
                throw new IllegalArgumentException("more than " + StationDb.MAX_IPS + " addresses");
            }
            String t = p.getText();
            // Re-formatted from the parsed address: what is stored is always an address, never raw text.
            ips.add(t.indexOf(':') >= 0 ? Ipv6Address.parse(t).toString() : Ipv4Address.format(Ipv4Address.parse(t).bits()));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("ips must be strings");
        }
        return List.copyOf(ips);
    }

    private String text(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return p.getText();
    }

    private int vlan() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() < 0 || p.getIntValue() > 4095) {
            throw new IllegalArgumentException("vlan " + p.getText() + " is not 0 to 4095");
        }
        return p.getIntValue();
    }

    /** An RFC 3339 time as epoch nanoseconds; one they cannot hold (after 2262-04-11) is refused, not wrapped. */
    private long time(String field) throws IOException {
        Instant i = Instant.parse(text(field));
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    private static void order(long first, long last) {
        if (last < first) {
            throw new IllegalArgumentException("last_seen before first_seen");
        }
    }

    /** One binding as a JSON object: its current MAC, and its history most recent first. */
    static void writeBinding(JsonGenerator g, ArpBinding b) throws IOException {
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
}
