"""Arrow against the per-record path, and DuckDB over ``to_arrow()`` against syriatalks' own query,
on a generated corpus (``syriatalks generate --events N --out DIR``), in one process, one run:

    target/python/venv/bin/python bindings/python/bench/bench_arrow.py CORPUS_DIR [--runs 5]

Figures (each the median of ``--runs`` runs after a warm-up, except the per-record DataFrame,
which is one run: it takes minutes at a million events):

* ``to_arrow("event")`` read whole by pyarrow (``pa.table``) and by polars (``pl.DataFrame``);
* a pandas DataFrame of every event: ``ds.to_dataframe("event")`` (the flat form, built natively
  and read through Arrow), ``st.to_dataframe(ds.events())`` (the same frame from a list of
  records: the query's record objects, then Arrow) and ``pa.table(t).to_pandas()`` (the table
  form), against the per-record path a user writes without Arrow
  (``pd.DataFrame([e.to_dict() for e in ds.events()])``, one Python object per record and field);
* the corpus's benchmark query (events of one actor between two dates, from ``generated.json``)
  in DuckDB over ``to_arrow()`` (the stream is read again by every query, as a notebook would
  write it) and over an Arrow table read once, against ``ds.events(since=, until=, actor=)``;
  the ids must agree.

It prints one JSON object and a Markdown table for the README. Nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import duckdb
import polars as pl
import pyarrow as pa

import syriatalks as st


def median_s(f: Callable[[], Any], runs: int) -> Tuple[float, Any]:
    result = f()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def once_s(f: Callable[[], Any]) -> Tuple[float, Any]:
    t0 = time.perf_counter()
    result = f()
    return time.perf_counter() - t0, result


def fmt(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:,.1f} µs"
    return f"{s * 1e3:,.1f} ms" if s < 1 else f"{s:,.2f} s"


def ratio(mine: float, other: float) -> str:
    r = mine / other
    shown = f"{r:.2g}" if r >= 0.001 else f"{r:.6f}".rstrip("0")
    return f"{shown}× ({1 / r:,.0f}× faster)" if r < 1 else f"{shown}× ({r:,.1f}× slower)"


PER_RECORD = "`pd.DataFrame([e.to_dict() for e in ds.events()])`"


def markdown(out: Dict[str, Any]) -> None:
    """The Markdown table of one run's figures, for the README's Performance section."""
    size = f"{out['events']:,} events"
    per_record = out.get("per_record_pandas_s")
    rows = []
    for key, what in (("to_arrow_pyarrow_s", "`pa.table(ds.to_arrow('event'))`"), ("to_arrow_polars_s", "`pl.DataFrame(ds.to_arrow('event'))`")):
        rows.append((f"every event as a table: {what}, vs a pandas DataFrame built from record objects", fmt(out[key]),
                     f"{PER_RECORD} {fmt(per_record)}" if per_record else "", ratio(out[key], per_record) if per_record else ""))
    for key, what in (
        ("to_dataframe_s", "`ds.to_dataframe('event')` (flat form through Arrow)"),
        ("to_dataframe_list_s", "`st.to_dataframe(ds.events())` (from the query's records, through Arrow)"),
        ("arrow_pandas_s", "`pa.table(ds.to_arrow('event')).to_pandas()` (table form)"),
    ):
        if key in out:
            rows.append((f"pandas DataFrame of every event: {what}, vs from record objects", fmt(out[key]),
                         f"{PER_RECORD} {fmt(per_record)}" if per_record else "", ratio(out[key], per_record) if per_record else ""))
    n = out["query_rows"]
    for key, what in (("duckdb_stream_s", "DuckDB over `ds.to_arrow('event')` (read again by each query)"), ("duckdb_table_s", "DuckDB over that Arrow table read once")):
        rows.append((f"query: Feb–Mar 2016 × `{out['query']['actor']}` ({n} rows), `ds.events(since=, until=, actor=)` vs {what}",
                     fmt(out["syriatalks_query_s"]), f"{fmt(out[key])}", ratio(out["syriatalks_query_s"], out[key])))
    print()
    print("| measure | size | syriatalks | alternative | syriatalks ÷ alternative |")
    print("|---|---|---|---|---|")
    for measure, mine_s, alt, r in rows:
        print(f"| {measure} | {size} | {mine_s} | {alt or '—'} | {r or '—'} |")


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--table", type=Path, help="only print the Markdown table of a JSON line this script wrote")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-per-record", action="store_true", help="skip the per-record DataFrame (minutes at 1M events)")
    args = ap.parse_args(argv)
    if args.table:
        markdown(json.loads(args.table.read_text().splitlines()[0]))
        return 0
    info = json.loads((args.corpus / "generated.json").read_text())
    q = info["query"]
    since, until, actor = q["since"], q["until"], q["actor"]
    out: Dict[str, Any] = {"events": info["events"], "query": q, "runs": args.runs}

    out["load_s"], ds = once_s(lambda: st.load(args.corpus))
    n = ds.counts()["event"]

    out["to_arrow_pyarrow_s"], table = median_s(lambda: pa.table(ds.to_arrow("event")), args.runs)
    out["to_arrow_polars_s"], _ = median_s(lambda: pl.DataFrame(ds.to_arrow("event")), args.runs)
    assert table.num_rows == n
    out["arrow_pandas_s"], frame = median_s(lambda: pa.table(ds.to_arrow("event")).to_pandas(), args.runs)
    assert len(frame) == n
    del frame
    out["to_dataframe_s"], frame = median_s(lambda: ds.to_dataframe("event"), args.runs)
    assert len(frame) == n
    del frame
    out["to_dataframe_list_s"], frame = median_s(lambda: st.to_dataframe(ds.events()), args.runs)
    assert len(frame) == n
    del frame
    if not args.skip_per_record:
        import pandas as pd

        out["per_record_pandas_s"], old = once_s(lambda: pd.DataFrame([e.to_dict() for e in ds.events()]))
        assert len(old) == n
        del old

    expected = [e.id for e in ds.events(since=since, until=until, actor=actor)]
    out["syriatalks_query_s"], mine = median_s(lambda: [e.id for e in ds.events(since=since, until=until, actor=actor)], args.runs)
    sql = (
        "select id from t where days_first <= ?::date and days_last >= ?::date "
        "and list_contains(actor_ids, ?) order by id"
    )

    def duck_stream() -> List[str]:
        t = ds.to_arrow("event")  # noqa: F841 - DuckDB reads the local variable `t` by name
        return [r[0] for r in duckdb.execute(sql, [until, since, actor]).fetchall()]

    def duck_table() -> List[str]:
        t = table  # noqa: F841
        return [r[0] for r in duckdb.execute(sql, [until, since, actor]).fetchall()]

    out["duckdb_stream_s"], got_stream = median_s(duck_stream, args.runs)
    out["duckdb_table_s"], got_table = median_s(duck_table, args.runs)
    assert sorted(mine) == sorted(expected) == got_stream == got_table, "DuckDB and syriatalks disagree"
    out["query_rows"] = len(expected)
    print(json.dumps(out))

    markdown(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
