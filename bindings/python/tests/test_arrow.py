"""Arrow out of Python (issue 9): ``to_arrow`` through the Arrow PyCapsule interface, read by
pyarrow, polars and DuckDB, against the record API. Every expected value comes from the records."""

from __future__ import annotations

import ctypes
import datetime as dt
import subprocess
import sys
from typing import Any, Dict, List

import duckdb
import polars as pl
import pyarrow as pa
import pytest

import syriatalks as st
from syriatalks._records import RECORD_CLASSES

KINDS = list(RECORD_CLASSES)


def expected_rows(ds: st.Dataset, record_type: str, /, **filters: Any) -> List[Dict[str, Any]]:
    """What the record API says, in the table's column names."""
    out = []
    columns = set(ds.to_arrow(record_type).column_names)
    for r in ds.select(record_type, **filters):
        evs = r.evidence
        d = r.main_date
        days = ds.days(r)
        row: Dict[str, Any] = {
            "id": r.id,
            "date_first": d.start if d else None,
            "date_precision": d.precision.value if d else None,
            "days_first": days[0] if days else None,
            "days_last": days[1] if days else None,
            "evidence": [
                {
                    "source": e.source,
                    "quote": e.quote,
                    "occurrence": e.occurrence,
                    "start": e.span.start if e.span else None,
                    "end": e.span.end if e.span else None,
                }
                for e in evs
            ],
            "source": evs[0].source if evs else None,
            "quote": evs[0].quote if evs else None,
            "quote_start": evs[0].span.start if evs and evs[0].span else None,
            "quote_end": evs[0].span.end if evs and evs[0].span else None,
        }
        der = d.derivation if d else None
        row.update(
            date_derived_from=der.from_ if der else None,
            date_derived_days=der.days if der else None,
            date_derived_years=der.years if der else None,
            date_derived_weekday=der.weekday if der else None,
            date_derived_relation=der.relation.value if der and der.relation else None,
        )
        row.update(_cited("date_quote", d.cited if d else None, with_source=True))
        if record_type == "source":
            for what in ("title", "outlet", "author"):
                a = getattr(r, what)
                row[f"{what}_basis"] = a.basis.value if a else None
                row[f"{what}_occurrence"] = a.occurrence if a else None
                row[f"{what}_note"] = a.note if a else None
                row.update(_cited(f"{what}_quote", a.cited if a else None))
        if record_type == "figure":
            k = r.number_evidence
            row["number_evidence"] = k
            row["number_source"] = evs[k].source if k is not None else None
            row["number_start"] = r.number_span.start if r.number_span else None
            row["number_end"] = r.number_span.end if r.number_span else None
        if record_type == "event":
            row["actor_ids"] = [p.actor for p in r.actors]
            row["actors"] = [{"actor": p.actor, "role": p.role.value} for p in r.actors]
            row["places"] = list(r.places)
        # Only the columns this record type's table has (a source has no evidence, an actor no date).
        out.append({k: v for k, v in row.items() if k in columns})
    return out


def _cited(prefix: str, e: Any, with_source: bool = False) -> Dict[str, Any]:
    """The columns citing words the loader located: the words, their span (and source)."""
    out = {
        prefix: e.quote if e else None,
        f"{prefix}_start": e.span.start if e and e.span else None,
        f"{prefix}_end": e.span.end if e and e.span else None,
    }
    if with_source:
        out[f"{prefix}_source"] = e.source if e else None
    return out


def _normal(v: Any) -> Any:
    # DuckDB and polars give dates as datetime.date, pyarrow too; structs as dicts, lists as lists.
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, tuple):
        return [_normal(x) for x in v]
    if isinstance(v, list):
        return [_normal(x) for x in v]
    if isinstance(v, dict):
        return {k: _normal(x) for k, x in v.items()}
    return v


