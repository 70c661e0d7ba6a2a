"""Every query function and every filter, with exact counts, on the tiny dataset in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import syriatalks as st


def ids(records: Any) -> list[str]:
    return [r.id for r in records]


def test_counts(tiny: st.Dataset) -> None:
    assert tiny.counts() == {
        "source": 2,
        "actor": 4,
        "place": 3,
        "round": 1,
        "event": 3,
        "figure": 2,
        "quote": 1,
        "position": 1,
        "instrument": 1,
    }
    assert tiny.data_version is None and not tiny.is_embedded
    assert "user dataset" in repr(tiny)


def test_each_type(tiny: st.Dataset) -> None:
    assert ids(tiny.sources()) == ["src-disarray", "src-geneva-iv"]
    assert ids(tiny.actors()) == ["de-mistura", "jaafari", "russia", "washington"]
    assert ids(tiny.places()) == ["aleppo", "hardatneen", "geneva"]
    assert ids(tiny.rounds()) == ["geneva-iii"]
    assert ids(tiny.events()) == ["talks-under-way", "hardatneen-taken", "opposition-meeting-cancelled"]
    assert ids(tiny.figures()) == ["deaths-450000", "conflict-years-five"]
    assert ids(tiny.quotes()) == ["jaafari-nothing-clear"]
    assert ids(tiny.positions()) == ["washington-no-preconditions"]
    assert ids(tiny.instruments()) == ["draft-sanctions-2017"]


def test_since_and_until_by_overlap(tiny: st.Dataset) -> None:
    # The meeting is dated only "2016-02": it touches any range within February.
    assert ids(tiny.events(since="2016-02-02")) == ["hardatneen-taken", "opposition-meeting-cancelled"]
    assert ids(tiny.events(until="2016-02-01")) == ["talks-under-way", "opposition-meeting-cancelled"]
    assert ids(tiny.events(since="2016-02-15", until="2016-02-20")) == ["opposition-meeting-cancelled"]
    assert ids(tiny.events(since="2016-03")) == []
    # A year-precision figure (2017) matches a day in 2017 but not 2016.
    assert ids(tiny.figures(since="2017-06-01", until="2017-06-01")) == ["deaths-450000"]
    assert ids(tiny.figures(until="2016")) == ["conflict-years-five"]


@pytest.mark.parametrize(
    "value",
    ["2016-02-02", "2016-02-02 ", dt.date(2016, 2, 2), dt.datetime(2016, 2, 2, 12, 0), st.PartialDate.parse("2016-02-02")],
)
def test_date_filter_types(tiny: st.Dataset, value: Any) -> None:
    assert ids(tiny.events(since=value)) == ["hardatneen-taken", "opposition-meeting-cancelled"]


def test_year_as_int(tiny: st.Dataset) -> None:
    assert ids(tiny.figures(since=2017)) == ["deaths-450000"]


def test_actor_filter(tiny: st.Dataset) -> None:
    assert ids(tiny.events(actor="de-mistura")) == ["talks-under-way", "opposition-meeting-cancelled"]
    assert ids(tiny.events(actor="STAFFAN DE MISTURA")) == ids(tiny.events(actor="de-mistura"))
    assert ids(tiny.events(actor="De Mistura")) == ids(tiny.events(actor="de-mistura"))
    mistura = tiny.actor("de-mistura")
    assert mistura is not None
    assert ids(tiny.events(actor=mistura)) == ids(tiny.events(actor="de-mistura"))
    assert ids(tiny.quotes(actor="Bashar Jaafari")) == ["jaafari-nothing-clear"]
    assert ids(tiny.positions(actor="washington")) == ["washington-no-preconditions"]
    assert ids(tiny.rounds(actor="de-mistura")) == ["geneva-iii"]
    assert ids(tiny.instruments(actor="russia")) == ["draft-sanctions-2017"]


def test_kind_filter(tiny: st.Dataset) -> None:
    assert ids(tiny.events(kind="capture")) == ["hardatneen-taken"]
    assert ids(tiny.events(kind=st.EventKind.CAPTURE)) == ["hardatneen-taken"]
    assert ids(tiny.events(kind="Talks Opened")) == ["talks-under-way"]
    assert ids(tiny.figures(kind=st.Measure.DEATHS)) == ["deaths-450000"]
    assert ids(tiny.positions(kind=st.Topic.PRECONDITIONS)) == ["washington-no-preconditions"]
    assert ids(tiny.rounds(kind="astana")) == []
    assert ids(tiny.actors(kind="state")) == ["russia", "washington"]
    assert ids(tiny.places(kind=st.PlaceKind.VILLAGE)) == ["hardatneen"]
    assert ids(tiny.instruments(kind="draft_resolution")) == ["draft-sanctions-2017"]


def test_place_filter_includes_places_within(tiny: st.Dataset) -> None:
    assert ids(tiny.events(place="aleppo")) == ["hardatneen-taken"]
    assert ids(tiny.events(place="Hardatneen")) == ["hardatneen-taken"]
    assert ids(tiny.places(place="aleppo")) == ["aleppo", "hardatneen"]
    assert ids(tiny.quotes(place="geneva")) == ["jaafari-nothing-clear"]


def test_round_filter(tiny: st.Dataset) -> None:
    assert ids(tiny.events(round="geneva-iii")) == ["talks-under-way", "opposition-meeting-cancelled"]
    assert ids(tiny.events(round="Geneva talks")) == ids(tiny.events(round="geneva-iii"))
    r = tiny.round("geneva-iii")
    assert r is not None
    assert ids(tiny.quotes(round=r)) == ["jaafari-nothing-clear"]


def test_source_filter(tiny: st.Dataset) -> None:
    assert ids(tiny.figures(source="src-geneva-iv")) == ["deaths-450000"]
    assert ids(tiny.figures(source="000_d096729302f96f2b.txt")) == ["deaths-450000"]
    assert ids(tiny.figures(source="000_d096729302f96f2b")) == ["deaths-450000"]
    assert ids(tiny.sources(source="src-geneva-iv")) == ["src-geneva-iv"]
    src = tiny.source("src-geneva-iv")
    assert src is not None
    assert ids(tiny.instruments(source=src)) == ["draft-sanctions-2017"]


def test_text_filter(tiny: st.Dataset) -> None:
    assert ids(tiny.events(text="hardatneen")) == ["hardatneen-taken"]
    assert ids(tiny.events(text="SCHEDULED with")) == ["opposition-meeting-cancelled"]  # in the evidence
    assert ids(tiny.events(text="  ")) == ids(tiny.events())


def test_filters_combine(tiny: st.Dataset) -> None:
    assert ids(tiny.events(actor="de-mistura", kind="meeting_cancelled", since="2016-02")) == ["opposition-meeting-cancelled"]
    assert ids(tiny.events(actor="de-mistura", place="aleppo")) == []
    assert ids(tiny.events(since=None, actor=None)) == ids(tiny.events())


def test_timeline(tiny: st.Dataset) -> None:
    assert ids(tiny.timeline()) == [
        "opposition-meeting-cancelled",
        "geneva-iii",
        "talks-under-way",
        "hardatneen-taken",
        "conflict-years-five",
        "jaafari-nothing-clear",
        "washington-no-preconditions",
        "deaths-450000",
    ]
    assert ids(tiny.timeline(kind="quote")) == ["jaafari-nothing-clear"]
    assert ids(tiny.timeline(kind="capture")) == ["hardatneen-taken"]
    assert ids(tiny.timeline(actor="de-mistura")) == ["opposition-meeting-cancelled", "geneva-iii", "talks-under-way"]
    assert ids(tiny.timeline(since="2017")) == ["deaths-450000"]


def test_in_session(tiny: st.Dataset) -> None:
    assert ids(tiny.in_session("2016-02-01")) == ["geneva-iii"]
    assert ids(tiny.in_session("2016-02")) == ["geneva-iii"]
    assert ids(tiny.in_session(dt.date(2016, 2, 2))) == []
    assert ids(tiny.in_session(st.PartialDate.parse("2016"))) == ["geneva-iii"]


def test_figure_series(tiny: st.Dataset) -> None:
    assert ids(tiny.figure_series("deaths")) == ["deaths-450000"]
    assert ids(tiny.figure_series(st.Measure.CONFLICT_YEARS)) == ["conflict-years-five"]
    assert ids(tiny.figure_series("refugees")) == []


def test_resolve_actor(tiny: st.Dataset) -> None:
    found = tiny.resolve_actor("Jaafari")
    assert [(c.actor.id, c.how) for c in found] == [("jaafari", st.MatchKind.WORDS)]
    assert found[0].matched == "Bashar Jaafari" and 0 < found[0].score < 1
    assert tiny.resolve_actor("de-mistura")[0].how is st.MatchKind.EXACT
    assert tiny.resolve_actor("Mistrua")[0].actor.id == "de-mistura"
    assert tiny.resolve_actor("") == []


def test_search(tiny: st.Dataset) -> None:
    hits = tiny.search("Hardatneen")
    # Two hits in each record (a field and its evidence quote), then one in the article's text.
    # The field names are the core's (e.g. "summary", "evidence.quote").
    assert [h.record.id for h in hits] == ["hardatneen", "hardatneen", "hardatneen-taken", "hardatneen-taken", "src-disarray"]
    assert [h.field == "text" for h in hits] == [False, False, False, False, True]
    assert all("quote" in h.field for h in hits[1:4:2])
    for h in hits[:4]:
        assert "Hardatneen" in h.snippet
    text_hit = hits[-1]
    assert isinstance(text_hit.record, st.Source)
    assert text_hit.record.text.encode()[text_hit.span.start : text_hit.span.end] == b"Hardatneen"
    assert hits.ids[0] == "hardatneen"


def test_get_and_typed_getters(tiny: st.Dataset) -> None:
    assert isinstance(tiny.get("hardatneen-taken"), st.Event)
    assert tiny.get("nothing") is None
    assert isinstance(tiny.source("src-disarray"), st.Source)
    assert isinstance(tiny.actor("jaafari"), st.Actor)
    assert isinstance(tiny.place("aleppo"), st.Place)
    assert isinstance(tiny.round("geneva-iii"), st.Round)
    assert isinstance(tiny.event("talks-under-way"), st.Event)
    assert isinstance(tiny.figure("deaths-450000"), st.Figure)
    assert isinstance(tiny.quote("jaafari-nothing-clear"), st.Quote)
    assert isinstance(tiny.position("washington-no-preconditions"), st.Position)
    assert isinstance(tiny.instrument("draft-sanctions-2017"), st.Instrument)
    assert tiny.event("aleppo") is None


def test_select_accepts_names_enums_and_classes(tiny: st.Dataset) -> None:
    assert tiny.select("event") == tiny.select(st.RecordKind.EVENT) == tiny.select(st.Event) == tiny.events()


def test_load_with_embedded(tmp_path: Path) -> None:
    # A user's records on top of the embedded ones may cite the embedded articles.
    (tmp_path / "mine.toml").write_text(
        """
