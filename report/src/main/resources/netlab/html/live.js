/* netlab watch --web: renders the snapshots pushed on /events (server-sent events). */
(function () {
  "use strict";
  var N = netlab;
  var token = new URLSearchParams(location.search).get("token");
  var query = token ? "?token=" + encodeURIComponent(token) : "";
  var updates = 0;
  var glance = document.getElementById("glance");
  var cards = {};
  [["Frames", "frames"], ["Broadcast now", "broadcast_fps"], ["Stations", "stations"], ["IP conflicts", "conflicts"],
    ["Events", "events"]].forEach(function (c) { cards[c[1]] = N.card(glance, c[0], 0, "").querySelector(".value"); });

  var chart = N.chart("chart-live");
  var option = N.timeOption("frames/s");
  var names = [["frames", "frames/s"], ["broadcast", "broadcast/s"], ["multicast", "multicast/s"], ["arp_requests", "ARP requests/s"]];
  option.series = names.map(function (n) { return { name: n[1], type: "line", showSymbol: false, data: [] }; });
  option.dataZoom = [{ type: "inside" }];
  option.grid.bottom = 30;
  chart.setOption(option);

  var events = N.table(document.getElementById("table-events"), [
    { key: "seq", label: "#", num: true },
    { key: "time", label: "time (UTC)", fmt: N.clock },
    { key: "type", label: "type" },
    { key: "reason", label: "what happened" }
  ], [], { sortKey: "seq", sortDir: -1, rowAttrs: function (r) { var s = N.SEVERITY[r.type]; return s ? { "class": "sev-" + s } : {}; } });
  var stations = N.table(document.getElementById("table-stations"), [
    { key: "mac", label: "MAC" }, { key: "vlan", label: "VLAN", num: true }, { key: "ips", label: "addresses" },
    { key: "vendor", label: "vendor" }, { key: "frames", label: "frames", num: true },
    { key: "first_seen", label: "first seen", fmt: N.clock }, { key: "last_seen", label: "last seen", fmt: N.clock }
  ], [], { sortKey: "last_seen", sortDir: -1 });

  function update(s) {
    if (!s.figures) { return; }
    document.getElementById("iface").textContent = s.interface || "";
    Object.keys(cards).forEach(function (k) {
      var v = s.figures[k];
      cards[k].setAttribute("data-value", String(v));
      cards[k].textContent = N.num(v);
    });
    var r = s.rates;
    chart.setOption({ series: names.map(function (n, i) {
      var o = { data: r.t.map(function (t, j) { return [t, r[n[0]][j]]; }) };
      if (i === 1) {
        o.markLine = { symbol: "none", data: [{ yAxis: s.thresholds.broadcast_storm_fps }], lineStyle: { color: "#b3261e", type: "dashed" },
          label: { formatter: "broadcast storm threshold {c}/s" } };
      }
      return o;
    }) });
    document.getElementById("rates-note").textContent = "The last " + r.t.length + " seconds, sampled once a second (wall clock).";
    events.update(s.events);
    document.getElementById("events-note").textContent = "The latest " + s.events.length + " of " + N.num(s.figures.events)
      + " events" + (Object.keys(s.event_counts).length ? " (" + Object.keys(s.event_counts).map(function (t) { return t + " " + s.event_counts[t]; }).join(", ") + ")" : "") + ".";
    stations.update(s.stations);
    document.getElementById("stations-note").textContent = N.num(s.stations_total) + " stations in the MAC table"
      + (s.stations_total > s.stations.length ? "; the " + s.stations.length + " seen most recently are listed" : "") + ".";
    document.getElementById("status").textContent = "live, last update " + N.clock(s.now);
    document.body.setAttribute("data-updates", String(++updates));
  }

  var source = new EventSource("/events" + query);
  source.onopen = function () { document.getElementById("dot").className = "live-dot on"; };
  source.onerror = function () {
    document.getElementById("dot").className = "live-dot";
    document.getElementById("status").textContent = "disconnected; retrying…";
  };
  source.onmessage = function (m) { update(JSON.parse(m.data)); };
  document.body.setAttribute("data-ready", "1");
})();
