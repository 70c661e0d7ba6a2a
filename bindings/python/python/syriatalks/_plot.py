"""A timeline figure with matplotlib: rounds as bars, events as markers, and death-toll claims on
a second axis, each labelled with its source. matplotlib is optional: without it,
:class:`syriatalks.MissingDependencyError` says what to install."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Callable, Dict, List, cast

from ._errors import MissingDependencyError
from ._records import Event, Figure, PartialDate, Round

if TYPE_CHECKING:  # pragma: no cover
    import matplotlib.figure

    from ._dataset import Dataset


def _figure_class() -> Any:
    try:
        # A bare Figure (not pyplot): no GUI backend, no global state; savefig draws with Agg.
        from matplotlib.figure import Figure as MplFigure
    except ImportError as e:
        raise MissingDependencyError(
            "syriatalks.plot_timeline needs matplotlib: pip install matplotlib  (or: pip install 'syriatalks[plot]')"
        ) from e
    return MplFigure


def _mid(a: _dt.date, b: _dt.date) -> _dt.date:
    return a + (b - a) / 2


def plot_timeline(ds: Dataset, **filters: Any) -> matplotlib.figure.Figure:
    """See :meth:`syriatalks.Dataset.plot_timeline`."""
    MplFigure = _figure_class()
    import matplotlib.dates as mdates

    num = cast(Callable[[Any], float], mdates.date2num)

    rounds: List[Round] = [r for r in ds.rounds(**filters) if r.period is not None]
    events: List[Event] = list(ds.events(**filters))
    # The death tolls the other filters (dates, places, sources…) select, in series order.
    toll_filters = {k: v for k, v in filters.items() if k != "kind"}
    chosen = {f.id for f in ds.figures(kind="deaths", **toll_filters)}
    tolls: List[Figure] = [f for f in ds.figure_series("deaths") if f.main_date is not None and f.id in chosen]

    fig: matplotlib.figure.Figure = MplFigure(figsize=(13, 6), layout="constrained")
    ax = fig.add_subplot(1, 1, 1)
    lanes: Dict[str, int] = {}
    # Labels of rounds close in time are stacked, not overprinted: each goes on the lowest row of
    # its lane whose previous label has ended (its width estimated from the dates drawn).
    days = [d for r in rounds if r.period for d in (r.period.first, r.period.last)]
    days += [d for e in events for d in (e.date.start, e.date.end)]
    days += [d for f in tolls if f.main_date for d in (f.main_date.start, f.main_date.end)]
    span_days = (max(days) - min(days)).days + 1 if days else 1
    days_per_char = span_days / 150
    label_rows: Dict[int, List[float]] = {}
    for r in sorted(rounds, key=lambda r: r.period.first if r.period else _dt.date.min):
        assert r.period is not None
        lane = lanes.setdefault(r.process.value, len(lanes))
        start, end = r.period.first, r.period.last + _dt.timedelta(days=1)
        ax.barh(lane, num(end) - num(start), left=num(start), height=0.5, alpha=0.6, label=None)
        rows = label_rows.setdefault(lane, [])
        row = next((i for i, free_from in enumerate(rows) if free_from <= num(start)), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = num(start) + (len(r.name) + 2) * days_per_char
        ax.annotate(r.name, (num(start), lane + 0.3 + 0.14 * row), fontsize=7)
    event_lane = len(lanes)
    kinds = sorted({e.kind.value for e in events})
    markers = "o^sDv<>phX*+x"
    for i, kind in enumerate(kinds):
        of_kind = [e for e in events if e.kind.value == kind]
        y = event_lane + 0.15 * (i % 5)
        xs = [num(_mid(e.date.start, e.date.end)) for e in of_kind]
        line = ax.plot(xs, [y] * len(xs), linestyle="none", marker=markers[i % len(markers)], label=kind)[0]
        # A month or a year is drawn as the span it covers, never as a fake day.
        for e in of_kind:
            if e.date.day is None:
                ax.hlines(y, num(e.date.start), num(e.date.end + _dt.timedelta(days=1)), colors=line.get_color(), linewidth=1, alpha=0.5)
    ax.set_yticks(list(range(len(lanes))) + [event_lane], [*lanes.keys(), "events"])
    ax.set_xlabel("date (a month or year is drawn as the span it covers, its marker at the middle)")
    ax.set_title("Syrian peace talks: rounds, events and claimed death tolls")
    ax.xaxis_date()

    ax2 = ax.twinx()
    if tolls:
        xs2 = []
        ys2 = []
        for f in tolls:
            d = f.main_date
            assert d is not None
            x = num(_mid(d.start, d.end))
            xs2.append(x)
            ys2.append(f.value)
            if d.day is None:
                ax2.hlines(f.value, num(d.start), num(d.end + _dt.timedelta(days=1)), colors="black", linewidth=1, alpha=0.4)
            src = f.sources[0].id if f.sources else "external"
            ax2.annotate(f"{f.qualifier.value.replace('_', ' ')} {f.text}\n({src})", (x, f.value), fontsize=6, textcoords="offset points", xytext=(3, 3))
        ax2.plot(xs2, ys2, linestyle=":", marker="x", color="black", label="death toll claimed")
    ax2.set_ylabel("deaths claimed (each point labelled with its source)")
    ax2.set_ylim(bottom=0)
    # Dates asked for bound the axis: nothing outside them is drawn in view.
    since, until = filters.get("since"), filters.get("until")
    if since is not None or until is not None:
        left, right = ax.get_xlim()
        if since is not None:
            left = num(PartialDate.parse(since).start)
        if until is not None:
            right = num(PartialDate.parse(until).end + _dt.timedelta(days=1))
        ax.set_xlim(left, right)
    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    if handles or h2:
        ax.legend(handles + h2, labels + l2, loc="upper left", bbox_to_anchor=(1.1, 1.0), fontsize=7, ncol=1)
    return fig
