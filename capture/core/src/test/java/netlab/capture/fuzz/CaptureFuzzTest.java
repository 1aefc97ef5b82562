package netlab.capture.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.FrameDetails;
import netlab.capture.decode.FrameSummary;
import netlab.capture.decode.Layer;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.app.DnsDecoder;

/**
 * Coverage-guided fuzz targets (Jazzer) for everything that parses untrusted bytes: the capture-file
 * readers, the frame decoder with its per-layer and one-line renderings, and the DNS decoder.
 *
 * <p>A plain {@code mvn test} replays each target's inputs under
 * {@code src/test/resources/netlab/capture/fuzz/CaptureFuzzTestInputs/<method>/}: the seeds made by
 * {@code make-seeds.py} from the bundled captures, plus every crash a fuzzing run ever found (Jazzer
 * writes them there; they stay as regression inputs). With the environment variable
 * {@code JAZZER_FUZZ=1}, the {@code fuzz} profile in {@code capture/pom.xml} fuzzes each target in its own
 * JVM for {@link #BUDGET}. Any exception other than the documented {@link CaptureFormatException}, an
 * assertion below, or a hang is a finding.
 */
class CaptureFuzzTest {
    /** Fuzzing time per target in CI: three targets stay well under five minutes in all. */
    static final String BUDGET = "45s";

    /** The link types the decoder knows, plus one it does not (USER0, 147). */
    private static final LinkType[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2,
        LinkType.RAW, new LinkType(12), LinkType.NULL, new LinkType(147)};

    private final PacketView view = new PacketView();

    /** Opens the bytes as a capture file and reads it to the end, decoding and rendering every frame. */
    @FuzzTest(maxDuration = BUDGET)
    void captureFile(byte[] input) {
        int frames = 0;
        boolean gzip = input.length >= 2 && (input[0] & 0xFF) == 0x1F && (input[1] & 0xFF) == 0x8B;
        try (FrameSource source = netlab.capture.file.CaptureFiles.open(new ByteArrayInputStream(input), "fuzz")) {
            for (Frame f = source.next(); f != null; f = source.next()) {
                frames++;
                // Every record or block takes at least 12 bytes of input, so more frames means a loop; gzip input
                // inflates at most 1032-fold (a 258-byte match per two bits, RFC 1951 section 3.2.5).
                long most = (long) input.length * (gzip ? 1032 : 1) / 12;
                assertTrue(frames <= most, "more frames than the input can hold");
                assertTrue(f.capturedLength() >= 0 && f.offset() + f.capturedLength() <= f.data().length);
                render(f);
            }
        } catch (CaptureFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, "offset " + e.offset() + " outside the input");
        } catch (IOException e) {
            throw new AssertionError("a byte-array input cannot fail except as CaptureFormatException", e);
        }
    }

    /**
     * One frame: the first byte picks the link type (low 7 bits) and, with its top bit, an original
     * length below the captured one (pcap allows it); the rest is the frame.
     */
    @FuzzTest(maxDuration = BUDGET)
    void frame(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int select = input[0] & 0xff;
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        int original = (select & 0x80) != 0 ? data.length / 2 : data.length;
        render(new Frame(data, 0, data.length, original, 0, LINK_TYPES[(select & 0x7f) % LINK_TYPES.length], 0));
    }

    /** One DNS message at offset 1: the first byte picks UDP or TCP framing and dns, mdns or llmnr. */
    @FuzzTest(maxDuration = BUDGET)
    void dns(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String protocol = new String[] {"dns", "mdns", "llmnr"}[(input[0] & 0x7f) % 3];
        Layer layer = (input[0] & 0x80) != 0
                ? DnsDecoder.decodeTcp(input, 0, 1, input.length, protocol)
                : DnsDecoder.decode(input, 0, 1, input.length, protocol);
        assertTrue(layer.offset() == 1 && layer.length() >= 0 && 1 + layer.length() <= input.length,
                "layer outside its bytes: " + layer.offset() + "+" + layer.length());
        DecodeFailure failure = layer.failure();
        assertTrue(failure == null || failure.offset() >= 0 && failure.offset() <= input.length,
                () -> "failure outside the message: " + failure);
    }

    private void render(Frame f) {
        Decoder.decode(f, view);
        DecodeFailure failure = view.failure();
        assertTrue(failure == null || failure.offset() >= 0 && failure.offset() <= f.capturedLength(),
                () -> "failure outside the frame: " + failure);
        FrameSummary.line(f, view);
        for (Layer l : FrameDetails.layers(f, view)) {
            assertTrue(l.failure() == null || l.failure().offset() <= f.capturedLength(),
                    () -> "layer failure outside the frame: " + l.failure());
        }
    }
}
