"""The record classes: immutable, typed mirrors of the core crate's records.

Every record has an ``id``, its fields as attributes (kinds as enum members, dates as
:class:`PartialDate`, lists as tuples), ``evidence`` (the exact words of a source that state it),
``sources`` (the articles those words come from), equality and hashing by value, a short ``repr``,
:meth:`Record.to_dict` (the same shape as the JSON export) and an HTML view for Jupyter.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Dict,
    Iterable,
    List,
    NamedTuple,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)

from . import _native
from ._vocab import (
    ActorKind,
    Basis,
    DateQualifier,
    EventKind,
    InstrumentKind,
    MatchKind,
    Measure,
    ParticipantRole,
    PlaceKind,
    Precision,
    Process,
    Qualifier,
    RecordKind,
    Relation,
    RoundStatus,
    Topic,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ._dataset import Dataset

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

Raw = Dict[str, Any]
T = TypeVar("T")


# --------------------------------------------------------------------------------------------
# Small value types
# --------------------------------------------------------------------------------------------


class Span(NamedTuple):
    """A half-open range ``[start, end)``. For evidence, in UTF-8 *bytes* of the source text, as
    the core crate reports it; :attr:`Evidence.char_span` gives the same range in Python string
    indices."""

    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """The exact words of a source that state a fact.

    ``source`` is the source id, ``quote`` the words byte for byte, ``span`` where the loader
    found them (UTF-8 byte offsets, as in Rust and C). ``char_span`` gives Python string offsets,
    so ``ev.article.text[slice(*ev.char_span)] == ev.quote``; ``article`` is the :class:`Source`.
    """

    source: str
    quote: str
    occurrence: Optional[int] = None
    span: Optional[Span] = None

    def __repr__(self) -> str:
        q = self.quote if len(self.quote) <= 60 else self.quote[:57] + "…"
        return f"Evidence({self.source!r}, {q!r})"

    @property
    def article(self) -> Optional[Source]:
        """The source (article) the words come from, when the record came from a dataset."""
        ds = _dataset_of(self)
        return ds.source(self.source) if ds is not None else None

    @property
    def char_span(self) -> Optional[Span]:
        """The span in Python string indices of the article's text (``None`` without a span)."""
        art = self.article
        if self.span is None or art is None:
            return None
        raw = art.text.encode("utf-8")
        start = len(raw[: self.span.start].decode("utf-8"))
        return Span(start, start + len(self.quote))

    def __getstate__(self) -> Dict[str, Any]:
        return _detached_state(self)

    def cite(self) -> str:
        """A citation line: “quote” — title, outlet, date."""
        art = self.article
        if art is None:
            return f"“{self.quote}” — {self.source}"
        return f"“{self.quote}” — {art.citation()}"

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Evidence:
        span = raw.get("span")
        ev = cls(
            source=raw["source"],
            quote=raw["quote"],
            occurrence=raw.get("occurrence"),
            span=Span(span["start"], span["end"]) if span else None,
        )
        _attach(ev, ds)
        return ev


@dataclass(frozen=True)
class ExternalRef:
    """A public document outside the seeds that a fact comes from (title, reference, url)."""

    title: str
    reference: Optional[str] = None
    url: Optional[str] = None

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> ExternalRef:
        return cls(title=raw["title"], reference=raw.get("reference"), url=raw.get("url"))


@dataclass(frozen=True)
class Derivation:
    """How a date was computed from an anchor (``from_``: a source's publication date or another
    record's date): ``days`` added, ``years`` added, then a ``weekday`` looked for in ``relation``."""

    from_: str
    days: Optional[int] = None
    years: Optional[int] = None
    weekday: Optional[str] = None
    relation: Optional[Relation] = None

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Derivation:
        rel = raw.get("relation")
        return cls(
            from_=raw["from"],
            days=raw.get("days"),
            years=raw.get("years"),
            weekday=raw.get("weekday"),
            relation=Relation(rel) if rel else None,
        )


@lru_cache(maxsize=4096)
def _bounds(text: str) -> Tuple[int, Optional[int], Optional[int], _dt.date, _dt.date]:
    year, month, day, first, last = _native.date_bounds(text)
    return year, month, day, _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day, with where it comes from.

    A year-precision date is never shown as 1 January: ``year``/``month``/``day`` give what is
    known (``None`` for the rest), ``precision`` says how much, ``start``/``end`` are the first and
    last calendar days it covers, and ``date`` is a :class:`datetime.date` only for day precision.
    ``basis`` says where it comes from (stated in the text, derived by weekday arithmetic, inferred,
    external), with ``quote`` (the words that give it), ``cited`` (where they were found),
    ``qualifier`` ("early" September), ``derivation``, ``reference`` and ``note``.

    ``PartialDate.parse("2016-02")`` makes one for use in filters; ``str(d)`` is ``"2016-02"``.
    """

    text: str
    basis: Optional[Basis] = None
    qualifier: Optional[DateQualifier] = None
    quote: Optional[str] = None
    cited: Optional[Evidence] = None
    derivation: Optional[Derivation] = None
    reference: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def parse(cls, value: Union[str, _dt.date, PartialDate]) -> PartialDate:
        """A partial date from ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"`` or a ``datetime.date``.

        Raises :class:`syriatalks.DateError` (a ``ValueError``) for anything else.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        text = value.isoformat() if isinstance(value, _dt.date) else str(value).strip()
        _bounds(text)  # validates
        return cls(text)

    @property
    def year(self) -> int:
        """The year."""
        return _bounds(self.text)[0]

    @property
    def month(self) -> Optional[int]:
        """The month (1–12), or ``None`` when only the year is known."""
        return _bounds(self.text)[1]

    @property
    def day(self) -> Optional[int]:
        """The day of the month, or ``None`` when the day is not known."""
        return _bounds(self.text)[2]

    @property
    def precision(self) -> Precision:
        """``Precision.YEAR``, ``MONTH`` or ``DAY``."""
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def start(self) -> _dt.date:
        """The first calendar day the date covers (1 January for a year)."""
        return _bounds(self.text)[3]

    @property
    def end(self) -> _dt.date:
        """The last calendar day the date covers (31 December for a year)."""
        return _bounds(self.text)[4]

    @property
    def date(self) -> Optional[_dt.date]:
        """The calendar day, only when the precision is a day; otherwise ``None``."""
        return self.start if self.day is not None else None

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        return self.text

    def __str__(self) -> str:
        return f"{self.qualifier.value} {self.text}" if self.qualifier else self.text

    def __repr__(self) -> str:
        extra = f", basis={self.basis.value!r}" if self.basis else ""
        if self.qualifier:
            extra += f", qualifier={self.qualifier.value!r}"
        return f"PartialDate({self.text!r}{extra})"

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> PartialDate:
        q = raw.get("qualifier")
        cited = raw.get("cited")
        der = raw.get("derivation")
        return cls(
            text=raw["value"],
            basis=Basis(raw["basis"]),
            qualifier=DateQualifier(q) if q else None,
            quote=raw.get("quote"),
            cited=Evidence._from(cited, ds) if cited else None,
            derivation=Derivation._from(der, ds) if der else None,
            reference=raw.get("reference"),
            note=raw.get("note"),
        )


@dataclass(frozen=True)
class Period:
    """A stretch of time: ``start`` and an optional ``end`` (both :class:`PartialDate`);
    ``first``/``last`` are the calendar days it covers."""

    start: PartialDate
    end: Optional[PartialDate] = None

    @property
    def first(self) -> _dt.date:
        """The first day covered."""
        return self.start.start

    @property
    def last(self) -> _dt.date:
        """The last day covered (the end's last day, or the start's)."""
        return (self.end or self.start).end

    def __str__(self) -> str:
        return f"{self.start} – {self.end}" if self.end else str(self.start)

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Period:
        end = raw.get("end")
        return cls(start=PartialDate._from(raw["start"], ds), end=PartialDate._from(end, ds) if end else None)


@dataclass(frozen=True)
class Attested:
    """A value a source gives about itself (title, outlet, author) with its basis and the words."""

    value: str
    basis: Basis
    quote: Optional[str] = None
    occurrence: Optional[int] = None
    note: Optional[str] = None
    cited: Optional[Evidence] = None

    def __str__(self) -> str:
        return self.value

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Attested:
        cited = raw.get("cited")
        return cls(
            value=raw["value"],
            basis=Basis(raw["basis"]),
            quote=raw.get("quote"),
            occurrence=raw.get("occurrence"),
            note=raw.get("note"),
            cited=Evidence._from(cited, ds) if cited else None,
        )


