/* netlab analyze --html: draws the charts and tables from the JSON in #netlab-data. */
(function () {
  "use strict";
  var N = netlab;
  var D = JSON.parse(document.getElementById("netlab-data").textContent);
  var F = D.figures, T = D.timeline, TH = D.thresholds;
  var sec = T.interval_seconds, bucketMs = T.bucket_seconds * 1000, merged = T.bucket_seconds > sec;
  var times = T.frames.map(function (_, i) { return T.origin_ms + i * bucketMs; });
  var eventsTable = null;

  var endMs = T.origin_ms + T.frames.length * bucketMs;
  /** [time, value] per bucket, plus the last value again at the end so a step line covers the last bucket. */
  function pairs(values) {
    var out = values.map(function (v, i) { return [times[i], v]; });
    if (values.length) { out.push([endMs, values[values.length - 1]]); }
    return out;
  }
  function perSecond(counts) { return pairs(counts.map(function (v) { return v / sec; })); }
  function line(name, data, extra) {
    var s = { name: name, type: "line", step: "end", showSymbol: data.length <= 60, symbolSize: 4, data: data };
    Object.keys(extra || {}).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }
  function timeOption(yName) {
    var o = N.timeOption(yName);
    if (T.frames.length) { o.xAxis.min = T.origin_ms; o.xAxis.max = endMs; }
    return o;
  }
  function bucketOf(iso) { return Math.max(0, Math.floor((N.ms(iso) - T.origin_ms) / bucketMs)); }
  function resolution(what) {
    return merged ? "Each point is the busiest " + sec + " s interval of " + T.bucket_seconds + " s (the capture is longer than "
      + T.frames.length + " points). " + what : "One point per " + sec + " s interval. " + what;
  }
  function eventsOf(type) { return D.events.filter(function (e) { return e.type === type; }); }

  function header() {
    var files = D.files.map(function (f) { return f.path + " (" + N.num(f.frames) + " frames" + (f.error ? ", " + f.error : "") + ")"; });
    document.getElementById("files").textContent = files.join(", ") + (D.complete ? "" : " \u2014 incomplete: see the errors");
  }

  function glance() {
    var g = document.getElementById("glance");
    var c = D.event_counts;
    var storms = F.broadcast_storms + F.arp_storms;
    N.card(g, "Frames", F.frames, N.num(F.bytes) + " bytes");
    N.card(g, "Broadcast peak", F.broadcast_peak_fps, "frames/s" + (F.broadcast_peak_at ? " at " + N.clock(F.broadcast_peak_at) : ""),
      F.broadcast_peak_fps > TH.broadcast_storm_fps ? "bad" : "");
    N.card(g, "IP conflicts", F.conflicts, "flip-flops " + N.num(c.flip_flop || 0), F.conflicts ? "bad" : "", "ip_conflict");
    N.card(g, "Spoofing replies", F.spoofing_replies, "unsolicited replies that rebound an IP", F.spoofing_replies ? "bad" : "", "unsolicited_reply");
    N.card(g, "Storms", storms, N.num(F.broadcast_storms) + " broadcast, " + N.num(F.arp_storms) + " ARP", storms ? "bad" : "", "storm");
    N.card(g, "MAC floods", F.mac_floods, "episodes", F.mac_floods ? "bad" : "", "mac_flood");
    N.card(g, "Unanswered ARP", F.unanswered, "requests", F.unanswered ? "warn" : "", "unanswered");
    N.card(g, "Stations", F.stations, N.num(F.bindings) + " IP bindings");
    Array.prototype.forEach.call(g.querySelectorAll(".card[data-filter]"), function (card) {
      card.addEventListener("click", function () {
        eventsTable.filter(card.getAttribute("data-filter"));
        document.getElementById("table-events").scrollIntoView();
      });
    });
    var findings = N.el("ul", { id: "findings" });
    ["ip_conflict", "flip_flop", "unsolicited_reply", "changed_mac", "arp_storm", "broadcast_storm", "mac_flood"].forEach(function (type) {
      var list = eventsOf(type);
      if (type === "unsolicited_reply") { list = list.filter(function (e) { return e.changes_binding; }); }
      if (!list.length) { return; }
      var li = N.el("li");
      var a = N.el("a", { href: "#ev-" + D.events.indexOf(list[0]) }, N.clock(list[0].time));
      a.addEventListener("click", function () { select(D.events.indexOf(list[0])); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" " + list[0].reason + (list.length > 1 ? " (and " + (list.length - 1) + " more " + type + ")" : "")));
      findings.appendChild(li);
    });
    if (findings.children.length) {
      var box = N.el("section", { id: "findings-box", style: "flex: 1 1 100%; margin: 0" });
      box.appendChild(N.el("h2", {}, "Findings (first of each kind)"));
      box.appendChild(findings);
      g.appendChild(box);
    }
  }

  function rates() {
    var o = timeOption("frames/s");
    var areas = D.broadcast_storms.map(function (s) { return [{ xAxis: N.ms(s.start), name: "broadcast storm" }, { xAxis: N.ms(s.end) }]; });
    o.series = [
      line("frames/s", perSecond(T.frames)),
      line("broadcast/s", perSecond(T.broadcast), {
        markLine: { symbol: "none", data: [{ yAxis: TH.broadcast_storm_fps, name: "storm threshold" }],
          label: { formatter: "broadcast storm threshold {c}/s" }, lineStyle: { color: "#b3261e", type: "dashed" } },
        markArea: { itemStyle: { color: "rgba(179,38,30,0.15)" }, data: areas } }),
      line("multicast/s", perSecond(T.multicast))
    ];
    N.chart("chart-rates").setOption(o);
    document.getElementById("rates-note").textContent = resolution("Shaded: broadcast storms (over "
      + N.num(TH.broadcast_storm_fps) + " broadcast frames/s; " + D.broadcast_storms.length + " shown).");
  }

  function arp() {
    var o = timeOption("requests/s");
    o.yAxis = [{ type: "value", name: "frames/s" }, { type: "value", name: "unanswered", position: "right" }];
    var hot = {};
    T.arp_requests.forEach(function (v, i) { if (v / sec > TH.arp_storm_rps) { hot[i] = true; } });
    eventsOf("arp_storm").forEach(function (e) { hot[bucketOf(e.time)] = true; });
    var areas = Object.keys(hot).map(function (i) {
      return [{ xAxis: times[i] }, { xAxis: times[i] + bucketMs }];
    });
    var marks = eventsOf("arp_storm").slice(0, 50).map(function (e) {
      return { xAxis: N.ms(e.time), name: e.scope === "segment" ? "ARP storm" : "ARP storm from " + e.source };
    });
    o.series = [
      line("ARP requests/s", perSecond(T.arp_requests), {
        markLine: { symbol: "none", data: [{ yAxis: TH.arp_storm_rps, name: "storm threshold" }].concat(marks),
          label: { formatter: function (p) { return p.name === "storm threshold" ? "ARP storm threshold " + p.value + "/s" : ""; } },
          lineStyle: { color: "#b3261e", type: "dashed" } },
        markArea: { itemStyle: { color: "rgba(179,38,30,0.15)" }, data: areas } }),
      line("ARP replies/s", perSecond(T.arp_replies)),
      // A filled step line, not bars: ECharts 5.3 lays out bars on a time axis in time proportional to the values.
      line("unanswered requests", pairs(T.unanswered), { yAxisIndex: 1, areaStyle: { opacity: 0.35 },
        itemStyle: { color: "#a15c00" }, lineStyle: { width: 1 } })
    ];
    N.chart("chart-arp").setOption(o);
    document.getElementById("arp-note").textContent = resolution("Threshold: more than " + TH.arp_storm_requests
      + " requests in " + TH.arp_storm_window_ms + " ms (" + N.num(TH.arp_storm_rps) + "/s); shaded: intervals above it or with an arp_storm event; "
      + "vertical lines: arp_storm events. Filled: requests that got no reply, at the time they were sent ("
      + N.num(F.unanswered) + " in all).");
  }

  function sources() {
    var rows = D.broadcast_sources.slice().reverse();
    var o = {
      animation: false, grid: { left: 150, right: 48, top: 10, bottom: 30 },
      tooltip: { formatter: function (p) { var s = rows[p.dataIndex]; return N.esc(s.mac + " (" + s.vendor + ")") + "<br>" + N.num(s.broadcast_frames) + " broadcast frames, " + p.value.toFixed(1) + " %"; } },
      xAxis: { type: "value", name: "% of broadcast", max: 100 },
      yAxis: { type: "category", data: rows.map(function (s) { return s.mac; }) },
      series: [{ type: "bar", data: rows.map(function (s) { return F.broadcast_frames ? 100 * s.broadcast_frames / F.broadcast_frames : 0; }),
        label: { show: true, position: "right", formatter: function (p) { return p.value.toFixed(1) + " %"; } } }]
    };
    if (!rows.length) { o.title = { text: "no broadcast frames", left: "center", top: "middle", textStyle: { color: "#5b6475" } }; }
    N.chart("chart-sources").setOption(o);
    document.getElementById("sources-note").textContent = "Top " + D.broadcast_sources.length + " stations by broadcast frames sent, as a share of all "
      + N.num(F.broadcast_frames) + " broadcast frames" + (D.broadcast_sources_evicted ? " (" + N.num(D.broadcast_sources_evicted) + " sources evicted from the meter's table)" : "") + ".";
  }

  function rtt() {
    var r = D.rtt;
    var o = { animation: false, grid: { left: 56, right: 24, top: 30, bottom: 40 }, tooltip: { trigger: "axis" },
      xAxis: { type: "log", name: "\u00B5s", nameLocation: "middle", nameGap: 24, min: function (v) { return Math.max(1, v.min); } },
      yAxis: { type: "value", name: "fraction answered", max: 1 },
      series: [{ name: "CDF", type: "line", step: "end", showSymbol: false, data: r ? r.cdf : [] }] };
    if (!r) {
      o.title = { text: "no ARP request was answered", left: "center", top: "middle", textStyle: { color: "#5b6475" } };
      o.xAxis = { type: "value" };
    } else {
      o.series[0].markLine = { symbol: "none", lineStyle: { type: "dashed" },
        data: [{ xAxis: Math.max(1, r.median_us), name: "median" }, { xAxis: Math.max(1, r.p99_us), name: "p99" }],
        label: { formatter: "{b}" } };
    }
    N.chart("chart-rtt").setOption(o);
    document.getElementById("rtt-note").textContent = r ? "Cumulative distribution of " + N.num(r.count) + " request-to-reply times: min "
      + r.min_us + " \u00B5s, median " + r.median_us + " \u00B5s, p99 " + r.p99_us + " \u00B5s, max " + r.max_us + " \u00B5s"
      + (r.exact ? "." : " (percentiles over a uniform sample).") : "No request was paired with a reply.";
  }

  function protocols() {
    var root = { children: [] };
    Object.keys(D.protocols).sort().forEach(function (path) {
      var node = root;
      path.split(":").forEach(function (name) {
        var child = node.children.filter(function (c) { return c.name === name; })[0];
        if (!child) { child = { name: name, children: [] }; node.children.push(child); }
        node = child;
      });
      node.value = D.protocols[path];
    });
    var o = { animation: false, tooltip: { formatter: function (p) { return N.esc(p.treePathInfo.map(function (t) { return t.name; }).filter(Boolean).join(":")) + "<br>" + N.num(p.value) + " frames"; } },
      series: [{ type: "sunburst", radius: ["12%", "95%"], data: root.children, sort: null,
        label: { rotate: "radial", minAngle: 8 }, emphasis: { focus: "ancestor" } }] };
    if (!root.children.length) { o.title = { text: "no frames", left: "center", top: "middle" }; }
    N.chart("chart-protocols").setOption(o);
  }

  function macTable() {
    var o = timeOption("entries");
    var floods = eventsOf("mac_flood").slice(0, 50).map(function (e) { return { xAxis: N.ms(e.time), name: "MAC flood" }; });
    o.series = [line("MAC table size", pairs(T.table_size), { areaStyle: { opacity: 0.2 },
      markLine: { symbol: "none", lineStyle: { color: "#b3261e", type: "dashed" },
        data: [{ yAxis: TH.mac_table_cap, name: "cap" }].concat(floods),
        label: { formatter: function (p) { return p.name === "cap" ? "cap " + N.num(p.value) : "flood"; } } } })];
    N.chart("chart-mactable").setOption(o);
    document.getElementById("mac-note").textContent = "Largest size in each point. Dashed: the table's cap ("
      + N.num(TH.mac_table_cap) + " entries, least recently seen evicted) and mac_flood events (" + N.num(F.mac_floods) + ").";
  }

  function select(i) {
    Array.prototype.forEach.call(document.querySelectorAll("#table-events tr.selected"), function (tr) { tr.classList.remove("selected"); });
    eventsTable.filter("");
    var tr = document.getElementById("ev-" + i);
    if (tr) { tr.classList.add("selected"); tr.scrollIntoView({ block: "center" }); }
  }

  function events() {
    var types = Object.keys(D.event_counts);
    var o = timeOption("");
    o.tooltip = { trigger: "item", formatter: function (p) { var e = D.events[p.data[2]]; return N.esc(N.clock(e.time) + " " + e.type) + "<br>" + N.esc(e.reason); } };
    o.grid = { left: 120, right: 24, top: 10, bottom: 56 };
    o.legend = { show: false };
    o.yAxis = { type: "category", data: types };
    o.series = [{ type: "scatter", symbolSize: 9, data: D.events.map(function (e, i) { return [N.ms(e.time), e.type, i]; }),
      itemStyle: { color: function (p) { var s = N.SEVERITY[p.data[1]]; return s === "high" ? "#b3261e" : s === "mid" ? "#a15c00" : "#3a6ea5"; } } }];
    if (!D.events.length) { o.title = { text: "no events", left: "center", top: "middle", textStyle: { color: "#5b6475" } }; }
    var c = N.chart("chart-events");
    c.setOption(o);
    c.on("click", function (p) { select(p.data[2]); });
    var rows = D.events.map(function (e, i) { return { i: i, time: e.time, type: e.type, reason: e.reason, e: e }; });
    eventsTable = N.table(document.getElementById("table-events"), [
      { key: "i", label: "#", num: true, fmt: function (v) { return String(v + 1); } },
      { key: "time", label: "time (UTC)", fmt: N.clock },
      { key: "type", label: "type" },
      { key: "reason", label: "what happened" },
      { key: "e", label: "details", fmt: function () { return ""; }, node: function (e) {
        var d = N.el("details");
        d.appendChild(N.el("summary", {}, "details"));
        d.appendChild(N.el("pre", {}, JSON.stringify(e, null, 1)));
        return d;
      } }
    ], rows, { rowAttrs: function (r) { var s = N.SEVERITY[r.type]; return { id: "ev-" + r.i, "class": s ? "sev-" + s : "" }; } });
    var total = types.reduce(function (a, t) { return a + D.event_counts[t]; }, 0);
    document.getElementById("events-note").textContent = N.num(total) + " events: " + types.map(function (t) { return t + " " + N.num(D.event_counts[t]); }).join(", ")
      + (D.events_not_listed ? "; the first of each type are listed (" + N.num(D.events.length) + "), " + N.num(D.events_not_listed) + " more are only counted" : "")
      + ". Click a point to see its details.";
  }

  function tables() {
    var b = D.bindings, s = D.stations;
    N.table(document.getElementById("table-bindings"), [
      { key: "vlan", label: "VLAN", num: true }, { key: "ip", label: "IP" }, { key: "mac", label: "MAC" },
      { key: "vendor", label: "vendor" }, { key: "first_seen", label: "first seen", fmt: N.clock },
      { key: "last_seen", label: "last seen", fmt: N.clock },
      { key: "previous_macs", label: "earlier MACs", fmt: function (v) { return v.join(" "); } }
    ], b.rows);
    document.getElementById("bindings-note").textContent = N.num(b.total) + " IP to MAC bindings" + (b.total > b.rows.length ? "; the first " + N.num(b.rows.length) + " by VLAN and IP are listed" : "") + ".";
    N.table(document.getElementById("table-stations"), [
      { key: "mac", label: "MAC" }, { key: "vlan", label: "VLAN", num: true }, { key: "vendor", label: "vendor" },
      { key: "ips", label: "addresses" }, { key: "frames", label: "frames", num: true }, { key: "bytes", label: "bytes", num: true },
      { key: "broadcast_frames", label: "broadcast", num: true }, { key: "arp_requests", label: "ARP requests", num: true },
      { key: "arp_unanswered", label: "unanswered", num: true }, { key: "first_seen", label: "first seen", fmt: N.clock },
      { key: "last_seen", label: "last seen", fmt: N.clock }
    ], s.rows, { sortKey: "frames", sortDir: -1 });
    document.getElementById("stations-note").textContent = N.num(s.total) + " stations in the table at the end" + (s.total > s.rows.length ? "; the " + N.num(s.rows.length) + " busiest are listed" : "") + ".";
  }

  header();
  events();
  glance();
  rates();
  arp();
  sources();
  rtt();
  protocols();
  macTable();
  tables();
  document.body.setAttribute("data-ready", "1");
})();
