package netlab.bench;

import java.util.concurrent.TimeUnit;
import netlab.capture.Frame;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Frames per second through {@link Decoder#decode} on the generated frame sets. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class DecoderBench {
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