def _evs(raw: Optional[List[Raw]], ds: Optional[Dataset]) -> Tuple[Evidence, ...]:
    return tuple(Evidence._from(e, ds) for e in raw or ())


def _strs(raw: Optional[List[str]]) -> Tuple[str, ...]:
    return tuple(raw or ())


def _date(raw: Optional[Raw], ds: Optional[Dataset]) -> Optional[PartialDate]:
    return PartialDate._from(raw, ds) if raw else None


@dataclass(frozen=True)
class Role:
    """A role an actor held (``title`` in the text's words, ``of`` an actor id, ``round``,
    ``as_of`` date) with the evidence that states it."""

    title: str
    of: Optional[str] = None
    round: Optional[str] = None
    as_of: Optional[PartialDate] = None
    evidence: Tuple[Evidence, ...] = ()

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Role:
        return cls(raw["title"], raw.get("of"), raw.get("round"), _date(raw.get("as_of"), ds), _evs(raw.get("evidence"), ds))


@dataclass(frozen=True)
class Membership:
    """Membership of another actor (by id), with evidence."""

    actor: str
    evidence: Tuple[Evidence, ...] = ()

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Membership:
        return cls(raw["actor"], _evs(raw.get("evidence"), ds))


@dataclass(frozen=True)
class Participant:
    """An actor (by id) and their part in an event."""

    actor: str
    role: ParticipantRole

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Participant:
        return cls(raw["actor"], ParticipantRole(raw["role"]))


@dataclass(frozen=True)
class Delegation:
    """A delegation at a round: the ``party`` (actor id), its ``head`` and ``members``, evidence."""

    party: str
    head: Optional[str] = None
    members: Tuple[str, ...] = ()
    evidence: Tuple[Evidence, ...] = ()

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> Delegation:
        return cls(raw["party"], raw.get("head"), _strs(raw.get("members")), _evs(raw.get("evidence"), ds))


@dataclass(frozen=True)
class AgendaItem:
    """An item on a round's agenda, who proposed it (actor id), and evidence."""

    item: str
    proposed_by: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()

    @classmethod
    def _from(cls, raw: Raw, ds: Optional[Dataset]) -> AgendaItem:
        return cls(raw["item"], raw.get("proposed_by"), _evs(raw.get("evidence"), ds))


def _attach(obj: object, ds: Optional[Dataset]) -> None:
    object.__setattr__(obj, "_ds", ds)


def _detached_state(obj: object) -> Dict[str, Any]:
    """Pickle and deepcopy state without the dataset link (a native handle cannot be pickled);
    a restored record keeps its fields, but ``sources`` and ``Evidence.article`` come back empty."""
    state = dict(obj.__dict__)
    state["_ds"] = None
    return state


def _dataset_of(obj: object) -> Optional[Dataset]:
    ds: Optional[Dataset] = getattr(obj, "_ds", None)
    return ds


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


class _Meta(NamedTuple):
    raw: Raw
    label: str
    all_evidence: Tuple[Evidence, ...]
    when: Optional[Tuple[_dt.date, _dt.date]]


