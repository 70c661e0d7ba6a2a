"""DataFrames with real dtypes; pandas stays optional."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import syriatalks as st

pd = pytest.importorskip("pandas")
pytestmark = pytest.mark.pandas


def test_event_frame_dtypes(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event")
    assert list(df["id"]) == ["talks-under-way", "hardatneen-taken", "opposition-meeting-cancelled"]
    assert df["id"].dtype == "string" and df["label"].dtype == "string"
    for col in ("date_first", "date_last", "days_first", "days_last"):
        assert str(df[col].dtype) == "datetime64[ns]", col
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    # Every word of the vocabulary is a category, in the vocabulary's order, used or not.
    assert list(df["kind"].cat.categories) == [k.value for k in st.EventKind]
    assert isinstance(df["date_precision"].dtype, pd.CategoricalDtype)
    assert list(df["date_precision"].cat.categories) == [p.value for p in st.Precision]
    assert list(df["date_precision"]) == ["day", "day", "month"]
    # EDTF: the month was inferred, not stated, so it carries `?`.
    assert list(df["date"]) == ["2016-02-01", "2016-02-02", "2016-02?"]
    # the month-precision date spans the month, it does not pretend to be the 1st
    row = df.set_index("id").loc["opposition-meeting-cancelled"]
    assert row["date_first"] == pd.Timestamp("2016-02-01") and row["date_last"] == pd.Timestamp("2016-02-29")
    assert isinstance(df["source"].dtype, pd.CategoricalDtype)
    assert list(df["source_title"].unique()) == ["Syria Talks Plunge Into Disarray on 2nd Day"]
    assert df["quote_start"].dtype == "Int64" and df["n_evidence"].dtype == "Int64"
    assert df.loc[1, "quote"] == "government forces on Tuesday took the village of Hardatneen"
    assert df.loc[1, "places"] == "hardatneen"
    assert json.loads(df.loc[1, "actors"]) == [{"actor": "russia", "role": "supporter"}]
    # Every row cites its first evidence entry at its bytes in the article.
    for e, (_, r) in zip(tiny.events(), df.iterrows()):
        ev = e.all_evidence[0]
        assert (r["source"], r["quote"], r["quote_start"], r["quote_end"]) == (ev.source, ev.quote, ev.span.start, ev.span.end)
        assert r["n_evidence"] == len(e.all_evidence)
        assert r["label"] == e.label


def test_the_frame_is_the_csv_export_typed(tiny: st.Dataset, tmp_path: Path) -> None:
    """to_dataframe and the CSV export are one flat form: the same columns, the same cells."""
    for kind in st.RecordKind:
        df = tiny.to_dataframe(kind)
        tiny.export(tmp_path, "csv", record_type=kind)
        csv = pd.read_csv(tmp_path / f"{kind.value}.csv", dtype=str, keep_default_na=False)
        assert list(df.columns) == list(csv.columns), kind
        assert len(df) == len(csv) == tiny.counts()[kind.value]
        for col in df.columns:
            if str(df[col].dtype).startswith("datetime64"):
                got = [x.strftime("%Y-%m-%d") if not pd.isna(x) else "" for x in df[col]]
            else:
                got = ["" if pd.isna(x) else str(x) for x in df[col]]
            assert got == list(csv[col]), (kind, col)


def test_figure_frame_has_nullable_ints(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe(st.Figure)
    assert df["value"].dtype == "Int64"
    assert list(df["value"]) == [450000, 5]
    assert isinstance(df["qualifier"].dtype, pd.CategoricalDtype)
    assert df["as_of"].dtype == "string"
    assert str(df["date_first"].dtype) == "datetime64[ns]"
    rounds = tiny.to_dataframe("round")
    assert rounds["ordinal"].dtype == "Int64" and rounds["ordinal"].isna().all()
    assert str(rounds["date_first"].dtype) == "datetime64[ns]"


def test_every_record_type_and_query_result(tiny: st.Dataset) -> None:
    for kind in st.RecordKind:
        df = tiny.to_dataframe(kind)
        assert len(df) == tiny.counts()[kind.value]
        assert list(df.columns[:2]) == ["id", "label"]
    assert len(tiny.to_dataframe(kind="capture")) == 1
    tl = tiny.to_dataframe()  # the timeline
    assert list(tl["id"]) == [r.id for r in tiny.timeline()]
    assert list(tl.columns[:3]) == ["id", "type", "kind"]
    assert list(tl["type"].cat.categories) == [k.value for k in st.RecordKind]
    assert list(tl["type"]) == [r.type.value for r in tiny.timeline()]
    assert [None if pd.isna(k) else k for k in tl["kind"]] == [r.kind_word for r in tiny.timeline()]
    assert len(st.to_dataframe(tiny.events(actor="de-mistura"))) == 2
    assert len(st.to_dataframe(tiny.events()[0])) == 1
    assert len(tiny.events().to_dataframe()) == 3


def test_explode_evidence(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event", explode_evidence=True)
    assert len(df) == sum(max(1, len(e.all_evidence)) for e in tiny.events())
    assert df["evidence_index"].dtype == "Int64"
    rows = iter(df.itertuples())
    for e in tiny.events():
        for i, ev in enumerate(e.all_evidence):
            r = next(rows)
            assert (r.id, r.evidence_index, r.source, r.quote, r.quote_start) == (e.id, i, ev.source, ev.quote, ev.span.start)
    # The timeline explodes too, each record's rows together and in the timeline's order.
    tl = tiny.to_dataframe(explode_evidence=True)
    assert list(dict.fromkeys(tl["id"])) == [r.id for r in tiny.timeline()]
    assert len(tl) == sum(max(1, len(r.all_evidence)) for r in tiny.timeline() if r.type != st.RecordKind.SOURCE) + sum(
        1 for r in tiny.timeline() if r.type == st.RecordKind.SOURCE
    )
    # A record listed twice keeps both its places, each with all its evidence rows.
    event, fig = tiny.events()[0], tiny.figures()[0]
    twice = st.to_dataframe(st.RecordList([event, fig, event]), explode_evidence=True)
    n = len(event.all_evidence)
    assert list(twice["id"]) == [event.id] * n + [fig.id] * max(1, len(fig.all_evidence)) + [event.id] * n


def test_a_record_too_wide_to_explode_is_a_limit_error(tmp_path: Path) -> None:
    """An actor with 3000 roles, each with its own quote: exploded, each of its 3001 rows would
    repeat the 3000 roles (1.6 GB); refused naming it, while its one unexploded row is built."""
    root = tmp_path / "wide"
    (root / "seeds").mkdir(parents=True)
    n = 3000
    (root / "seeds" / "a0.txt").write_text("An article.\n" + "".join(f"Delegation {i} met the envoy. " for i in range(n)))
    (root / "seeds" / "manifest.toml").write_text(st.manifest_for(root / "seeds"))
    records = [
        '[[source]]\nid = "s0"\nfile = "a0.txt"\ntitle = { value = "An article.", basis = "stated" }\n',
        '[[actor]]\nid = "envoy"\nkind = "person"\nname = "Envoy"\nevidence = [{ source = "s0", quote = "An article." }]\n',
    ]
    records += [f'[[actor.roles]]\ntitle = "Envoy number {i}"\nevidence = [{{ source = "s0", quote = "Delegation {i} met the envoy." }}]\n' for i in range(n)]
    (root / "records.toml").write_text("\n".join(records))
    ds = st.load(root)
    assert len(ds.to_dataframe("actor")) == 1
    with pytest.raises(st.LimitError, match=r"^actor envoy: exploded, its 3001 evidence entries .* over the limit of 16777216 bytes") as e:
        ds.to_dataframe("actor", explode_evidence=True)
    assert isinstance(e.value, ValueError) and isinstance(e.value, st.Error)
    # The other types of the same dataset explode as usual.
    assert len(ds.to_dataframe("source", explode_evidence=True)) == 1


def test_empty_result_keeps_columns(tiny: st.Dataset) -> None:
    df = tiny.to_dataframe("event", since="2020")
    assert len(df) == 0 and "date_first" in df.columns and "quote" in df.columns
    assert str(df["date_first"].dtype) == "datetime64[ns]"
    assert list(tiny.events(since="2020").to_dataframe().columns) == list(df.columns)


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
    with pytest.raises(st.MissingDependencyError, match="pip install pandas pyarrow"):
        tiny.to_dataframe("event")
    with pytest.raises(ImportError):
        tiny.events().to_dataframe()


def test_without_pyarrow(tiny: st.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(st.MissingDependencyError, match="pip install pandas pyarrow"):
        tiny.to_dataframe("event")
    # The frames of search hits and candidates are small and need no Arrow.
    assert len(st.to_dataframe(tiny.search("Hardatneen"))) > 0
