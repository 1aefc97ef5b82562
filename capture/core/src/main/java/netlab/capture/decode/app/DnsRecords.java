package netlab.capture.decode.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netlab.capture.net.Ipv6Address;

/** Resource records (RFC 1035 §4.1.3) and their RDATA, plus the type and class names DNS uses. */
final class DnsRecords {
    static final int OPT = 41;
    /** Hex shown for record types this decoder does not render. */
    private static final int HEX_LIMIT = 64;

    private DnsRecords() {
    }

    static String typeName(int t) {
        return switch (t) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 12 -> "PTR";
            case 13 -> "HINFO";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            case 33 -> "SRV";
            case 35 -> "NAPTR";
            case 39 -> "DNAME";
            case OPT -> "OPT";
            case 43 -> "DS";
            case 46 -> "RRSIG";
            case 47 -> "NSEC";
            case 48 -> "DNSKEY";
            case 50 -> "NSEC3";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            case 251 -> "IXFR";
            case 252 -> "AXFR";
            case 255 -> "ANY";
            case 257 -> "CAA";
            default -> "TYPE" + t;
        };
    }

    static String className(int c) {
        return switch (c) {
            case 1 -> "IN";
            case 3 -> "CH";
            case 4 -> "HS";
            case 254 -> "NONE";
            case 255 -> "ANY";
            default -> "CLASS" + c;
        };
    }

    /** Reads one resource record at the reader's position; null (with the reader's failure set) if it can't. */
    static Map<String, Object> record(DnsReader r, boolean mdns) {
        String name = r.name("record name");
        if (name == null || !r.need(2, "record type")) {
            return null;
        }
        int type = r.u16();
        if (!r.need(2, "record class")) {
            return null;
        }
        int cls = r.u16();
        if (!r.need(4, "record ttl")) {
            return null;
        }
        long ttl = r.u32();
        if (!r.need(2, "record rdlength")) {
            return null;
        }
        int rdlen = r.u16();
        if (!r.need(rdlen, "record rdata")) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", typeName(type));
        if (type == OPT) {
            // RFC 6891 §6.1.3: class carries the UDP payload size, TTL the extended RCODE, version and DO bit.
            m.put("udp_payload_size", cls);
            m.put("extended_rcode", (int) (ttl >>> 24));
            m.put("edns_version", (int) (ttl >>> 16) & 0xff);
            m.put("dnssec_ok", (ttl & 0x8000) != 0);
        } else {
            // RFC 6762 §10.2: in mDNS the top class bit is the cache-flush flag.
            m.put("class", className(mdns ? cls & 0x7fff : cls));
            if (mdns) {
                m.put("cache_flush", (cls & 0x8000) != 0);
            }
            m.put("ttl", ttl);
        }
        m.put("rdlength", rdlen);
        int start = r.pos;
        boolean ok = rdata(r, type, start, start + rdlen, m);
        r.pos = start + rdlen;
        return ok ? m : null;
    }

    /** Renders the RDATA in [start, rdEnd), already known to be captured, into {@code m}. */
    private static boolean rdata(DnsReader r, int type, int start, int rdEnd, Map<String, Object> m) {
        byte[] d = r.d;
        int len = rdEnd - start;
        String text;
        switch (type) {
            case 1, 28 -> {
                int want = type == 1 ? 4 : 16;
                if (len != want) {
                    return r.fail(start, typeName(type) + " rdata length " + len + " != " + want);
                }
                text = type == 1 ? Bytes.ipv4(d, start) : Ipv6Address.read(d, start).toString();
                m.put("address", text);
            }
            case 2, 5, 12, 39 -> {
                text = name(r, rdEnd, "rdata name");
                if (text == null) {
                    return false;
                }
                m.put("target", text);
            }
            case 15 -> {
                if (len < 3) {
                    return r.fail(start, "MX rdata length " + len + " < 3");
                }
                int pref = r.u16();
                String host = name(r, rdEnd, "MX exchange");
                if (host == null) {
                    return false;
                }
                m.put("preference", pref);
                m.put("exchange", host);
                text = pref + " " + host;
            }
            case 16 -> {
                List<String> strings = txt(r, start, rdEnd);
                if (strings == null) {
                    return false;
                }
                m.put("strings", strings);
                text = String.join(" ", strings.stream().map(s -> "\"" + s + "\"").toList());
            }
            case 33 -> {
                if (len < 7) {
                    return r.fail(start, "SRV rdata length " + len + " < 7");
                }
                int prio = r.u16();
                int weight = r.u16();
                int port = r.u16();
                String target = name(r, rdEnd, "SRV target");
                if (target == null) {
                    return false;
                }
                m.put("priority", prio);
                m.put("weight", weight);
                m.put("port", port);
                m.put("target", target);
                text = prio + " " + weight + " " + port + " " + target;
            }
            case 6 -> {
                text = soa(r, rdEnd, m);
                if (text == null) {
                    return false;
                }
            }
            default -> {
                text = len + " bytes";
                m.put("rdata_hex", Bytes.hex(d, start, Math.min(len, HEX_LIMIT)));
            }
        }
        m.put("rdata", text);
        return true;
    }

    /** A name inside RDATA: it may point anywhere earlier, but its own bytes must end within the RDATA. */
    private static String name(DnsReader r, int rdEnd, String what) {
        int at = r.pos;
        String n = r.name(what);
        if (n != null && r.pos > rdEnd) {
            r.fail(at, what + " overruns rdata");
            return null;
        }
        return n;
    }

    private static List<String> txt(DnsReader r, int start, int rdEnd) {
        List<String> out = new ArrayList<>();
        int p = start;
        while (p < rdEnd) {
            int n = r.d[p] & 0xff;
            if (rdEnd - p - 1 < n) {
                r.fail(p, "TXT string overruns rdata");
                return null;
            }
            out.add(Bytes.escaped(r.d, p + 1, n));
            p += 1 + n;
        }
        return out;
    }

    /** RFC 1035 §3.3.13: MNAME, RNAME, then five 32-bit counters. */
    private static String soa(DnsReader r, int rdEnd, Map<String, Object> m) {
        String mname = name(r, rdEnd, "SOA mname");
        String rname = mname == null ? null : name(r, rdEnd, "SOA rname");
        if (rname == null) {
            return null;
        }
        if (rdEnd - r.pos != 20) {
            r.fail(r.pos, "SOA counters need 20 bytes, rdata has " + (rdEnd - r.pos));
            return null;
        }
        m.put("mname", mname);
        m.put("rname", rname);
        long serial = r.u32();
        m.put("serial", serial);
        m.put("refresh", r.u32());
        m.put("retry", r.u32());
        m.put("expire", r.u32());
        m.put("minimum", r.u32());
        return mname + " " + rname + " " + serial;
    }
}