class Record:
    """What every record offers: ``id``, ``label``, ``evidence``, ``all_evidence``, ``sources``,
    ``when``, :meth:`to_dict`, and an HTML view for Jupyter."""

    type: ClassVar[RecordKind]
    id: str
    evidence: Tuple[Evidence, ...]
    _meta: _Meta
    _ds: Optional[Dataset]

    @property
    def label(self) -> str:
        """A short human label: a name, a summary, or the quoted words."""
        return self._meta.label

    @property
    def kind_word(self) -> Optional[str]:
        """The record's kind word within its type (event kind, measure, topic, process…)."""
        return None

    @property
    def all_evidence(self) -> Tuple[Evidence, ...]:
        """Every evidence entry, nested ones (roles, delegations, cited dates) included."""
        return self._meta.all_evidence

    @property
    def when(self) -> Optional[Tuple[_dt.date, _dt.date]]:
        """The first and last calendar days the record covers, as time filters see it."""
        return self._meta.when

    @property
    def main_date(self) -> Optional[PartialDate]:
        """The record's main date (an event's date, a round's start, a figure's as-of…)."""
        return None

    @property
    def sources(self) -> Tuple[Source, ...]:
        """The articles the record's evidence comes from, without repeats, in evidence order."""
        ds = self._ds
        if ds is None:
            return ()
        out: Dict[str, Source] = {}
        for ev in self.all_evidence:
            if ev.source not in out:
                src = ds.source(ev.source)
                if src is not None:
                    out[ev.source] = src
        return tuple(out.values())

    def __getstate__(self) -> Dict[str, Any]:
        return _detached_state(self)

    def to_dict(self) -> Dict[str, Any]:
        """The record as plain data, the same shape as ``syriatalks export --format json``."""
        import copy

        return copy.deepcopy(self._meta.raw)

    def __repr__(self) -> str:
        label = self.label if len(self.label) <= 50 else self.label[:47] + "…"
        date = self.main_date
        when = f" {date}" if date is not None else ""
        return f"<{type(self).__name__} {self.id}{when}: {label}>"

    def _repr_html_(self) -> str:
        from . import _html

        return _html.record_html(self)

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def _build(cls: Type[R], kwargs: Dict[str, Any], raw: Raw, label: str, all_ev: List[Raw], when: Any, ds: Optional[Dataset]) -> R:
        obj = cls(**kwargs)
        w = (_dt.date.fromisoformat(when[0]), _dt.date.fromisoformat(when[1])) if when else None
        object.__setattr__(obj, "_meta", _Meta(raw, label, _evs(all_ev, ds), w))
        _attach(obj, ds)
        return obj


R = TypeVar("R", bound=Record)


@dataclass(frozen=True, repr=False)
class Source(Record):
    """An article of the corpus: ``file`` under ``seeds/``, ``title``/``outlet``/``author`` as the
    text gives them (:class:`Attested`), ``published`` date, ``url``, ``note``, ``sha256`` and the
    full ``text``."""

    type: ClassVar[RecordKind] = RecordKind.SOURCE
    id: str
    file: str
    title: Attested
    outlet: Optional[Attested] = None
    author: Optional[Attested] = None
    published: Optional[PartialDate] = None
    url: Optional[str] = None
    note: Optional[str] = None
    sha256: str = ""
    text: str = ""

    @property
    def evidence(self) -> Tuple[Evidence, ...]:  # type: ignore[override]
        """The words of the text that give its title, outlet, author and date."""
        return self.all_evidence

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.published

    def citation(self) -> str:
        """Title, outlet, author and date, for a reference list."""
        parts = [f"“{self.title.value}”"]
        if self.outlet:
            parts.append(self.outlet.value)
        if self.author:
            parts.append(self.author.value)
        if self.published:
            parts.append(str(self.published))
        return ", ".join(parts)

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        def att(k: str) -> Optional[Attested]:
            v = raw.get(k)
            return Attested._from(v, ds) if v else None

        title = att("title")
        assert title is not None
        return dict(
            id=raw["id"],
            file=raw["file"],
            title=title,
            outlet=att("outlet"),
            author=att("author"),
            published=_date(raw.get("published"), ds),
            url=raw.get("url"),
            note=raw.get("note"),
            sha256=raw.get("sha256", ""),
            text=raw.get("text", ""),
        )


