"""The exceptions of syriatalks.

Every error the package raises is a :class:`syriatalks.Error`. Bad filter *values* are also
:class:`ValueError` (unknown kind word, unknown actor/place/round/source, malformed date, empty
range); bad filter *names or types* are also :class:`TypeError`. A dataset that does not validate
raises :class:`LoadError`, which lists every problem found with its file, line, record and field.
A request over a documented limit (a record too wide to explode) raises :class:`LimitError`, also
a :class:`ValueError`.

Plain classes, so that importing them costs next to nothing.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any, Optional, Sequence, Tuple

__all__ = [
    "Error",
    "LoadError",
    "Problem",
    "FilterError",
    "UnknownFilterError",
    "FilterTypeError",
    "UnknownKindError",
    "NotFoundError",
    "DateError",
    "EmptyRangeError",
    "MissingDependencyError",
    "LimitError",
    "RetiredIdWarning",
]


class Error(Exception):
    """The base class of every syriatalks error."""


class Problem:
    """One problem found while loading a dataset, with where it is.

    ``kind`` is a stable word (``misquote``, ``checksum``, ``unknown_reference``…, see
    :class:`syriatalks.ProblemKind`); ``file``/``line`` locate it; ``record`` is the id of the
    record concerned and ``field`` the field path (``evidence[0].quote``). Immutable.
    """

    __slots__ = ("kind", "message", "file", "line", "record", "field")
    kind: str
    message: str
    file: Optional[str]
    line: Optional[int]
    record: Optional[str]
    field: Optional[str]

    def __init__(
        self,
        kind: str,
        message: str,
        file: Optional[str] = None,
        line: Optional[int] = None,
        record: Optional[str] = None,
        field: Optional[str] = None,
    ) -> None:
        for name, value in (("kind", kind), ("message", message), ("file", file), ("line", line), ("record", record), ("field", field)):
            object.__setattr__(self, name, value)

    def _key(self) -> Tuple[Any, ...]:
        return (self.kind, self.message, self.file, self.line, self.record, self.field)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Problem is immutable: cannot assign to {name!r}")

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Problem, self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"Problem({fields})"

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line is not None else f"{self.file}: "
        rec = ""
        if self.record is not None:
            rec = f"record `{self.record}`" + (f" field `{self.field}`" if self.field else "") + ": "
        return f"{where}{rec}{self.message} [{self.kind}]"


class LoadError(Error):
    """A dataset did not load. ``problems`` lists every problem found, in file order."""

    problems: Tuple[Problem, ...]

    def __init__(self, message: str, problems: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(
            p
            if isinstance(p, Problem)
            else Problem(
                kind=str(p["kind"]),
                message=str(p["message"]),
                file=p.get("file"),
                line=p.get("line"),
                record=p.get("record"),
                field=p.get("field"),
            )
            for p in problems
        )

    @property
    def records(self) -> Tuple[str, ...]:
        """The ids of the records the problems concern, without repeats, in order."""
        seen: dict[str, None] = {}
        for p in self.problems:
            if p.record is not None:
                seen.setdefault(p.record, None)
        return tuple(seen)

    def mentions(self, record_id: str) -> bool:
        """Whether any problem concerns the record with this id."""
        return any(p.record == record_id for p in self.problems)

    def of_kind(self, kind: str) -> Tuple[Problem, ...]:
        """The problems of one kind (``"misquote"``…)."""
        return tuple(p for p in self.problems if p.kind == str(getattr(kind, "value", kind)))


class FilterError(Error):
    """A query's filters cannot be used as given."""


class UnknownFilterError(FilterError, TypeError):
    """A keyword argument that is not a filter. ``valid`` lists the filters."""

    def __init__(self, message: str, name: str = "", valid: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.name = name
        self.valid: Tuple[str, ...] = tuple(valid)


class FilterTypeError(FilterError, TypeError):
    """A filter or date value of a type that cannot be used (``since=3.5``, ``in_session(None)``)."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


class UnknownKindError(FilterError, ValueError):
    """A kind word outside the vocabulary of the record type queried. ``valid`` lists the words."""

    def __init__(self, message: str, word: str = "", record_type: str = "", valid: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.word = word
        self.record_type = record_type
        self.valid: Tuple[str, ...] = tuple(valid)


class NotFoundError(FilterError, ValueError):
    """No actor, place, round or source goes by the name given. ``suggestions`` are close names."""

    def __init__(self, message: str, what: str = "", name: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.what = what
        self.name = name
        self.suggestions: Tuple[str, ...] = tuple(suggestions)


class DateError(FilterError, ValueError):
    """A malformed date (expected ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a ``datetime.date``)."""

    def __init__(self, message: str, text: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.text = text
        self.reason = reason


class EmptyRangeError(FilterError, ValueError):
    """``since`` comes after ``until``."""

    def __init__(self, message: str, since: str = "", until: str = "") -> None:
        super().__init__(message)
        self.since = since
        self.until = until


class MissingDependencyError(Error, ImportError):
    """An optional dependency (pandas, matplotlib) is not installed; the message says what to install."""


class LimitError(Error, ValueError):
    """A request over one of the documented limits that keep every answer linear in the data (a
    record whose exploded rows would hold more than 16 MiB of text). The message names the
    record, the size and the limit, and says what to do instead."""


class RetiredIdWarning(UserWarning):
    """A look-up by a retired id: the record returned is its replacement. The message says which
    id replaced which, from which data version on, and why (``syriatalks.retirement(id)`` gives
    the same as a dict). Ids never change meaning; a retired one leads to what replaced it."""
