package netlab.capture.decode.app;

/** Names of TLS registry values (IANA TLS parameters) used by the TLS decoder. */
final class TlsNames {
    private TlsNames() {
    }

    static String contentType(int t) {
        return switch (t) {
            case 20 -> "change_cipher_spec";
            case 21 -> "alert";
            case 22 -> "handshake";
            case 23 -> "application_data";
            case 24 -> "heartbeat";
            default -> "type_" + t;
        };
    }

    static String version(int v) {
        return switch (v) {
            case 0x0300 -> "SSL 3.0";
            case 0x0301 -> "TLS 1.0";
            case 0x0302 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> Bytes.hex0x(v, 4);
        };
    }

    /** The handshake message name, or null for a type no TLS version defines (likely encrypted data). */
    static String handshake(int t) {
        return switch (t) {
            case 0 -> "hello_request";
            case 1 -> "client_hello";
            case 2 -> "server_hello";
            case 4 -> "new_session_ticket";
            case 5 -> "end_of_early_data";
            case 8 -> "encrypted_extensions";
            case 11 -> "certificate";
            case 12 -> "server_key_exchange";
            case 13 -> "certificate_request";
            case 14 -> "server_hello_done";
            case 15 -> "certificate_verify";
            case 16 -> "client_key_exchange";
            case 20 -> "finished";
            case 24 -> "key_update";
            case 254 -> "message_hash";
            default -> null;
        };
    }

    static String alert(int a) {
        return switch (a) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 22 -> "record_overflow";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 44 -> "certificate_revoked";
            case 45 -> "certificate_expired";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            case 116 -> "certificate_required";
            case 120 -> "no_application_protocol";
            default -> "alert_" + a;
        };
    }
}
