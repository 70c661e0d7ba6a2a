"""pandas DataFrames from records, with real dtypes and evidence flattened into citable columns.

pandas is optional: importing this module without it raises
:class:`syriatalks.MissingDependencyError` saying what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Type, Union

from . import _native, _vocab
from ._errors import MissingDependencyError
from ._records import (
    RECORD_CLASSES,
    Attested,
    Candidate,
    Delegation,
    Evidence,
    Membership,
    PartialDate,
    Participant,
    Period,
    Record,
    Role,
    SearchHit,
    Source,
)
from ._vocab import Basis, DateQualifier, Precision, RecordKind

if TYPE_CHECKING:  # pragma: no cover
    import pandas


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised by a test with pandas hidden
        raise MissingDependencyError(
            "syriatalks.to_dataframe needs pandas: pip install pandas  (or: pip install 'syriatalks[pandas]')"
        ) from e
    return pandas


#: Columns of every record frame, before the type's own fields.
_CAT = "category"
_STR = "string"
_INT = "Int64"
_DT = "datetime64[ns]"
_FLOAT = "float64"

_KIND_FIELD = {"actor": "kind", "place": "kind", "round": "process", "event": "kind", "figure": "measure", "position": "topic", "instrument": "kind"}
_SKIP = {"id", "evidence", "external"}  # and a source's `text`: the article is too long for a cell
_EVIDENCE_COLUMNS: List[Tuple[str, str]] = [
    ("source", _STR),
    ("source_title", _STR),
    ("source_outlet", _STR),
    ("source_published", _STR),
    ("source_url", _STR),
    ("quote", _STR),
    ("quote_start", _INT),
    ("quote_end", _INT),
    ("n_evidence", _INT),
    ("all_sources", _STR),
]


def _enum_of(annotation: str) -> Optional[Type[_vocab._Word]]:
    name = annotation.replace("Optional[", "").rstrip("]")
    cls = getattr(_vocab, name, None)
    return cls if isinstance(cls, type) and issubclass(cls, _vocab._Word) else None


def _columns_for(cls: Type[Record]) -> List[Tuple[str, str, Any]]:
    """(column, dtype, categories) for the type's own fields, from its annotations."""
    out: List[Tuple[str, str, Any]] = []
    for name, ann in cls._fields:
        if name in _SKIP or (name == "text" and cls is Source):
            continue
        enum = _enum_of(ann)
        if name == _KIND_FIELD.get(cls.type.value):
            continue  # shown as `kind`
        if enum is not None:
            out.append((name, _CAT, [m.value for m in enum]))
        elif "PartialDate" in ann:
            out += [(name, _STR, None), (f"{name}_start", _DT, None), (f"{name}_end", _DT, None)]
        elif "Period" in ann:
            out += [(name, _STR, None), (f"{name}_start", _DT, None), (f"{name}_end", _DT, None)]
        elif ann in ("int", "Optional[int]"):
            out.append((name, _INT, None))
        elif ann in ("float", "Optional[float]"):
            out.append((name, _FLOAT, None))
        else:
            out.append((name, _STR, None))
    return out


def _cell(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, _vocab._Word):
        return v.value
    if isinstance(v, Attested):
        return v.value
    if isinstance(v, Participant):
        return f"{v.actor} ({v.role.value})"
    if isinstance(v, Delegation):
        return f"{v.party} (head: {v.head})" if v.head else v.party
    if isinstance(v, Role):
        return f"{v.title}" + (f" of {v.of}" if v.of else "")
    if isinstance(v, Membership):
        return v.actor
    if isinstance(v, tuple):
        return "; ".join(str(_cell(x)) for x in v) if v else None
    if hasattr(type(v), "_fields"):
        return str(getattr(v, "item", v))
    return v


def _kind_categories() -> List[str]:
    seen: Dict[str, None] = {}
    for cls in (_vocab.ActorKind, _vocab.PlaceKind, _vocab.Process, _vocab.EventKind, _vocab.Measure, _vocab.Topic, _vocab.InstrumentKind):
        for m in cls:
            seen.setdefault(m.value, None)
    return list(seen)


def _kind_vocab(cls: Type[Record]) -> List[str]:
    field = _KIND_FIELD.get(cls.type.value)
    if field is None:
        return []
    for name, ann in cls._fields:
        if name == field:
            enum = _enum_of(ann)
            return [m.value for m in enum] if enum else []
    return []  # pragma: no cover


def _evidence_cells(r: Record, ev: Optional[Evidence], n: int) -> Dict[str, Any]:
    src = r.sources
    by_id = {s.id: s for s in src}
    s = by_id.get(ev.source) if ev is not None else None
    return {
        "source": ev.source if ev else None,
        "source_title": s.title.value if s else None,
        "source_outlet": s.outlet.value if s and s.outlet else None,
        "source_published": s.published.text if s and s.published else None,
        "source_url": s.url if s else None,
        "quote": ev.quote if ev else None,
        "quote_start": ev.span.start if ev and ev.span else None,
        "quote_end": ev.span.end if ev and ev.span else None,
        "n_evidence": n,
        "all_sources": "; ".join(x.id for x in src) or None,
    }


