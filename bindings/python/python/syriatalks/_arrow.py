"""Arrow tables of the records, and the frames and files made from them.

The tables themselves are native (:class:`syriatalks.ArrowTable`, built by the Rust crate
``syriatalks-tables``, one schema per record type); they implement the Arrow PyCapsule interface,
so pyarrow, polars and DuckDB read them without syriatalks importing any of them. This module only
turns a table into a polars frame, each library imported on first use.
"""

from __future__ import annotations

from ._errors import MissingDependencyError
from ._native import ArrowTable

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import polars

__all__ = ["ArrowTable", "to_polars"]


def to_polars(table: ArrowTable) -> polars.DataFrame:
    """The table as a :class:`polars.DataFrame` (read through the Arrow C stream, no copy)."""
    try:
        import polars
    except ImportError as e:
        raise MissingDependencyError("syriatalks.to_polars needs polars: pip install polars") from e
    return polars.DataFrame(table)
