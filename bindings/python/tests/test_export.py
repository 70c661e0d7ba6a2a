"""Files out of Python (issue 9): ``export`` writes Parquet (hive-partitioned by year), CSV, JSON
Lines and the JSON document through the Rust writers the CLI uses; DuckDB, pandas and the loader read them back to
what the record API says. Every expected value comes from the records."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, List

import duckdb
import pandas as pd
import pytest

import syriatalks as st
from syriatalks._records import RECORD_CLASSES

REPO = Path(__file__).parents[3]
CORE_DATA = REPO / "crates" / "syriatalks" / "data"

QUERY = """
    select id, year from read_parquet(?, hive_partitioning = true)
    where days_first <= ?::date and days_last >= ?::date and list_contains(actor_ids, ?)
    order by id
"""


def duckdb_events(folder: Path, since: str, until: str, actor: str) -> List[Any]:
    return duckdb.execute(QUERY, [str(folder / "event" / "**" / "*.parquet"), until, since, actor]).fetchall()


def check_partitioned_query(ds: st.Dataset, out: Path, since: str, until: str, actor: str) -> int:
    files = ds.export(out, "parquet", partition="year", record_type="event")
    assert files and all(Path(f).is_file() and Path(f).parent.name.startswith("year=") for f in files)
    expected = sorted(e.id for e in ds.events(since=since, until=until, actor=actor))
    got = duckdb_events(out, since, until, actor)
    assert [row[0] for row in got] == expected
    # Each row sits in the partition of its first anchored day's year.
    by_id = {e.id: e for e in ds.events()}
    for rid, year in got:
        days = ds.days(by_id[rid])
        assert days is not None and year == days[0].year
    return len(expected)


def test_parquet_by_year_answers_a_date_and_actor_query_as_events_does(tmp_path: Path) -> None:
    ds = st.embedded()
    n = check_partitioned_query(ds, tmp_path / "pq", "2016-02-01", "2017-03-31", "staffan-de-mistura")
    assert n > 3
    # Every event is written once, undated ones in the default partition (read back as a null year).
    rows = duckdb.execute(
        "select count(*), count(distinct id) from read_parquet(?, hive_partitioning = true)",
        [str(tmp_path / "pq" / "event" / "**" / "*.parquet")],
    ).fetchall()
    assert rows == [(len(ds.events()), len(ds.events()))]


def _cli() -> str:
    found = os.environ.get("SYRIATALKS_CLI") or shutil.which("syriatalks")
    if not found:
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        found = str(target / "debug" / "syriatalks")
    assert Path(found).is_file(), f"the syriatalks CLI is needed to generate a corpus (SYRIATALKS_CLI, or {found}): scripts/test-python builds it"
    return found


def test_parquet_by_year_on_a_generated_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run([_cli(), "generate", "--events", "3000", "--out", str(corpus)], check=True, capture_output=True)
    ds = st.load(corpus)
    q = json.loads((corpus / "generated.json").read_text())["query"]
    # The generator's benchmark window and actor, and a wider window over the same actor.
    for since, until in [(q["since"], q["until"]), ("2013-06-01", "2016-06-30")]:
        check_partitioned_query(ds, tmp_path / f"pq-{since}", since, until, q["actor"])
    assert len(ds.events(since="2013-06-01", until="2016-06-30", actor=q["actor"])) > 10


def test_every_type_exports_as_parquet_and_csv_and_reads_back(tmp_path: Path) -> None:
    ds = st.embedded()
    pq = [Path(f) for f in st.export(tmp_path / "pq")]
    csv = [Path(f) for f in st.export(tmp_path / "csv", format="csv")]
    assert sorted(p.name for p in pq) == sorted(f"{k}.parquet" for k in RECORD_CLASSES)
    assert sorted(p.name for p in csv) == sorted(f"{k}.csv" for k in RECORD_CLASSES)
    for kind in RECORD_CLASSES:
        ids = [r.id for r in ds.select(kind)]
        got = duckdb.execute("select id from read_parquet(?)", [str(tmp_path / "pq" / f"{kind}.parquet")]).fetchall()
        assert [row[0] for row in got] == ids, kind
        frame = pd.read_csv(tmp_path / "csv" / f"{kind}.csv", keep_default_na=False, dtype=str)
        assert frame["id"].tolist() == ids, kind


def test_pandas_reads_the_csv_into_the_same_rows(tmp_path: Path) -> None:
    ds = st.embedded()
    st.export(tmp_path, format="csv", record_type="event")
    frame = pd.read_csv(tmp_path / "event.csv", parse_dates=["days_first", "days_last"], dtype={"quote_start": "Int64", "quote_end": "Int64"})
    events = ds.events()
    assert frame["id"].tolist() == [e.id for e in events]
    assert frame["summary"].tolist() == [e.summary for e in events]
    for (_, row), e in zip(frame.iterrows(), events):
        days = ds.days(e)
        assert (row["days_first"].date(), row["days_last"].date()) == days if days else pd.isna(row["days_first"])
        ev = e.evidence[0]
        assert (row["source"], row["quote"], row["quote_start"], row["quote_end"]) == (ev.source, ev.quote, ev.span.start, ev.span.end)
        # Lists of ids are joined with "; ", as to_dataframe joins them (an empty list: an empty cell).
        cell = "" if pd.isna(row["actor_ids"]) else row["actor_ids"]
        assert cell == "; ".join(p.actor for p in e.actors)


def test_the_json_lines_export_loads_back_through_the_loader(tmp_path: Path) -> None:
    ds = st.embedded()
    files = st.export(tmp_path / "records.jsonl", format="jsonl")
    assert files == [str(tmp_path / "records.jsonl")]
    shutil.copytree(CORE_DATA / "seeds", tmp_path / "seeds")
    back = st.load(tmp_path)
    assert back.counts() == ds.counts()
    for kind in RECORD_CLASSES:
        assert [r.to_dict() for r in back.select(kind)] == [r.to_dict() for r in ds.select(kind)], kind


def test_the_json_document_is_the_clis_whole_or_filtered(tmp_path: Path) -> None:
    ds = st.embedded()
    whole = ds.export(tmp_path / "all.json", "json")
    assert whole == [str(tmp_path / "all.json")]
    assert json.loads((tmp_path / "all.json").read_text()) == json.loads(ds.to_json())
    part = Path(ds.export(tmp_path / "lavrov" / "events.json", "json", record_type="event", actor="lavrov")[0])
    doc = json.loads(part.read_text())
    kept = ds.events(actor="lavrov")
    assert kept and [e["id"] for e in doc["events"]] == [e.id for e in kept]
    assert doc["actors"] == doc["figures"] == []
    # Only the sources the kept records cite, so every quote stays checkable at its span.
    written = [s["id"] for s in doc["sources"]]
    assert set(written) >= {src.id for e in kept for src in e.sources}
    assert written == doc["selection"]["cited_sources"] and len(written) < len(ds.sources())
    assert doc["selection"]["filter"] == {"actor": "lavrov"}
    # The same bytes as the CLI's document for the same selection.
    cli = subprocess.run(
        [_cli(), "export", "--format", "json", "--kind", "event", "--actor", "lavrov"],
        check=True, capture_output=True, text=True,
    ).stdout
    assert part.read_text() == cli


def test_a_partitioned_export_replaces_the_years_of_an_earlier_one(tmp_path: Path) -> None:
    ds = st.embedded()
    ds.export(tmp_path, partition="year", record_type="event")
    later = ds.export(tmp_path, partition="year", record_type="event", since="2017", until="2017")
    on_disk = sorted(str(p) for p in (tmp_path / "event").rglob("*.parquet"))
    assert on_disk == sorted(later)
    got = duckdb.execute("select id from read_parquet(?, hive_partitioning = true) order by id", [str(tmp_path / "event" / "**" / "*.parquet")]).fetchall()
    assert [row[0] for row in got] == sorted(e.id for e in ds.events(since="2017", until="2017"))


def test_filters_and_kind_select_what_is_written(tmp_path: Path) -> None:
    ds = st.embedded()
    files = ds.export(tmp_path, "parquet", record_type=st.Figure, since="2016", kind="deaths")
    assert [Path(f).name for f in files] == ["figure.parquet"]
    got = duckdb.execute("select id from read_parquet(?)", [files[0]]).fetchall()
    assert [row[0] for row in got] == [f.id for f in ds.figures(since="2016", kind="deaths")]


def test_export_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        st.export(tmp_path, format="xlsx")
    with pytest.raises(ValueError, match="only Parquet is partitioned"):
        st.export(tmp_path, format="csv", partition="year")
    with pytest.raises(ValueError, match="only by"):
        st.export(tmp_path, format="parquet", partition="month")
    with pytest.raises(st.UnknownFilterError):
        st.export(tmp_path, colour="red")  # type: ignore[call-arg]
    with pytest.raises(st.UnknownKindError):
        st.export(tmp_path, record_type="meeting")
    (tmp_path / "file").write_text("")
    with pytest.raises(OSError):
        st.export(tmp_path / "file" / "below")
    assert not list(tmp_path.glob("*.parquet"))
