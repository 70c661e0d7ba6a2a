"""syriatalks: a typed, source-cited dataset of the Syrian peace talks.

Who met where and when, who said what, which figures were claimed by whom -- and where it is
written: every record carries the exact words of the article it comes from (``record.evidence``,
``record.sources``), checked verbatim when the dataset loads.

Quick start::

    import syriatalks as st
    st.events(since="2016-02", until="2016-02")            # what happened in February 2016
    st.rounds(kind="geneva")                                 # the Geneva rounds
    st.in_session("2017-02-23")                              # which round was in session
    st.resolve_actor("Jaafari")[0].actor                     # who is meant by a name
    st.figure_series("deaths")                               # death tolls, claim by claim
    st.search("Hardatneen")                                  # words in records and articles
    st.to_dataframe("event")                                 # a pandas DataFrame (needs pandas)
    st.plot_timeline().savefig("timeline.png")               # a figure (needs matplotlib)
    ds = st.load("my-dataset/")                              # your own records, same validation

The module-level functions query the embedded dataset; :func:`load` returns a :class:`Dataset`
with the same methods. Filters are keyword arguments (see ``help(syriatalks.events)``).
"""

from __future__ import annotations

import os

from . import _lazyhints, _native
from ._native import ArrowTable
from ._dataset import FILTER_HELP, FILTERS, Dataset
from ._errors import (
    DateError,
    EmptyRangeError,
    Error,
    FilterError,
    FilterTypeError,
    LimitError,
    LoadError,
    MissingDependencyError,
    NotFoundError,
    Problem,
    RetiredIdWarning,
    UnknownFilterError,
    UnknownKindError,
)
from ._records import (
    Actor,
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
    RecordList,
    Role,
    Round,
    SearchHit,
    Source,
    Span,
)
TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import datetime
    import pathlib
    from typing import Any, Dict, List, Optional, Sequence, Tuple, Type, Union

    import matplotlib.figure
    import pandas
    import polars
    from typing_extensions import Unpack

    from ._claims import Conflict, Happening, Side
    from ._hints import DateLike, Filters, PathLike
    from ._vocab import (
        ActorKind,
        Basis,
        Certainty,
        DateQualifier,
        EventKind,
        InstrumentKind,
        LocationPrecision,
        MatchKind,
        Measure,
        ParticipantRole,
        PlaceKind,
        PloverEventType,
        Precision,
        ProblemKind,
        Process,
        Qualifier,
        RecordKind,
        Relation,
        RoundStatus,
        Topic,
    )
