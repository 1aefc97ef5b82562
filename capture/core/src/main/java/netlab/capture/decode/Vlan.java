package netlab.capture.decode;

import java.util.List;

/**
 * IEEE 802.1Q VLAN tags (802.1Q-2018 clause 9.6): TPID 0x8100 or 0x9100 ({@code vlan}) or 0x88a8 (an 802.1ad
 * S-tag, {@code ieee8021ad}), then the TCI (PCP 3 bits, DEI 1, VID 12) and the inner type or length. The decode
 * fills the view's tag arrays (at most {@link PacketView#MAX_VLAN_TAGS}); tcpdump prints each tag inside the
 * words of the frame that carries it ({@link #chain}).
 */
enum Vlan implements Dissector {
    /** A C-tag: TPID 0x8100 or 0x9100. */
    VLAN,
    /** An S-tag, which carries an 802.1ah I-TAG when one follows ({@link Pbb#AFTER_BTAG}). */
    S_TAG {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            VLAN.details(v, off, out);
            Pbb.AFTER_BTAG.details(v, off, out);
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            return Pbb.AFTER_BTAG.summary(sb, v, off);
        }
    };

    static void decode(PacketView v, int off, int tpid, Protocol p) {
        v.push(p, off);
        if (v.vlanCount == PacketView.MAX_VLAN_TAGS) {
            v.fail(p, off, "too many VLAN tags");
            return;
        }
        if (!v.has(off, 4)) {
            v.fail(p, off, "truncated tag");
            return;
        }
        v.vlanTci[v.vlanCount] = v.u16(off);
        v.vlanTpid[v.vlanCount] = tpid;
        v.vlanOffset[v.vlanCount] = off;
        v.vlanCount++;
        Ethernet.typeOrLength(v, off + 2, v.u16(off + 2));
    }

    /** The tag whose TCI is at {@code off}, when it was recorded (not past the tag limit, not truncated). */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        for (int t = 0; t < v.vlanCount(); t++) {
            if (v.vlanOffset(t) == off) {
                Protocol p = v.vlanTpid(t) == 0x88a8 ? Protocol.IEEE8021AD : Protocol.VLAN;
                out.add(new FieldList(v).add("id", v.vlanId(t)).add("priority", v.vlanPriority(t))
                        .add("dei", v.vlanDei(t)).add("tpid", FieldList.hex0x(v.vlanTpid(t), 4))
                        .namedHex16("type", off + 2, ValueNames::etherType).layer(p, off, 4));
            }
        }
    }

    /** Nothing here: a tag's words are part of the frame that carries it ({@link #outer}, {@link #chain}). */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }

    /**
     * The VLAN tags of the outer frame: the chain of tags right after its link header (a tag after a VN-Tag,
     * or inside a tunnel, is printed where its header is).
     */
    static int outerCount(PacketView v) {
        int link = v.frame().linkType().value();
        int first = link == 1 ? 14 : link == 113 ? 16 : link == 276 ? 20 : v.vlanCount() > 0 ? v.vlanOffset(0) : -1;
        int n = 0;
        while (n < v.vlanCount() && v.vlanOffset(n) == first + 4 * n
                && (v.innerEthernetCount() == 0 || v.vlanOffset(n) < v.innerEthernetOffset(0))) {
            n++;
        }
        return n;
    }

    /** The first {@code tags} tags as tcpdump prints them after the outer link header, each with its inner type. */
    static void outer(StringBuilder sb, PacketView v, int tags) {
        for (int t = 0; t < tags; t++) {
            words(sb, v, t);
            int inner = t + 1 < tags ? v.vlanTpid(t + 1) : Ethernet.typeAt(v, v.vlanOffset(t) + 2);
            if (inner >= 0) {
                Ethernet.typeName(sb, inner);
                sb.append(", ");
            }
        }
    }

    /**
     * The tags whose TPID sits at {@code typeOffset} and after, each as tcpdump prints one
     * ({@code vlan 30, p 0, ethertype ARP (0x0806), }).
     */
    static void chain(StringBuilder sb, PacketView v, int typeOffset) {
        int at = typeOffset;
        for (int t = 0; t < v.vlanCount(); t++) {
            if (v.vlanOffset(t) != at + 2) {
                continue;
            }
            words(sb, v, t);
            at += 4;
            int inner = Ethernet.typeAt(v, at);
            if (inner >= 0) {
                Ethernet.typeName(sb, inner);
                sb.append(", ");
            }
        }
    }

    /** tcpdump print-ether.c's words for tag {@code t}: {@code vlan 10, p 0, } ({@code DEI, } when set). */
    private static void words(StringBuilder sb, PacketView v, int t) {
        sb.append("vlan ").append(v.vlanId(t)).append(", p ").append(v.vlanPriority(t));
        sb.append(v.vlanDei(t) ? ", DEI, " : ", ");
    }
}
