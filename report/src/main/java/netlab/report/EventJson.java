package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import netlab.analyzers.arp.ArpEvent;
import netlab.analyzers.broadcast.BroadcastEvent;
import netlab.analyzers.event.Event;
import netlab.analyzers.mac.MacTableEvent;
import netlab.analyzers.stationdb.StationDbEvent;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/** The JSON object of an event: type, time, reason, then the fields of its record case. */
public final class EventJson {
    private EventJson() {
    }

    /** Writes one event as a JSON object. */
    public static void write(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", e.type());
        g.writeStringField("time", Timestamps.rfc3339(e.timeNanos()));
        g.writeStringField("reason", e.reason());
        if (e instanceof ArpEvent a) {
            arp(g, a);
        } else if (e instanceof BroadcastEvent.BroadcastStorm b) {
            broadcastStorm(g, b);
        } else if (e instanceof MacTableEvent.MacFlood m) {
            macFlood(g, m);
        } else if (e instanceof StationDbEvent.Evicted d) {
            g.writeNumberField("bindings", d.bindings());
            g.writeNumberField("stations", d.stations());
            g.writeNumberField("cap", d.cap());
            g.writeNumberField("evicted_bindings", d.evictedBindings());
            g.writeNumberField("evicted_stations", d.evictedStations());
        }
        g.writeEndObject();
    }

    private static void arp(JsonGenerator g, ArpEvent e) throws IOException {
        if (e instanceof ArpEvent.NewStation n) {
            base(g, n.vlan(), n.ip(), n.mac());
        } else if (e instanceof ArpEvent.IpConflict c) {
            base(g, c.vlan(), c.ip(), c.mac());
            g.writeStringField("previous_mac", mac(c.previousMac()));
            g.writeStringField("previous_last_seen", Timestamps.rfc3339(c.previousLastSeenNanos()));
        } else if (e instanceof ArpEvent.FlipFlop f) {
            base(g, f.vlan(), f.ip(), f.mac());
            g.writeStringField("previous_mac", mac(f.previousMac()));
        } else if (e instanceof ArpEvent.ChangedMac c) {
            base(g, c.vlan(), c.ip(), c.mac());
            g.writeStringField("previous_mac", mac(c.previousMac()));
            g.writeStringField("previous_last_seen", Timestamps.rfc3339(c.previousLastSeenNanos()));
        } else if (e instanceof ArpEvent.SenderMismatch s) {
            base(g, s.vlan(), s.ip(), s.senderMac());
            g.writeStringField("ethernet_source", mac(s.ethernetSource()));
            g.writeNumberField("opcode", s.opcode());
        } else if (e instanceof ArpEvent.UnsolicitedReply u) {
            base(g, u.vlan(), u.ip(), u.mac());
            g.writeStringField("target_ip", Ipv4Address.format(u.targetIp()));
            g.writeStringField("target_mac", mac(u.targetMac()));
            g.writeBooleanField("changes_binding", u.changesBinding());
            if (u.changesBinding()) {
                g.writeStringField("previous_mac", mac(u.previousMac()));
            }
        } else if (e instanceof ArpEvent.ArpPoisoning p) {
            g.writeNumberField("vlan", p.vlan());
            g.writeStringField("attacker_mac", mac(p.attackerMac()));
            g.writeStringField("ip", Ipv4Address.format(p.ip()));
            g.writeStringField("owner_mac", mac(p.ownerMac()));
            g.writeStringField("evidence", p.evidence());
            g.writeStringField("victim_ip", Ipv4Address.format(p.victimIp()));
            g.writeStringField("victim_mac", mac(p.victimMac()));
        } else if (e instanceof ArpEvent.ArpStorm s) {
            arpStorm(g, s);
        } else if (e instanceof ArpEvent.Malformed m) {
            g.writeNumberField("vlan", m.vlan());
            if (m.ethernetSource() >= 0) {
                g.writeStringField("ethernet_source", mac(m.ethernetSource()));
            }
            g.writeStringField("problem", m.problem());
        }
    }

    private static void arpStorm(JsonGenerator g, ArpEvent.ArpStorm s) throws IOException {
        g.writeStringField("scope", s.scope());
        if (s.source() >= 0) {
            g.writeStringField("mac", mac(s.source()));
            g.writeNumberField("vlan", s.vlan());
        }
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("window_ms", s.windowMs());
        g.writeNumberField("span_us", s.spanNanos() / 1000);
    }

    private static void broadcastStorm(JsonGenerator g, BroadcastEvent.BroadcastStorm b) throws IOException {
        g.writeStringField("interval_start", Timestamps.rfc3339(b.intervalStart()));
        g.writeNumberField("rate_fps", b.rateFps());
        g.writeNumberField("threshold_fps", b.thresholdFps());
        g.writeNumberField("broadcast_frames", b.broadcastFrames());
        if (b.topSource() < 0) {
            g.writeNullField("top_source");
        } else {
            g.writeStringField("top_source", mac(b.topSource()));
        }
        g.writeNumberField("top_source_frames", b.topSourceFrames());
    }

    private static void macFlood(JsonGenerator g, MacTableEvent.MacFlood m) throws IOException {
        g.writeStringField("trigger", m.trigger());
        g.writeNumberField("new_macs_per_second", m.newMacsPerSec());
        g.writeNumberField("window_new_macs", m.windowNewMacs());
        g.writeNumberField("table_size", m.tableSize());
        g.writeNumberField("cap", m.cap());
        g.writeNumberField("top_interface", m.topInterface());
        g.writeNumberField("top_vlan", m.topVlan());
        g.writeNumberField("top_new_macs", m.topNewMacs());
    }

    private static void base(JsonGenerator g, int vlan, int ip, long mac) throws IOException {
        g.writeNumberField("vlan", vlan);
        g.writeStringField("ip", Ipv4Address.format(ip));
        g.writeStringField("mac", mac(mac));
    }

    private static String mac(long bits) {
        return new MacAddress(bits).toString();
    }
}
