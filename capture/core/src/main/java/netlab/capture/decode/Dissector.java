package netlab.capture.decode;

import java.util.List;

/**
 * The display half of one protocol kept in one file (gopacket's {@code layers/arp.go} shape): the protocol's
 * class decodes into the {@link PacketView} (recording its header offset with the path entry) and implements
 * this to turn the same bytes into fields and a one-line summary. Registered in {@link Dissectors}.
 */
interface Dissector {

    /** Adds the layer(s) of the path entry at {@code off} to {@code out}; allocates, for display only. */
    void details(PacketView v, int off, List<Layer> out);

    /**
     * Appends tcpdump's wording for the header at {@code off} and returns true when that ends the frame's
     * summary; returns false (having appended nothing or a prefix) to let the next protocol go on.
     */
    boolean summary(StringBuilder sb, PacketView v, int off);
}
