"""A tour of syriatalks from Python: questions answered with their sources, a DataFrame, a plot.

Run it top to bottom::

    pip install ./bindings/python pandas matplotlib
    python examples/python/tour.py [timeline.png]

Every answer below prints the words of the article it comes from: that is the point of the
dataset. Change the questions and see ``help(syriatalks.events)`` for every filter.
"""

from __future__ import annotations

import sys
from pathlib import Path

import syriatalks as st


def cite(record: st.Record) -> str:
    """The first piece of evidence of a record, as a citation line."""
    if not record.evidence:
        return "    (no seed quote: see the record's external references)"
    return "    " + record.evidence[0].cite()


def main(png: Path) -> None:
    print(f"syriatalks {st.__version__}, data {st.DATA_VERSION}")
    print(st.embedded(), "\n")

    # 1. Which round of talks was in session on 23 February 2017?
    print("In session on 2017-02-23:")
    for rnd in st.in_session("2017-02-23"):
        print(f"  {rnd.name} ({rnd.period})")
        print(cite(rnd))

        # 2. Who headed each delegation there?
        for d in rnd.delegations:
            party = st.actor(d.party)
            head = st.actor(d.head) if d.head else None
            print(f"  - {party.name if party else d.party}: headed by {head.name if head else 'not stated'}")
            for ev in d.evidence[:1]:
                print("    " + ev.cite())
    print()

    # 3. What happened in February 2016? Dates keep their precision: "2016-02" is a month.
    # A timeline is chronological (st.events() keeps data-file order); kind="event" keeps events.
    print("Events in February 2016:")
    for record in st.timeline(since="2016-02", until="2016-02", kind="event"):
        assert isinstance(record, st.Event)
        date = record.date
        print(f"  {str(date):>15} [{date.precision}, {date.basis}] {record.kind}: {record.summary[:70]}")
    print()

    # 4. Who is meant by a name, even misspelt?
    for name in ("Jaafari", "Mistrua"):
        candidates = st.resolve_actor(name)
        if candidates:
            best = candidates[0]
            print(f"'{name}' is most likely {best.actor.name} ({best.how}, score {best.score:.2f})")
    print()

    # 5. How many people died? Every claim, side by side, with who reported it.
    print("Death tolls claimed:")
    for fig in st.figure_series(st.Measure.DEATHS):
        when = fig.main_date
        source = fig.sources[0].citation() if fig.sources else "external"
        print(f"  {fig.qualifier.value.replace('_', ' ')} {fig.text} ({when}) — {source}")
    print()

    # 6. Where is a word written?
    hits = st.search("Hardatneen")
    print(f"'Hardatneen' occurs {len(hits)} times; in the articles:")
    for hit in hits:
        if hit.field == "text":
            print(f"  {hit.record.id}: {hit.snippet}")
    print()

    # 7. A DataFrame (pandas + pyarrow): one row per event, the flat form of its table (the CSV
    #    export's columns), every row citing its evidence.
    try:
        df = st.to_dataframe("event")
    except st.MissingDependencyError as e:
        print(e)
    else:
        with_quotes = df[["date", "date_first", "date_precision", "kind", "source", "quote"]].head(8)
        print(with_quotes.to_string(max_colwidth=50))
        print(df.dtypes[["date_first", "kind", "n_evidence"]].to_string())
        print(df["kind"].value_counts().head(5).to_string())
    print()

    # 8. The timeline plot (matplotlib), saved to a PNG.
    try:
        figure = st.plot_timeline()
    except st.MissingDependencyError as e:
        print(e)
    else:
        figure.savefig(png, dpi=100)
        print(f"timeline saved to {png}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("syriatalks-timeline.png"))
