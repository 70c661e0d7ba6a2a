// Article pages: hovering or focusing a highlight shows the records it supports, with links;
// a link to one span (#b-START-END) outlines its words. No network, no dependencies.
(function () {
  "use strict";
  var recs = JSON.parse(document.getElementById("span-records").textContent);
  var popup = null, owner = null;
  function hide() { if (popup) { popup.remove(); popup = null; owner = null; } }
  function show(el) {
    if (owner === el) return;
    hide();
    owner = el;
    popup = document.createElement("div");
    popup.className = "popup";
    popup.setAttribute("role", "tooltip");
    var head = document.createElement("strong");
    head.textContent = "Evidence of:";
    popup.appendChild(head);
    var ul = document.createElement("ul");
    el.getAttribute("data-records").split(" ").forEach(function (id) {
      var r = recs[id]; if (!r) return;
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "../" + r[2]; a.textContent = r[1];
      li.appendChild(a); li.appendChild(document.createTextNode(" (" + r[0] + ")"));
      ul.appendChild(li);
    });
    popup.appendChild(ul);
    var note = el.getAttribute("data-title").split("\n").slice(1).join(" ");
    if (note) { var p = document.createElement("p"); p.textContent = note; popup.appendChild(p); }
    document.body.appendChild(popup);
    var box = el.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - popup.offsetWidth - 8);
    popup.style.left = Math.max(4, left) + "px";
    popup.style.top = (window.scrollY + box.bottom + 4) + "px";
    popup.addEventListener("mouseleave", hide);
    // Keyboard: Tab from the highlight enters the list; Tab past its end goes on to the next
    // highlight, Shift+Tab before its start back to this one.
    popup.addEventListener("keydown", function (e) {
      if (e.key !== "Tab") return;
      var links = popup.querySelectorAll("a"), i = [].indexOf.call(links, document.activeElement);
      if (!e.shiftKey && i === links.length - 1) {
        var all = [].slice.call(hls), next = all[all.indexOf(el) + 1];
        if (next) { e.preventDefault(); next.focus(); }
      } else if (e.shiftKey && i === 0) { e.preventDefault(); el.focus(); }
    });
  }
  var hls = document.querySelectorAll("a.hl");
  hls.forEach(function (el) {
    // The popup says what the tooltip said; keep one of them.
    el.setAttribute("data-title", el.getAttribute("title") || "");
    el.removeAttribute("title");
    el.addEventListener("mouseenter", function () { show(el); });
    el.addEventListener("focus", function () { show(el); });
    el.addEventListener("keydown", function (e) {
      var first = popup && owner === el && popup.querySelector("a");
      if (e.key === "Tab" && !e.shiftKey && first) { e.preventDefault(); first.focus(); }
    });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  document.addEventListener("click", function (e) { if (popup && !popup.contains(e.target)) hide(); });
  function mark() {
    document.querySelectorAll(".hl.target").forEach(function (el) { el.classList.remove("target"); });
    var m = /^#b-(\d+)-(\d+)$/.exec(location.hash);
    if (!m) return;
    var anchor = document.getElementById(location.hash.slice(1));
    if (!anchor) return;
    var k = anchor.getAttribute("data-span");
    document.querySelectorAll("a.hl").forEach(function (el) {
      if (el.getAttribute("data-spans").split(" ").indexOf(k) >= 0) el.classList.add("target");
    });
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
