package netlab.analyzers.arp;

/**
 * ARP request-to-reply times in nanoseconds; median and p99 by nearest rank.
 *
 * @param count all RTTs measured
 * @param exact true when the percentiles were computed over every RTT, false when over the reservoir
 */
public record RttSummary(long count, long min, long median, long p99, long max, boolean exact) {
}
