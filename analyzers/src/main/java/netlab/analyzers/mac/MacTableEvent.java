package netlab.analyzers.mac;

import java.util.Locale;
import netlab.analyzers.event.Event;

/** Events of the {@link MacTable}. */
public sealed interface MacTableEvent extends Event {

    /**
     * MAC flooding (CAM overflow, {@code macof}-style): new source MACs were learned faster than the
     * threshold over one window, or the table hit its cap; raised once per episode.
     *
     * @param timeNanos      capture time of the frame that raised it
     * @param trigger        {@code rate} (a window closed over the threshold) or {@code cap} (table full)
     * @param newMacsPerSec  new MACs learned in the window divided by its length (for {@code cap}: the
     *                       window so far, a lower bound)
     * @param windowNewMacs  new MACs learned in that window
     * @param tableSize      stations in the table at that moment
     * @param cap            the table's cap
     * @param topInterface   capture interface (pcapng interface index, 0 for pcap) that brought the most
     *                       new MACs in the window: the only ingress "port" a capture file records
     * @param topVlan        outer VLAN ID (0 untagged) that brought the most new MACs in the window
     * @param topNewMacs     new MACs from that interface and VLAN in the window
     */
    record MacFlood(long timeNanos, String trigger, double newMacsPerSec, long windowNewMacs, int tableSize,
                    int cap, int topInterface, int topVlan, long topNewMacs) implements MacTableEvent {
        @Override
        public String type() {
            return "mac_flood";
        }

        @Override
        public String reason() {
            String why = trigger.equals("cap") ? "MAC table full (" + cap + " entries)"
                    : String.format(Locale.ROOT, "%.0f new MACs/s", newMacsPerSec);
            return String.format(Locale.ROOT, "MAC flooding: %s, %d new MACs in the window, %d/%d entries; "
                    + "most from interface %d VLAN %d (%d): a switch would flood unknown unicast", why,
                    windowNewMacs, tableSize, cap, topInterface, topVlan, topNewMacs);
        }
    }
}
