"""Every error path of a query: typed exceptions that name what was wrong and what is valid."""

from __future__ import annotations

from typing import Any

import pytest

import syriatalks as st


def test_hierarchy() -> None:
    assert issubclass(st.LoadError, st.Error)
    assert issubclass(st.FilterError, st.Error)
    for cls in (st.UnknownKindError, st.NotFoundError, st.DateError, st.EmptyRangeError):
        assert issubclass(cls, st.FilterError) and issubclass(cls, ValueError)
    for cls in (st.UnknownFilterError, st.FilterTypeError):
        assert issubclass(cls, st.FilterError) and issubclass(cls, TypeError)
    assert issubclass(st.MissingDependencyError, ImportError)


def test_unknown_keyword_lists_the_valid_names(tiny: st.Dataset) -> None:
    with pytest.raises(st.UnknownFilterError) as info:
        tiny.events(sinse="2016")  # type: ignore[call-arg]
    assert info.value.name == "sinse"
    assert info.value.valid == st.FILTERS == ("since", "until", "actor", "kind", "place", "round", "source", "text", "speaker", "dates")
    assert "since, until, actor" in str(info.value)
    with pytest.raises(TypeError):
        st.events(colour="red")  # type: ignore[call-arg]
    with pytest.raises(st.UnknownFilterError):
        st.to_dataframe(tiny.events(), kind="veto")


@pytest.mark.parametrize("value", [3.5, b"2016", ["2016"], object()])
def test_wrong_value_type(tiny: st.Dataset, value: Any) -> None:
    with pytest.raises(st.FilterTypeError) as info:
        tiny.events(since=value)
    assert info.value.name == "since"
    with pytest.raises(TypeError):
        tiny.events(actor=value)


def test_bool_is_not_a_year(tiny: st.Dataset) -> None:
    with pytest.raises(st.FilterTypeError):
        tiny.events(since=True)


def test_unknown_kind_lists_the_vocabulary(tiny: st.Dataset) -> None:
    with pytest.raises(st.UnknownKindError) as info:
        tiny.events(kind="vetoed")
    assert info.value.word == "vetoed"
    assert info.value.record_type == "event"
    assert "veto" in info.value.valid and "talks_opened" in info.value.valid
    assert isinstance(info.value, ValueError)
    with pytest.raises(st.UnknownKindError) as info:
        tiny.sources(kind="news")
    assert "no kind" in str(info.value)
    with pytest.raises(st.UnknownKindError) as info:
        tiny.timeline(kind="nothing")
    assert "quote" in info.value.valid and "veto" in info.value.valid
    with pytest.raises(st.UnknownKindError) as info:
        tiny.figure_series("death")
    assert "deaths" in info.value.valid
    with pytest.raises(st.UnknownKindError):
        tiny.select("evnt")


@pytest.mark.parametrize("what", ["actor", "place", "round", "source"])
def test_unknown_names(tiny: st.Dataset, what: str) -> None:
    with pytest.raises(st.NotFoundError) as info:
        tiny.events(**{what: "Nobody At All"})
    assert info.value.what == what
    assert info.value.name == "Nobody At All"
    assert f"no {what} matches" in str(info.value)


def test_not_found_suggests(tiny: st.Dataset) -> None:
    with pytest.raises(st.NotFoundError) as info:
        tiny.events(actor="Mistrua")
    assert info.value.suggestions == ("Staffan de Mistura",)
    assert "did you mean: Staffan de Mistura" in str(info.value)


@pytest.mark.parametrize("bad", ["2016-13", "16", "2016/02/01", "2016-02-30", "", "yesterday"])
def test_bad_dates(tiny: st.Dataset, bad: str) -> None:
    with pytest.raises(st.DateError) as info:
        tiny.events(since=bad)
    assert info.value.text == bad
    assert info.value.reason
    with pytest.raises(ValueError):
        tiny.in_session(bad)
    with pytest.raises(st.DateError):
        st.PartialDate.parse(bad)


def test_empty_range(tiny: st.Dataset) -> None:
    with pytest.raises(st.EmptyRangeError) as info:
        tiny.events(since="2017", until="2016-12-31")
    assert (info.value.since, info.value.until) == ("2017", "2016-12-31")
    assert tiny.events(since="2016-02", until="2016-02") is not None  # same month is fine


def test_errors_from_module_functions() -> None:
    with pytest.raises(st.UnknownKindError):
        st.events(kind="nope")
    with pytest.raises(st.DateError):
        st.timeline(until="2016-2")
