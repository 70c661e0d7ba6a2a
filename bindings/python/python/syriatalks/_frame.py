"""pandas DataFrames of records, read from their Arrow tables.

A record frame is the *flat form* of the record type's Arrow table (docs/TABLES.md: the same
columns as the CSV export), built natively by ``syriatalks-tables`` and handed over the Arrow C
stream to pyarrow, which makes the pandas columns: no Python object per record on the way.

pandas and pyarrow are optional: a frame asked for without them raises
:class:`syriatalks.MissingDependencyError` saying what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Sequence, Tuple, Type, Union

from . import _native, _vocab
from ._errors import LimitError, MissingDependencyError
from ._native import ArrowTable
from ._records import RECORD_CLASSES, Candidate, Record, SearchHit
from ._vocab import RecordKind

if TYPE_CHECKING:  # pragma: no cover
    import pandas

_INSTALL = "pip install pandas pyarrow  (or: pip install 'syriatalks[pandas]')"

#: Words of the exploded form's size refusal (crates/syriatalks-tables/src/flat.rs), which reaches
#: pyarrow as an ``ArrowInvalid`` message; a test holds the two together.
_EXPLODE_LIMIT = "bytes for one record; read it unexploded"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised by a test with pandas hidden
        raise MissingDependencyError(f"syriatalks.to_dataframe needs pandas: {_INSTALL}") from e
    return pandas


def _pyarrow() -> Any:
    import importlib

    try:
        # By name: pyarrow ships no type stubs, and this module only hands it a table.
        return importlib.import_module("pyarrow")
    except ImportError as e:  # pragma: no cover - exercised by a test with pyarrow hidden
        raise MissingDependencyError(f"syriatalks.to_dataframe reads the records' Arrow tables with pyarrow: {_INSTALL}") from e


#: Columns of the small frames of search hits and candidates.
_CAT = "category"
_STR = "string"
_INT = "Int64"
_FLOAT = "float64"

#: The column of each record type that holds its kind word (the timeline's `kind` column).
_KIND_COLUMN = {"actor": "kind", "place": "kind", "round": "process", "event": "kind", "figure": "measure", "position": "topic", "instrument": "kind"}


def frame_of_table(table: ArrowTable) -> pandas.DataFrame:
    """A flat Arrow table as a pandas frame: dictionary columns as categoricals (every vocabulary
    word a category), strings as ``string``, integers as nullable ``Int64``, days as
    ``datetime64[ns]``."""
    pd = _pandas()
    pa = _pyarrow()
    try:
        t = pa.table(table)
    except pa.ArrowInvalid as e:
        # The native stream's own limit (syriatalks_tables::MAX_EXPLODED_RECORD_BYTES) reaches
        # pyarrow as text only; give it the package's type, the message unchanged.
        message = str(e).removeprefix("Invalid argument error: ")
        if _EXPLODE_LIMIT in message:
            raise LimitError(message) from None
        raise
    # Cast before converting: unsigned and day columns have no nullable pandas dtype of their own.
    fields = []
    for f in t.schema:
        if f.name == "id":
            # A record's id is its key, unique per row: a string, not a category of one.
            fields.append(f.with_type(pa.string()))
        elif pa.types.is_unsigned_integer(f.type):
            fields.append(f.with_type(pa.int64()))
        elif pa.types.is_date32(f.type):
            fields.append(f.with_type(pa.timestamp("ns")))
        else:
            fields.append(f)
    t = t.cast(pa.schema(fields, metadata=t.schema.metadata))
    mapping = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype()}
    df: pandas.DataFrame = t.to_pandas(types_mapper=mapping.get)
    return df


def records_frame(
    items: Sequence[Record],
    *,
    explode_evidence: bool = False,
    record_type: Union[str, RecordKind, Type[Record], None] = None,
) -> pandas.DataFrame:
    """The frame of records already selected: one type's flat table, or, for records of several
    types (the timeline), each type's table in the records' order with ``type`` and ``kind``
    columns added."""
    pd = _pandas()
    _pyarrow()  # before any work: say what is missing first
    kinds = list(dict.fromkeys(x.type.value for x in items))
    if len(kinds) == 1 or (not items and record_type is not None):
        word = _type_word(record_type) if record_type is not None else kinds[0]
        return frame_of_table(_native.records_to_arrow(list(items), True, explode_evidence, word))
    if not items:
        empty: pandas.DataFrame = pd.DataFrame({"type": pd.Categorical([], categories=[k.value for k in RecordKind]), "id": pd.Series([], dtype=_STR)})
        return empty
    parts = []
    for kind in kinds:
        positions = [i for i, x in enumerate(items) if x.type.value == kind]
        part = frame_of_table(_native.records_to_arrow([items[i] for i in positions], True, explode_evidence))
        if "evidence_index" in part.columns:
            # Exploded, a record's rows are contiguous and number its evidence from 0 (one null
            # row when it has none): a record starts wherever the index is 0 or null.
            starts = part["evidence_index"].fillna(0).eq(0).to_numpy()
            order = [positions[k] for k in starts.cumsum() - 1]
        else:
            order = positions
        part.insert(0, "_order", order)
        part.insert(2, "type", kind)
        column = _KIND_COLUMN.get(kind)
        words = None if column is None else (part.pop(column) if column == "kind" else part[column]).astype(object)
        part.insert(3, "kind", words)
        parts.append(part)
    return _concat(pd, parts)


def _type_word(record_type: Union[str, RecordKind, Type[Record]]) -> str:
    if isinstance(record_type, type):
        return str(record_type.type.value)
    return str(getattr(record_type, "value", record_type))


def _concat(pd: Any, parts: List[pandas.DataFrame]) -> pandas.DataFrame:
    """Frames of several record types as one, in the records' order: categoricals keep a category
    for every word any part has, in the order met."""
    cats: Dict[str, Dict[Any, None]] = {}
    for p in parts:
        for c in p.columns:
            if isinstance(p[c].dtype, pd.CategoricalDtype):
                cats.setdefault(c, {}).update(dict.fromkeys(p[c].cat.categories))
    df: pandas.DataFrame = pd.concat(parts, ignore_index=True, sort=False).sort_values("_order", kind="stable")
    df = df.drop(columns="_order").reset_index(drop=True)
    for c, categories in cats.items():
        df[c] = pd.Categorical(df[c].astype(object), categories=list(categories))
    df["type"] = pd.Categorical(df["type"], categories=[k.value for k in RecordKind])
    words: Dict[str, None] = {}
    for cls in (_vocab.ActorKind, _vocab.PlaceKind, _vocab.Process, _vocab.EventKind, _vocab.Measure, _vocab.Topic, _vocab.InstrumentKind):
        words.update(dict.fromkeys(m.value for m in cls))
    df["kind"] = pd.Categorical(df["kind"], categories=list(words))
    return df


def _frame(pd: Any, rows: List[Dict[str, Any]], spec: List[Tuple[str, str, Any]]) -> pandas.DataFrame:
    data: Dict[str, Any] = {}
    for name, dtype, cats in spec:
        values = [row.get(name) for row in rows]
        if dtype == _CAT:
            data[name] = pd.Categorical(values, categories=cats if cats is not None else sorted({v for v in values if v is not None}))
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
    return records_frame(items, explode_evidence=explode_evidence, record_type=record_type)
