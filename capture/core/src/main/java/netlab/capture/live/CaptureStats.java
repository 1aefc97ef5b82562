package netlab.capture.live;

/**
 * libpcap's counters for a live handle ({@code pcap_stats}).
 *
 * @param received         ps_recv: frames that passed the filter (on Linux), whether kept or dropped
 * @param droppedByKernel  ps_drop: frames the ring buffer had no room for
 * @param droppedByIface   ps_ifdrop: frames the NIC or driver dropped; zero may mean "not implemented"
 */
public record CaptureStats(long received, long droppedByKernel, long droppedByIface) {
}
