"""The record classes: native, immutable, defined once in Rust (``syriatalks._native``).

Every record has an ``id``, its fields as attributes (kinds as enum members, dates as
:class:`PartialDate`, lists as tuples), ``evidence`` (the exact words of a source that state it),
``sources`` (the articles those words come from), equality and hashing by value, a short ``repr``,
:meth:`Record.to_dict` (the same shape as the JSON export) and an HTML view for Jupyter. A record
object is a handle on its dataset; each field becomes a Python object when it is read.
"""

from __future__ import annotations

from . import _lazyhints
from ._native import (
    Actor,
    ArrowTable,
    AgendaItem,
    Attested,
    Candidate,
    Delegation,
    Derivation,
    Event,
    Evidence,
    ExternalRef,
    Figure,
    Instrument,
    Membership,
    PartialDate,
    Participant,
    Period,
    Place,
    Position,
    Quote,
    Record,
    Role,
    Round,
    SearchHit,
    Source,
    Span,
    records_to_arrow,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Dict, List, Optional, Type, TypeVar

    import pandas

    T = TypeVar("T")
else:
    T = object  # only subscripts `list` below; the class is generic for type checkers

__all__ = [
    "Span",
    "Evidence",
    "ExternalRef",
    "Derivation",
    "PartialDate",
    "Period",
    "Attested",
    "Role",
    "Membership",
    "Participant",
    "Delegation",
    "AgendaItem",
    "Record",
    "Source",
    "Actor",
    "Place",
    "Round",
    "Event",
    "Figure",
    "Quote",
    "Position",
    "Instrument",
    "Candidate",
    "SearchHit",
    "RecordList",
]

RECORD_CLASSES: Dict[str, Type[Record]] = {
    "source": Source,
    "actor": Actor,
    "place": Place,
    "round": Round,
    "event": Event,
    "figure": Figure,
    "quote": Quote,
    "position": Position,
    "instrument": Instrument,
}


class RecordList(list[T]):
    """A list of query results that shows as a table in Jupyter and turns into a DataFrame."""

    #: For search results: whether there were more hits than the limit let through.
    more: bool = False

    #: The record type, when one query of one type made the list (``"event"``…): its frame keeps
    #: that type's columns even when the list is empty.
    # A type comment, not an annotation: the annotation would need `typing.Optional` at run time
    # (typing.get_type_hints), and `import syriatalks` imports no `typing`.
    record_type = None  # type: Optional[str]

    def to_dataframe(self, *, explode_evidence: bool = False) -> pandas.DataFrame:
        """These results as a :class:`pandas.DataFrame` (see :func:`syriatalks.to_dataframe`)."""
        from ._frame import to_dataframe

        return to_dataframe(self, explode_evidence=explode_evidence, record_type=self.record_type)

    def to_arrow(self) -> ArrowTable:
        """These records (all of one type, from one dataset) as an Arrow table, in this order:
        see :meth:`syriatalks.Dataset.to_arrow`."""
        # The element type is checked natively: anything but a record is a TypeError there.
        return records_to_arrow(self)  # type: ignore[arg-type]

    @property
    def ids(self) -> List[str]:
        """The ids of the records (or of the records of hits and candidates)."""
        out: List[str] = []
        for x in self:
            if isinstance(x, Record):
                out.append(x.id)
            elif isinstance(x, SearchHit):
                out.append(x.record.id)
            elif isinstance(x, Candidate):
                out.append(x.actor.id)
        return out

    def _repr_html_(self) -> str:
        from . import _html

        return _html.list_html(self)

    def __repr__(self) -> str:
        if len(self) <= 6:
            return f"RecordList({list.__repr__(self)})"
        shown = ", ".join(repr(x) for x in self[:5])
        return f"RecordList([{shown}, … {len(self) - 5} more])"

_lazyhints.install(__name__, globals())
