package netlab.capture.live;

/**
 * How to open a live capture handle.
 *
 * @param device        interface name as libpcap knows it
 * @param snapLength    bytes kept per frame (tcpdump's default 262144)
 * @param promiscuous   put the NIC in promiscuous mode (tcpdump's default; {@code -p} turns it off)
 * @param bufferBytes   kernel ring buffer; 64 MiB keeps up with a veth flood where libpcap's 2 MiB default
 *                      loses frames during JIT warm-up and GC pauses (measured, see pcap-on-linux notes)
 * @param immediate     deliver each frame at once instead of when a TPACKET_V3 block fills or times out
 * @param timeoutMillis libpcap's packet buffer timeout; only a batching hint, never a read timeout
 * @param filter        BPF expression, or null for every frame
 */
public record LiveOptions(String device, int snapLength, boolean promiscuous, int bufferBytes, boolean immediate,
                          int timeoutMillis, String filter) {
    public static final int DEFAULT_SNAPLEN = 262_144;
    public static final int DEFAULT_BUFFER = 64 << 20;
    public static final int DEFAULT_TIMEOUT_MILLIS = 100;

    public LiveOptions {
        if (snapLength <= 0 || bufferBytes <= 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("snap length and buffer must be positive, timeout not negative");
        }
    }

    /** tcpdump's defaults on {@code device}: full frames, promiscuous, 64 MiB buffer, no filter. */
    public static LiveOptions defaults(String device) {
        return new LiveOptions(device, DEFAULT_SNAPLEN, true, DEFAULT_BUFFER, false, DEFAULT_TIMEOUT_MILLIS, null);
    }

    public LiveOptions withFilter(String expression) {
        return new LiveOptions(device, snapLength, promiscuous, bufferBytes, immediate, timeoutMillis, expression);
    }

    public LiveOptions withImmediate(boolean on) {
        return new LiveOptions(device, snapLength, promiscuous, bufferBytes, on, timeoutMillis, filter);
    }

    public LiveOptions withBuffer(int bytes) {
        return new LiveOptions(device, snapLength, promiscuous, bytes, immediate, timeoutMillis, filter);
    }

    public LiveOptions withSnapLength(int bytes) {
        return new LiveOptions(device, bytes, promiscuous, bufferBytes, immediate, timeoutMillis, filter);
    }

    public LiveOptions withPromiscuous(boolean on) {
        return new LiveOptions(device, snapLength, on, bufferBytes, immediate, timeoutMillis, filter);
    }
}
