"""Type hints resolve at run time (issue 9): polars, pydantic and cattrs call
``typing.get_type_hints``, which failed with ``NameError`` on names imported only for type checkers.
``import syriatalks`` still pays for none of them (test_native checks the import cost)."""

from __future__ import annotations

import inspect
import subprocess
import sys
import typing

import syriatalks as st
from syriatalks._records import RECORD_CLASSES


def _functions() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [(n, getattr(st, n)) for n in st.__all__ if inspect.isfunction(getattr(st, n))]
    for name, value in vars(st.Dataset).items():
        f = getattr(value, "__func__", value)
        if inspect.isfunction(f):
            out.append((f"Dataset.{name}", f))
    return out


def test_every_record_class_dataset_and_query_function_has_resolvable_hints() -> None:
    for cls in [*RECORD_CLASSES.values(), st.Record, st.Dataset, st.RecordList, st.PartialDate, st.Evidence]:
        typing.get_type_hints(cls)
    functions = _functions()
    assert len(functions) > 60
    for name, f in functions:
        hints = typing.get_type_hints(f)
        assert "return" in hints, name
        assert not any(isinstance(h, (str, typing.ForwardRef)) for h in hints.values()), (name, hints)


def test_hints_name_the_real_classes() -> None:
    hints = typing.get_type_hints(st.events)
    assert hints["return"] == st.RecordList[st.Event]
    assert typing.get_type_hints(st.load)["return"] is st.Dataset
    assert typing.get_type_hints(st.Dataset.figure_series)["measure"] == typing.Union[str, st.Measure]
    assert typing.get_args(typing.get_type_hints(st.in_session)["date"])[-1] is st.PartialDate


def test_reading_hints_imports_typing_only_then() -> None:
    code = (
        "import sys, syriatalks as st\n"
        "assert 'typing' not in sys.modules and 'enum' not in sys.modules\n"
        "print(st.events.__annotations__['return'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert "RecordList" in out and "Event" in out