@dataclass(frozen=True, repr=False)
class Actor(Record):
    """A person, state, organization, delegation or group: ``kind``, ``name``, every ``aliases``
    surface form the corpus uses, ``roles`` with when they were stated, ``member_of``."""

    type: ClassVar[RecordKind] = RecordKind.ACTOR
    id: str
    kind: ActorKind
    name: str
    aliases: Tuple[str, ...] = ()
    roles: Tuple[Role, ...] = ()
    member_of: Tuple[Membership, ...] = ()
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.kind.value

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        return dict(
            id=raw["id"],
            kind=ActorKind(raw["kind"]),
            name=raw["name"],
            aliases=_strs(raw.get("aliases")),
            roles=tuple(Role._from(r, ds) for r in raw.get("roles") or ()),
            member_of=tuple(Membership._from(m, ds) for m in raw.get("member_of") or ()),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Place(Record):
    """A city, village, region, venue or country; ``within`` is the id of the place it lies in."""

    type: ClassVar[RecordKind] = RecordKind.PLACE
    id: str
    kind: PlaceKind
    name: str
    aliases: Tuple[str, ...] = ()
    within: Optional[str] = None
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.kind.value

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        return dict(
            id=raw["id"],
            kind=PlaceKind(raw["kind"]),
            name=raw["name"],
            aliases=_strs(raw.get("aliases")),
            within=raw.get("within"),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Round(Record):
    """One session of a negotiation process (``process``: geneva, astana…; the ``kind=`` filter
    matches it): ``ordinal``, ``status``, ``period``, ``places``, ``mediators``, ``delegations``
    with their heads, ``agenda``, ``outcome``, ``instruments``, the round it ``follows``."""

    type: ClassVar[RecordKind] = RecordKind.ROUND
    id: str
    name: str
    process: Process
    status: RoundStatus
    aliases: Tuple[str, ...] = ()
    ordinal: Optional[int] = None
    period: Optional[Period] = None
    places: Tuple[str, ...] = ()
    mediators: Tuple[str, ...] = ()
    delegations: Tuple[Delegation, ...] = ()
    agenda: Tuple[AgendaItem, ...] = ()
    outcome: Optional[str] = None
    instruments: Tuple[str, ...] = ()
    follows: Optional[str] = None
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.process.value

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.period.start if self.period else None

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        period = raw.get("period")
        return dict(
            id=raw["id"],
            name=raw["name"],
            process=Process(raw["process"]),
            status=RoundStatus(raw["status"]),
            aliases=_strs(raw.get("aliases")),
            ordinal=raw.get("ordinal"),
            period=Period._from(period, ds) if period else None,
            places=_strs(raw.get("places")),
            mediators=_strs(raw.get("mediators")),
            delegations=tuple(Delegation._from(d, ds) for d in raw.get("delegations") or ()),
            agenda=tuple(AgendaItem._from(a, ds) for a in raw.get("agenda") or ()),
            outcome=raw.get("outcome"),
            instruments=_strs(raw.get("instruments")),
            follows=raw.get("follows"),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Event(Record):
    """Something that happened on a ``date`` (to ``until``): ``kind``, ``summary``, ``actors``
    with their roles, ``places``, the ``round`` it belongs to, ``instruments``."""

    type: ClassVar[RecordKind] = RecordKind.EVENT
    id: str
    kind: EventKind
    date: PartialDate
    summary: str
    until: Optional[PartialDate] = None
    actors: Tuple[Participant, ...] = ()
    places: Tuple[str, ...] = ()
    round: Optional[str] = None
    instruments: Tuple[str, ...] = ()
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.kind.value

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.date

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        d = _date(raw.get("date"), ds)
        assert d is not None
        return dict(
            id=raw["id"],
            kind=EventKind(raw["kind"]),
            date=d,
            summary=raw["summary"],
            until=_date(raw.get("until"), ds),
            actors=tuple(Participant._from(p, ds) for p in raw.get("actors") or ()),
            places=_strs(raw.get("places")),
            round=raw.get("round"),
            instruments=_strs(raw.get("instruments")),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Figure(Record):
    """A number someone claimed: ``measure``, ``value``, ``qualifier`` ("more than"), ``text`` as
    written, ``scope``, ``place``, ``period``, ``as_of``, ``claimed_by`` (actor ids), ``round``.
    Conflicting claims are separate figures."""

    type: ClassVar[RecordKind] = RecordKind.FIGURE
    id: str
    measure: Measure
    value: int
    qualifier: Qualifier
    text: str
    scope: str
    place: Optional[str] = None
    period: Optional[Period] = None
    as_of: Optional[PartialDate] = None
    claimed_by: Tuple[str, ...] = ()
    round: Optional[str] = None
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.measure.value

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.as_of or (self.period.start if self.period else None)

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        period = raw.get("period")
        return dict(
            id=raw["id"],
            measure=Measure(raw["measure"]),
            value=raw["value"],
            qualifier=Qualifier(raw["qualifier"]),
            text=raw["text"],
            scope=raw["scope"],
            place=raw.get("place"),
            period=Period._from(period, ds) if period else None,
            as_of=_date(raw.get("as_of"), ds),
            claimed_by=_strs(raw.get("claimed_by")),
            round=raw.get("round"),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Quote(Record):
    """Words attributed to a ``speaker`` (actor id), verbatim ``text``, when (``said``) and where
    (``place``) they were said, to whom (``audience``), at which ``round``."""

    type: ClassVar[RecordKind] = RecordKind.QUOTE
    id: str
    speaker: str
    text: str
    said: Optional[PartialDate] = None
    place: Optional[str] = None
    audience: Optional[str] = None
    round: Optional[str] = None
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.said

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        return dict(
            id=raw["id"],
            speaker=raw["speaker"],
            text=raw["text"],
            said=_date(raw.get("said"), ds),
            place=raw.get("place"),
            audience=raw.get("audience"),
            round=raw.get("round"),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Position(Record):
    """A stance of an ``actor`` on a ``topic`` (the ``kind=`` filter matches it) ``as_of`` a date."""

    type: ClassVar[RecordKind] = RecordKind.POSITION
    id: str
    actor: str
    topic: Topic
    stance: str
    as_of: Optional[PartialDate] = None
    round: Optional[str] = None
    instruments: Tuple[str, ...] = ()
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.topic.value

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.as_of

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        return dict(
            id=raw["id"],
            actor=raw["actor"],
            topic=Topic(raw["topic"]),
            stance=raw["stance"],
            as_of=_date(raw.get("as_of"), ds),
            round=raw.get("round"),
            instruments=_strs(raw.get("instruments")),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


@dataclass(frozen=True, repr=False)
class Instrument(Record):
    """A document the talks rest on (communiqué, resolution…): ``kind``, ``name``, ``date``,
    ``authors``, ``signatories`` and ``absent`` parties (actor ids), ``summary``."""

    type: ClassVar[RecordKind] = RecordKind.INSTRUMENT
    id: str
    kind: InstrumentKind
    name: str
    aliases: Tuple[str, ...] = ()
    date: Optional[PartialDate] = None
    authors: Tuple[str, ...] = ()
    signatories: Tuple[str, ...] = ()
    absent: Tuple[str, ...] = ()
    summary: Optional[str] = None
    note: Optional[str] = None
    evidence: Tuple[Evidence, ...] = ()
    external: Tuple[ExternalRef, ...] = ()

    @property
    def kind_word(self) -> Optional[str]:
        return self.kind.value

    @property
    def main_date(self) -> Optional[PartialDate]:
        return self.date

    @classmethod
    def _kwargs(cls, raw: Raw, ds: Optional[Dataset]) -> Dict[str, Any]:
        return dict(
            id=raw["id"],
            kind=InstrumentKind(raw["kind"]),
            name=raw["name"],
            aliases=_strs(raw.get("aliases")),
            date=_date(raw.get("date"), ds),
            authors=_strs(raw.get("authors")),
            signatories=_strs(raw.get("signatories")),
            absent=_strs(raw.get("absent")),
            summary=raw.get("summary"),
            note=raw.get("note"),
            evidence=_evs(raw.get("evidence"), ds),
            external=tuple(ExternalRef._from(x, ds) for x in raw.get("external") or ()),
        )


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


def record_from_native(item: Tuple[str, Raw, str, List[Raw], Any], ds: Optional[Dataset]) -> Record:
    """Builds a record from the native module's ``(type, fields, label, all_evidence, when)``."""
    kind, raw, label, all_ev, when = item
    cls = RECORD_CLASSES[kind]
    return cls._build(cls._kwargs(raw, ds), raw, label, all_ev, when, ds)


# --------------------------------------------------------------------------------------------
# Query results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A candidate actor for a name: the ``actor``, the name or alias that ``matched``, ``how``
    it matched (exact, words, partial, fuzzy) and a ``score`` in (0, 1]."""

    actor: Actor
    matched: str
    how: MatchKind
    score: float


@dataclass(frozen=True)
class SearchHit:
    """One place where searched words occur: the ``record`` (for a hit in an article's text, its
    :class:`Source`), the ``field`` (``text``, ``texts[0]``, ``evidence[1].quote``…), the byte
    ``span`` of the match in that field, and a one-line ``snippet``."""

    record: Record
    field: str
    span: Span
    snippet: str


class RecordList(List[T]):
    """A list of query results that shows as a table in Jupyter and turns into a DataFrame."""

    def to_dataframe(self, *, explode_evidence: bool = False) -> pandas.DataFrame:
        """These results as a :class:`pandas.DataFrame` (see :func:`syriatalks.to_dataframe`)."""
        from ._frame import to_dataframe

        return to_dataframe(self, explode_evidence=explode_evidence)

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


def _new_list(items: Iterable[T]) -> RecordList[T]:
    return RecordList(items)

