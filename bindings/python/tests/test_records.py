"""Record classes: immutability, equality, hashing, repr, to_dict, dates, evidence, HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

import syriatalks as st


def test_records_are_immutable(tiny: st.Dataset) -> None:
    ev = tiny.event("hardatneen-taken")
    assert ev is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.summary = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.date.text = "2020"  # type: ignore[misc]
    assert isinstance(ev.places, tuple) and isinstance(ev.evidence, tuple)


def test_equality_and_hashing(tiny: st.Dataset, tiny_path: object) -> None:
    a = tiny.events()
    b = st.load(tiny_path).events()  # type: ignore[arg-type]
    assert a == b
    assert {hash(x) for x in a} == {hash(x) for x in b}
    assert len(set(a) | set(b)) == 3
    assert a[0] != a[1]
    assert {tiny.get("aleppo"): 1}[tiny.place("aleppo")] == 1


def test_repr_is_short(tiny: st.Dataset) -> None:
    ev = tiny.event("opposition-meeting-cancelled")
    assert repr(ev) == "<Event opposition-meeting-cancelled 2016-02: The main opposition group cancels a meeting wit…>"
    assert repr(tiny.actor("jaafari")) == "<Actor jaafari: Bashar Jaafari>"
    assert len(repr(tiny.source("src-disarray"))) < 120
    assert repr(st.PartialDate.parse("2016")) == "PartialDate('2016')"
    assert repr(st.EventKind.VETO) == "EventKind.VETO"
    assert "more" in repr(st.RecordList(range(10)))


def test_to_dict_matches_export(tiny: st.Dataset) -> None:
    export = json.loads(tiny.to_json())
    for kind, key in [("event", "events"), ("figure", "figures"), ("source", "sources"), ("round", "rounds")]:
        assert [r.to_dict() for r in tiny.select(kind)] == export[key]
    d = tiny.events()[0].to_dict()
    d["summary"] = "mutated"
    assert tiny.events()[0].to_dict()["summary"] != "mutated"


def test_partial_dates_are_honest(tiny: st.Dataset) -> None:
    fig = tiny.figure("deaths-450000")
    assert fig is not None and fig.as_of is not None
    d = fig.as_of
    assert (d.year, d.month, d.day) == (2017, None, None)
    assert d.precision is st.Precision.YEAR
    assert d.date is None  # never 1 January
    assert (d.start, d.end) == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    assert d.basis is st.Basis.INFERRED and d.note
    m = tiny.event("opposition-meeting-cancelled")
    assert m is not None
    assert m.date.precision is st.Precision.MONTH and m.date.month == 2 and m.date.end == dt.date(2016, 2, 29)
    day = tiny.event("hardatneen-taken")
    assert day is not None
    assert day.date.date == dt.date(2016, 2, 2) and day.date.precision == "day"
    assert day.date.basis is st.Basis.DERIVED
    der = day.date.derivation
    assert der is not None and der.from_ == "src-disarray" and der.weekday == "tuesday"
    assert der.relation is st.Relation.ON_OR_BEFORE
    assert day.date.quote == "on Tuesday took the village"
    assert day.date.cited is not None and day.date.cited.quote == "on Tuesday took the village"
    assert str(day.date) == day.date.isoformat() == "2016-02-02"
    src = tiny.source("src-geneva-iv")
    assert src is not None and src.published is not None
    assert str(src.published) == "early 2017-03" and src.published.qualifier is st.DateQualifier.EARLY


def test_period(tiny: st.Dataset) -> None:
    r = tiny.round("geneva-iii")
    assert r is not None and r.period is not None
    assert r.period.first == r.period.last == dt.date(2016, 2, 1)
    assert r.period.end is None and str(r.period) == "2016-02-01"
    assert r.when == (dt.date(2016, 2, 1), dt.date(2016, 2, 1))


def test_evidence_and_sources(tiny: st.Dataset) -> None:
    ev = tiny.event("talks-under-way")
    assert ev is not None
    assert [e.quote for e in ev.evidence] == ["De Mistura declared the talks officially under way late Monday"]
    assert [e.quote for e in ev.all_evidence] == [ev.evidence[0].quote, "late Monday"]
    e = ev.evidence[0]
    assert e.source == "src-disarray" and e.span is not None and e.span.end - e.span.start == len(e.quote.encode())
    assert e.article == tiny.source("src-disarray")
    assert e.char_span is not None and e.article is not None
    assert e.article.text[e.char_span.start : e.char_span.end] == e.quote
    assert e.cite().startswith("“De Mistura declared") and "Luis Ramirez" in e.cite()
    assert [s.id for s in ev.sources] == ["src-disarray"]
    assert ev.label == ev.summary and ev.kind_word == "talks_opened"
    # Curly quotes: byte and character offsets differ in the Geneva IV article.
    instr = tiny.instrument("draft-sanctions-2017")
    assert instr is not None
    e2 = instr.evidence[0]
    assert e2.span is not None and e2.char_span is not None and e2.article is not None
    assert e2.char_span.start < e2.span.start
    assert e2.article.text[e2.char_span.start : e2.char_span.end] == e2.quote
    detached = st.Evidence("x", "y")
    assert detached.article is None and detached.char_span is None and detached.cite() == "“y” — x"


def test_fields_are_typed(tiny: st.Dataset) -> None:
    a = tiny.actor("de-mistura")
    assert a is not None
    assert a.kind is st.ActorKind.PERSON and a.kind == "person"
    assert a.aliases == ("De Mistura",)
    assert a.roles[0].title == "U.N. envoy" and a.roles[0].as_of is not None
    ev = tiny.event("hardatneen-taken")
    assert ev is not None
    assert ev.actors == (st.Participant("russia", st.ParticipantRole.SUPPORTER),)
    fig = tiny.figure("deaths-450000")
    assert fig is not None and fig.value == 450000 and fig.qualifier is st.Qualifier.MORE_THAN
    assert fig.kind_word == "deaths"
    src = tiny.source("src-disarray")
    assert src is not None and src.author is not None and src.author.value == "Luis Ramirez"
    assert src.author.cited is not None and src.author.cited.quote == "by Luis Ramirez"
    assert len(src.sha256) == 64 and "Hardatneen" in src.text
    assert src.evidence == src.all_evidence
    assert "Luis Ramirez" in src.citation()
    r = tiny.round("geneva-iii")
    assert r is not None and r.kind_word == "geneva" and r.mediators == ("de-mistura",)
    q = tiny.quote("jaafari-nothing-clear")
    assert q is not None and q.speaker == "jaafari" and q.main_date == q.said
    p = tiny.position("washington-no-preconditions")
    assert p is not None and p.topic is st.Topic.PRECONDITIONS and p.kind_word == "preconditions"
    i = tiny.instrument("draft-sanctions-2017")
    assert i is not None and i.absent == ("russia",) and i.main_date is None
    pl = tiny.place("hardatneen")
    assert pl is not None and pl.within == "aleppo" and pl.when is None and pl.main_date is None


def test_enums_are_strings() -> None:
    assert st.EventKind.VETO == "veto" and str(st.EventKind.VETO) == "veto"
    assert st.EventKind("veto") is st.EventKind.VETO


def test_record_html(tiny: st.Dataset) -> None:
    ev = tiny.event("hardatneen-taken")
    assert ev is not None
    html = ev._repr_html_()
    assert "<table" in html and "hardatneen-taken" in html
    assert "government forces on Tuesday took the village of Hardatneen" in html  # the evidence quote
    assert "Syria Talks Plunge Into Disarray on 2nd Day" in html  # its source
    assert "derived" in html
    src = tiny.source("src-disarray")
    assert src is not None and "characters" in src._repr_html_()
    fig = tiny.figure("deaths-450000")
    assert fig is not None and "more_than" in fig._repr_html_()


def test_list_html(tiny: st.Dataset) -> None:
    html = tiny.timeline()._repr_html_()
    assert html.count("<tr>") == 1 + 8
    assert "8 results" in html and "deaths-450000" in html
    assert "snippet" in tiny.search("Aleppo")._repr_html_()
    assert "score" in tiny.resolve_actor("jaafari")._repr_html_()
    assert "1 result<" in tiny.rounds()._repr_html_()


def test_pickle_and_deepcopy(tiny: st.Dataset) -> None:
    import copy
    import pickle

    ev = tiny.event("hardatneen-taken")
    assert ev is not None
    for clone in (pickle.loads(pickle.dumps(ev)), copy.deepcopy(ev)):
        assert clone == ev and hash(clone) == hash(ev)
        assert clone.to_dict() == ev.to_dict() and clone.all_evidence == ev.all_evidence
        assert clone.sources == () and clone.evidence[0].article is None
    assert ev.sources  # the original keeps its dataset
    assert pickle.loads(pickle.dumps(tiny.timeline())) == tiny.timeline()
