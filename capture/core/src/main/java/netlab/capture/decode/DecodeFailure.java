package netlab.capture.decode;

/**
 * Why decoding stopped: the protocol being decoded, its OSI layer, the byte offset in the frame
 * where the problem was found, and a short reason.
 *
 * @param protocol  short protocol name, as in the protocol path (e.g. {@code ip}, {@code arp})
 * @param osiLayer  1..7
 * @param offset    byte offset from the start of the captured frame
 * @param reason    one short phrase, e.g. "truncated header" or "IHL 3 < 5"
 */
public record DecodeFailure(String protocol, int osiLayer, int offset, String reason) {
    @Override
    public String toString() {
        return protocol + " (L" + osiLayer + ") at offset " + offset + ": " + reason;
    }
}