def _project(rows: List[Dict[str, Any]], expected: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    keys = list(expected[0]) if expected else ["id"]
    return [{k: _normal(r[k]) for k in keys} for r in rows]


def read_pyarrow(t: Any) -> List[Dict[str, Any]]:
    rows: List[Dict[str, Any]] = pa.table(t).to_pylist()
    return rows


def read_polars(t: Any) -> List[Dict[str, Any]]:
    rows: List[Dict[str, Any]] = pl.DataFrame(t).to_dicts()
    return rows


def read_duckdb(t: Any) -> List[Dict[str, Any]]:
    rel = duckdb.sql("select * from t")  # DuckDB finds the local variable `t` by name
    return [dict(zip(rel.columns, row)) for row in rel.fetchall()]


READERS = {"pyarrow": read_pyarrow, "polars": read_polars, "duckdb": read_duckdb}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reader", list(READERS))
def test_every_record_type_reads_back_as_the_record_api_says(kind: str, reader: str) -> None:
    ds = st.embedded()
    expected = expected_rows(ds, kind)
    assert expected, kind
    t = st.to_arrow(kind)
    assert (t.record_type, t.num_rows, len(t)) == (kind, len(expected), len(expected))
    got = READERS[reader](t)
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    assert _project(got, expected) == expected


@pytest.mark.parametrize("reader", list(READERS))
def test_filters_select_the_same_rows_as_the_query(reader: str) -> None:
    ds = st.embedded()
    for kind, filters in [
        ("event", {"since": "2016-02", "until": "2016-03"}),
        ("event", {"actor": "Bashar al-Jaafari"}),
        ("figure", {"kind": "deaths"}),
        ("quote", {"round": "Geneva IV"}),
        ("round", {"dates": "certain", "since": "2017", "until": "2017"}),
    ]:
        expected = expected_rows(ds, kind, **filters)
        got = READERS[reader](ds.to_arrow(kind, **filters))
        assert _project(got, expected) == expected, (kind, filters)


def test_a_loaded_dataset_and_class_or_enum_record_types(tiny: st.Dataset) -> None:
    expected = expected_rows(tiny, "event")
    assert len(expected) == 3
    for what in ("event", st.Event, st.RecordKind.EVENT):
        assert _project(read_pyarrow(tiny.to_arrow(what)), expected) == expected
    frame = tiny.to_polars("event")
    assert isinstance(frame, pl.DataFrame) and frame["id"].to_list() == [r["id"] for r in expected]


def test_an_empty_selection_still_has_its_columns() -> None:
    t = st.to_arrow("event", since="1990", until="1990")
    assert t.num_rows == 0
    table = pa.table(t)
    assert table.num_rows == 0 and table.column_names == t.column_names and "actor_ids" in t.column_names
    assert duckdb.sql("select count(*) from t").fetchall()[0] == (0,)


def test_the_capsules_are_named_as_the_interface_says_and_each_read_is_a_new_stream() -> None:
    t = st.to_arrow("figure")
    is_valid = ctypes.pythonapi.PyCapsule_IsValid
    is_valid.restype, is_valid.argtypes = ctypes.c_int, [ctypes.py_object, ctypes.c_char_p]
    assert is_valid(t.__arrow_c_stream__(), b"arrow_array_stream") == 1
    assert is_valid(t.__arrow_c_stream__(None), b"arrow_array_stream") == 1
    assert is_valid(t.__arrow_c_schema__(), b"arrow_schema") == 1
    # A capsule nobody consumed is released with it (its destructor runs the stream's release).
    for _ in range(100):
        t.__arrow_c_stream__()
    # The same object read many times, as DuckDB and others do.
    first = pa.table(t)
    assert pa.table(t).equals(first) and pa.RecordBatchReader.from_stream(t).read_all().equals(first)
    assert pa.schema(t) == first.schema and first.schema.names == t.column_names
    # A requested schema is allowed by the interface and ignored: the table has one schema.
    assert is_valid(t.__arrow_c_stream__(requested_schema=t.__arrow_c_schema__()), b"arrow_array_stream") == 1
    assert duckdb.sql("select count(*) from t").fetchall()[0] == (t.num_rows,)
    assert duckdb.sql("select count(*) from t").fetchall()[0] == (t.num_rows,)
    assert "figure" in repr(t) and str(t.num_rows) in repr(t)


def test_to_arrow_errors_are_the_query_errors() -> None:
    with pytest.raises(st.UnknownFilterError):
        st.to_arrow("event", colour="red")  # type: ignore[call-arg]
    with pytest.raises(st.UnknownKindError):
        st.to_arrow("meeting")
    with pytest.raises(st.NotFoundError):
        st.to_arrow("event", actor="nobody at all")
    with pytest.raises(st.DateError):
        st.to_arrow("event", since="February")


def test_syriatalks_needs_no_arrow_library() -> None:
    code = (
        "import sys, ctypes, syriatalks as st\n"
        "t = st.to_arrow('event', kind='veto')\n"
        "c = t.__arrow_c_stream__()\n"
        "print(t.num_rows, type(c).__name__, [m for m in ('pyarrow', 'polars', 'duckdb', 'pandas') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split(maxsplit=2)
    assert [x.strip() for x in out] == [str(len(st.events(kind="veto"))), "PyCapsule", "[]"]


def test_the_readme_one_liners_run_and_find_rows() -> None:
    import ast
    from pathlib import Path

    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith("import syriatalks as st, ")]
    assert len(lines) >= 2
    for line in lines:
        tree = ast.parse(line)
        last = tree.body.pop()
        assert isinstance(last, ast.Expr), line
        ns: Dict[str, Any] = {}
        exec(compile(tree, "README.md", "exec"), ns)
        result = eval(compile(ast.Expression(last.value), "README.md", "eval"), ns)
        rows = result.fetchall() if hasattr(result, "fetchall") else result.rows()
        assert rows, line


def test_a_list_of_records_becomes_a_table_in_its_order(tiny: st.Dataset) -> None:
    events = st.events(kind="veto")
    picked = st.RecordList([*reversed(events), events[0]])
    table = pa.table(picked.to_arrow())
    assert table["id"].to_pylist() == [e.id for e in picked]
    assert pa.table(tiny.events().to_arrow())["id"].to_pylist() == tiny.events().ids
    with pytest.raises(ValueError, match="one type from one dataset"):
        st.RecordList([*events, *st.figures()]).to_arrow()
    with pytest.raises(ValueError, match="one type from one dataset"):
        st.RecordList([*events, *tiny.events()]).to_arrow()
    with pytest.raises(ValueError, match="at least one record"):
        st.RecordList([]).to_arrow()
    import pickle

    with pytest.raises(ValueError, match="detached"):
        st.RecordList([pickle.loads(pickle.dumps(events[0]))]).to_arrow()
