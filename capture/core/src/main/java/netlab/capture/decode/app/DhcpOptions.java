package netlab.capture.decode.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.Named;
import netlab.capture.net.MacAddress;

/** Walks the DHCP option area (RFC 2132 §2: code, length, value; 0 pads, 255 ends), bounded by the capture. */
final class DhcpOptions {
    private static final int PAD = 0;
    private static final int END = 255;
    private static final int HEX_LIMIT = 64;

    private final byte[] d;
    private final int base;
    private final int end;
    int pos;
    DecodeFailure failure;
    /** Option 53 (RFC 2132 §9.6) as its number and name, as tshark's "DHCP: Discover (1)". */
    Named messageType;
    String requestedIp;
    final List<Object> list = new ArrayList<>();

    DhcpOptions(byte[] d, int base, int start, int end) {
        this.d = d;
        this.base = base;
        this.pos = start;
        this.end = end;
    }

    /** Reads options until the end option; each step moves forward, so the loop is bounded by the data. */
    void parse() {
        while (true) {
            if (pos >= end) {
                fail(pos, "options end without end option");
                return;
            }
            int code = d[pos] & 0xff;
            if (code == PAD) {
                pos++;
                continue;
            }
            if (code == END) {
                pos++;
                return;
            }
            if (end - pos < 2) {
                fail(pos + 1, "truncated option " + code + " length");
                return;
            }
            int len = d[pos + 1] & 0xff;
            if (end - pos - 2 < len) {
                fail(pos + 2, "truncated option " + code + " value");
                return;
            }
            list.add(option(code, pos + 2, len));
            pos += 2 + len;
        }
    }

    private void fail(int at, String reason) {
        failure = new DecodeFailure("dhcp", 7, at - base, reason);
    }

    private Map<String, Object> option(int code, int v, int len) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name(code));
        m.put("length", len);
        Object value = value(code, v, len);
        m.put("value", value);
        if (code == 53 && len == 1) {
            messageType = new Named(d[v] & 0xff, (String) value);
        } else if (code == 50 && len == 4) {
            requestedIp = (String) value;
        }
        return m;
    }

    /** The rendered value; a length that doesn't suit the option's type falls back to hex rather than failing. */
    private Object value(int code, int v, int len) {
        switch (code) {
            case 1, 16, 28, 32, 50, 54 -> {
                if (len == 4) {
                    return Bytes.ipv4(d, v);
                }
            }
            case 3, 4, 5, 6, 7, 41, 42, 44, 45, 69, 70 -> {
                if (len > 0 && len % 4 == 0) {
                    List<String> ips = new ArrayList<>();
                    for (int i = 0; i < len; i += 4) {
                        ips.add(Bytes.ipv4(d, v + i));
                    }
                    return ips;
                }
            }
            case 12, 14, 15, 17, 40, 56, 60, 66, 67 -> {
                return Bytes.escaped(d, v, len);
            }
            case 2, 51, 58, 59 -> {
                if (len == 4) {
                    return Bytes.u32(d, v);
                }
            }
            case 57 -> {
                if (len == 2) {
                    return Bytes.u16(d, v);
                }
            }
            case 53 -> {
                if (len == 1) {
                    return messageType(d[v] & 0xff);
                }
            }
            case 55 -> {
                List<Integer> codes = new ArrayList<>();
                for (int i = 0; i < len; i++) {
                    codes.add(d[v + i] & 0xff);
                }
                return codes;
            }
            case 61 -> {
                // RFC 2132 §9.14: a hardware type byte then the address; type 1 with six bytes is Ethernet.
                if (len == 7 && d[v] == 1) {
                    return MacAddress.read(d, v + 1).toString();
                }
            }
            default -> {
            }
        }
        return Bytes.hex(d, v, Math.min(len, HEX_LIMIT));
    }

    static String messageType(int t) {
        String[] names = {"DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK", "NAK", "RELEASE", "INFORM",
            "FORCERENEW", "LEASEQUERY", "LEASEUNASSIGNED", "LEASEUNKNOWN", "LEASEACTIVE", "BULKLEASEQUERY",
            "LEASEQUERYDONE", "ACTIVELEASEQUERY", "LEASEQUERYSTATUS", "TLS"};
        return t >= 1 && t <= names.length ? names[t - 1] : "TYPE" + t;
    }

    static String name(int code) {
        return switch (code) {
            case 1 -> "subnet_mask";
            case 2 -> "time_offset";
            case 3 -> "router";
            case 6 -> "domain_name_server";
            case 12 -> "host_name";
            case 15 -> "domain_name";
            case 28 -> "broadcast_address";
            case 42 -> "ntp_servers";
            case 43 -> "vendor_specific";
            case 50 -> "requested_ip";
            case 51 -> "lease_time";
            case 53 -> "message_type";
            case 54 -> "server_id";
            case 55 -> "parameter_request_list";
            case 56 -> "message";
            case 57 -> "max_message_size";
            case 58 -> "renewal_time";
            case 59 -> "rebinding_time";
            case 60 -> "vendor_class_id";
            case 61 -> "client_id";
            case 81 -> "client_fqdn";
            case 82 -> "relay_agent_information";
            default -> "option_" + code;
        };
    }
}
