"""The :class:`Dataset`: the embedded dataset or a user's, and every query over it.

Every method calls the core crate through the native module; nothing is filtered here.
"""

from __future__ import annotations

import os

from . import _lazyhints, _native
from ._errors import NotFoundError
from ._native import ArrowTable
from ._records import (
    Actor,
    Candidate,
    Event,
    Figure,
    Instrument,
    PartialDate,
    Place,
    Position,
    Quote,
    Record,
    RecordList,
    Round,
    SearchHit,
    Source,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    import datetime as _dt
    import pathlib
    from enum import Enum
    from typing import Any, Dict, List, Optional, Sequence, Tuple, Type, TypeVar, Union

    import matplotlib.figure
    import pandas
    import polars
    from typing_extensions import Unpack


    from ._claims import Happening
    from ._hints import DateLike, Filters, NameLike, PathLike
    from ._vocab import Certainty, Measure, RecordKind

    R = TypeVar("R", bound=Record)


__all__ = ["Dataset", "FILTERS", "FILTER_HELP"]

#: The filter keywords every query accepts.
FILTERS = tuple(_native.FILTERS)

FILTER_HELP = """
Filters (keyword arguments, all optional; the ones given must all match):

* ``since=``, ``until=`` -- a ``datetime.date`` or an ISO string, full or partial (``"2016"``,
  ``"2016-02"``, ``"2016-02-01"``). A record matches when the days it covers touch the range, so a
  record dated only "February 2016" matches ``since="2016-02-15"``.
* ``actor=`` -- an actor id or any of their names (``"Bashar al-Jaafari"``, ``"bashar jaafari"``
  and ``"bashar-al-jaafari"`` match: case, diacritics and ``al-`` are ignored), or an
  :class:`Actor`. A name that is no actor's whole name matches every actor whose name contains all
  its words: ``"Jaafari"`` matches Bashar al-Jaafari, ``"Bashar"`` both Bashar al-Assad and Bashar
  al-Jaafari, ``"Syrian"`` every Syrian party (use an id, or ``speaker=`` for quotes, to be exact).
* ``kind=`` -- a kind word of the record type (a string or enum member: ``"veto"`` or
  ``EventKind.VETO`` for events, a ``Measure`` for figures, a ``Topic`` for positions, a
  ``Process`` for rounds); in a timeline also a record type (``"quote"``).
* ``place=`` -- a place id or name; places within it match too.
* ``round=`` -- a round id or name (``"geneva-iv-2017"``, ``"Geneva IV"``), or a :class:`Round`.
* ``source=`` -- a source id or seed file name: records with evidence from that article.
* ``text=`` -- words that must occur in the record's fields or evidence (case and accents ignored).
* ``speaker=`` -- quotes said by this actor (an id, a name as for ``actor=``, or an
  :class:`Actor`); only quotes match it, and not those merely addressed to the actor.
* ``dates=`` -- how ``since``/``until`` select: ``"possible"`` (the default) keeps every record
  that may fall in the range (its days touch it), ``"certain"`` only those whose every possible
  day lies in it. A record's days are its dates narrowed by its anchors (``during``, ``after``,
  ``before``); :meth:`Dataset.date_fit` says which applies to one record.

Errors: an unknown keyword raises :class:`syriatalks.UnknownFilterError` (a ``TypeError``) listing
the valid ones; an unknown kind word, name or a malformed date raises a ``ValueError`` subclass of
:class:`syriatalks.FilterError` (``UnknownKindError``, ``NotFoundError``, ``DateError``,
``EmptyRangeError``) naming what is valid.
"""

def _word(record_type: Union[str, RecordKind, Type[Record]]) -> str:
    if isinstance(record_type, type) and issubclass(record_type, Record):
        return str(record_type.type.value)
    return str(getattr(record_type, "value", record_type))


def _doc(extra: str) -> str:
    return extra.rstrip() + "\n" + FILTER_HELP


class Dataset:
    """A validated dataset: the embedded one (:func:`syriatalks.embedded`) or a user's
    (:func:`syriatalks.load`). Every module-level query function is also a method here.
    """

    __slots__ = ("_native", "_folder")

    def __init__(self, native: _native.NativeDataset, folder: Optional[str] = None) -> None:
        self._native = native
        # The folder a dataset was loaded from: its audit/ exclusions go on the site's articles.
        self._folder = folder

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def embedded(cls) -> Dataset:
        """The dataset embedded in the package (validated on first use)."""
        return cls(_native.NativeDataset.embedded())

    @classmethod
    def load(cls, path: PathLike, *, with_embedded: bool = False, progress: bool = False) -> Dataset:
        """Loads a user's dataset: a folder of ``*.toml`` record files with a ``seeds/`` folder
        (article texts and ``manifest.toml``), or a single record file with ``seeds/`` beside it.

        It goes through the same validation as the embedded data: every evidence quote must occur
        verbatim in its source, every reference must name a record, every seed must match the
        manifest. With ``with_embedded=True`` the records are added on top of the embedded ones
        (and may cite them). Raises :class:`syriatalks.LoadError` listing every problem, each with
        its file, line, record id and field.

        ``path`` is a ``str``, ``bytes`` or ``os.PathLike`` (decoded with :func:`os.fsdecode`).
        The load runs without holding the GIL, so other Python threads carry on meanwhile; with
        ``progress=True`` a progress bar is drawn on stderr as the loader reports its progress.
        """
        path = os.fsdecode(path)
        folder = path if os.path.isdir(path) else None
        return cls(_native.NativeDataset.load(path, with_embedded, progress), folder)

    # -- facts about the dataset --------------------------------------------------------------

    @property
    def data_version(self) -> Optional[str]:
        """The data version of the embedded dataset (``None`` for a user's)."""
        return self._native.data_version

    @property
    def is_embedded(self) -> bool:
        """Whether this is the embedded dataset."""
        return self._native.is_embedded

    def counts(self) -> Dict[str, int]:
        """How many records of each type (``{"source": 5, "actor": …}``)."""
        return dict(self._native.counts())

    def site(self, path: PathLike) -> pathlib.Path:
        """Writes the evidence explorer of this dataset into the folder ``path`` (the site the
        ``syriatalks site --out DIR`` command writes): the timeline, a page per record, every
        article with its evidence highlighted and its audit exclusions marked, actor and place
        indexes and a search box. Self-contained: open ``path/index.html`` from disk or any static
        host. Returns the path of ``index.html``.

        The folder is written whole or not at all; an existing folder is replaced only if it is
        empty or a site written before (else :class:`FileExistsError`).
        """
        import pathlib  # here, not at import time: pathlib brings re and enum (start-up cost)

        out = pathlib.Path(os.fsdecode(path))
        self._native.write_site(str(out), self._folder)
        return out / "index.html"

    def to_json(self) -> str:
        """Every record as JSON, the format of ``syriatalks export --format json``."""
        return self._native.to_json()

    def __repr__(self) -> str:
        what = f"embedded data {self.data_version}" if self.is_embedded else "user dataset"
        counts = ", ".join(f"{n} {k}s" for k, n in self.counts().items() if n)
        return f"<syriatalks.Dataset ({what}): {counts}>"

    # -- generic queries ----------------------------------------------------------------------


    def select(self, record_type: Union[str, RecordKind, Type[R]], **filters: Unpack[Filters]) -> RecordList[Any]:
        """The records of one type (``"event"``, ``RecordKind.EVENT`` or ``syriatalks.Event``)
        that match the filters, in data-file order."""
        word = _word(record_type)
        out: RecordList[Any] = RecordList(self._native.select(word, filters))
        out.record_type = word
        return out

    def sources(self, **filters: Unpack[Filters]) -> RecordList[Source]:
        return self.select("source", **filters)

    def actors(self, **filters: Unpack[Filters]) -> RecordList[Actor]:
        return self.select("actor", **filters)

    def places(self, **filters: Unpack[Filters]) -> RecordList[Place]:
        return self.select("place", **filters)

    def rounds(self, **filters: Unpack[Filters]) -> RecordList[Round]:
        return self.select("round", **filters)

    def events(self, **filters: Unpack[Filters]) -> RecordList[Event]:
        return self.select("event", **filters)

    def figures(self, **filters: Unpack[Filters]) -> RecordList[Figure]:
        return self.select("figure", **filters)

    def quotes(self, **filters: Unpack[Filters]) -> RecordList[Quote]:
        return self.select("quote", **filters)

    def positions(self, **filters: Unpack[Filters]) -> RecordList[Position]:
        return self.select("position", **filters)

    def instruments(self, **filters: Unpack[Filters]) -> RecordList[Instrument]:
        return self.select("instrument", **filters)

    def timeline(self, **filters: Unpack[Filters]) -> RecordList[Record]:
        return RecordList(self._native.timeline(filters))

    def in_session(self, date: DateLike) -> RecordList[Round]:
        """The rounds that were held and in session on ``date`` (a ``datetime.date``, a year as an
        ``int``, or an ISO string, possibly partial: a month matches any round in session during
        that month). Another type (``None``…) raises :class:`syriatalks.FilterTypeError`.

        >>> [r.name for r in syriatalks.in_session("2017-02-23")]   # doctest: +SKIP
        ['Geneva IV']
        """
        return RecordList(self._native.in_session(date))

    def sessions_on(self, date: DateLike) -> List[Tuple[Round, Certainty]]:
        """The rounds held that may have been in session on ``date``, in time order, each with
        ``Certainty.CERTAIN`` (the round had surely begun and the data shows it sitting on that
        day or later) or ``Certainty.POSSIBLE`` (the date lies between its start and its stated
        end or next known bound). :meth:`in_session` gives the same rounds without the certainty.

        >>> [(r.name, str(c)) for r, c in syriatalks.sessions_on("2016-02-02")]   # doctest: +SKIP
        [('Geneva III', 'certain')]
        """
        return [(r, c) for r, c in self._native.sessions_on(date)]

    def rounds_in_order(self) -> RecordList[Round]:
        """Every round in time order (by the first day it may have begun), undated rounds last;
        :meth:`rounds` keeps data-file order."""
        return RecordList(self._native.rounds_in_order())

    def days(self, record: Record) -> Optional[Tuple[_dt.date, _dt.date]]:
        """The first and last day the record may cover once its anchors are applied: its own
        dates narrowed by what it happened ``during``, ``after`` or ``before`` (a round without a
        stated end runs to its next known bound). ``None`` for an undated record."""
        return self._native.days(record)

    def date_fit(
        self, record: Record, since: Optional[DateLike] = None, until: Optional[DateLike] = None
    ) -> Optional[Certainty]:
        """Whether ``record`` certainly (``Certainty.CERTAIN``: every day it may cover lies in the
        range) or only possibly (``Certainty.POSSIBLE``) falls between ``since`` and ``until``
        (either may be ``None``), or ``None`` when it cannot (or is undated)."""
        return self._native.date_fit(record, since, until)

    def claims(self, name: Union[str, Record]) -> Happening:
        """Every attestation of a happening side by side: ``name`` is a happening key
        (``"death-toll"``) or any record (or its id). The result lists the attestations with
        their sources, the fields they agree on and every conflict (dates with no day in common,
        figure values no number satisfies, differing kinds, actors or speakers) with each side's
        words -- computed by the core, never typed. A record that shares no happening comes back
        alone (``key`` is ``None``). An unknown name raises :class:`syriatalks.NotFoundError`.

        >>> h = syriatalks.claims("death-toll")                   # doctest: +SKIP
        >>> [(r.text, r.claimed_by) for r in h.attestations]      # doctest: +SKIP
        """
        # dataclasses is imported only when a claims result is made, not at `import syriatalks`.
        from ._claims import Happening

        word = name.id if isinstance(name, Record) else name
        return Happening._from_native(self._native.claims(word))

    def attestations(self, record: Union[str, Record]) -> RecordList[Record]:
        """The other records (of other articles) that attest the same happening as ``record``;
        empty when it shares none."""
        word = record.id if isinstance(record, Record) else record
        return RecordList(self._native.attestations(word))

    def collapse(self, records: Sequence[Record]) -> List[Tuple[Record, int]]:
        """Of records in a given order (a :meth:`timeline`), the first attestation of each
        happening with the number of sources that attest it (1 for a record sharing none):
        one row per happening."""
        return [(r, n) for r, n in self._native.collapse(list(records))]

    def figure_series(self, measure: Union[str, Measure]) -> RecordList[Figure]:
        """Every claim of one measure (``"deaths"``, ``Measure.REFUGEES``…), in the order the
        claims were made (undated last), each with its evidence. Conflicting claims stay side by
        side; ``fig.sources`` says who reported each. An unknown measure raises
        :class:`syriatalks.UnknownKindError` listing the valid ones."""
        out: RecordList[Figure] = RecordList(self._native.figure_series(str(getattr(measure, "value", measure))))
        out.record_type = "figure"
        return out

    def resolve_actor(self, name: str) -> RecordList[Candidate]:
        """The actors a name could mean, best first: exact matches of the id, name or an alias
        (case, diacritics and ``al-`` ignored), then names containing every word, then partial
        and near spellings (``"Mistrua"`` finds de Mistura). Empty when nothing is close."""
        return RecordList(self._native.resolve_actor(name))

    def search(self, words: str, limit: int = 1000) -> RecordList[SearchHit]:
        """Every occurrence of ``words`` (case, accents and quote marks ignored) in the records'
        fields and evidence, then in the articles' texts, each with its field, byte span and a
        one-line snippet: at most ``limit`` of them, so that a common word in a large corpus
        cannot take all memory. The result's ``more`` says whether there were more."""
        hits, more = self._native.search(words, limit)
        out: RecordList[SearchHit] = RecordList(hits)
        out.more = more
        return out

    def get(self, id: str) -> Optional[Record]:
        """The record with this id, of whatever type, or ``None``. A retired id gives the record
        that replaced it, with a :class:`syriatalks.RetiredIdWarning` saying so and why."""
        return self._native.get(id)

    def retirement(self, id: str) -> Optional[Dict[str, Optional[str]]]:
        """Why and when ``id`` was retired and what replaced it (keys ``id``, ``replaced_by``,
        ``reason``, ``data_version``), or ``None`` for an id that was never retired."""
        return self._native.retirement(id)

    def cite(self, id: str, style: str = "bibtex") -> str:
        """A citation of the record: ``"bibtex"`` (a ``@misc`` entry) or ``"csl"`` (CSL-JSON), with
        the record id, the data version, the evidence quote and the article it comes from.

        >>> print(syriatalks.cite("geneva-iv-2017"))   # doctest: +SKIP
        @misc{syriatalks:geneva-iv-2017, ...

        Raises :class:`syriatalks.NotFoundError` when no record has the id and
        :class:`syriatalks.UnknownKindError` for another style.
        """
        text = self._native.cite(id, str(style))
        if text is None:
            raise NotFoundError(f"no record has id `{id}`", what="record", name=id, suggestions=())
        return text

    def _typed(self, id: str, cls: Type[R]) -> Optional[R]:
        r = self.get(id)
        return r if isinstance(r, cls) else None

    def source(self, id: str) -> Optional[Source]:
        """The source with this id, or ``None``."""
        return self._typed(id, Source)

    def actor(self, id: str) -> Optional[Actor]:
        """The actor with this id, or ``None`` (to find one by name, see :meth:`resolve_actor`)."""
        return self._typed(id, Actor)

    def place(self, id: str) -> Optional[Place]:
        """The place with this id, or ``None``."""
        return self._typed(id, Place)

    def round(self, id: str) -> Optional[Round]:
        """The round with this id, or ``None``."""
        return self._typed(id, Round)

    def event(self, id: str) -> Optional[Event]:
        """The event with this id, or ``None``."""
        return self._typed(id, Event)

    def figure(self, id: str) -> Optional[Figure]:
        """The figure with this id, or ``None``."""
        return self._typed(id, Figure)

    def quote(self, id: str) -> Optional[Quote]:
        """The quote with this id, or ``None``."""
        return self._typed(id, Quote)

    def position(self, id: str) -> Optional[Position]:
        """The position with this id, or ``None``."""
        return self._typed(id, Position)

    def instrument(self, id: str) -> Optional[Instrument]:
        """The instrument with this id, or ``None``."""
        return self._typed(id, Instrument)

    # -- pandas and matplotlib (optional) -----------------------------------------------------

    def to_dataframe(
        self, what: Union[str, RecordKind, Type[Record]] = "timeline", *, explode_evidence: bool = False, **filters: Unpack[Filters]
    ) -> pandas.DataFrame:
        """A :class:`pandas.DataFrame` of one record type (``"event"``, ``Event``…) or of the
        ``"timeline"``, with the filters applied; see :func:`syriatalks.to_dataframe` for the
        columns. Needs pandas and pyarrow (``pip install pandas pyarrow``)."""
        from ._frame import frame_of_table, records_frame

        if what == "timeline":
            records: RecordList[Any] = self.timeline(**filters)
            return records_frame(records, explode_evidence=explode_evidence)
        word = _word(what)
        if word == "figure":
            # Figures come in the order of figure_series: each measure's claims by date.
            selected = self.select(what, **filters)
            measures = dict.fromkeys(r.measure for r in selected)
            chosen = {r.id for r in selected}
            ordered = [f for m in measures for f in self.figure_series(m) if f.id in chosen]
            return records_frame(ordered, explode_evidence=explode_evidence, record_type=word)
        return frame_of_table(_native.to_arrow(self._native, word, filters, True, explode_evidence))

    # -- tables -------------------------------------------------------------------------------

    def to_arrow(self, record_type: Union[str, RecordKind, Type[Record]], **filters: Unpack[Filters]) -> ArrowTable:
        """The records of one type that match the filters as an Arrow table: an object with the
        Arrow PyCapsule interface (``__arrow_c_stream__``), read without a copy by
        ``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB (``duckdb.sql("select … from t")``
        finds it by its variable name). Its columns are the record type's table schema
        (docs/TABLES.md): dates as first/last day plus precision, basis and qualifier, the anchored
        days ``days_first``/``days_last`` the date filters use, evidence as a list of
        ``{source, quote, start, end}`` plus the first evidence's ``source``/``quote``/``quote_start``
        /``quote_end``, nested lists as lists of structs. syriatalks needs none of those libraries."""
        return _native.to_arrow(self._native, _word(record_type), filters)

    def to_polars(self, record_type: Union[str, RecordKind, Type[Record]], **filters: Unpack[Filters]) -> polars.DataFrame:
        """:meth:`to_arrow` as a :class:`polars.DataFrame`. Needs polars (``pip install polars``)."""
        from ._arrow import to_polars

        return to_polars(self.to_arrow(record_type, **filters))

    def export(
        self,
        path: PathLike,
        format: str = "parquet",
        *,
        partition: Optional[str] = None,
        record_type: Union[str, RecordKind, Type[Record], None] = None,
        **filters: Unpack[Filters],
    ) -> List[str]:
        """Writes the records that match the filters, as ``syriatalks export`` does (the same
        Rust writers, the same layout), and returns the files written.

        ``format``: ``"parquet"`` (one file per record type under the folder ``path``,
        ``path/event.parquet``…; with ``partition="year"`` hive-partitioned by the year of each
        record's first anchored day, ``path/event/year=2016/part-0.parquet``, replacing that
        folder, which DuckDB, polars and Spark read as one dataset), ``"csv"`` (one flat file per
        type, ``path/event.csv``…) or ``"jsonl"`` (``path`` is the file: the loader's own JSON
        Lines format, which :func:`syriatalks.load` reads back beside the ``seeds/`` folder) or
        ``"json"`` (``path`` is the file: the document of :meth:`to_json`; with filters or a
        ``record_type``, the kept records in the same shape plus the sources their quotes cite
        and a ``selection`` object, as ``syriatalks export --format json`` writes it).
        ``record_type``: one record type (default: every type); ``kind=`` is the filter on the
        kind word, as in every query."""
        word = None if record_type is None else _word(record_type)
        return list(_native.export(self._native, os.fsdecode(path), format, partition, word, filters))

    def plot_timeline(self, **filters: Unpack[Filters]) -> matplotlib.figure.Figure:
        """A timeline figure: rounds as bars, events as markers, death-toll claims on a second
        axis labelled with their sources. Needs matplotlib (``pip install matplotlib``). The
        filters select the rounds and events shown; save it with ``fig.savefig("t.png")``."""
        from ._plot import plot_timeline

        return plot_timeline(self, **filters)


_SELECT_DOCS = {
    "sources": "The sources (articles) that match the filters.",
    "actors": "The actors (people, states, organizations, delegations, groups) that match the filters.\n\n``kind=`` takes an ``ActorKind`` (person, state, government, organization…).",
    "places": "The places (countries, regions, cities, villages, venues) that match the filters.",
    "rounds": "The rounds of talks that match the filters (``kind=`` takes a ``Process``: geneva, astana, vienna, moscow).",
    "events": "The events that match the filters, in data-file order.\n\n``kind=`` takes an ``EventKind`` (``\"veto\"``, ``EventKind.TALKS_OPENED``…). Each event has a\n``date`` (:class:`PartialDate`, with its precision and basis), a ``summary``, ``actors`` with\ntheir roles, ``places``, its ``round``, and ``evidence``/``sources`` saying where it is written.\n\n>>> syriatalks.events(since=\"2017-02\", until=\"2017-03\", kind=\"veto\")   # doctest: +SKIP",
    "figures": "The figures (claimed numbers) that match the filters (``kind=`` takes a ``Measure``: deaths, refugees…).",
    "quotes": "The quotes (words attributed to a speaker) that match the filters; ``actor=`` matches the speaker.",
    "positions": "The positions (stances of actors on topics) that match the filters (``kind=`` takes a ``Topic``).",
    "instruments": "The instruments (communiqués, resolutions, reports…) that match the filters.",
    "timeline": "Every dated round, event, figure, quote, position and instrument that matches, merged in\nchronological order (a coarser date before a finer one starting the same day).\n\n``kind=`` may be a record type (``\"quote\"``) or any kind word (``\"veto\"``).",
    "select": Dataset.select.__doc__ or "",
}
for _name, _text in _SELECT_DOCS.items():
    getattr(Dataset, _name).__doc__ = _doc(_text)
for _name in ("to_arrow", "to_polars", "export"):
    getattr(Dataset, _name).__doc__ = _doc(getattr(Dataset, _name).__doc__ or "")

_lazyhints.install(__name__, globals())
