package netlab.capture.file;

/**
 * Converts a pcapng timestamp (a 64-bit unsigned count of interface units) to nanoseconds since the
 * epoch, exactly, from the interface's {@code if_tsresol} and {@code if_tsoffset} options.
 *
 * <p>if_tsresol (pcapng draft, section 4.2): high bit clear means units of 10^-n s, set means
 * 2^-(n &amp; 0x7f) s; absent means 10^-6. Every value 0..255 is accepted: resolutions finer than a
 * nanosecond are truncated toward zero (10^-63 s units all become 0 ns), coarser ones multiplied.
 * A result that does not fit in a signed 64-bit nanosecond count saturates to {@link Long#MAX_VALUE}
 * (2262-04-11) or {@link Long#MIN_VALUE}: real files hold such stamps (interface 1 of Wireshark's
 * {@code pcapng-example.pcapng} stores 0xffffffffe1dfd279 µs, which libpcap and tshark read as a date
 * 584,000 years ahead), and refusing the rest of the file over one field would hide good frames.
 */
final class TsClock {
    private static final long NANOS = 1_000_000_000L;
    /** 10^0 .. 10^19; the last one is read as unsigned. */
    private static final long[] POW10 = new long[20];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    static final TsClock MICROS = new TsClock(6, 0);

    private final int tsresol;
    private final long offsetSeconds;

    TsClock(int tsresol, long offsetSeconds) {
        this.tsresol = tsresol & 0xff;
        this.offsetSeconds = offsetSeconds;
    }

    private boolean binary() {
        return (tsresol & 0x80) != 0;
    }

    private int exponent() {
        return tsresol & 0x7f;
    }

    /** "10^-6 s" or "2^-20 s", plus the offset when there is one. */
    String describe() {
        String base = (binary() ? "2^-" : "10^-") + exponent() + " s";
        return offsetSeconds == 0 ? base : base + ", offset " + offsetSeconds + " s";
    }

    /** Nanoseconds since the epoch for {@code units} (unsigned) interface units, saturated. */
    long toNanos(long units) {
        long ns = binary() ? binaryToNanos(units, exponent()) : decimalToNanos(units, exponent());
        if (offsetSeconds == 0) {
            return ns;
        }
        if (offsetSeconds > Long.MAX_VALUE / NANOS || offsetSeconds < -(Long.MAX_VALUE / NANOS)) {
            // Beyond what nanoseconds hold (Math.abs(-2^63) stayed negative and the offset wrapped to 0,
            // issue 13): the exact sum, saturated.
            java.math.BigInteger exact = java.math.BigInteger.valueOf(offsetSeconds)
                    .multiply(java.math.BigInteger.valueOf(NANOS)).add(java.math.BigInteger.valueOf(ns));
            return exact.bitLength() < 64 ? exact.longValue() : exact.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long offsetNs = offsetSeconds * NANOS;
        long sum = ns + offsetNs;
        // Overflow only when both operands share a sign that the sum lost (Hacker's Delight 2-13).
        if (((ns ^ sum) & (offsetNs ^ sum)) < 0) {
            return offsetNs < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static long decimalToNanos(long units, int e) {
        if (e <= 9) {
            long factor = POW10[9 - e];
            return units < 0 || units > Long.MAX_VALUE / factor ? Long.MAX_VALUE : units * factor;
        }
        int k = e - 9;
        return k >= POW10.length ? 0 : Long.divideUnsigned(units, POW10[k]);
    }

    /** (units * 1e9) >> e over 128 bits, so no intermediate step can overflow. */
    private static long binaryToNanos(long units, int e) {
        long lo = units * NANOS;
        long hi = Math.multiplyHigh(units, NANOS) + ((units >> 63) & NANOS);
        long resultHi;
        long resultLo;
        if (e == 0) {
            resultHi = hi;
            resultLo = lo;
        } else if (e < 64) {
            resultHi = hi >>> e;
            resultLo = lo >>> e | hi << (64 - e);
        } else {
            resultHi = 0;
            resultLo = hi >>> (e - 64);
        }
        return resultHi != 0 || resultLo < 0 ? Long.MAX_VALUE : resultLo;
    }
}
