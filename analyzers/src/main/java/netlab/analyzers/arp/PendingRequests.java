package netlab.analyzers.arp;

import netlab.analyzers.LruIndex;

/**
 * ARP requests awaiting a reply, keyed by (VLAN, sender MAC, sender IP, target IP) and queued in arrival
 * order so that expiry and eviction both take the oldest. Only the most recent request per key waits: a
 * retransmission settles the earlier one as unanswered at once (as analyze-arps.sh does), since a reply
 * answers the most recent earlier request.
 */
final class PendingRequests {

    /** Receives each request settled without a reply. */
    interface Settled {
        void unanswered(long requestNanos, int vlan, long senderMac, int senderIp, int targetIp);
    }

    private final LruIndex index;
    private final long timeout;
    private final Settled settled;
    private long evicted;

    PendingRequests(int cap, long timeoutNanos, Settled settled) {
        this.index = new LruIndex(cap);
        this.timeout = timeoutNanos;
        this.settled = settled;
    }

    private static long hi(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    private static long lo(int senderIp, int targetIp) {
        return ((long) senderIp << 32) | (targetIp & 0xffff_ffffL);
    }

    /** Settles as unanswered every request whose timeout ended before {@code now}. */
    void expire(long now) {
        for (int s = index.oldest(); s != LruIndex.NONE && now - index.value(s) > timeout; s = index.oldest()) {
            settle(s);
        }
    }

    /** Queues a request; a pending one with the same key is settled unanswered, and the oldest when full. */
    void request(int vlan, long senderMac, int senderIp, int targetIp, long t) {
        long h = hi(vlan, senderMac);
        long l = lo(senderIp, targetIp);
        int s = index.find(h, l);
        if (s >= 0) {
            settle(s);
        } else if (index.full()) {
            settle(index.oldest());
            evicted++;
        }
        index.setValue(index.insert(h, l), t);
    }

    /**
     * Takes the request a reply answers: the one from the reply's target (MAC, IP) for the reply's sender IP,
     * if it is no older than the timeout. Returns its time, or -1 when there is none.
     */
    long answer(int vlan, long targetMac, int targetIp, int senderIp, long t) {
        int s = index.find(hi(vlan, targetMac), lo(targetIp, senderIp));
        if (s < 0) {
            return -1;
        }
        long requested = index.value(s);
        if (t - requested > timeout || t < requested) {
            return -1;
        }
        index.remove(s);
        return requested;
    }

    /** Settles everything still pending (end of input). */
    void finish() {
        while (index.oldest() != LruIndex.NONE) {
            settle(index.oldest());
        }
    }

    private void settle(int s) {
        long h = index.hi(s);
        long l = index.lo(s);
        long t = index.value(s);
        index.remove(s);
        settled.unanswered(t, (int) (h >>> 48), h & 0xffff_ffff_ffffL, (int) (l >>> 32), (int) l);
    }

    int size() {
        return index.size();
    }

    /** Requests evicted (and counted unanswered) to stay within the cap. */
    long evicted() {
        return evicted;
    }
}
