"""DataFrames with real dtypes; pandas stays optional."""

from __future__ import annotations

import sys

import pytest

import syriatalks as st

pd = pytest.importorskip("pandas")
pytestmark = pytest.mark.pandas


def test_event_frame_dtypes(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event")
    assert list(df["id"]) == ["talks-under-way", "hardatneen-taken", "opposition-meeting-cancelled"]
    assert str(df["date_start"].dtype).startswith("datetime64")
    assert str(df["date_end"].dtype).startswith("datetime64")
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert set(df["kind"].cat.categories) == {k.value for k in st.EventKind}
    assert isinstance(df["date_precision"].dtype, pd.CategoricalDtype)
    assert list(df["date_precision"]) == ["day", "day", "month"]
    assert list(df["date"]) == ["2016-02-01", "2016-02-02", "2016-02"]
    # the month-precision date spans the month, it does not pretend to be the 1st
    row = df.set_index("id").loc["opposition-meeting-cancelled"]
    assert row["date_start"] == pd.Timestamp("2016-02-01") and row["date_end"] == pd.Timestamp("2016-02-29")
    assert df["source"].dtype == "string"
    assert list(df["source_title"].unique()) == ["Syria Talks Plunge Into Disarray on 2nd Day"]
    assert df["quote_start"].dtype == "Int64" and df["n_evidence"].dtype == "Int64"
    assert df.loc[1, "quote"] == "government forces on Tuesday took the village of Hardatneen"
    assert df.loc[1, "places"] == "hardatneen"
    assert df.loc[1, "actors"] == "russia (supporter)"


def test_figure_frame_has_nullable_ints(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe(st.Figure)
    assert df["value"].dtype == "Int64"
    assert list(df["value"]) == [450000, 5]
    assert isinstance(df["qualifier"].dtype, pd.CategoricalDtype)
    assert str(df["as_of_start"].dtype).startswith("datetime64")
    rounds = tiny.to_dataframe("round")
    assert rounds["ordinal"].dtype == "Int64" and rounds["ordinal"].isna().all()
    assert str(rounds["period_start"].dtype).startswith("datetime64")


def test_every_record_type_and_query_result(tiny: st.Dataset) -> None:
    for kind in st.RecordKind:
        df = tiny.to_dataframe(kind)
        assert len(df) == tiny.counts()[kind.value]
        assert df["type"].dtype == "category"
    assert len(tiny.to_dataframe(kind="capture")) == 1
    tl = tiny.to_dataframe()  # the timeline
    assert list(tl["id"]) == [r.id for r in tiny.timeline()]
    assert set(tl["type"].cat.categories) == {k.value for k in st.RecordKind}
    assert len(st.to_dataframe(tiny.events(actor="de-mistura"))) == 2
    assert len(st.to_dataframe(tiny.events()[0])) == 1
    assert len(tiny.events().to_dataframe()) == 3


def test_explode_evidence(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event", explode_evidence=True)
    assert len(df) == sum(len(e.all_evidence) for e in tiny.events())
    assert df["evidence_index"].dtype == "Int64"


def test_empty_result_keeps_columns(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event", since="2020")
    assert len(df) == 0 and "date_start" in df.columns and "quote" in df.columns
    assert str(df["date_start"].dtype).startswith("datetime64")


def test_search_and_candidates(tiny: st.Dataset) -> None:
    df = st.to_dataframe(tiny.search("Hardatneen"))
    assert list(df.columns) == ["type", "id", "label", "field", "span_start", "span_end", "snippet"]
    assert df["span_start"].dtype == "Int64"
    cand = tiny.resolve_actor("jaafari").to_dataframe()
    assert cand["score"].dtype == "float64" and cand["how"].dtype == "category"


def test_not_records(tiny: st.Dataset) -> None:
    with pytest.raises(TypeError):
        st.to_dataframe([1, 2])


def test_embedded_frame() -> None:
    df = st.to_dataframe("source")
    assert len(df) == len(st.sources())


def test_without_pandas(tiny: st.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(st.MissingDependencyError, match="pip install pandas"):
        tiny.to_dataframe("event")
    with pytest.raises(ImportError):
        tiny.events().to_dataframe()
