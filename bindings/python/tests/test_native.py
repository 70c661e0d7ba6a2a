"""The native record classes and what came with them: cheap import, the GIL released while
loading, progress, generated stubs, and the argument types issue 13 (row 10) asked for."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import syriatalks as st

HERE = Path(__file__).parent


def ids(records: object) -> list[str]:
    return [r.id for r in records]  # type: ignore[attr-defined]


# -- issue 13, row 10 ---------------------------------------------------------------------------


def test_in_session_takes_a_year_as_int(tiny: st.Dataset) -> None:
    # since=/until= took whole numbers as years; in_session refused them.
    assert ids(tiny.in_session(2016)) == ids(tiny.in_session("2016")) == ["geneva-iii"]
    assert ids(tiny.in_session(2015)) == []
    assert "geneva-iv-2017" in st.in_session(2017).ids


@pytest.mark.parametrize("value", [None, 3.5, True, b"2016", ["2016"]])
def test_in_session_wrong_type_is_a_type_error(tiny: st.Dataset, value: object) -> None:
    # in_session(None) raised DateError (a ValueError); a missing or mistyped date is a TypeError.
    with pytest.raises(st.FilterTypeError) as info:
        tiny.in_session(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, st.Error)
    assert info.value.name == "date"
    with pytest.raises(TypeError):
        st.in_session(value)  # type: ignore[arg-type]


def test_load_takes_bytes_and_pathlike(tiny_path: Path) -> None:
    # load(b"corpus") said bytes are not str.
    expected = st.load(str(tiny_path)).events()
    assert st.load(os.fsencode(tiny_path)).events() == expected

    class BytesPath:
        def __fspath__(self) -> bytes:
            return os.fsencode(tiny_path)

    assert st.load(BytesPath()).events() == expected
    assert st.Dataset.load(os.fsencode(tiny_path / "records.toml")).counts()["event"] == 3
    assert st.manifest_for(os.fsencode(tiny_path / "seeds")) == st.manifest_for(tiny_path / "seeds")


# -- loading -------------------------------------------------------------------------------------


def test_load_releases_the_gil(tiny_path: Path) -> None:
    """Another thread runs while a load is under way. With a huge switch interval the GIL only
    changes hands when a thread gives it up, so the main thread can run before the loader has
    finished only if `load` released the GIL. The loader keeps loading until the main thread has
    run (a load of the tiny dataset takes about a millisecond, which a busy machine may not
    schedule the main thread within), up to a bound."""
    state = {"finished": False}
    started = threading.Event()
    seen = threading.Event()

    def loader() -> None:
        started.set()
        for _ in range(5000):
            st.load(tiny_path)
            if seen.is_set():
                break
        state["finished"] = True

    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        t = threading.Thread(target=loader)
        t.start()
        started.wait()
        concurrent = not state["finished"]
        seen.set()
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert concurrent


def test_load_with_progress(tiny_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    ds = st.load(tiny_path, progress=True)
    assert ds.counts()["event"] == 3
    err = capfd.readouterr().err
    # Nothing until the loader reports progress; a bar, when drawn, ends its line.
    assert err == "" or (err.startswith("\rsyriatalks:") and err.endswith("%\n"))
    with pytest.raises(st.LoadError):
        st.load(tiny_path / "missing", progress=True)


# -- start-up ------------------------------------------------------------------------------------


def test_import_and_first_query_do_no_avoidable_work() -> None:
    code = (
        "import sys, syriatalks as st\n"
        "rows = st.events(since='2016-02', until='2016-02')\n"
        "assert rows and rows[0].id\n"
        "print(','.join(m for m in ('enum', 'dataclasses', 'inspect', 'typing', 'datetime', 'json') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == ""


def test_vocabularies_are_built_on_first_use() -> None:
    code = "import sys, syriatalks as st\nassert 'enum' not in sys.modules\nprint(st.EventKind.VETO.value, 'enum' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["veto", "True"]


# -- the classes ---------------------------------------------------------------------------------


def test_record_classes_are_native_and_share_a_base(tiny: st.Dataset) -> None:
    ev = tiny.events()[0]
    assert type(ev) is st.Event and isinstance(ev, st.Record)
    assert st.Event.type is st.RecordKind.EVENT and ev.type is st.RecordKind.EVENT
    assert ("date", "PartialDate") in st.Event._fields and st.Event._fields[0] == ("id", "str")
    with pytest.raises(AttributeError):
        del ev.summary  # type: ignore[misc]
    with pytest.raises(TypeError):
        st.Event()  # type: ignore[call-arg]


def test_values_pickle_and_compare(tiny: st.Dataset) -> None:
    actor = tiny.actor("de-mistura")
    rnd = tiny.round("geneva-iii")
    ev = tiny.event("hardatneen-taken")
    src = tiny.source("src-disarray")
    assert actor is not None and rnd is not None and ev is not None and src is not None
    values: list[object] = [
        ev.date,
        ev.date.derivation,
        ev.date.cited,
        ev.evidence[0],
        ev.evidence[0].span,
        ev.actors[0],
        actor.roles[0],
        rnd.period,
        src.title,
        src.author,
        st.PartialDate.parse("2016-02"),
        st.ExternalRef("A report", url="https://example.invalid"),
        tiny.resolve_actor("Jaafari")[0],
        tiny.search("Hardatneen")[0],
        st.Problem("io", "gone", file="x"),
    ]
    for v in values:
        for clone in (pickle.loads(pickle.dumps(v)), copy.deepcopy(v)):
            assert clone == v and hash(clone) == hash(v), v
    assert ev.evidence[0].span == pickle.loads(pickle.dumps(ev.evidence[0])).span
    assert len({ev.date, pickle.loads(pickle.dumps(ev.date))}) == 1


def test_partial_date_from_anything(tiny: st.Dataset) -> None:
    import datetime as dt

    assert st.PartialDate.parse(2016) == st.PartialDate.parse("2016") == st.PartialDate("2016")
    assert st.PartialDate.parse(dt.date(2016, 2, 2)).precision is st.Precision.DAY
    assert st.PartialDate.parse(dt.datetime(2016, 2, 2, 13, 0)).text == "2016-02-02"
    assert st.PartialDate.parse("2016").basis is None
    ev = tiny.event("hardatneen-taken")
    assert ev is not None
    d = ev.date  # fields are built on each read: equal every time, not the same object
    assert st.PartialDate.parse(d) is d and ev.date == d
    assert ids(tiny.events(since=ev.date)) == ids(tiny.events(since="2016-02-02"))
    with pytest.raises(st.FilterTypeError):
        st.PartialDate.parse(None)  # type: ignore[arg-type]


def test_detached_evidence_and_records(tiny: st.Dataset) -> None:
    e = st.Evidence("src-disarray", "late Monday", span=st.Span(1, 12))
    assert e.article is None and e.char_span is None and e.span == st.Span(1, 12)
    assert list(e.span) == [1, 12] and e.span[-1] == 12 and len(e.span) == 2
    ev = tiny.event("talks-under-way")
    assert ev is not None
    clone = pickle.loads(pickle.dumps(ev))
    assert repr(clone) == repr(ev) and clone.when == ev.when and clone.main_date == ev.main_date


# -- stubs ---------------------------------------------------------------------------------------


def test_stubs_are_generated_from_the_compiled_module() -> None:
    """The committed .pyi files are what stubgen.py makes from the installed module."""
    done = subprocess.run([sys.executable, str(HERE.parent / "stubgen.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout
