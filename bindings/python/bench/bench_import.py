"""Import time and first-query time of syriatalks, side by side with `python -c pass` and with
pandas reading the same events from CSV and applying the same filter.

Run with the interpreter that has syriatalks installed (scripts/test-python makes one)::

    target/python/venv/bin/python bindings/python/bench/bench_import.py [--runs 9]

Every figure is the median of fresh interpreter runs (so nothing is warm but the OS file cache).
The CSV comes from `cargo run -p syriatalks-cli -- export --format json`, flattened to one row per
event with its first and last day, so that pandas can apply the same overlap filter
(events touching February 2016) as `syriatalks.events(since="2016-02", until="2016-02")`.
Nothing here is asserted: it is measured and printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

REPO = Path(__file__).resolve().parents[3]
OUT = REPO / "target" / "python" / "bench"

QUERY = """
import json, time
t0 = time.perf_counter()
import syriatalks as st
t1 = time.perf_counter()
first = st.events(since="2016-02", until="2016-02")
t2 = time.perf_counter()
again = st.events(since="2016-02", until="2016-02")
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first query": t2 - t1, "second query": t3 - t2, "rows": len(first)}))
"""

PANDAS = """
import json, sys, time
t0 = time.perf_counter()
import pandas as pd
t1 = time.perf_counter()
df = pd.read_csv(sys.argv[1], parse_dates=["date_start", "date_end"])
t2 = time.perf_counter()
sel = df[(df["date_start"] <= "2016-02-29") & (df["date_end"] >= "2016-02-01")]
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "read_csv": t2 - t1, "filter": t3 - t2, "rows": len(sel)}))
"""


def wall(args: List[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def interleaved(commands: Dict[str, List[str]], runs: int) -> Dict[str, float]:
    """Median wall times of several commands run in turn (so that a busy machine slows all alike)."""
    times: Dict[str, List[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, args in commands.items():
            t0 = time.perf_counter()
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def inner(args: List[str], runs: int) -> Dict[str, float]:
    samples: List[Dict[str, float]] = []
    for _ in range(runs):
        out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        samples.append(json.loads(out.strip().splitlines()[-1]))
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]}


def importtime(code: str, module: str, runs: int) -> Dict[str, float]:
    """-X importtime: the module's cumulative time and the sum of every import's own time (µs)."""
    cumul, total = [], []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True, text=True).stderr
        rows = [m.groups() for m in re.finditer(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", err)]
        total.append(sum(int(s) for s, _, _, _ in rows))
        cumul.append(next((int(c) for _, c, indent, name in rows if name == module and indent == " "), 0))
    return {"cumulative": statistics.median(cumul), "all imports": statistics.median(total)}


def export_csv() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    js, out = OUT / "export.json", OUT / "events.csv"
    subprocess.run(
        ["cargo", "run", "--quiet", "-p", "syriatalks-cli", "--", "export", "--format", "json", "--out", str(js)],
        cwd=REPO,
        check=True,
    )
    import syriatalks as st  # only to compute each partial date's first and last day

    data = json.loads(js.read_text(encoding="utf-8"))
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "kind", "date", "date_start", "date_end", "summary", "source", "quote"])
        for e in data["events"]:
            d = st.PartialDate.parse(e["date"]["value"])
            end = st.PartialDate.parse(e["until"]["value"]).end if e.get("until") else d.end
            ev = (e.get("evidence") or [{}])[0]
            w.writerow([e["id"], e["kind"], d.text, d.start.isoformat(), end.isoformat(), e["summary"], ev.get("source", ""), ev.get("quote", "")])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    runs = ap.parse_args().runs
    py = sys.executable
    csv_path = export_csv()

    ms = lambda s: f"{s * 1000:7.1f} ms"  # noqa: E731
    print(f"python {sys.version.split()[0]} ({py}); median of {runs} fresh runs\n")

    print("Process wall time")
    print(f"  python -c pass                          {ms(wall([py, '-c', 'pass'], runs))}")
    print(f"  python -c 'import syriatalks'            {ms(wall([py, '-c', 'import syriatalks'], runs))}")
    print(f"  python -c 'import pandas'                {ms(wall([py, '-c', 'import pandas'], runs))}")

    first = "import syriatalks as st; st.events(since='2016-02', until='2016-02')"
    w = interleaved({"pass": [py, "-c", "pass"], "import": [py, "-c", "import syriatalks"], "first": [py, "-c", first]}, runs)
    print(f"\nThe target (issue 8): import + first query against python -c pass, interleaved runs")
    print(f"  python -c pass                          {ms(w['pass'])}")
    print(f"  python -c 'import syriatalks'            {ms(w['import'])}   ({w['import'] / w['pass']:.2f}x)")
    print(f"  import + first query                    {ms(w['first'])}   ({w['first'] / w['pass']:.2f}x)")

    print("\n-X importtime (µs, summed from the report)")
    base = importtime("pass", "", runs)
    st_it = importtime("import syriatalks", "syriatalks", runs)
    pd_it = importtime("import pandas", "pandas", runs)
    print(f"  python -c pass: every import             {base['all imports']:9.0f} µs")
    print(f"  import syriatalks: cumulative            {st_it['cumulative']:9.0f} µs   (all imports {st_it['all imports']:.0f} µs)")
    print(f"  import pandas: cumulative                {pd_it['cumulative']:9.0f} µs   (all imports {pd_it['all imports']:.0f} µs)")

    print("\nFirst query: events touching February 2016")
    q = inner([py, "-c", QUERY], runs)
    print(f"  syriatalks: import {ms(q['import'])}, first query {ms(q['first query'])} (parses and validates the embedded data),")
    print(f"              second query {ms(q['second query'])}; {q['rows']:.0f} events")
    p = inner([py, "-c", PANDAS, str(csv_path)], runs)
    print(f"  pandas:     import {ms(p['import'])}, read_csv {ms(p['read_csv'])}, filter {ms(p['filter'])}; {p['rows']:.0f} events")
    print(
        f"  total:      syriatalks {ms(q['import'] + q['first query'])}  vs  pandas {ms(p['import'] + p['read_csv'] + p['filter'])}"
    )


if __name__ == "__main__":
    main()
