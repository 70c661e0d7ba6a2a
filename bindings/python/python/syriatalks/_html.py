"""HTML views for Jupyter: a record shows its fields and its evidence quotes; a list, a table."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Iterable, List, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from ._records import Record

MAX_ROWS = 60
_STYLE = "border-collapse:collapse;text-align:left"


def _esc(x: object) -> str:
    return html.escape(str(x), quote=True)


def _value(v: Any) -> str:
    from ._records import Evidence, PartialDate, Period

    if v is None or v == () or v == "":
        return ""
    if isinstance(v, PartialDate):
        extra = ", ".join(x for x in (v.precision.value, v.basis.value if v.basis else "") if x)
        return f"{_esc(v)} <small>({_esc(extra)})</small>"
    if isinstance(v, Period):
        return _esc(v)
    if isinstance(v, Evidence):
        return f"“{_esc(v.quote)}” <small>({_esc(v.source)})</small>"
    if isinstance(v, tuple):
        return "; ".join(_value(x) for x in v)
    fields = getattr(type(v), "_fields", None)
    if fields is not None:
        parts = []
        for name, _ in fields:
            val = getattr(v, name)
            if name in ("evidence", "cited") or val is None or val == () or val == "":
                continue
            parts.append(f"{_esc(name)}: {_value(val)}")
        return ", ".join(parts)
    if hasattr(v, "value") and not isinstance(v, (int, float)):
        return _esc(v.value)
    return _esc(v)


def record_html(r: Record) -> str:
    """A record's fields, then every evidence quote with the article it comes from."""
    rows: List[str] = []
    for name, _ in type(r)._fields:
        if name in ("id", "evidence"):
            continue
        val = getattr(r, name)
        if name == "text" and r.type.value == "source":
            shown = _esc(val[:300]) + ("…" if len(val) > 300 else "") + f" <small>({len(val)} characters)</small>"
        else:
            shown = _value(val)
        if shown:
            rows.append(f"<tr><th style='vertical-align:top'>{_esc(name)}</th><td>{shown}</td></tr>")
    quotes: List[str] = []
    sources = {s.id: s for s in r.sources}
    for ev in r.all_evidence:
        src = sources.get(ev.source)
        cite = _esc(src.citation()) if src is not None else ""
        quotes.append(
            f"<li><q>{_esc(ev.quote)}</q><br><small>— <code>{_esc(ev.source)}</code> {cite}"
            + (f", bytes {ev.span.start}–{ev.span.end}" if ev.span else "")
            + "</small></li>"
        )
    ext = getattr(r, "external", ())
    for x in ext:
        quotes.append(f"<li><small>external: {_esc(x.title)} {_esc(x.reference or '')} {_esc(x.url or '')}</small></li>")
    head = f"<p><b>{_esc(type(r).__name__)}</b> <code>{_esc(r.id)}</code> — {_esc(r.label)}</p>"
    table = f"<table style='{_STYLE}'>{''.join(rows)}</table>"
    ev_html = f"<p><b>Evidence</b></p><ol>{''.join(quotes)}</ol>" if quotes else "<p><i>No evidence.</i></p>"
    return f"<div class='syriatalks-record'>{head}{table}{ev_html}</div>"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], total: int) -> str:
    th = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    more = f"<p><small>… {total - MAX_ROWS} more (of {total})</small></p>" if total > MAX_ROWS else ""
    return f"<div class='syriatalks-list'><table style='{_STYLE}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>{more}<small>{total} result{'s' if total != 1 else ''}</small></div>"


def list_html(items: Sequence[Any]) -> str:
    """A table of records, search hits or candidates."""
    from ._records import Candidate, Record, SearchHit

    shown = items[:MAX_ROWS]
    rows: List[List[str]] = []
    if shown and all(isinstance(x, SearchHit) for x in shown):
        for h in shown:
            rows.append([_esc(h.record.type.value), f"<code>{_esc(h.record.id)}</code>", _esc(h.field), _esc(h.snippet)])
        return _table(["type", "id", "field", "snippet"], rows, len(items))
    if shown and all(isinstance(x, Candidate) for x in shown):
        for c in shown:
            rows.append([f"<code>{_esc(c.actor.id)}</code>", _esc(c.actor.name), _esc(c.matched), _esc(c.how.value), f"{c.score:.2f}"])
        return _table(["id", "name", "matched", "how", "score"], rows, len(items))
    for r in shown:
        if isinstance(r, Record):
            d = r.main_date
            rows.append(
                [
                    _esc(r.type.value),
                    f"<code>{_esc(r.id)}</code>",
                    _esc(d) if d is not None else "",
                    _esc(r.kind_word or ""),
                    _esc(r.label),
                    _esc(", ".join(ev.source for ev in r.all_evidence[:1])),
                    _esc(r.all_evidence[0].quote) if r.all_evidence else "",
                ]
            )
        else:
            rows.append(["", "", "", "", _esc(repr(r)), "", ""])
    return _table(["type", "id", "date", "kind", "label", "source", "quote"], rows, len(items))
