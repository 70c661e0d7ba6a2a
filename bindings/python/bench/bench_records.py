"""What a record costs on its way to Python: microseconds per record for the queries that turn many
records into objects, on the embedded data and on a bigger corpus loaded with ``syriatalks.load``.

    target/python/venv/bin/python bindings/python/bench/bench_records.py [--repeat 20]
    target/python/venv/bin/python bindings/python/bench/bench_records.py --copies 40

``--copies N`` builds (under target/python/bench/) a corpus of N renamed copies of the embedded
records (every id gets a ``-k`` suffix, references included, over the same five articles) and
measures it too. Each figure is the best of ``--repeat`` runs in one warm interpreter (after the
dataset is loaded), so it is the conversion, not the load. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable, List

import syriatalks as st

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "crates" / "syriatalks" / "data"
OUT = REPO / "target" / "python" / "bench"


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def make_corpus(copies: int) -> Path:
    """N copies of the embedded records with every id renamed, over the same seeds."""
    dest = OUT / f"corpus-x{copies}"
    if (dest / "done").exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "seeds").mkdir(parents=True)
    for f in (DATA / "seeds").iterdir():
        shutil.copyfile(f, dest / "seeds" / f.name)
    ids = {r["id"] for recs in json.loads(st.embedded().to_json()).values() if isinstance(recs, list) for r in recs}
    pattern = re.compile(r'"(' + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r')"')
    vocab_key = re.compile(r"\b(kind|process|status|measure|qualifier|topic|role|basis|relation|weekday) = $")
    files = sorted(DATA.glob("*.toml"))
    for k in range(copies):
        for f in files:
            text = f.read_text(encoding="utf-8")

            def rename(m: re.Match[str]) -> str:
                # A vocabulary word that happens to be an id too ("geneva") stays a word.
                if vocab_key.search(text[max(0, m.start() - 12) : m.start()]):
                    return m.group(0)
                return f'"{m.group(1)}-{k}"'

            (dest / f"{f.stem}-{k}.toml").write_text(pattern.sub(rename, text), encoding="utf-8")
    (dest / "done").write_text("")
    return dest


def measure(ds: st.Dataset, repeat: int) -> None:
    counts = ds.counts()
    n_all = sum(counts.values())
    n_events = counts["event"]
    kinds = [k for k, n in counts.items() if n]

    def every_record() -> List[Any]:
        return [r for k in kinds for r in ds.select(k)]

    def touched() -> None:
        for e in ds.events():
            (e.id, e.kind, e.date, e.summary, e.evidence)

    rows = [
        (f"events() ({n_events} records)", best(ds.events, repeat), n_events),
        (f"every record, by type ({n_all})", best(every_record, repeat), n_all),
        (f"timeline() ({len(ds.timeline())})", best(ds.timeline, repeat), len(ds.timeline())),
        ("events() + 5 fields read each", best(touched, repeat), n_events),
        ("events() + to_dict() each", best(lambda: [e.to_dict() for e in ds.events()], repeat), n_events),
    ]
    for label, secs, n in rows:
        print(f"  {label:<40} {secs * 1e3:9.2f} ms  {secs / max(n, 1) * 1e6:8.2f} µs/record")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--copies", type=int, default=0, help="also measure a corpus of N renamed copies")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, syriatalks {st.__version__}; best of {args.repeat}\n")
    print("Embedded data")
    measure(st.embedded(), args.repeat)
    if args.copies:
        path = make_corpus(args.copies)
        t0 = time.perf_counter()
        ds = st.load(path)
        print(f"\nCorpus of {args.copies} copies ({path}), loaded in {time.perf_counter() - t0:.2f} s")
        measure(ds, max(3, args.repeat // 4))


if __name__ == "__main__":
    main()
