package netlab.capture;

import java.util.Arrays;

/**
 * One captured frame: a view of {@code capturedLength} bytes of {@code data} starting at {@code offset}.
 *
 * <p>Sources may hand out frames whose {@code data} array is a reused buffer (the Netty/gopacket
 * "no copy" contract): such a frame is valid only until the source's next call. Call {@link #copy()}
 * to keep one. Sinks and analyzers must not retain the array.
 *
 * @param data            backing array
 * @param offset          index of the first captured byte in {@code data}
 * @param capturedLength  bytes captured (pcap "caplen")
 * @param originalLength  length of the frame on the wire (pcap "len"); may exceed capturedLength
 * @param timestampNanos  capture time in nanoseconds since the Unix epoch (UTC)
 * @param linkType        link-layer header type of the bytes
 * @param interfaceIndex  index of the capturing interface within the source (0 for classic pcap)
 */
public record Frame(byte[] data, int offset, int capturedLength, int originalLength,
                    long timestampNanos, LinkType linkType, int interfaceIndex) {

    public Frame {
        if (offset < 0 || capturedLength < 0 || offset + capturedLength > data.length) {
            throw new IllegalArgumentException("frame bounds outside its buffer");
        }
    }

    /** A frame over the whole of {@code bytes}, not truncated. */
    public static Frame of(byte[] bytes, long timestampNanos, LinkType linkType) {
        return new Frame(bytes, 0, bytes.length, bytes.length, timestampNanos, linkType, 0);
    }

    /** The captured bytes as a fresh array. */
    public byte[] bytes() {
        return Arrays.copyOfRange(data, offset, offset + capturedLength);
    }

    /** A frame that owns its bytes, safe to keep after the source moves on. */
    public Frame copy() {
        return new Frame(bytes(), 0, capturedLength, originalLength, timestampNanos, linkType, interfaceIndex);
    }

    /** True when the snap length cut the frame short. */
    public boolean truncated() {
        return capturedLength < originalLength;
    }
}
