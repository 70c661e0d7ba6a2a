"""Corroboration results: every attestation of a happening side by side (:class:`Happening`),
with the fields they agree on and each :class:`Conflict` with every :class:`Side`'s words.

The comparison is the core crate's (``Dataset::claims``); these frozen dataclasses only hold what
it returns, so that they print, compare and pickle like plain values and pass
``typing.get_type_hints``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from ._records import Evidence, Record, RecordList

__all__ = ["Happening", "Conflict", "Side"]


@dataclass(frozen=True)
class Side:
    """One reading of a disputed field: what it ``says``, the ids of the ``records`` that say it,
    and their words (``evidence``: the quote of the date for a date, the records' evidence
    otherwise)."""

    says: str
    records: Tuple[str, ...]
    evidence: Tuple[Evidence, ...]


@dataclass(frozen=True)
class Conflict:
    """A ``field`` on which the attestations disagree (``date``, ``period``, ``value``, ``kind``,
    ``actors.agent``…), with every ``side`` and a ``note`` when context matters (figures claimed
    at different times)."""

    field: str
    sides: Tuple[Side, ...]
    note: Optional[str]


@dataclass(frozen=True)
class Happening:
    """Every attestation of one happening, side by side.

    ``key`` is the happening key the records share (``None`` for a record that shares none),
    ``attestations`` the records in the order of their days, ``sources`` how many articles attest
    it, ``agree`` the fields every attestation that gives them agrees on, ``conflicts`` the
    fields on which they differ, computed by the core, never typed by hand.
    """

    key: Optional[str]
    attestations: RecordList[Record]
    sources: int
    agree: Tuple[str, ...]
    conflicts: Tuple[Conflict, ...]

    @classmethod
    def _from_native(cls, raw: tuple) -> Happening:  # type: ignore[type-arg]
        key, records, sources, agree, conflicts = raw
        return cls(
            key=key,
            attestations=RecordList(records),
            sources=sources,
            agree=tuple(agree),
            conflicts=tuple(
                Conflict(
                    field=field,
                    note=note,
                    sides=tuple(Side(says=says, records=tuple(ids), evidence=tuple(ev)) for says, ids, ev in sides),
                )
                for field, note, sides in conflicts
            ),
        )
