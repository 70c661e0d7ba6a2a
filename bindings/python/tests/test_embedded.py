"""The module-level API over the embedded dataset. The data is still growing, so these tests hold
for any correct data: they use ids that are guaranteed to exist and check properties, not counts."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import syriatalks as st


def test_versions() -> None:
    assert st.__version__
    assert st.DATA_VERSION == st.embedded().data_version
    assert st.embedded().is_embedded
    assert st.embedded() is st.embedded()


def test_counts_match_queries() -> None:
    counts = st.counts()
    assert list(counts) == [k.value for k in st.RecordKind]
    assert counts["source"] == len(st.sources()) >= 5
    assert counts["actor"] == len(st.actors())
    assert counts["place"] == len(st.places())
    assert counts["round"] == len(st.rounds())
    assert counts["event"] == len(st.events())
    assert counts["figure"] == len(st.figures())
    assert counts["quote"] == len(st.quotes())
    assert counts["position"] == len(st.positions())
    assert counts["instrument"] == len(st.instruments())
    assert "embedded data" in repr(st.embedded())


@pytest.mark.parametrize(
    ("function", "cls"),
    [
        (st.sources, st.Source),
        (st.actors, st.Actor),
        (st.places, st.Place),
        (st.rounds, st.Round),
        (st.events, st.Event),
        (st.figures, st.Figure),
        (st.quotes, st.Quote),
        (st.positions, st.Position),
        (st.instruments, st.Instrument),
    ],
)
def test_every_record_function_returns_its_class(function: object, cls: type) -> None:
    found = function()  # type: ignore[operator]
    assert isinstance(found, st.RecordList)
    assert all(type(r) is cls for r in found)
    assert st.select(cls) == found
    assert st.select(cls.type.value) == found  # type: ignore[attr-defined]


def test_known_ids_exist() -> None:
    src = st.source("src-2016-02-disarray")
    assert src is not None and src.title.value == "Syria Talks Plunge Into Disarray on 2nd Day"
    assert src.published is not None and src.published.date == dt.date(2016, 2, 2)
    mistura = st.actor("staffan-de-mistura")
    assert mistura is not None and mistura.name == "Staffan de Mistura"
    geneva_iv = st.round("geneva-iv-2017")
    assert geneva_iv is not None and geneva_iv.process is st.Process.GENEVA
    assert st.get("geneva-iv-2017") == geneva_iv
    assert st.get("no-such-id") is None
    assert st.actor("geneva-iv-2017") is None  # wrong type


def test_every_evidence_quote_is_where_its_span_says() -> None:
    for r in st.timeline() + st.actors() + st.places() + st.sources():
        for ev in r.all_evidence:
            src = st.source(ev.source)
            assert src is not None
            assert ev.span is not None
            assert src.text.encode("utf-8")[ev.span.start : ev.span.end].decode("utf-8") == ev.quote
            cs = ev.char_span
            assert cs is not None and src.text[cs.start : cs.end] == ev.quote
        assert set(r.sources) <= set(st.sources())


def test_record_sources_are_the_articles() -> None:
    r = st.round("geneva-iv-2017")
    assert r is not None and r.sources
    assert all(isinstance(s, st.Source) for s in r.sources)
    assert {s.id for s in r.sources} == {ev.source for ev in r.all_evidence}


def test_in_session() -> None:
    on = st.in_session("2017-02-23")
    assert "geneva-iv-2017" in on.ids
    assert st.in_session(dt.date(2017, 2, 23)) == on
    assert all(r.status is st.RoundStatus.HELD for r in on)
    assert st.in_session("1990") == []


def test_timeline_is_chronological() -> None:
    # In the order of each record's days: its dates narrowed by its anchors.
    t = st.timeline()
    assert all(r.main_date is not None for r in t)
    starts = [st.days(r) for r in t]
    assert all(d is not None for d in starts)
    firsts = [d[0] for d in starts if d is not None]
    assert firsts == sorted(firsts)


def test_resolve_actor_ranks_candidates() -> None:
    best = st.resolve_actor("Mistrua")[0]
    assert best.actor.id == "staffan-de-mistura"
    assert best.how is st.MatchKind.FUZZY
    exact = st.resolve_actor("staffan de mistura")[0]
    assert exact.how is st.MatchKind.EXACT and exact.score == 1.0
    assert st.resolve_actor("zzzzzz") == []


def test_search_returns_spans_in_the_article() -> None:
    hits = st.search("Hardatneen")
    in_text = [h for h in hits if h.field == "text"]
    assert in_text
    src = in_text[0].record
    assert isinstance(src, st.Source)
    assert src.text.encode()[in_text[0].span.start : in_text[0].span.end].decode() == "Hardatneen"
    assert "Hardatneen" in in_text[0].snippet
    assert st.search("   ") == []


def test_figure_series_deaths() -> None:
    tolls = st.figure_series("deaths")
    assert tolls == st.figure_series(st.Measure.DEATHS)
    assert all(f.measure is st.Measure.DEATHS for f in tolls)


def test_to_json_is_the_export_shape() -> None:
    data = json.loads(st.embedded().to_json())
    assert {s["id"] for s in data["sources"]} == {s.id for s in st.sources()}
    first = st.sources()[0]
    assert data["sources"][0] == first.to_dict()


def test_filters_on_embedded_data() -> None:
    assert all(r.process is st.Process.GENEVA for r in st.rounds(kind="geneva"))
    assert st.rounds(kind=st.Process.GENEVA) == st.rounds(kind="geneva")
    by_source = st.select("round", source="src-2017-geneva-iv-begins")
    assert "geneva-iv-2017" in by_source.ids
    assert st.select("round", source="000_d096729302f96f2b.txt") == by_source
    assert st.sources(since="2016", until="2016") == st.sources(since=dt.date(2016, 1, 1), until=dt.date(2016, 12, 31))
