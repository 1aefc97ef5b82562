package netlab.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.file.CaptureFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Frames per second through {@link CaptureFiles#open} (the classic pcap reader) from an in-memory file. */
public class ReaderBench extends FrameRateBench {
    /** Frames per invocation; the score is frames/s. */
    static final int FRAMES = 100_000;

    @Param({"mix", "arp-flood"})
    public String capture;

    private byte[] pcap;

    @Setup
    public void setUp() {
        pcap = Captures.pcap(capture, FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long readAll() throws IOException {
        long bytes = 0;
        try (FrameSource src = CaptureFiles.open(new ByteArrayInputStream(pcap), "bench")) {
            for (Frame f = src.next(); f != null; f = src.next()) {
                bytes += f.capturedLength();
            }
        }
        return bytes;
    }
}
