"""Corroboration, anchored dates and certain/possible ranges from Python: the same answers as the
core crate's, typed results, and typed errors."""

from __future__ import annotations

import datetime as dt
import pickle
import typing

import pytest

import syriatalks as st


def test_claims_shows_the_death_tolls_side_by_side() -> None:
    h = st.claims("death-toll")
    assert isinstance(h, st.Happening)
    assert h.key == "death-toll"
    assert h.sources == len({r.evidence[0].source for r in h.attestations}) >= 4
    assert all(isinstance(r, st.Figure) and r.happening == "death-toll" for r in h.attestations)
    claimants = {r.id: r.claimed_by for r in h.attestations}
    assert claimants["a004-fig-deaths-400000"] == ("united-nations",)
    value = next(c for c in h.conflicts if c.field == "value")
    assert isinstance(value, st.Conflict) and value.note
    assert {i for s in value.sides for i in s.records} == set(claimants)
    for side in value.sides:
        assert isinstance(side, st.Side)
        assert side.evidence and all(e.article is not None for e in side.evidence)
    # Any attestation, or the record object itself, names the happening.
    assert st.claims("a001-fig-deaths-470000") == h
    assert st.claims(st.figure("a001-fig-deaths-470000")) == h  # type: ignore[arg-type]
    assert typing.get_type_hints(st.Happening)["sources"] is int


def test_a_record_sharing_no_happening_stands_alone() -> None:
    alone = st.claims("a002-ev-hardatneen-captured")
    assert alone.key is None and len(alone.attestations) == 1
    assert st.attestations("a002-ev-hardatneen-captured") == []
    with pytest.raises(st.NotFoundError) as e:
        st.claims("death toll")
    assert "death-toll" in str(e.value)


def test_attestations_name_the_other_conflict_starts() -> None:
    others = sorted(r.id for r in st.attestations("a000-ev-conflict-began"))
    assert others == ["a001-ev-conflict-began", "a002-ev-conflict-began", "a003-ev-conflict-began", "a004-ev-war-began"]
    began = st.claims("conflict-began")
    assert began.conflicts == () and "date" in began.agree


def test_collapse_folds_each_happening_into_its_first_row() -> None:
    rows = st.timeline(kind="conflict_began")
    collapsed = st.collapse(rows)
    assert len(collapsed) == 1
    record, n = collapsed[0]
    assert record.id == rows[0].id and n == 5


def test_dates_filter_keeps_possible_or_certain_records() -> None:
    window = dict(since="2016-02-01", until="2016-02-03")
    possible = st.events(**window)  # type: ignore[arg-type]
    certain = st.events(**window, dates="certain")  # type: ignore[arg-type]
    assert st.events(**window, dates=st.Certainty.POSSIBLE) == possible  # type: ignore[arg-type]
    assert 0 < len(certain) < len(possible)
    for e in possible:
        fit = st.date_fit(e, "2016-02-01", "2016-02-03")
        assert fit in (st.Certainty.CERTAIN, st.Certainty.POSSIBLE)
        assert (e in certain) == (fit == st.Certainty.CERTAIN)
    assert st.date_fit(st.event("a000-ev-east-aleppo-recaptured"), "2016-02-01", "2016-02-03") == "possible"  # type: ignore[arg-type]
    with pytest.raises(st.UnknownKindError):
        st.events(**window, dates="sure")  # type: ignore[arg-type]


def test_anchors_and_days() -> None:
    same_table = st.event("a000-ev-same-table")
    assert same_table is not None
    assert same_table.date.during == "geneva-iv-2017"
    assert same_table.date.text == "2017"
    first, last = st.days(same_table) or (None, None)
    assert first == dt.date(2017, 2, 23) and last is not None and last < dt.date(2017, 7, 1)
    ids = [r.id for r in st.timeline()]
    assert ids.index("a000-ev-same-table") > ids.index("geneva-iv-2017")
    assert st.days(st.get("syria")) is None  # type: ignore[arg-type]


def test_sessions_on_says_certain_or_possible() -> None:
    on = {r.id: c for r, c in st.sessions_on("2016-02-02")}
    assert on == {"geneva-iii-2016": st.Certainty.CERTAIN}
    feb28 = {r.id: str(c) for r, c in st.sessions_on(dt.date(2017, 2, 28))}
    assert feb28.get("geneva-iv-2017") == "possible" and "astana-2017" not in feb28
    assert [r.id for r in st.in_session("2017-02-28")] == list(feb28)
    order = [r.id for r in st.rounds_in_order()]
    assert order.index("vienna-2015") < order.index("geneva-iii-2016")
    assert sorted(order) == sorted(r.id for r in st.rounds())


def test_happenings_pickle_and_compare() -> None:
    h = st.claims("displacement")
    assert pickle.loads(pickle.dumps(h)) == h
    assert h.conflicts == ()
