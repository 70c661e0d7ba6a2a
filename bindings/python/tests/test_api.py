"""The package surface: docstrings, vocabularies in step with the core, the native module."""

from __future__ import annotations

import inspect
import pydoc

import syriatalks as st
from syriatalks import _native


def test_every_public_name_is_documented() -> None:
    for name in st.__all__:
        obj = getattr(st, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert obj.__doc__ and obj.__doc__.strip(), name
    for name, member in inspect.getmembers(st.Dataset):
        if not name.startswith("_"):
            assert member.__doc__, f"Dataset.{name}"


def test_help_answers_the_question() -> None:
    text = pydoc.render_doc(st.events, renderer=pydoc.plaintext)
    for word in ("since=", "until=", "actor=", "kind=", "place=", "round=", "source=", "text=", "EventKind", "UnknownFilterError"):
        assert word in text, word
    assert "in session" in pydoc.render_doc(st.in_session, renderer=pydoc.plaintext)
    assert "LoadError" in (st.load.__doc__ or "")


def test_vocabularies_match_the_core() -> None:
    native = _native.vocabularies()
    for name, words in native.items():
        enum = getattr(st, name)
        assert tuple(m.value for m in enum) == tuple(words), name
    assert st.FILTERS == tuple(_native.FILTERS)


def test_native_module() -> None:
    assert _native.VERSION == st.__version__
    assert _native.date_bounds("2016-02") == (2016, 2, None, "2016-02-01", "2016-02-29")
    assert _native.NativeDataset.embedded().is_embedded
