"""The generated site in a real browser, opened from file://: every expected value is computed
from the export or the CLI, never typed here."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections import Counter
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

from conftest import WORK, Visit, cli, cli_ids

# The ids of the marks on the timeline chart.
MARK_IDS = "() => [...document.querySelectorAll('#chart a.mark')].map(a => a.dataset.id)"

# Per highlighted piece of the article: its UTF-16 offsets in the article's text (what a
# JavaScript string counts) and the span indexes it belongs to.
PIECES = """() => {
  const root = document.getElementById('article-text');
  const out = [];
  for (const el of root.querySelectorAll('a.hl')) {
    const r = document.createRange();
    r.setStart(root, 0);
    r.setEndBefore(el);
    const start = r.toString().length;
    out.push([start, start + el.textContent.length, el.dataset.spans.split(' '), el.textContent]);
  }
  return {text: root.textContent, pieces: out};
}"""


def evidence_of(v: Any) -> Iterator[Dict[str, Any]]:
    """Every evidence entry anywhere in the export."""
    if isinstance(v, dict):
        if isinstance(v.get("source"), str) and "quote" in v and "span" in v:
            yield v
        for x in v.values():
            yield from evidence_of(x)
    elif isinstance(v, list):
        for x in v:
            yield from evidence_of(x)


def utf16(text: str, byte: int) -> int:
    """The UTF-16 offset of a byte offset of the UTF-8 text."""
    return len(text.encode("utf-8")[:byte].decode("utf-8").encode("utf-16-le")) // 2


def records(export: Dict[str, Any]) -> Iterator[Tuple[str, Dict[str, Any]]]:
    for key, items in export.items():
        if isinstance(items, list):
            for r in items:
                if isinstance(r, dict) and "id" in r:
                    yield key[:-1], r


def test_the_timeline_shows_a_mark_for_every_dated_record(visit: Visit) -> None:
    page = visit.open("index.html")
    # How long the page took to render the embedded data, reported (no test asserts a timing).
    ms = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
    (WORK / "timings.txt").write_text(f"index.html (timeline) loaded and rendered in {ms:.0f} ms\n")
    marks = page.evaluate(MARK_IDS)
    expected = cli_ids()
    assert len(marks) == len(expected) > 100
    assert sorted(marks) == sorted(expected)
    # Each mark links to its record's page, a file of the site.
    hrefs = page.evaluate("() => [...document.querySelectorAll('#chart a.mark')].map(a => [a.dataset.id, a.href])")
    for rid, href in hrefs:
        assert href.endswith(f"/{rid}.html") and pathlib.Path(href[len("file://"):]).is_file(), href
    assert page.locator("#count").inner_text().startswith(f"{len(expected)} of {len(expected)}")
    visit.shot("timeline-desktop")
    for zoom in ("month", "day"):
        page.click(f"[data-zoom={zoom}]")
        assert len(page.evaluate(MARK_IDS)) == len(expected)
        # Zooming never leaves the view on an empty stretch.
        visible = page.evaluate("""() => { const s = document.querySelector('.scroller').getBoundingClientRect();
          return [...document.querySelectorAll('#chart a.mark')].filter(a => { const r = a.getBoundingClientRect();
            return r.right > s.left && r.left < s.right; }).length; }""")
        assert visible > 0, zoom
    page.fill("#f-from", "2017-02-20")
    page.fill("#f-to", "2017-03-03")
    visit.shot("timeline-desktop-days")


def test_partial_dates_are_drawn_as_ranges_never_as_a_day(visit: Visit) -> None:
    page = visit.open("index.html")
    page.click("[data-zoom=day]")
    px = 48  # the day zoom's pixels per day (assets/timeline.js)
    widths = page.evaluate("() => Object.fromEntries([...document.querySelectorAll('#chart a.mark')]"
                           ".map(a => [a.dataset.id, a.getBoundingClientRect().width]))")
    coarse = day = 0
    for entry in json.loads(cli("timeline", "--json")):
        r = entry["record"]
        date = next((r[k] for k in ("date", "as_of", "said") if isinstance(r.get(k), dict)), None)
        if date is None and isinstance(r.get("period"), dict):
            date = r["period"]["start"]
        assert date is not None, r["id"]
        # Each mark covers the record's days: its dates narrowed by its anchors, as the CLI gives them.
        first = dt.date.fromisoformat(entry["days"]["first"])
        last = dt.date.fromisoformat(entry["days"]["last"])
        span = (last - first).days + 1
        if len(date["value"]) < 10:
            # A month or a year is never drawn as one day.
            assert span >= 2 and abs(widths[r["id"]] - span * px) < 1, (r["id"], widths[r["id"]], span)
            coarse += 1
        else:
            assert abs(widths[r["id"]] - span * px) < 1, (r["id"], widths[r["id"]], span)
            day += 1
    assert coarse > 0 and day > 0


def test_each_article_highlights_exactly_the_spans_the_export_lists(visit: Visit, export: Dict[str, Any]) -> None:
    by_source: Dict[str, Set[Tuple[int, int]]] = {}
    quotes: Dict[Tuple[str, int, int], str] = {}
    for _, r in records(export):
        for ev in evidence_of({k: v for k, v in r.items() if k != "text"}):
            key = (ev["span"]["start"], ev["span"]["end"])
            by_source.setdefault(ev["source"], set()).add(key)
            quotes[(ev["source"], *key)] = ev["quote"]
    sources = export["sources"]
    assert sources
    for s in sources:
        page = visit.open(f"articles/{s['id']}.html")
        got = page.evaluate(PIECES)
        assert got["text"] == s["text"], "the article is shown verbatim"
        spans: Dict[str, List[Tuple[int, int]]] = {}
        for start, end, ks, _ in got["pieces"]:
            for k in ks:
                spans.setdefault(k, []).append((start, end))
        shown = set()
        for k, pieces in spans.items():
            pieces.sort()
            for (_, e1), (s2, _) in zip(pieces, pieces[1:]):
                assert e1 == s2, f"span {k} has a gap"
            shown.add((pieces[0][0], pieces[-1][1]))
        expected = {(utf16(s["text"], a), utf16(s["text"], b)) for a, b in by_source.get(s["id"], set())}
        assert shown == expected, s["id"]
        # And each span reads as its quote.
        for a, b in by_source.get(s["id"], set()):
            u, v = utf16(s["text"], a), utf16(s["text"], b)
            assert got["text"].encode("utf-16-le")[2 * u:2 * v].decode("utf-16-le") == quotes[(s["id"], a, b)]
    visit.open(f"articles/{sources[0]['id']}.html")
    visit.shot("article-desktop")


def test_the_conversion_is_tested_on_non_ascii_text(export: Dict[str, Any]) -> None:
    # The articles' curly quotes and dashes put UTF-16 offsets behind byte offsets: the previous
    # test compares positions where the two differ.
    differ = 0
    for s in export["sources"]:
        for ev in evidence_of({k: v for k, v in s.items() if k != "text"}):
            differ += utf16(s["text"], ev["span"]["start"]) != ev["span"]["start"]
    for _, r in records(export):
        for ev in evidence_of(r if "file" not in r else {}):
            src = next(x for x in export["sources"] if x["id"] == ev["source"])
            differ += utf16(src["text"], ev["span"]["start"]) != ev["span"]["start"]
    assert differ > 50


def test_following_a_highlight_reaches_its_record(visit: Visit, export: Dict[str, Any]) -> None:
    for s in export["sources"]:
        n = visit.open(f"articles/{s['id']}.html").locator("a.hl").count()
        for i in sorted({0, n // 2, n - 1}):
            page = visit.open(f"articles/{s['id']}.html")
            hl = page.locator("a.hl").nth(i)
            words = hl.inner_text()
            supports = hl.get_attribute("data-records").split(" ")
            # Hovering names the records the words support, with links.
            hl.hover()
            popup = page.locator(".popup")
            assert popup.count() == 1
            assert len(popup.locator("a").all()) == len(supports)
            hl.click()
            page.wait_for_load_state("load")
            visit.check()
            rid = page.locator("h1").get_attribute("data-id")
            assert rid in supports
            assert re.search(rf"/(records|articles)/{re.escape(rid)}\.html$", page.url)
            # The record page quotes the words that were followed.
            assert words.strip() in page.locator("main").inner_text()
            if i == 0 and s is export["sources"][0]:
                visit.shot("record-desktop")


FilterCase = Tuple[Dict[str, str], List[str]]


def filter_cases(export: Dict[str, Any]) -> List[FilterCase]:
    """Filter settings and the CLI's answer for each (or, for processes, which the CLI has no
    flag for, the union of its answers for every round of the process)."""
    timeline = json.loads(cli("timeline", "--json"))
    involved = Counter(a["actor"] for e in export["events"] for a in e.get("actors", []))
    actors = [a for a, _ in involved.most_common(3)]
    kinds = Counter(e["record"].get("kind") for e in timeline if e["type"] == "event")
    word = kinds.most_common(1)[0][0]
    cases: List[FilterCase] = [
        ({"actor": a}, cli_ids("--actor", a)) for a in actors
    ]
    cases.append(({"kind": "type:quote"}, cli_ids("--kind", "quote")))
    cases.append(({"kind": f"word:{word}"}, cli_ids("--kind", word)))
    cases.append(({"from": "2016-02", "to": "2016-03"}, cli_ids("--from", "2016-02", "--to", "2016-03")))
    cases.append(({"from": "2017-02-23"}, cli_ids("--from", "2017-02-23")))
    cases.append(({"actor": actors[0], "from": "2016", "to": "2016"},
                  cli_ids("--actor", actors[0], "--from", "2016", "--to", "2016")))
    for process in sorted({r["process"] for r in export["rounds"]}):
        ids: Set[str] = set()
        for r in export["rounds"]:
            if r["process"] == process:
                ids.update(cli_ids("--round", r["id"]))
        cases.append(({"process": process}, sorted(ids)))
    return cases


def test_filters_change_the_count_as_the_query_api_says(visit: Visit, export: Dict[str, Any]) -> None:
    page = visit.open("index.html")
    total = len(page.evaluate(MARK_IDS))
    cases = filter_cases(export)
    changed = 0
    for settings, expected in cases:
        page.click("#f-reset")
        for field, value in settings.items():
            if field in ("from", "to"):
                page.fill(f"#f-{field}", value)
            else:
                page.select_option(f"#f-{field}", value)
        marks = page.evaluate(MARK_IDS)
        assert sorted(marks) == sorted(expected), settings
        assert page.locator("#count").inner_text().startswith(f"{len(expected)} of {total}")
        assert page.locator("#list li").count() == len(expected)
        changed += len(expected) != total
    assert changed >= len(cases) - 1, "the filters narrow the timeline"
    page.click("#f-reset")
    page.select_option("#f-actor", cases[0][0]["actor"])
    visit.shot("timeline-filtered-desktop")


def test_search_finds_records_and_article_words(visit: Visit, export: Dict[str, Any]) -> None:
    word = "Hardatneen"
    page = visit.open(f"search.html?q={word}")
    in_texts = sum(s["text"].lower().count(word.lower()) for s in export["sources"])
    assert page.locator("#text-hits li").count() == in_texts > 0
    hits = json.loads(cli("search", word, "--json"))
    # Every record the CLI's search finds the word in (sources: in their text, listed below).
    record_ids = {h["record"]["record"]["id"] for h in hits if h["record"]["type"] != "source"}
    shown = page.evaluate("() => [...document.querySelectorAll('#record-hits code')].map(c => c.textContent)")
    assert record_ids and set(shown) >= record_ids
    visit.shot("search-desktop")


def test_index_pages_list_every_actor_and_place(visit: Visit, export: Dict[str, Any]) -> None:
    for page_name, key in (("actors.html", "actors"), ("places.html", "places")):
        page = visit.open(page_name)
        assert page.locator("table.index tbody tr").count() == len(export[key])
        visit.shot(f"{key}-desktop")


def test_keyboard_reaches_the_evidence_and_focus_is_visible(visit: Visit, export: Dict[str, Any]) -> None:
    page = visit.open(f"articles/{export['sources'][0]['id']}.html")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    first = page.locator("a.hl").first
    first.focus()
    assert page.locator(".popup").count() == 1
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # Tab enters the popup's list of records, and Tab past its end reaches the next highlight.
    n = page.locator(".popup a").count()
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.popup')")
    for _ in range(n - 1):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('hl')")
    assert page.evaluate("() => document.activeElement === document.querySelectorAll('a.hl')[1]")
    # Enter follows the focused highlight to its record.
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert "/records/" in page.url or "/articles/" in page.url


@pytest.mark.parametrize("name", ["index.html", "articles.html", "search.html?q=Geneva", "actors.html"])
def test_pages_fit_a_360_pixel_screen(narrow: Visit, name: str, export: Dict[str, Any]) -> None:
    page = narrow.open(name)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, name
    narrow.shot("mobile-" + re.sub(r"\W+", "-", name))


def test_record_and_article_pages_fit_a_360_pixel_screen(narrow: Visit, export: Dict[str, Any]) -> None:
    targets = [f"articles/{export['sources'][0]['id']}.html"]
    targets += [f"records/{export[k][0]['id']}.html" for k in ("rounds", "events", "figures", "quotes", "actors")]
    for t in targets:
        page = narrow.open(t)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, t
    narrow.open(targets[0])
    narrow.shot("mobile-article")
    narrow.open(targets[1])
    narrow.shot("mobile-record")


def test_every_page_opens_without_console_errors(visit: Visit, site: pathlib.Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 200
    for rel in pages:
        visit.open(rel)


# WCAG 2 contrast of every element that holds text, against the first opaque background behind it
# (colours only: the hatching patterns are drawn lighter than the text's background).
CONTRAST = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const bg = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) bad.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2) + ' ' + el.textContent.slice(0, 30));
  }
  return bad;
}"""


def test_text_has_sufficient_contrast(visit: Visit, export: Dict[str, Any]) -> None:
    pages = ["index.html", f"articles/{export['sources'][0]['id']}.html",
             f"records/{export['rounds'][0]['id']}.html", "actors.html", "search.html?q=Geneva"]
    for name in pages:
        page = visit.open(name)
        if name == "index.html":
            page.click("[data-zoom=day]")  # marks wide enough to carry their labels
        assert page.evaluate(CONTRAST) == [], name
