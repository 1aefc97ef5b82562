package netlab.capture.decode.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Decodes DNS messages (RFC 1035 §4), which mDNS (RFC 6762) and LLMNR (RFC 4795) share on the wire. */
public final class DnsDecoder {
    private DnsDecoder() {
    }

    /**
     * Decodes one DNS message in {@code data[off..end)}; offsets are relative to {@code base}.
     *
     * @param protocol "dns", "mdns" or "llmnr": names the layer and, for mDNS, enables the class top-bit flags
     */
    public static Layer decode(byte[] data, int base, int off, int end, String protocol) {
        DnsReader r = new DnsReader(data, base, off, end, protocol);
        List<Field> fields = new ArrayList<>();
        message(r, fields);
        return new Layer(7, protocol, title(protocol), off - base, r.pos - off, fields, r.failure);
    }

    /** DNS over TCP (RFC 1035 §4.2.2): a two-byte length, then one message bounded by that length. */
    public static Layer decodeTcp(byte[] data, int base, int off, int end, String protocol) {
        List<Field> fields = new ArrayList<>();
        if (end - off < 2) {
            DnsReader r = new DnsReader(data, base, off, end, protocol);
            r.fail(off, "truncated length prefix");
            return new Layer(7, protocol, title(protocol), off - base, 0, fields, r.failure);
        }
        int len = Bytes.u16(data, off);
        fields.add(new Field("tcp_length", len));
        DnsReader r = new DnsReader(data, base, off + 2, Math.min(end, off + 2 + len), protocol);
        message(r, fields);
        return new Layer(7, protocol, title(protocol), off - base, r.pos - off, fields, r.failure);
    }

    private static String title(String protocol) {
        return switch (protocol) {
            case "mdns" -> "Multicast Domain Name System";
            case "llmnr" -> "Link-local Multicast Name Resolution";
            default -> "Domain Name System";
        };
    }

    private static void message(DnsReader r, List<Field> fields) {
        int[] h = new int[6];
        String[] what = {"id", "flags", "qdcount", "ancount", "nscount", "arcount"};
        for (int i = 0; i < h.length; i++) {
            if (!r.need(2, what[i])) {
                addHeader(fields, h, i);
                return;
            }
            h[i] = r.u16();
        }
        addHeader(fields, h, h.length);
        boolean mdns = "mdns".equals(r.protocol);
        List<Object> questions = new ArrayList<>();
        fields.add(new Field("questions", questions));
        for (int i = 0; i < h[2] && r.failure == null; i++) {
            Map<String, Object> q = question(r, mdns);
            if (q != null) {
                questions.add(q);
            }
        }
        List<List<Object>> sections = new ArrayList<>();
        String[] names = {"answers", "authority", "additional"};
        for (int s = 0; s < 3; s++) {
            List<Object> list = new ArrayList<>();
            sections.add(list);
            fields.add(new Field(names[s], list));
            // Every record needs at least one byte, so a huge count stops at the first failure.
            for (int i = 0; i < h[3 + s] && r.failure == null; i++) {
                Map<String, Object> rr = DnsRecords.record(r, mdns);
                if (rr != null) {
                    list.add(rr);
                }
            }
        }
        fields.add(new Field("summary", summary(h, questions, sections.get(0))));
    }

    /** Header fields present once the first {@code n} of the six 16-bit words were read (RFC 1035 §4.1.1). */
    private static void addHeader(List<Field> fields, int[] h, int n) {
        if (n >= 1) {
            fields.add(new Field("id", h[0]));
        }
        if (n >= 2) {
            int f = h[1];
            fields.add(new Field("flags", Bytes.hex0x(f, 4)));
            fields.add(new Field("qr", (f & 0x8000) != 0));
            fields.add(new Field("opcode", opcode((f >>> 11) & 0xf)));
            fields.add(new Field("aa", (f & 0x0400) != 0));
            fields.add(new Field("tc", (f & 0x0200) != 0));
            fields.add(new Field("rd", (f & 0x0100) != 0));
            fields.add(new Field("ra", (f & 0x0080) != 0));
            // RFC 4035 §3.2: AD and CD take two of the three bits RFC 1035 reserved as Z.
            fields.add(new Field("ad", (f & 0x0020) != 0));
            fields.add(new Field("cd", (f & 0x0010) != 0));
            fields.add(new Field("rcode", rcode(f & 0xf)));
        }
        String[] counts = {"qdcount", "ancount", "nscount", "arcount"};
        for (int i = 2; i < n; i++) {
            fields.add(new Field(counts[i - 2], h[i]));
        }
    }

    private static Map<String, Object> question(DnsReader r, boolean mdns) {
        String name = r.name("question name");
        if (name == null || !r.need(2, "question type")) {
            return null;
        }
        int type = r.u16();
        if (!r.need(2, "question class")) {
            return null;
        }
        int cls = r.u16();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("name", name);
        q.put("type", DnsRecords.typeName(type));
        // RFC 6762 §5.4: in mDNS the top bit of QCLASS asks for a unicast response.
        q.put("class", DnsRecords.className(mdns ? cls & 0x7fff : cls));
        if (mdns) {
            q.put("unicast_response", (cls & 0x8000) != 0);
        }
        return q;
    }

    /** tcpdump's one-line form: {@code A? example.com.} for queries, {@code 1/0/0 A 192.0.2.1} for responses. */
    private static String summary(int[] h, List<Object> questions, List<Object> answers) {
        StringBuilder sb = new StringBuilder();
        if ((h[1] & 0x8000) == 0) {
            for (Object o : questions) {
                Map<?, ?> q = (Map<?, ?>) o;
                sb.append(sb.length() > 0 ? ", " : "").append(q.get("type")).append("? ").append(q.get("name"));
            }
            return sb.toString();
        }
        if ((h[1] & 0xf) != 0) {
            sb.append(rcode(h[1] & 0xf)).append(' ');
        }
        sb.append(h[3]).append('/').append(h[4]).append('/').append(h[5]);
        String sep = " ";
        for (Object o : answers) {
            Map<?, ?> a = (Map<?, ?>) o;
            sb.append(sep).append(a.get("type")).append(' ').append(a.get("rdata"));
            sep = ", ";
        }
        return sb.toString();
    }

    static String opcode(int op) {
        return switch (op) {
            case 0 -> "QUERY";
            case 1 -> "IQUERY";
            case 2 -> "STATUS";
            case 4 -> "NOTIFY";
            case 5 -> "UPDATE";
            case 6 -> "DSO";
            default -> "OPCODE" + op;
        };
    }

    static String rcode(int rc) {
        return switch (rc) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            case 6 -> "YXDOMAIN";
            case 7 -> "YXRRSET";
            case 8 -> "NXRRSET";
            case 9 -> "NOTAUTH";
            case 10 -> "NOTZONE";
            default -> "RCODE" + rc;
        };
    }
}