def _record_rows(r: Record, cols: List[Tuple[str, str, Any]], explode: bool) -> List[Dict[str, Any]]:
    d = r.main_date
    row: Dict[str, Any] = {
        "id": r.id,
        "type": r.type.value,
        "kind": r.kind_word,
        "label": r.label,
        "date": d.text if d else None,
        "date_start": d.start if d else None,
        "date_end": d.end if d else None,
        "date_precision": d.precision.value if d else None,
        "date_basis": d.basis.value if d and d.basis else None,
        "date_qualifier": d.qualifier.value if d and d.qualifier else None,
    }
    for name, _dtype, _cats in cols:
        base = name
        for suffix in ("_start", "_end"):
            if name.endswith(suffix) and hasattr(r, name[: -len(suffix)]):
                base = name[: -len(suffix)]
        v = getattr(r, base, None)
        if isinstance(v, PartialDate):
            row[name] = v.start if name.endswith("_start") else v.end if name.endswith("_end") else v.text
        elif isinstance(v, Period):
            row[name] = v.first if name.endswith("_start") else v.last if name.endswith("_end") else str(v)
        elif base != name:
            row[name] = None
        elif name == "claimed_by" and v == ():
            # No claimant: the article states the number in its own voice, written as everywhere.
            row[name] = _native.NO_CLAIMANT
        else:
            row[name] = _cell(v)
    evs = r.all_evidence
    if explode and evs:
        return [{**row, **_evidence_cells(r, ev, len(evs)), "evidence_index": i} for i, ev in enumerate(evs)]
    return [{**row, **_evidence_cells(r, evs[0] if evs else None, len(evs))}]


_BASE: List[Tuple[str, str, Any]] = [
    ("id", _STR, None),
    ("type", _CAT, [m.value for m in RecordKind]),
    ("kind", _CAT, None),
    ("label", _STR, None),
    ("date", _STR, None),
    ("date_start", _DT, None),
    ("date_end", _DT, None),
    ("date_precision", _CAT, [m.value for m in Precision]),
    ("date_basis", _CAT, [m.value for m in Basis]),
    ("date_qualifier", _CAT, [m.value for m in DateQualifier]),
]


def _frame(pd: Any, rows: List[Dict[str, Any]], spec: List[Tuple[str, str, Any]]) -> pandas.DataFrame:
    data: Dict[str, Any] = {}
    for name, dtype, cats in spec:
        values = [row.get(name) for row in rows]
        if dtype == _CAT:
            data[name] = pd.Categorical(values, categories=cats if cats is not None else sorted({v for v in values if v is not None}))
        elif dtype == _DT:
            data[name] = pd.to_datetime(pd.Series(values, dtype=object), errors="raise").astype(_DT)
        else:
            data[name] = pd.Series(values, dtype=dtype)
    df: pandas.DataFrame = pd.DataFrame(data)
    return df


def to_dataframe(
    items: Union[Record, Sequence[Any]],
    *,
    explode_evidence: bool = False,
    record_type: Union[str, RecordKind, Type[Record], None] = None,
) -> pandas.DataFrame:
    """See :func:`syriatalks.to_dataframe`."""
    pd = _pandas()
    if isinstance(items, Record):
        items = [items]
    items = list(items)
    if items and all(isinstance(x, SearchHit) for x in items):
        spec = [
            ("type", _CAT, [m.value for m in RecordKind]),
            ("id", _STR, None),
            ("label", _STR, None),
            ("field", _CAT, None),
            ("span_start", _INT, None),
            ("span_end", _INT, None),
            ("snippet", _STR, None),
        ]
        rows = [
            {"type": h.record.type.value, "id": h.record.id, "label": h.record.label, "field": h.field, "span_start": h.span.start, "span_end": h.span.end, "snippet": h.snippet}
            for h in items
        ]
        return _frame(pd, rows, spec)
    if items and all(isinstance(x, Candidate) for x in items):
        spec = [
            ("id", _STR, None),
            ("name", _STR, None),
            ("kind", _CAT, [m.value for m in _vocab.ActorKind]),
            ("matched", _STR, None),
            ("how", _CAT, [m.value for m in _vocab.MatchKind]),
            ("score", _FLOAT, None),
        ]
        rows = [{"id": c.actor.id, "name": c.actor.name, "kind": c.actor.kind.value, "matched": c.matched, "how": c.how.value, "score": c.score} for c in items]
        return _frame(pd, rows, spec)
    bad = [x for x in items if not isinstance(x, Record)]
    if bad:
        raise TypeError(f"to_dataframe takes records, search hits or candidates, not {type(bad[0]).__name__}")
    # Which record classes: from the type asked for, else from the items.
    classes: List[Type[Record]] = []
    if record_type is not None:
        if isinstance(record_type, type):
            classes = [record_type]
        else:
            classes = [RECORD_CLASSES[str(getattr(record_type, "value", record_type))]]
    for x in items:
        if type(x) not in classes:
            classes.append(type(x))
    spec = list(_BASE)
    if len(classes) == 1:
        spec[2] = ("kind", _CAT, _kind_vocab(classes[0]))
    else:
        spec[2] = ("kind", _CAT, _kind_categories())
    seen = {name for name, _, _ in spec}
    own: List[Tuple[str, str, Any]] = []
    for cls in classes:
        for col in _columns_for(cls):
            if col[0] not in seen:
                seen.add(col[0])
                own.append(col)
    spec += own + list((n, t, None) for n, t in _EVIDENCE_COLUMNS)
    if explode_evidence:
        spec.append(("evidence_index", _INT, None))
    rows = [row for r in items for row in _record_rows(r, own, explode_evidence)]
    return _frame(pd, rows, spec)
