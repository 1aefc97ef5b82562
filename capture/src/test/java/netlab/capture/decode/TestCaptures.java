package netlab.capture.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.Frame;
import netlab.capture.LinkType;

/** Minimal test-only pcap/pcapng reader: enough to feed the public sample captures to the decoder. */
final class TestCaptures {
    private TestCaptures() {
    }

    static Path publicDir() {
        String root = System.getProperty("netlab.root", System.getProperty("user.dir") + "/..");
        return Path.of(root).resolve("../shared/pcaps/public").normalize();
    }

    static List<Frame> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.remaining() < 4) {
            return List.of();
        }
        int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        return magic == 0x0a0d0d0a ? pcapng(b) : pcap(b);
    }

    private static List<Frame> pcap(ByteBuffer b) {
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean le = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d;
        b.order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        boolean nano = b.getInt(0) == 0xa1b23c4d;
        LinkType lt = new LinkType(b.getInt(20) & 0x0fffffff);
        List<Frame> out = new ArrayList<>();
        int p = 24;
        while (p + 16 <= b.limit()) {
            long sec = b.getInt(p) & 0xffffffffL;
            long frac = b.getInt(p + 4) & 0xffffffffL;
            int incl = b.getInt(p + 8);
            int orig = b.getInt(p + 12);
            if (incl < 0 || p + 16 + incl > b.limit()) {
                break;
            }
            byte[] d = new byte[incl];
            b.get(p + 16, d);
            out.add(new Frame(d, 0, incl, Math.max(orig, incl), sec * 1_000_000_000L + (nano ? frac : frac * 1000),
                    lt, 0));
            p += 16 + incl;
        }
        return out;
    }

    private static List<Frame> pcapng(ByteBuffer b) {
        List<Frame> out = new ArrayList<>();
        List<LinkType> ifaces = new ArrayList<>();
        int p = 0;
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        while (p + 12 <= b.limit()) {
            int type = b.order(ByteOrder.BIG_ENDIAN).getInt(p);
            if (type == 0x0a0d0d0a) {
                order = b.order(ByteOrder.LITTLE_ENDIAN).getInt(p + 8) == 0x1a2b3c4d
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                ifaces.clear();
            }
            b.order(order);
            type = b.getInt(p);
            int len = b.getInt(p + 4);
            if (len < 12 || p + len > b.limit()) {
                break;
            }
            if (type == 1) {
                ifaces.add(new LinkType(b.getShort(p + 8) & 0xffff));
            } else if (type == 6) {
                int iface = b.getInt(p + 8);
                long ts = ((b.getInt(p + 12) & 0xffffffffL) << 32) | (b.getInt(p + 16) & 0xffffffffL);
                int cap = b.getInt(p + 20);
                int orig = b.getInt(p + 24);
                byte[] d = new byte[cap];
                b.get(p + 28, d);
                out.add(new Frame(d, 0, cap, Math.max(orig, cap), ts * 1000, ifaces.get(iface), iface));
            } else if (type == 3) {
                int orig = b.getInt(p + 8);
                int cap = Math.min(orig, len - 16);
                byte[] d = new byte[cap];
                b.get(p + 12, d);
                out.add(new Frame(d, 0, cap, orig, 0, ifaces.get(0), 0));
            }
            p += len;
        }
        return out;
    }
}
