package netlab.cli;

import java.util.SplittableRandom;
import netlab.capture.pcap4j.LiveCapture;
import netlab.capture.live.LiveOptions;

/**
 * A child process for {@link WatchKeepsUpLiveTest}, run inside a namespace: sends {@code args[1]} broadcast ARP
 * requests out of {@code args[0]}, each from a new random locally administered MAC and a random 10/8 sender
 * address (the flood watch exists to report), as fast as libpcap sends them; prints the count sent.
 */
public final class FloodSender {
    private FloodSender() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        byte[] f = new byte[60];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
        }
        f[12] = 0x08;
        f[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1};
        System.arraycopy(arp, 0, f, 14, 8);
        f[38] = 10;
        f[41] = 1;
        SplittableRandom rnd = new SplittableRandom(42);
        try (LiveCapture c = LiveCapture.open(LiveOptions.defaults(args[0]).withFilter("ether proto 0x88b5"))) {
            for (int k = 0; k < n; k++) {
                long mac = (rnd.nextLong() & 0xfcff_ffff_ffffL) | 0x0200_0000_0000L;
                for (int i = 0; i < 6; i++) {
                    f[6 + i] = (byte) (mac >>> (40 - 8 * i));
                    f[22 + i] = f[6 + i];
                }
                int ip = rnd.nextInt();
                f[28] = 10;
                f[29] = (byte) (ip >>> 16);
                f[30] = (byte) (ip >>> 8);
                f[31] = (byte) ip;
                c.send(f, f.length);
            }
        }
        System.out.println(n);
    }
}
