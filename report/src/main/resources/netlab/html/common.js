/* netlab pages: helpers shared by the report (report.js) and the live view (live.js). No network access. */
"use strict";
var netlab = (function () {
  var SEVERITY = { ip_conflict: "high", flip_flop: "high", changed_mac: "mid", unsolicited_reply: "mid",
    sender_mismatch: "mid", arp_storm: "high", broadcast_storm: "high", mac_flood: "high", malformed: "mid" };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /** Text made safe for the HTML of chart tooltips (vendor names come from an OUI file, which may be the user's). */
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }

  function num(n) {
    if (n === null || n === undefined) { return "-"; }
    if (typeof n !== "number") { return String(n); }
    return Number.isInteger(n) ? n.toLocaleString("en-US") : n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  }

  function ms(iso) { return iso ? Date.parse(iso) : null; }

  /** "2026-11-25T18:49:50.274336000Z" -> "18:49:50.274336" (UTC, like netlab's text output). */
  function clock(iso) { return iso ? iso.substring(11, 26) : "-"; }

  function card(parent, label, value, sub, cls, filter) {
    var c = el("div", { "class": "card" + (cls ? " " + cls : ""), "data-figure": label.toLowerCase().replace(/[^a-z]+/g, "-") });
    c.appendChild(el("div", { "class": "label" }, label));
    var v = el("div", { "class": "value", "data-value": String(value) }, num(value));
    c.appendChild(v);
    if (sub) { c.appendChild(el("div", { "class": "sub" }, sub)); }
    if (filter) { c.setAttribute("data-filter", filter); }
    parent.appendChild(c);
    return c;
  }

  /**
   * A sortable, filterable table. columns: [{key, label, num, fmt}]; rows: objects. Returns {update(rows), filter(text)}.
   * Rows are rendered at most `limit` at a time (all rows are kept: the page caps them already).
   */
  function table(parent, columns, rows, opts) {
    opts = opts || {};
    var input = el("input", { "class": "filter", type: "search", placeholder: "filter (any column)", "aria-label": "filter" });
    var wrap = el("div", { "class": "tablewrap" });
    var t = el("table");
    var thead = el("thead");
    var htr = el("tr");
    var body = el("tbody");
    var sortKey = opts.sortKey || null, sortDir = opts.sortDir || 1, data = rows.slice();
    columns.forEach(function (c) {
      var th = el("th", { "data-key": c.key }, c.label);
      th.addEventListener("click", function () {
        sortDir = sortKey === c.key ? -sortDir : (c.num ? -1 : 1);
        sortKey = c.key;
        render();
      });
      htr.appendChild(th);
    });
    thead.appendChild(htr);
    t.appendChild(thead);
    t.appendChild(body);
    wrap.appendChild(t);
    parent.appendChild(input);
    parent.appendChild(wrap);
    input.addEventListener("input", render);

    function text(r, c) {
      var v = r[c.key];
      return c.fmt ? c.fmt(v, r) : (v === null || v === undefined ? "" : (c.num ? num(v) : String(v)));
    }
    function render() {
      var q = input.value.trim().toLowerCase();
      var shown = data.filter(function (r) {
        return !q || columns.some(function (c) { return text(r, c).toLowerCase().indexOf(q) >= 0; });
      });
      if (sortKey) {
        shown.sort(function (a, b) {
          var x = a[sortKey], y = b[sortKey];
          if (x === y) { return 0; }
          if (x === null || x === undefined) { return 1; }
          if (y === null || y === undefined) { return -1; }
          return (x < y ? -1 : 1) * sortDir;
        });
      }
      Array.prototype.forEach.call(htr.children, function (th) {
        th.className = th.getAttribute("data-key") === sortKey ? (sortDir > 0 ? "asc" : "desc") : "";
      });
      body.textContent = "";
      shown.forEach(function (r) {
        var tr = el("tr");
        if (opts.rowAttrs) { var a = opts.rowAttrs(r); Object.keys(a).forEach(function (k) { tr.setAttribute(k, a[k]); }); }
        columns.forEach(function (c) {
          var td = el("td", c.num ? { "class": "num" } : {});
          if (c.node) { td.appendChild(c.node(r[c.key], r)); } else { td.textContent = text(r, c); }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    render();
    return {
      update: function (rows2) { data = rows2.slice(); render(); },
      filter: function (q) { input.value = q; render(); },
      body: body
    };
  }

  function chart(id) {
    var dom = document.getElementById(id);
    var c = echarts.init(dom, null, { renderer: "canvas" });
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  /** Base option for a time-axis chart (UTC, like every netlab time). */
  function timeOption(yName) {
    return {
      useUTC: true,
      animation: false,
      grid: { left: 64, right: 64, top: 40, bottom: 64 },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      xAxis: { type: "time" },
      yAxis: { type: "value", name: yName },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 8 }]
    };
  }

  return { el: el, esc: esc, num: num, ms: ms, clock: clock, card: card, table: table, chart: chart, timeOption: timeOption,
    SEVERITY: SEVERITY };
})();
