package netlab.analyzers.broadcast;

import java.util.Locale;
import netlab.analyzers.event.Event;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;

/** Events of the {@link BroadcastMeter}. */
public sealed interface BroadcastEvent extends Event {

    /**
     * The first interval of a broadcast-storm episode closed with more broadcast frames per second than the
     * threshold; raised once per episode (consecutive intervals over the threshold), when that interval
     * closes. The whole episode (end, peak) is in {@link BroadcastMeter#storms()}.
     *
     * @param timeNanos       capture time of the frame that closed the interval (or the last frame)
     * @param intervalStart   start of the interval, epoch ns
     * @param rateFps         broadcast frames per second in it
     * @param thresholdFps    the configured threshold
     * @param broadcastFrames broadcast frames in it
     * @param topSource       source MAC that sent the most of them, or -1 when no frame had a source MAC
     * @param topSourceFrames broadcast frames that source sent in it
     */
    record BroadcastStorm(long timeNanos, long intervalStart, double rateFps, double thresholdFps,
                          long broadcastFrames, long topSource, long topSourceFrames) implements BroadcastEvent {
        @Override
        public String type() {
            return "broadcast_storm";
        }

        @Override
        public String reason() {
            String top = topSource < 0 ? "" : String.format(Locale.ROOT, "; top source %s sent %d",
                    new MacAddress(topSource), topSourceFrames);
            return String.format(Locale.ROOT, "broadcast storm: %.0f broadcast frames/s from %s (threshold %.0f/s)%s",
                    rateFps, Timestamps.rfc3339(intervalStart), thresholdFps, top);
        }
    }
}
