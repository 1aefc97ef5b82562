package netlab.capture.decode.app;

import java.util.List;

import netlab.capture.decode.Field;

/** ClientHello and ServerHello bodies (RFC 8446 §4.1.2, §4.1.3), read only as far as the SNI and version. */
final class TlsHello {
    private static final int SERVER_NAME = 0;
    private static final int SUPPORTED_VERSIONS = 43;

    private TlsHello() {
    }

    /** Reads the hello at the cursor, whose limit is the end of the captured part of the message. */
    static void decode(TlsCursor c, boolean client, int hsEnd, List<Field> fields) {
        if (!c.need(2, "hello version")) {
            return;
        }
        fields.add(new Field(client ? "client_version" : "server_version", TlsNames.version(c.u16())));
        if (!c.skip(32, "random") || !c.need(1, "session id length")) {
            return;
        }
        int sid = c.u8();
        fields.add(new Field("session_id_length", sid));
        if (!c.skip(sid, "session id")) {
            return;
        }
        if (client) {
            if (!c.need(2, "cipher suites length")) {
                return;
            }
            int n = c.u16();
            fields.add(new Field("cipher_suite_count", n / 2));
            if (!c.skip(n, "cipher suites") || !c.need(1, "compression methods length")
                    || !c.skip(c.u8(), "compression methods")) {
                return;
            }
        } else {
            if (!c.need(2, "cipher suite")) {
                return;
            }
            fields.add(new Field("cipher_suite", Bytes.hex0x(c.u16(), 4)));
            if (!c.skip(1, "compression method")) {
                return;
            }
        }
        if (c.p < hsEnd) {
            extensions(c, client, fields);
        }
    }

    /** The extension list; each step advances by at least four bytes, so the walk is bounded. */
    private static void extensions(TlsCursor c, boolean client, List<Field> fields) {
        if (!c.need(2, "extensions length")) {
            return;
        }
        int extEnd = c.p + c.u16();
        int count = 0;
        while (c.p < extEnd && c.failure == null) {
            if (!c.need(2, "extension type")) {
                break;
            }
            int type = c.u16();
            if (!c.need(2, "extension length")) {
                break;
            }
            int len = c.u16();
            if (!c.need(len, "extension data")) {
                break;
            }
            if (type == SERVER_NAME && client && len > 0) {
                serverName(c, c.p, c.p + len, fields);
            } else if (type == SUPPORTED_VERSIONS && !client && len == 2) {
                fields.add(new Field("selected_version", TlsNames.version(Bytes.u16(c.d, c.p))));
            }
            c.p += len;
            count++;
        }
        fields.add(new Field("extension_count", count));
    }

    /** RFC 6066 §3: a list of (name type, name); the first host_name (type 0) is the SNI. */
    private static void serverName(TlsCursor c, int p, int e, List<Field> fields) {
        if (e - p < 2 || Bytes.u16(c.d, p) != e - p - 2) {
            c.fail(p, "malformed server_name list length");
            return;
        }
        for (int q = p + 2; q < e; ) {
            if (e - q < 3 || Bytes.u16(c.d, q + 1) > e - q - 3) {
                c.fail(q, "malformed server_name entry");
                return;
            }
            int n = Bytes.u16(c.d, q + 1);
            if (c.d[q] == 0) {
                fields.add(new Field("server_name", Bytes.escaped(c.d, q + 3, n)));
                return;
            }
            q += 3 + n;
        }
    }
}
