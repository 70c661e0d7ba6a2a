"""The Python side of ``scripts/bench-scale``: the benchmark query side by side with pandas, DuckDB
and SQLite in one process, Python start-up in fresh interpreters, and the Markdown table.

Subcommands (the bash script calls them; each prints one JSON object, or the table)::

    python scale.py query CORPUS_DIR --runs 21     # st.load + the query against the others
    python scale.py startup --runs 15              # import syriatalks + first query vs python -c pass
    python scale.py table RESULTS.jsonl COMMAND    # the Markdown table from every measurement

The query is "events from 1 February to 31 March 2016 involving actor X", X and the expected row
count taken from the corpus's ``generated.json``. syriatalks answers it with
``st.load(dir).events(since=..., until=..., actor=X)`` (rows converted to Python objects);
pandas with a boolean mask over a frame, DuckDB with SQL over an in-memory table, SQLite with SQL
over indexed in-memory tables. All four get the same rows (``generated-events.csv``, one row per
event with its first and last day and both actors) and must return the same event ids. Times are
medians of repeated runs in the same process. Nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Set, Tuple


def median_ms(f: Callable[[], Any], runs: int) -> Tuple[float, Any]:
    """Median wall time of ``runs`` calls (after one warm-up call), in ms, and the last result."""
    result = f()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3, result


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def query(corpus: Path, runs: int) -> Dict[str, Any]:
    info = json.loads((corpus / "generated.json").read_text())
    q = info["query"]
    since, until, actor = q["since"], q["until"], q["actor"]
    out: Dict[str, Any] = {"events": info["events"], "actor": actor, "actor_name": q["actor_name"], "expected_rows": q["rows"]}

    t0 = time.perf_counter()
    import syriatalks as st

    ds = st.load(corpus)
    out["st_load_s"] = time.perf_counter() - t0
    out["st_load_peak_rss_mib"] = peak_rss_mib()

    ms, rows = median_ms(lambda: ds.events(since=since, until=until, actor=actor), runs)
    out["syriatalks_ms"] = ms
    ids: Dict[str, Set[str]] = {"syriatalks": {e.id for e in rows}}

    import pandas as pd

    # Plain read_csv dtypes (object strings, datetime64 days): what a pandas user would have.
    df = pd.read_csv(corpus / "generated-events.csv", parse_dates=["first", "last"])
    lo, hi = pd.Timestamp(since), pd.Timestamp(until)

    def pandas_mask() -> Any:
        return df[(df["first"] <= hi) & (df["last"] >= lo) & ((df["actor_0"] == actor) | (df["actor_1"] == actor))]

    ms, sel = median_ms(pandas_mask, runs)
    out["pandas_ms"] = ms
    ids["pandas"] = set(sel["id"])

    import duckdb

    con = duckdb.connect(":memory:")
    con.register("events_df", df)
    con.execute("CREATE TABLE events AS SELECT * FROM events_df")
    con.unregister("events_df")
    sql = "SELECT id, first, last, actor_0, actor_1 FROM events WHERE first <= ? AND last >= ? AND (actor_0 = ? OR actor_1 = ?)"
    args = [hi.to_pydatetime(), lo.to_pydatetime(), actor, actor]
    ms, got = median_ms(lambda: con.execute(sql, args).fetchall(), runs)
    out["duckdb_ms"] = ms
    ids["duckdb"] = {r[0] for r in got}

    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (id TEXT PRIMARY KEY, first TEXT, last TEXT)")
    db.execute("CREATE TABLE event_actor (event TEXT, actor TEXT)")
    with open(corpus / "generated-events.csv") as f:
        next(f)
        batch_e: List[Tuple[str, str, str]] = []
        batch_a: List[Tuple[str, str]] = []
        for line in f:
            i, first, last, a0, a1 = line.rstrip("\n").split(",")
            batch_e.append((i, first, last))
            batch_a += [(i, a0), (i, a1)]
        db.executemany("INSERT INTO events VALUES (?, ?, ?)", batch_e)
        db.executemany("INSERT INTO event_actor VALUES (?, ?)", batch_a)
    db.execute("CREATE INDEX event_actor_actor ON event_actor (actor, event)")
    db.execute("CREATE INDEX events_first ON events (first, last)")
    db.execute("ANALYZE")
    lite = (
        "SELECT e.id, e.first, e.last FROM event_actor a JOIN events e ON e.id = a.event "
        "WHERE a.actor = ? AND e.first <= ? AND e.last >= ?"
    )
    ms, got = median_ms(lambda: db.execute(lite, (actor, until, since)).fetchall(), runs)
    out["sqlite_ms"] = ms
    ids["sqlite"] = {r[0] for r in got}

    out["rows"] = {k: len(v) for k, v in ids.items()}
    out["same_rows"] = all(v == ids["syriatalks"] for v in ids.values()) and len(ids["syriatalks"]) == q["rows"]
    out["peak_rss_mib"] = peak_rss_mib()
    return out


def startup(runs: int) -> Dict[str, Any]:
    first = "import syriatalks as st; st.events(since='2016-02', until='2016-02')"

    def wall(code: str) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1e3

    wall("pass")  # warm the file cache for both
    wall(first)
    return {"python_pass_ms": wall("pass"), "import_first_query_ms": wall(first), "runs": runs}


# -- the table ------------------------------------------------------------------------------------


def size(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


def ms(x: Optional[float]) -> str:
    if x is None:
        return "n/a"
    if x < 1:
        return f"{x * 1000:.1f} µs" if x < 0.1 else f"{x * 1000:.0f} µs"
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms" if x < 100 else f"{x:.0f} ms"


def ratio(a: Optional[float], b: Optional[float]) -> str:
    """a ÷ b; when a is much smaller, also as "N× faster" so that the cell never reads 0.00×."""
    if not a or not b:
        return "—"
    r = a / b
    return f"{r:.2f}× ({b / a:,.0f}× faster)" if r < 0.1 else f"{r:.2f}×"


def table(results_file: Path, command: str) -> str:
    rows: List[Dict[str, Any]] = [json.loads(l) for l in results_file.read_text().splitlines() if l.strip()]
    by = lambda kind: [r for r in rows if r["kind"] == kind]  # noqa: E731
    lines = [
        "| measure | size | syriatalks | named alternative | syriatalks ÷ alternative |",
        "|---|---|---|---|---|",
    ]
    for r in by("load"):
        what = f"load + validate: `syriatalks validate`, {r['layout']} {r['format'].upper()}"
        sz = f"{size(r['events'])} events, {r['input_bytes'] / 1e6:.0f} MB"
        if r.get("na"):
            lines.append(f"| {what} | {sz} | {r['na']} | — | — |")
        else:
            mbs = r["input_bytes"] / 1e6 / r["seconds"]
            rss = r["peak_rss_kib"] / 1024
            lines.append(
                f"| {what} | {sz} | {r['seconds']:.2f} s = {mbs:.1f} MB/s; peak RSS {rss:,.0f} MiB "
                f"({rss * 1024 * 1024 / r['input_bytes']:.1f}× input) | — | — |"
            )
    rust = {r["events"]: r for r in by("rust_query")}
    for r in by("py_query"):
        n = r["events"]
        k = r["rows"]["syriatalks"]
        q = f"query: Feb–Mar 2016 × `{r['actor']}` ({k} row{'' if k == 1 else 's'})"
        sz = f"{size(n)} events"
        rq = rust.get(n)
        if rq:
            lines.append(f"| {q}, Rust `select` (criterion) | {sz} | {ms(rq['median_ms'])} | — | — |")
        st = r["syriatalks_ms"]
        same = "" if r["same_rows"] else " **(row counts differ!)**"
        lines.append(
            f"| {q}, Python `st.load(dir).events(...)` → objects, vs pandas | {sz} | {ms(st)} | "
            f"pandas boolean mask {ms(r['pandas_ms'])}{same} | {ratio(st, r['pandas_ms'])} |"
        )
        lines.append(f"| same, vs DuckDB | {sz} | {ms(st)} | DuckDB, in memory {ms(r['duckdb_ms'])} | {ratio(st, r['duckdb_ms'])} |")
        lines.append(
            f"| same, vs SQLite | {sz} | {ms(st)} | SQLite, in memory, indexed {ms(r['sqlite_ms'])} | {ratio(st, r['sqlite_ms'])} |"
        )
        lines.append(
            f"| Python `st.load(dir)` | {sz} | {r['st_load_s']:.2f} s; peak RSS {r['st_load_peak_rss_mib']:,.0f} MiB | — | — |"
        )
    for r in by("startup"):
        lines.append(
            f"| Python start-up: `import syriatalks` + first query (embedded data), fresh interpreter | — | "
            f"{ms(r['import_first_query_ms'])} | `python -c pass` {ms(r['python_pass_ms'])} | "
            f"{ratio(r['import_first_query_ms'], r['python_pass_ms'])} |"
        )
    for r in by("first_access"):
        if r.get("decode_ms") is not None:
            lines.append(
                f"| first access to the embedded data (Rust: decode the form validated at build time) | — | "
                f"{ms(r['decode_ms'])} | `serde_json` read of the export into a `Value` {ms(r['serde_json_ms'])} | "
                f"{ratio(r['decode_ms'], r['serde_json_ms'])} |"
            )
        lines.append(
            f"| the same from the record files (Rust: parse TOML + validate, as any dataset) | — | {ms(r['parse_ms'])} | "
            f"`serde_json` read of the export into a `Value` {ms(r['serde_json_ms'])} | {ratio(r['parse_ms'], r['serde_json_ms'])} |"
        )
    for r in by("export"):
        sz = f"{size(r['events'])} events"
        for what, key in (("Arrow record batches (Rust, `syriatalks_tables::Batches`)", "arrow_ms"),
                          ("Parquet, written to a sink (Rust, `write_parquet`)", "parquet_ms"),
                          ("JSON Lines, written to a sink (Rust, `write_jsonl`)", "jsonl_ms")):
            lines.append(
                f"| every event as {what} | {sz} | {ms(r[key])} | `serde_json` array of the same events {ms(r['json_ms'])} | "
                f"{ratio(r[key], r['json_ms'])} |"
            )
    cpu = ""
    try:
        for l in Path("/proc/cpuinfo").read_text().splitlines():
            if l.startswith("model name"):
                cpu = l.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "; load average " + ", ".join(Path("/proc/loadavg").read_text().split()[:3]) + " at the end"
    except OSError:
        load = ""
    head = (
        f"Measured {time.strftime('%Y-%m-%d')} on {cpu or platform.machine()} ({os.cpu_count()} cores{load}), "
        f"Python {platform.python_version()}, by `{command}`. Times are medians; loads are single runs. "
        "No test asserts a timing.\n\n"
    )
    return head + "\n".join(lines) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    q = sub.add_parser("query")
    q.add_argument("corpus", type=Path)
    q.add_argument("--runs", type=int, default=21)
    s = sub.add_parser("startup")
    s.add_argument("--runs", type=int, default=15)
    t = sub.add_parser("table")
    t.add_argument("results", type=Path)
    t.add_argument("command")
    a = p.parse_args()
    if a.cmd == "query":
        print(json.dumps({"kind": "py_query", **query(a.corpus, a.runs)}))
    elif a.cmd == "startup":
        print(json.dumps({"kind": "startup", **startup(a.runs)}))
    else:
        sys.stdout.write(table(a.results, a.command))


if __name__ == "__main__":
    main()