[[event]]
id = "pytest-extra-opposition-threat"
kind = "boycott"
date = { value = "2016-02-02", basis = "inferred", note = "Reported that day." }
summary = "The opposition threatens to walk out of the Geneva talks"
evidence = [{ source = "src-2016-02-disarray", quote = "The opposition is threatening to walk out of the Geneva talks" }]
""",
        encoding="utf-8",
    )
    ds = st.load(tmp_path, with_embedded=True)
    assert ds.counts()["event"] == st.counts()["event"] + 1
    assert ids(ds.events(kind="boycott", source="src-2016-02-disarray", since="2016-02-02", until="2016-02-02"))[-1] == "pytest-extra-opposition-threat"
    ev = ds.event("pytest-extra-opposition-threat")
    assert ev is not None and [s.id for s in ev.sources] == ["src-2016-02-disarray"]
    # Alone, the same file cites a source it does not have.
    with pytest.raises(st.LoadError) as info:
        st.load(tmp_path)
    assert info.value.mentions("pytest-extra-opposition-threat")
    assert info.value.of_kind("unknown_reference")


def test_search_is_bounded_and_says_when_there_is_more() -> None:
    some = st.search("Geneva", limit=3)
    assert len(some) == 3 and some.more
    every = st.search("Hardatneen")
    assert every and not every.more
    assert len(st.search("Geneva")) <= 1000
