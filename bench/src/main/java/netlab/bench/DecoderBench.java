package netlab.bench;

import netlab.capture.Frame;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Frames per second through {@link Decoder#decode} on the generated frame sets. */
public class DecoderBench extends FrameRateBench {
    static final int FRAMES = 100_000;

    @Param({"mix", "mac-flood", "arp-flood"})
    public String capture;

    private Frame[] frames;
    private final PacketView view = new PacketView();

    @Setup
    public void setUp() {
        frames = Captures.frames(Captures.pcap(capture, FRAMES));
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeAll() {
        long sum = 0;
        for (Frame f : frames) {
            Decoder.decode(f, view);
            sum += view.depth() + view.payloadOffset();
        }
        return sum;
    }
}