else:
    # The vocabulary enums are built on first use (see _vocab), not at import.
    _VOCAB_NAMES = frozenset(_native.vocabularies())

    _CLAIMS_NAMES = frozenset({"Happening", "Conflict", "Side"})

    def __getattr__(name: str) -> object:
        if name in _CLAIMS_NAMES:
            # dataclasses is imported on first use, not at `import syriatalks`.
            from . import _claims

            value = getattr(_claims, name)
            globals()[name] = value
            return value
        if name in _VOCAB_NAMES:
            from . import _vocab

            value = getattr(_vocab, name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__version__: str = _native.VERSION
#: The version of the embedded data.
DATA_VERSION: str = _native.DATA_VERSION
#: Where each seed article comes from and on what terms it is included (outlet, author, date,
#: the rights line each text carries): the text of ``SOURCES.md``, also installed beside this module.
#: The articles' rights stay with their publishers; the package licence does not cover them.
SOURCES_NOTICE: str = _native.SOURCES_NOTICE
#: How a figure with no claimant (the article states it in its own voice) is written in tables.
NO_CLAIMANT: str = _native.NO_CLAIMANT

__all__ = [
    "__version__",
    "DATA_VERSION",
    "SOURCES_NOTICE",
    "NO_CLAIMANT",
    "FILTERS",
    # datasets
    "Dataset",
    "embedded",
    "load",
    "manifest_for",
    "crosswalk",
    "site",
    # queries
    "sources",
    "actors",
    "places",
    "rounds",
    "events",
    "figures",
    "quotes",
    "positions",
    "instruments",
    "select",
    "timeline",
    "in_session",
    "sessions_on",
    "rounds_in_order",
    "days",
    "date_fit",
    "claims",
    "attestations",
    "collapse",
    "figure_series",
    "resolve_actor",
    "search",
    "get",
    "retirement",
    "cite",
    "source",
    "actor",
    "place",
    "round",
    "event",
    "figure",
    "quote",
    "position",
    "instrument",
    "counts",
    "to_dataframe",
    "plot_timeline",
    "to_arrow",
    "to_polars",
    "export",
    "ArrowTable",
    # records
    "Record",
    "RecordList",
    "Source",
    "Actor",
    "Place",
    "Round",
    "Event",
    "Figure",
    "Quote",
    "Position",
    "Instrument",
    "Evidence",
    "Span",
    "ExternalRef",
    "PartialDate",
    "Period",
    "Derivation",
    "Attested",
    "Role",
    "Membership",
    "Participant",
    "Delegation",
    "AgendaItem",
    "Candidate",
    "SearchHit",
    "Happening",
    "Conflict",
    "Side",
    # vocabularies
    "RecordKind",
    "ActorKind",
    "PlaceKind",
    "Process",
    "RoundStatus",
    "EventKind",
    "ParticipantRole",
    "Measure",
    "Qualifier",
    "Topic",
    "InstrumentKind",
    "Precision",
    "Basis",
    "DateQualifier",
    "Relation",
    "ProblemKind",
    "MatchKind",
    "Certainty",
    "LocationPrecision",
    "PloverEventType",
    # errors
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

_EMBEDDED: Optional[Dataset] = None


def embedded() -> Dataset:
    """The dataset embedded in the package (validated once, on first use); the module-level
    query functions all use it."""
    global _EMBEDDED
    if _EMBEDDED is None:
        _EMBEDDED = Dataset.embedded()
    return _EMBEDDED


def load(path: PathLike, *, with_embedded: bool = False, progress: bool = False) -> Dataset:
    return Dataset.load(path, with_embedded=with_embedded, progress=progress)


def site(path: PathLike) -> pathlib.Path:
    """Writes the evidence explorer of the embedded dataset into the folder ``path`` and returns
    the path of its ``index.html`` (see :meth:`Dataset.site`)."""
    return embedded().site(path)


def manifest_for(seeds_dir: Union[str, os.PathLike[str]]) -> str:
    """The text of ``seeds/manifest.toml`` for the seed files in ``seeds_dir`` (file, sha256 and
    length of each), so that nobody types a checksum by hand::

        Path("my-data/seeds/manifest.toml").write_text(syriatalks.manifest_for("my-data/seeds"))
    """
    return _native.manifest_for(os.fsdecode(seeds_dir))


def crosswalk() -> List[Tuple[EventKind, Optional[PloverEventType], Optional[str], str]]:
    """The event-kind crosswalk to PLOVER (draft 2.0) and CAMEO cue categories, one row per event
    kind: ``(kind, plover, cameo_root, why)``, as every :class:`Event` carries it in ``plover`` and
    ``cameo_root`` (``None`` where the standard codes no such act). docs/DATA.md lists it."""
    from . import _vocab

    return [
        (_vocab.EventKind(k), _vocab.PloverEventType(p) if p is not None else None, c, why)
        for k, p, c, why in _native.crosswalk()
    ]


def sources(**filters: Unpack[Filters]) -> RecordList[Source]:
    return embedded().sources(**filters)


def actors(**filters: Unpack[Filters]) -> RecordList[Actor]:
    return embedded().actors(**filters)


def places(**filters: Unpack[Filters]) -> RecordList[Place]:
    return embedded().places(**filters)


def rounds(**filters: Unpack[Filters]) -> RecordList[Round]:
    return embedded().rounds(**filters)


def events(**filters: Unpack[Filters]) -> RecordList[Event]:
    return embedded().events(**filters)


def figures(**filters: Unpack[Filters]) -> RecordList[Figure]:
    return embedded().figures(**filters)


def quotes(**filters: Unpack[Filters]) -> RecordList[Quote]:
    return embedded().quotes(**filters)


def positions(**filters: Unpack[Filters]) -> RecordList[Position]:
    return embedded().positions(**filters)


def instruments(**filters: Unpack[Filters]) -> RecordList[Instrument]:
    return embedded().instruments(**filters)


def select(record_type: Union[str, RecordKind, Type[Record]], **filters: Unpack[Filters]) -> RecordList[Any]:
    return embedded().select(record_type, **filters)


def timeline(**filters: Unpack[Filters]) -> RecordList[Record]:
    return embedded().timeline(**filters)


def in_session(date: DateLike) -> RecordList[Round]:
    return embedded().in_session(date)


def sessions_on(date: DateLike) -> list[tuple[Round, Certainty]]:
    return embedded().sessions_on(date)


def rounds_in_order() -> RecordList[Round]:
    return embedded().rounds_in_order()


def days(record: Record) -> Optional[tuple[datetime.date, datetime.date]]:
    return embedded().days(record)


def date_fit(
    record: Record, since: Optional[DateLike] = None, until: Optional[DateLike] = None
) -> Optional[Certainty]:
    return embedded().date_fit(record, since, until)


def claims(name: Union[str, Record]) -> Happening:
    return embedded().claims(name)


def attestations(record: Union[str, Record]) -> RecordList[Record]:
    return embedded().attestations(record)


def collapse(records: Sequence[Record]) -> list[tuple[Record, int]]:
    return embedded().collapse(records)


def figure_series(measure: Union[str, Measure]) -> RecordList[Figure]:
    return embedded().figure_series(measure)


def resolve_actor(name: str) -> RecordList[Candidate]:
    return embedded().resolve_actor(name)


def search(words: str, limit: int = 1000) -> RecordList[SearchHit]:
    return embedded().search(words, limit)


def get(id: str) -> Optional[Record]:
    return embedded().get(id)


def retirement(id: str) -> Optional[Dict[str, Optional[str]]]:
    return embedded().retirement(id)


def cite(id: str, style: str = "bibtex") -> str:
    return embedded().cite(id, style)


def source(id: str) -> Optional[Source]:
    return embedded().source(id)


def actor(id: str) -> Optional[Actor]:
    return embedded().actor(id)


def place(id: str) -> Optional[Place]:
    return embedded().place(id)


def round(id: str) -> Optional[Round]:
    return embedded().round(id)


def event(id: str) -> Optional[Event]:
    return embedded().event(id)


def figure(id: str) -> Optional[Figure]:
    return embedded().figure(id)


def quote(id: str) -> Optional[Quote]:
    return embedded().quote(id)


def position(id: str) -> Optional[Position]:
    return embedded().position(id)


def instrument(id: str) -> Optional[Instrument]:
    return embedded().instrument(id)


def counts() -> dict[str, int]:
    return embedded().counts()


def to_dataframe(
    what: Union[str, RecordKind, Type[Record], Record, Sequence[Any]] = "timeline",
    *,
    explode_evidence: bool = False,
    **filters: Unpack[Filters],
) -> pandas.DataFrame:
    """One call from records to a :class:`pandas.DataFrame` with real dtypes.

    ``what`` is a record type of the embedded dataset (``"event"``, ``"figure"``, ``Event``…, with
    the filters applied), ``"timeline"`` (the default), or any query result (a list of records,
    search hits or candidates) or a single record.

    Columns: the record type's table in its flat form (docs/TABLES.md, the same columns as
    ``syriatalks export --format csv``), read natively through Arrow, so a frame of a million
    records is built without a Python object per record. ``id``, then ``label``; ids and
    vocabulary words as categoricals (every word of the vocabulary a category: ``kind``,
    ``date_precision``, ``date_basis``…); for the main date ``date`` (EDTF: ``"2016-02"``,
    ``"2014-01~"``), ``date_first``/``date_last`` (``datetime64[ns]``: the first and last day the
    stated date covers) and ``days_first``/``days_last`` (the days once anchors are applied, what
    date filters compare); lists of ids joined with ``"; "``; lists of structs (``actors`` with
    their roles, ``evidence``, ``roles``, ``delegations``…) as JSON text; numbers as nullable
    ``Int64``. Every row cites its evidence: ``source``, ``quote``, ``quote_start``/``quote_end``
    (byte span), ``source_title``, ``source_outlet``, ``source_published``, ``source_url``,
    ``n_evidence`` and ``all_sources``. With ``explode_evidence=True`` there is one row per
    evidence entry (``evidence_index``) instead of one per record, without the ``evidence`` list
    and ``all_sources`` (each row names its own); a record whose rows would hold more than
    16 MiB of text (its cells on every row) raises :class:`syriatalks.LimitError` naming it
    (read it unexploded). The timeline, or a list of
    records of several types, adds ``type`` and ``kind`` (the kind word of every type: event kind,
    round process, figure measure…) and has the union of their columns.

    Raises :class:`syriatalks.MissingDependencyError` (an ``ImportError``) saying what to install
    when pandas or pyarrow is missing.
    """
    from ._frame import to_dataframe as _to_df

    if isinstance(what, (str, type)):
        return embedded().to_dataframe(what, explode_evidence=explode_evidence, **filters)
    if filters:
        raise UnknownFilterError(
            "filters apply to a record type or 'timeline', not to a list of results already selected",
            name=next(iter(filters)),
            valid=FILTERS,
        )
    return _to_df(what, explode_evidence=explode_evidence)


def plot_timeline(**filters: Unpack[Filters]) -> matplotlib.figure.Figure:
    return embedded().plot_timeline(**filters)


def to_arrow(record_type: Union[str, RecordKind, Type[Record]], **filters: Unpack[Filters]) -> ArrowTable:
    return embedded().to_arrow(record_type, **filters)


def to_polars(record_type: Union[str, RecordKind, Type[Record]], **filters: Unpack[Filters]) -> polars.DataFrame:
    return embedded().to_polars(record_type, **filters)


def export(
    path: PathLike,
    format: str = "parquet",
    *,
    partition: Optional[str] = None,
    record_type: Union[str, RecordKind, Type[Record], None] = None,
    **filters: Unpack[Filters],
) -> List[str]:
    return embedded().export(path, format, partition=partition, record_type=record_type, **filters)


for _f in (
    load,
    sources,
    actors,
    places,
    rounds,
    events,
    figures,
    quotes,
    positions,
    instruments,
    select,
    timeline,
    in_session,
    sessions_on,
    rounds_in_order,
    days,
    date_fit,
    claims,
    attestations,
    collapse,
    figure_series,
    resolve_actor,
    search,
    get,
    retirement,
    cite,
    source,
    actor,
    place,
    round,
    event,
    figure,
    quote,
    position,
    instrument,
    counts,
    plot_timeline,
    to_arrow,
    to_polars,
    export,
):
    _doc = getattr(Dataset, _f.__name__).__doc__
    if _f.__doc__ is None and _doc:
        _f.__doc__ = _doc + (
            "\n\nQueries the embedded dataset; ``syriatalks.load(path)`` returns a Dataset with the same method."
            if _f is not load
            else ""
        )
del _f, _doc
assert FILTER_HELP
_lazyhints.install(__name__, globals())
