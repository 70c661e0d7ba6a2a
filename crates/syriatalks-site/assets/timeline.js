// The timeline: every dated record of the export as a mark, rounds as bands per process, filters
// and zoom. Reads window.SYRIATALKS (data.js); which records an actor or process selects was
// computed by the query API when the site was written, so the page filters as the API does.
(function () {
  "use strict";
  var D = window.SYRIATALKS;
  var DAY = 86400000;
  var ZOOM = { year: 0.6, month: 6, day: 48 };
  var TYPES = ["event", "figure", "quote", "position", "instrument"];
  var zoom = "year";

  function dayOf(y, m, d) {
    var t = Date.UTC(y, m - 1, d), x = new Date(t);
    if (x.getUTCFullYear() !== y || x.getUTCMonth() !== m - 1 || x.getUTCDate() !== d) return NaN;
    return Math.round(t / DAY);
  }
  function iso(n) { return new Date(n * DAY).toISOString().slice(0, 10); }
  // A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as its first or last day; null when empty, NaN when bad.
  function partial(s, last) {
    s = s.trim();
    if (!s) return null;
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return NaN;
    var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (mo !== null && (mo < 1 || mo > 12)) return NaN;
    if (d !== null) return dayOf(y, mo, d);
    if (mo !== null) return last ? dayOf(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - 1 : dayOf(y, mo, 1);
    return last ? dayOf(y, 12, 31) : dayOf(y, 1, 1);
  }
  function ymd(s) { return dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)); }

  var entries = D.timeline.map(function (e) {
    e.f = e.first ? ymd(e.first) : null;
    e.l = e.last ? ymd(e.last) : null;
    // A round's certain days: drawn solid inside its possible span, which is hatched.
    e.cf = e.certain ? ymd(e.certain[0]) : null;
    e.cl = e.certain ? ymd(e.certain[1]) : null;
    return e;
  });
  var lo = Infinity, hi = -Infinity;
  entries.forEach(function (e) { if (e.f !== null) { lo = Math.min(lo, e.f); hi = Math.max(hi, e.l); } });
  if (!isFinite(lo)) { lo = 0; hi = 1; }
  lo = dayOf(+iso(lo).slice(0, 4), 1, 1);
  hi = dayOf(+iso(hi).slice(0, 4), 12, 31);

  var $ = function (id) { return document.getElementById(id); };
  function option(sel, value, label, group) {
    var o = document.createElement("option");
    o.value = value; o.textContent = label;
    (group || sel).appendChild(o);
  }
  D.actors.slice().sort(function (a, b) { return a[1].localeCompare(b[1]); })
    .forEach(function (a) { option($("f-actor"), a[0], a[1]); });
  var kindSel = $("f-kind");
  var gt = document.createElement("optgroup"); gt.label = "Record type";
  var gk = document.createElement("optgroup"); gk.label = "Kind";
  var types = {}, words = {}, procs = {};
  entries.forEach(function (e) {
    types[e.type] = 1;
    if (e.kind) words[e.kind] = 1;
    e.processes.forEach(function (p) { procs[p] = 1; });
  });
  D.types.filter(function (t) { return types[t]; }).forEach(function (t) { option(kindSel, "type:" + t, t, gt); });
  Object.keys(words).sort().forEach(function (w) { option(kindSel, "word:" + w, w.replace(/_/g, " "), gk); });
  kindSel.appendChild(gt); kindSel.appendChild(gk);
  D.processes.filter(function (p) { return procs[p]; }).forEach(function (p) { option($("f-process"), p, p); });

  function filters() {
    return {
      from: partial($("f-from").value, false),
      to: partial($("f-to").value, true),
      actor: $("f-actor").value,
      kind: $("f-kind").value,
      process: $("f-process").value
    };
  }
  function matches(e, f) {
    if (f.from !== null || f.to !== null) {
      if (e.f === null) return false;
      var a = f.from === null ? -Infinity : f.from, b = f.to === null ? Infinity : f.to;
      if (!(e.f <= b && e.l >= a)) return false;
    }
    if (f.actor && e.actors.indexOf(f.actor) < 0) return false;
    if (f.kind) {
      var k = f.kind.split(":");
      if (k[0] === "type" ? e.type !== k[1] : e.kind !== k[1]) return false;
    }
    if (f.process && e.processes.indexOf(f.process) < 0) return false;
    return true;
  }

  function lanes() {
    var out = [];
    D.processes.forEach(function (p) { out.push({ key: "round:" + p, label: p.charAt(0).toUpperCase() + p.slice(1), items: [] }); });
    TYPES.forEach(function (t) { out.push({ key: t, label: t + "s", items: [] }); });
    return out;
  }
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined) x.textContent = text;
    return x;
  }
  function label(e) {
    var when = (e.date || "undated");
    if (e.type === "round" && e.first) {
      when += e.certain ? " (certainly in session " + e.certain[0] + (e.certain[1] !== e.certain[0] ? " to " + e.certain[1] : "") + ")" : " (no day certain)";
      if (e.last && e.last !== (e.certain ? e.certain[1] : e.first)) when += ", possibly until " + e.last;
    }
    return when + " — " + e.label + " (" + e.type + (e.kind ? ", " + e.kind.replace(/_/g, " ") : "") + ")";
  }

  // keepCenter: a zoom keeps the middle of the view where it was; a new filter shows its first mark.
  function render(keepCenter) {
    var f = filters();
    var bad = [f.from, f.to].some(function (x) { return x !== null && isNaN(x); });
    var empty = f.from !== null && f.to !== null && f.from > f.to;
    var shown = bad || empty ? [] : entries.filter(function (e) { return matches(e, f); });
    $("count").textContent = bad ? "A date must be YYYY, YYYY-MM or YYYY-MM-DD." :
      empty ? "The range is empty: “from” is after “to”." :
      shown.length + " of " + entries.length + " dated records shown.";
    var ppd = ZOOM[zoom];
    var width = Math.ceil((hi - lo + 1) * ppd) + 40;
    var chart = $("chart");
    var keep = chart.querySelector(".scroller");
    var scrollFrac = keepCenter === true && keep && keep.scrollWidth ? (keep.scrollLeft + keep.clientWidth / 2) / keep.scrollWidth : null;
    chart.textContent = "";
    var labels = el("div", "lane-labels"), scroller = el("div", "scroller");
    labels.setAttribute("aria-hidden", "true");
    chart.appendChild(labels); chart.appendChild(scroller);
    var axis = el("div", "axis"); axis.style.width = width + "px";
    labels.appendChild(el("div", "", zoom === "day" ? "day" : zoom)).style.height = "29px";
    scroller.appendChild(axis);
    var y0 = +iso(lo).slice(0, 4), y1 = +iso(hi).slice(0, 4);
    for (var y = y0; y <= y1; y++) {
      for (var m = 1; m <= 12; m++) {
        var d0 = dayOf(y, m, 1), x = (d0 - lo) * ppd;
        if (m === 1) { var t = el("div", "tick", String(y)); t.style.left = x + "px"; axis.appendChild(t); }
        else if (ppd >= 2) { var tm = el("div", "tick" + (ppd >= 5 ? "" : " minor"), ppd >= 5 ? iso(d0).slice(0, 7) : ""); tm.style.left = x + "px"; axis.appendChild(tm); }
        if (ppd >= 20) {
          var next = m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1);
          for (var d = d0 + 1; d < next; d++) { var td = el("div", "tick day", String(d - d0 + 1)); td.style.left = (d - lo) * ppd + "px"; axis.appendChild(td); }
        }
      }
    }
    var ls = lanes(), byKey = {};
    ls.forEach(function (l) { byKey[l.key] = l; });
    shown.forEach(function (e) {
      var key = e.type === "round" ? "round:" + e.process : e.type;
      (byKey[key] || byKey.event).items.push(e);
    });
    ls.forEach(function (l) {
      if (!l.items.length) return;
      var compact = zoom === "year" && l.key.indexOf("round:") !== 0;
      var rowH = l.key.indexOf("round:") === 0 ? 26 : compact ? 13 : 21, ends = [];
      var lane = el("div", "lane"); lane.style.width = width + "px";
      l.items.slice().sort(function (a, b) { return a.f - b.f || a.l - b.l; }).forEach(function (e) {
        var left = (e.f - lo) * ppd, w = Math.max(8, (e.l - e.f + 1) * ppd);
        var r = 0;
        while (r < ends.length && ends[r] > left) r++;
        ends[r] = left + w + 2;
        var possibleOnly = e.type === "round" && (e.cf === null || e.cf > e.f || e.cl < e.l);
        var a = el("a", "mark t-" + e.type + (e.process ? " pr-" + e.process : "") + ((e.precision && e.precision !== "day") || possibleOnly ? " partial" : ""),
          w >= 40 ? e.label : "");
        if (e.type === "round" && e.cf !== null && possibleOnly) {
          // The days the round certainly sat, solid, over the hatched days it only may have.
          var c = el("span", "certain");
          c.style.left = ((e.cf - e.f) * ppd) + "px";
          c.style.width = Math.max(2, (e.cl - e.cf + 1) * ppd) + "px";
          a.appendChild(c);
        }
        if (compact) a.classList.add("compact");
        a.href = e.href;
        a.title = label(e);
        a.setAttribute("aria-label", label(e));
        a.setAttribute("data-id", e.id);
        a.style.left = left + "px"; a.style.width = w + "px"; a.style.top = (2 + r * rowH) + "px";
        lane.appendChild(a);
      });
      var h = Math.max(1, ends.length) * rowH + 4;
      lane.style.height = h + "px";
      scroller.appendChild(lane);
      labels.appendChild(el("div", "", l.label)).style.height = (h + 1) + "px";
    });
    if (scrollFrac !== null) {
      scroller.scrollLeft = scrollFrac * scroller.scrollWidth - scroller.clientWidth / 2;
      // Zoomed into an empty stretch: bring the nearest mark to the middle instead.
      var a0 = scroller.scrollLeft / ppd + lo, b0 = (scroller.scrollLeft + scroller.clientWidth) / ppd + lo;
      var mid = (a0 + b0) / 2;
      var seen = shown.some(function (e) { return e.f <= b0 && e.l >= a0; });
      if (!seen && shown.length) {
        var near = shown.reduce(function (best, e) {
          var d = Math.min(Math.abs(e.f - mid), Math.abs(e.l - mid));
          return d < best[0] ? [d, e] : best;
        }, [Infinity, null])[1];
        scroller.scrollLeft = (near.f - lo) * ppd - scroller.clientWidth / 2;
      }
    } else if (shown.length) {
      // A new filter: show its first mark, or where its range starts when a mark began before it.
      var first = Math.min.apply(null, shown.map(function (e) { return e.f; }));
      if (f.from !== null) first = Math.max(first, f.from);
      scroller.scrollLeft = Math.max(0, (first - lo) * ppd - 20);
    }
    var list = $("list");
    list.textContent = "";
    shown.forEach(function (e) {
      var li = el("li"), t = el("time", "", e.date || "");
      if (e.first) t.setAttribute("datetime", e.first);
      var a = el("a", "", e.label); a.href = e.href;
      li.appendChild(t); li.appendChild(el("span", "tag", e.type + (e.kind ? " · " + e.kind.replace(/_/g, " ") : "")));
      li.appendChild(document.createTextNode(" ")); li.appendChild(a);
      list.appendChild(li);
    });
  }
  function refilter() { render(false); }
  ["f-from", "f-to"].forEach(function (id) { $(id).addEventListener("input", refilter); });
  ["f-actor", "f-kind", "f-process"].forEach(function (id) { $(id).addEventListener("change", refilter); });
  $("filters").addEventListener("reset", function () { setTimeout(refilter, 0); });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); refilter(); });
  document.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      zoom = b.getAttribute("data-zoom");
      document.querySelectorAll("[data-zoom]").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
      render(true);
    });
  });
  render(false);
})();
