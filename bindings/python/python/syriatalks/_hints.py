"""Type hints that resolve at run time, without paying for them at ``import syriatalks``.

The package's annotations are strings (``from __future__ import annotations``) naming things that
are imported only for type checkers: ``typing`` itself, the vocabulary enums, pandas. Libraries
that read hints at run time (``typing.get_type_hints`` in polars, pydantic, cattrs) evaluate those
strings in the module's namespace and failed with ``NameError``. Importing those names eagerly
would cost every ``import syriatalks`` the ``typing``, ``enum`` and ``re`` modules (a test keeps
them out), so each function's ``__annotations__`` is a :class:`LazyHints`: the same strings until
something reads them, then the objects they name, evaluated in :func:`namespace`, once.

This module is imported only on that first read (and by type checkers, for the aliases below);
:mod:`syriatalks._lazyhints` holds the cheap half that runs at import.
"""

from __future__ import annotations

import datetime
import datetime as _dt
import os
import pathlib
import sys
import typing
from enum import Enum
from typing import Any, Dict, Optional, TypeVar, Union

from . import _claims, _vocab
from ._records import PartialDate, Record

if sys.version_info >= (3, 11):
    from typing import Unpack
else:  # pragma: no cover - Python < 3.11: typing_extensions, when installed
    try:
        from typing_extensions import Unpack
    except ImportError:

        class Unpack:  # type: ignore[no-redef]
            """Stands in for typing.Unpack: the keyword arguments hint as ``Any``."""

            def __class_getitem__(cls, item: object) -> Any:
                return Any

if typing.TYPE_CHECKING:  # pragma: no cover
    import matplotlib.figure
    import pandas
    import polars
    from typing_extensions import TypedDict
else:
    from typing import TypedDict

    class _Absent:
        """An optional library that is not installed: its classes hint as ``Any``."""

        def __getattr__(self, name: str) -> Any:
            return self if name[:1].islower() else Any

    try:
        import pandas
    except ImportError:  # pragma: no cover - pandas is optional
        pandas = _Absent()
    try:
        import polars
    except ImportError:  # pragma: no cover - polars is optional
        polars = _Absent()
    try:
        import matplotlib.figure
    except ImportError:  # pragma: no cover - matplotlib is optional
        matplotlib = _Absent()

#: A date filter's value: an ISO string (full or partial), a year, a date or a PartialDate.
DateLike = Union[str, int, _dt.date, PartialDate]
#: A name filter's value: an id, a name, or the record itself.
NameLike = Union[str, Record]
#: A file system path.
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


#: The record type a typed query returns.
R = TypeVar("R", bound=Record)


class Filters(TypedDict, total=False):
    """The filter keywords every query accepts."""

    since: Optional[DateLike]
    until: Optional[DateLike]
    actor: Optional[NameLike]
    kind: Union[str, Enum, None]
    place: Optional[NameLike]
    round: Optional[NameLike]
    source: Optional[NameLike]
    text: Optional[str]
    speaker: Optional[NameLike]
    dates: Union[str, _vocab.Certainty, None]


def namespace(module: str) -> Dict[str, Any]:
    ns: Dict[str, Any] = {name: getattr(typing, name) for name in typing.__all__ if hasattr(typing, name)}
    ns.update(
        Unpack=Unpack,
        datetime=datetime,
        _dt=_dt,
        os=os,
        pathlib=pathlib,
        pandas=pandas,
        polars=polars,
        matplotlib=matplotlib,
        DateLike=DateLike,
        NameLike=NameLike,
        PathLike=PathLike,
        Filters=Filters,
        R=R,
        Enum=Enum,
    )
    ns.update({name: getattr(_claims, name) for name in _claims.__all__})
    ns.update({name: getattr(_vocab, name) for name in _vocab.__all__})
    # The module's own names (its classes, RecordList…) come last: they win.
    ns.update(vars(sys.modules[module]))
    return ns


__all__ = ["DateLike", "NameLike", "PathLike", "Filters", "namespace"]
