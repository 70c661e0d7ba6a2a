// Client-side search over every record and every article text of window.SYRIATALKS (data.js):
// case and accents ignored, every word must occur. No index to download, no network. The form
// submits to this same page (search.html?q=…), which works from file:// too.
(function () {
  "use strict";
  var D = window.SYRIATALKS;
  function fold(s) { return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }
  // Folds a text character by character, remembering where each folded character came from, so
  // that a hit in the folded text maps back to the original words.
  function folded(text) {
    var out = "", from = [], i = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) { out += f[k]; from.push(i); }
      i += ch.length;
    }
    from.push(i);
    return { text: out, from: from };
  }
  function strings(v, out) {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(function (x) { strings(x, out); });
    else if (v && typeof v === "object") Object.keys(v).forEach(function (k) { if (k !== "text" || typeof v[k] !== "string" || !v.file) strings(v[k], out); });
    return out;
  }
  var records = [], sources = [];
  Object.keys(D.export).forEach(function (key) {
    if (!Array.isArray(D.export[key])) return;
    D.export[key].forEach(function (r) {
      if (!r || !r.id || !D.labels[r.id]) return;
      records.push({ id: r.id, hay: fold(strings(r, []).join(" \u0000 ")), rec: r });
      if (typeof r.text === "string" && r.file) sources.push({ id: r.id, text: r.text, f: folded(r.text) });
    });
  });
  function el(tag, cls, text) { var x = document.createElement(tag); if (cls) x.className = cls; if (text !== undefined) x.textContent = text; return x; }
  function snippet(text, a, b) {
    var s = Math.max(0, a - 70), e = Math.min(text.length, b + 70);
    var span = el("span");
    span.appendChild(document.createTextNode((s > 0 ? "…" : "") + text.slice(s, a)));
    span.appendChild(el("mark", "", text.slice(a, b)));
    span.appendChild(document.createTextNode(text.slice(b, e) + (e < text.length ? "…" : "")));
    return span;
  }
  var LIMIT = 200;
  function run(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    var rh = document.getElementById("record-hits"), th = document.getElementById("text-hits");
    rh.textContent = ""; th.textContent = "";
    if (!words.length) { document.getElementById("search-count").textContent = "Type some words."; return; }
    var nr = 0, nt = 0;
    records.forEach(function (r) {
      if (!words.every(function (w) { return r.hay.indexOf(w) >= 0; })) return;
      if (++nr > LIMIT) return;
      var l = D.labels[r.id], li = el("li"), a = el("a", "", l[1]);
      a.href = l[2];
      li.appendChild(el("span", "tag", l[0])); li.appendChild(document.createTextNode(" ")); li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("code", "", r.id));
      rh.appendChild(li);
    });
    var phrase = words.join(" ");
    sources.forEach(function (s) {
      var at = 0, i;
      while ((i = s.f.text.indexOf(phrase, at)) >= 0) {
        at = i + phrase.length;
        if (++nt > LIMIT) continue;
        var a0 = s.f.from[i], b0 = s.f.from[i + phrase.length];
        var li = el("li"), link = el("a", "", D.labels[s.id][1]);
        link.href = D.labels[s.id][2];
        li.appendChild(link); li.appendChild(el("br")); li.appendChild(snippet(s.text, a0, b0));
        th.appendChild(li);
      }
    });
    document.getElementById("search-count").textContent = nr + " record" + (nr === 1 ? "" : "s") + " and " + nt + " place" + (nt === 1 ? "" : "s") + " in the articles match “" + q + "”" +
      (nr > LIMIT || nt > LIMIT ? " (the first " + LIMIT + " of each shown)." : ".");
  }
  var input = document.getElementById("q");
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  run(q);
})();
