//! The record classes: `Record` and its nine subclasses, native and frozen.
//!
//! A record object is a handle on the dataset and an index (a few words): making one costs an
//! allocation, and each field becomes a Python object only when it is read. A pickled record
//! comes back detached, holding its own copy of the data.

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde_json::Value;
use syriatalks::{
    Actor, AgendaItem, Attested, ByteSpan, DateValue, Delegation, Event, Evidence, Figure,
    Instrument, Membership, Period, Place, Position, Quote, RecordKind, RecordRef, Role, Round,
    Source,
};

use crate::conv::{internal, tuple_of, Ctx, DsHandle, ToPy};
use crate::values::{frozen_error, DatePart, PySpan};

/// A record's own copy of its data, once it is detached from its dataset (by pickling).
// One per unpickled record object, already behind the object's own allocation: boxing the larger
// variants would add a second allocation and save nothing.
#[allow(clippy::large_enum_variant)]
pub enum Owned {
    /// A source.
    Source(Source),
    /// An actor.
    Actor(Actor),
    /// A place.
    Place(Place),
    /// A round.
    Round(Round),
    /// An event.
    Event(Event),
    /// A figure.
    Figure(Figure),
    /// A quote.
    Quote(Quote),
    /// A position.
    Position(Position),
    /// An instrument.
    Instrument(Instrument),
}

impl Owned {
    fn as_record(&self) -> RecordRef<'_> {
        match self {
            Owned::Source(x) => RecordRef::Source(x),
            Owned::Actor(x) => RecordRef::Actor(x),
            Owned::Place(x) => RecordRef::Place(x),
            Owned::Round(x) => RecordRef::Round(x),
            Owned::Event(x) => RecordRef::Event(x),
            Owned::Figure(x) => RecordRef::Figure(x),
            Owned::Quote(x) => RecordRef::Quote(x),
            Owned::Position(x) => RecordRef::Position(x),
            Owned::Instrument(x) => RecordRef::Instrument(x),
        }
    }
}

enum Store {
    Attached(DsHandle, usize),
    Detached(Box<Owned>),
}

/// What every record offers: ``id``, ``label``, ``evidence``, ``all_evidence``, ``sources``,
/// ``when``, ``main_date``, ``kind_word``, :meth:`to_dict`, equality and hashing by value, a
/// short ``repr``, and an HTML view for Jupyter. Records are immutable; lists are tuples.
#[pyclass(frozen, subclass, module = "syriatalks._native", name = "Record")]
pub struct PyRecord {
    kind: RecordKind,
    store: Store,
}

impl PyRecord {
    /// The record's data.
    pub fn rec(&self) -> PyResult<RecordRef<'_>> {
        match &self.store {
            Store::Detached(o) => Ok(o.as_record()),
            Store::Attached(h, i) => {
                let (ds, i) = (h.ds(), *i);
                match self.kind {
                    RecordKind::Source => ds.sources().get(i).map(RecordRef::Source),
                    RecordKind::Actor => ds.actors().get(i).map(RecordRef::Actor),
                    RecordKind::Place => ds.places().get(i).map(RecordRef::Place),
                    RecordKind::Round => ds.rounds().get(i).map(RecordRef::Round),
                    RecordKind::Event => ds.events().get(i).map(RecordRef::Event),
                    RecordKind::Figure => ds.figures().get(i).map(RecordRef::Figure),
                    RecordKind::Quote => ds.quotes().get(i).map(RecordRef::Quote),
                    RecordKind::Position => ds.positions().get(i).map(RecordRef::Position),
                    RecordKind::Instrument => ds.instruments().get(i).map(RecordRef::Instrument),
                }
                .ok_or_else(|| internal("record index out of range"))
            }
        }
    }

    /// The dataset the record belongs to (`None` once detached).
    pub fn ctx(&self) -> Ctx {
        match &self.store {
            Store::Attached(h, _) => Some(h.clone()),
            Store::Detached(_) => None,
        }
    }

    /// The record's type.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// The dataset and the index among its records of this type (`None` once detached).
    pub fn position(&self) -> Option<(&DsHandle, usize)> {
        match &self.store {
            Store::Attached(h, i) => Some((h, *i)),
            Store::Detached(_) => None,
        }
    }
}

/// Where `r` sits in `all`, found by address (O(1)); `None` if it is not an element.
fn index_of<T>(all: &[T], r: &T) -> Option<usize> {
    let size = std::mem::size_of::<T>().max(1);
    let (base, at) = (all.as_ptr() as usize, r as *const T as usize);
    let i = at.checked_sub(base)? / size;
    (i < all.len() && std::ptr::eq(&all[i], r)).then_some(i)
}

fn init<S: pyo3::PyClass<BaseType = PyRecord>>(
    py: Python<'_>,
    base: PyRecord,
    sub: S,
) -> PyResult<Bound<'_, PyAny>> {
    Ok(Bound::new(py, PyClassInitializer::from(base).add_subclass(sub))?.into_any())
}

fn make(py: Python<'_>, kind: RecordKind, store: Store) -> PyResult<Bound<'_, PyAny>> {
    let base = PyRecord { kind, store };
    match kind {
        RecordKind::Source => init(py, base, PySource),
        RecordKind::Actor => init(py, base, PyActor),
        RecordKind::Place => init(py, base, PyPlace),
        RecordKind::Round => init(py, base, PyRound),
        RecordKind::Event => init(py, base, PyEvent),
        RecordKind::Figure => init(py, base, PyFigure),
        RecordKind::Quote => init(py, base, PyQuote),
        RecordKind::Position => init(py, base, PyPosition),
        RecordKind::Instrument => init(py, base, PyInstrument),
    }
}

/// The Python object for a record of the dataset behind `h`.
pub fn new_record<'py>(
    py: Python<'py>,
    h: &DsHandle,
    r: RecordRef<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let ds = h.ds();
    let index = match r {
        RecordRef::Source(x) => index_of(ds.sources(), x),
        RecordRef::Actor(x) => index_of(ds.actors(), x),
        RecordRef::Place(x) => index_of(ds.places(), x),
        RecordRef::Round(x) => index_of(ds.rounds(), x),
        RecordRef::Event(x) => index_of(ds.events(), x),
        RecordRef::Figure(x) => index_of(ds.figures(), x),
        RecordRef::Quote(x) => index_of(ds.quotes(), x),
        RecordRef::Position(x) => index_of(ds.positions(), x),
        RecordRef::Instrument(x) => index_of(ds.instruments(), x),
    }
    .or_else(|| ds.locate(r.id()).map(|(_, i)| i))
    .ok_or_else(|| internal("record not in its dataset"))?;
    make(py, r.kind(), Store::Attached(h.clone(), index))
}

/// A list of record objects.
pub fn record_list<'py, 'a>(
    py: Python<'py>,
    h: &DsHandle,
    records: impl IntoIterator<Item = RecordRef<'a>>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for r in records {
        list.append(new_record(py, h, r)?)?;
    }
    Ok(list)
}

/// The record's serde form (the JSON export's shape).
fn to_value(r: RecordRef<'_>) -> serde_json::Result<Value> {
    serde_json::to_value(syriatalks::RecordFields(r))
}

/// A serde value as plain Python data (dicts, lists, str, int, float, bool, None).
pub fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for x in items {
                list.append(value_to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let d = PyDict::new(py);
            for (k, x) in map {
                d.set_item(k, value_to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// A record's own `evidence` (a source's is every citation of its title, outlet, author, date).
fn own_evidence(r: RecordRef<'_>) -> Vec<&Evidence> {
    match r {
        RecordRef::Source(_) => r.evidence(),
        RecordRef::Actor(x) => x.evidence.iter().collect(),
        RecordRef::Place(x) => x.evidence.iter().collect(),
        RecordRef::Round(x) => x.evidence.iter().collect(),
        RecordRef::Event(x) => x.evidence.iter().collect(),
        RecordRef::Figure(x) => x.evidence.iter().collect(),
        RecordRef::Quote(x) => x.evidence.iter().collect(),
        RecordRef::Position(x) => x.evidence.iter().collect(),
        RecordRef::Instrument(x) => x.evidence.iter().collect(),
    }
}

/// The class attribute `type` of the record classes (``Event.type is RecordKind.EVENT``): a
/// descriptor, so that the `RecordKind` enum is built when first asked for, not at import.
#[pyclass(frozen, module = "syriatalks._native", name = "_RecordType")]
pub struct KindAttr {
    kind: Option<RecordKind>,
}

#[pymethods]
impl KindAttr {
    fn __get__<'py>(
        &self,
        py: Python<'py>,
        obj: Option<&Bound<'py, PyAny>>,
        _cls: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind =
            match (self.kind, obj) {
                (Some(k), _) => k,
                (None, Some(o)) => o.cast::<PyRecord>()?.get().kind,
                (None, None) => return Err(PyAttributeError::new_err(
                    "Record.type: each record class has its own (Event.type is RecordKind.EVENT)",
                )),
            };
        kind.to_py(py, &None)
    }
}

#[pymethods]
impl PyRecord {
    #[classattr]
    #[pyo3(name = "type")]
    fn kind_attr() -> KindAttr {
        KindAttr { kind: None }
    }

    /// The fields every record has; each record class lists its own.
    #[classattr]
    fn _fields() -> Vec<(&'static str, &'static str)> {
        vec![("id", "str")]
    }

    /// Stable id.
    ///
    /// :type: str
    #[getter]
    fn id<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        Ok(PyString::new(py, self.rec()?.id()))
    }

    /// A short human label: a name, a summary, or the quoted words.
    ///
    /// :type: str
    #[getter]
    fn label<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        Ok(PyString::new(py, self.rec()?.label()))
    }

    /// The record's kind word within its type (event kind, measure, topic, process…).
    ///
    /// :type: Optional[str]
    #[getter]
    fn kind_word(&self) -> PyResult<Option<&'static str>> {
        Ok(self.rec()?.kind_word())
    }

    /// The record's main date (an event's date, a round's start, a figure's as-of…).
    ///
    /// :type: Optional[PartialDate]
    #[getter]
    fn main_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.rec()?.date().to_py(py, &self.ctx())
    }

    /// The words of the sources that state the record (for a source: the words that give its
    /// title, outlet, author and date).
    ///
    /// :type: Tuple[Evidence, ...]
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let ctx = self.ctx();
        own_evidence(self.rec()?).to_py(py, &ctx)
    }

    /// Every evidence entry, nested ones (roles, delegations, cited dates) included.
    ///
    /// :type: Tuple[Evidence, ...]
    #[getter]
    fn all_evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let ctx = self.ctx();
        self.rec()?.evidence().to_py(py, &ctx)
    }

    /// The first and last calendar days the record covers, as time filters see it.
    ///
    /// :type: Optional[Tuple[datetime.date, datetime.date]]
    #[getter]
    fn when<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.rec()?.when() {
            Some(r) => tuple_of(
                py,
                [r.first.to_py(py, &None), r.last.to_py(py, &None)].into_iter(),
            ),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The articles the record's evidence comes from, without repeats, in evidence order
    /// (empty for a record detached from its dataset by pickling).
    ///
    /// :type: Tuple[Source, ...]
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Some(h) = self.ctx() else {
            return tuple_of(py, std::iter::empty());
        };
        let r = self.rec()?;
        let mut seen: Vec<&str> = Vec::new();
        for ev in r.evidence() {
            if !seen.contains(&ev.source.as_str()) {
                seen.push(&ev.source);
            }
        }
        let ds = h.ds();
        tuple_of(
            py,
            seen.into_iter()
                .filter_map(|id| ds.source(id))
                .map(|s| new_record(py, &h, RecordRef::Source(s))),
        )
    }

    /// to_dict(self) -> Dict[str, Any]
    ///
    /// The record as plain data, the same shape as ``syriatalks export --format json`` (a new
    /// dict each call).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = to_value(self.rec()?).map_err(|e| internal(&e.to_string()))?;
        value_to_py(py, &v)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let this = slf.get();
        let r = this.rec()?;
        let label = r.label();
        let label = if label.chars().count() <= 50 {
            label.to_string()
        } else {
            label.chars().take(47).collect::<String>() + "…"
        };
        let when = r.date().map(|d| format!(" {d}")).unwrap_or_default();
        let cls = slf.get_type().name()?;
        Ok(format!("<{cls} {}{when}: {label}>", r.id()))
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("syriatalks._html")?
            .getattr("record_html")?
            .call1((slf,))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<PyRecord>() else {
            return Ok(false);
        };
        Ok(self.rec()? == other.get().rec()?)
    }

    fn __hash__(&self) -> PyResult<u64> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let r = self.rec()?;
        (r.kind().as_str(), r.id()).hash(&mut h);
        Ok(h.finish())
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.rec()?;
        let json = to_value(r)
            .map(|v| v.to_string())
            .map_err(|e| internal(&e.to_string()))?;
        let restore = py.import("syriatalks._native")?.getattr("_restore")?;
        (restore, (r.kind().as_str(), json)).into_bound_py_any(py)
    }

    fn __setattr__(&self, py: Python<'_>, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(frozen_error(py, self.kind.as_str(), name))
    }

    fn __delattr__(&self, py: Python<'_>, name: &str) -> PyResult<()> {
        Err(frozen_error(py, self.kind.as_str(), name))
    }
}

/// Defines the `#[pymethods]` of a record class: its `type`, a getter per field (documented with
/// its Python type, which the stub generator reads), `_fields`, and any extra methods given.
macro_rules! record_class {
    (
        $cls:ident, $variant:ident, |$this:ident, $py:ident, $ctx:ident| {
            $( $(#[doc = $doc:expr])+ $name:ident : $ty:literal = $body:expr; )*
        }
        $($extra:tt)*
    ) => {
        #[pymethods]
        impl $cls {
            #[classattr]
            #[pyo3(name = "type")]
            fn kind_attr() -> KindAttr {
                KindAttr { kind: Some(RecordKind::$variant) }
            }

            $(
                $(#[doc = $doc])+
                #[doc = ""]
                #[doc = concat!(":type: ", $ty)]
                #[getter]
                fn $name<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                    let $py = slf.py();
                    let base = slf.as_super().get();
                    let $ctx = &base.ctx();
                    match base.rec()? {
                        RecordRef::$variant($this) => ToPy::to_py(&$body, $py, $ctx),
                        _ => Err(internal("record type")),
                    }
                }
            )*

            /// The fields, in order, with their Python types (what `dataclasses.fields` gave).
            #[classattr]
            fn _fields() -> Vec<(&'static str, &'static str)> {
                vec![("id", "str"), $((stringify!($name), $ty)),*]
            }

            $($extra)*
        }
    };
}

/// An article of the corpus: ``file`` under ``seeds/``, ``title``/``outlet``/``author`` as the
/// text gives them (:class:`Attested`), ``published`` date, ``url``, ``note``, ``sha256`` and the
/// full ``text``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Source")]
pub struct PySource;

record_class! {
    PySource, Source, |this, py, ctx| {
        /// The seed file, under ``seeds/``.
        file: "str" = this.file;
        /// The title, as the text gives it.
        title: "Attested" = this.title;
        /// The outlet.
        outlet: "Optional[Attested]" = this.outlet;
        /// The author, when the text names one.
        author: "Optional[Attested]" = this.author;
        /// The publication date.
        published: "Optional[PartialDate]" = this.published;
        /// Where the article was published.
        url: "Optional[str]" = this.url;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The sha256 of the seed file.
        sha256: "str" = this.sha256;
        /// The article's text.
        text: "str" = this.text;
    }

    /// citation(self) -> str
    ///
    /// Title, outlet, author and date, for a reference list.
    fn citation(slf: &Bound<'_, Self>) -> PyResult<String> {
        match slf.as_super().get().rec()? {
            RecordRef::Source(s) => Ok(crate::values::citation(s)),
            _ => Err(internal("record type")),
        }
    }
}

/// A person, state, organization, delegation or group: ``kind``, ``name``, every ``aliases``
/// surface form the corpus uses, ``roles`` with when they were stated, ``member_of``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Actor")]
pub struct PyActor;

record_class! {
    PyActor, Actor, |this, py, ctx| {
        /// What sort of actor.
        kind: "ActorKind" = this.kind;
        /// The name to show.
        name: "str" = this.name;
        /// Every surface form the corpus uses.
        aliases: "Tuple[str, ...]" = this.aliases;
        /// Roles, with when they were stated.
        roles: "Tuple[Role, ...]" = this.roles;
        /// Memberships.
        member_of: "Tuple[Membership, ...]" = this.member_of;
        /// ISO 3166-1 alpha-2 code of a state ("RU").
        iso_alpha2: "Optional[str]" = this.iso_alpha2;
        /// ISO 3166-1 alpha-3 code of a state ("RUS").
        iso_alpha3: "Optional[str]" = this.iso_alpha3;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that name the actor.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// A city, village, region, venue or country; ``within`` is the id of the place it lies in.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Place")]
pub struct PyPlace;

record_class! {
    PyPlace, Place, |this, py, ctx| {
        /// What sort of place.
        kind: "PlaceKind" = this.kind;
        /// The name to show.
        name: "str" = this.name;
        /// Every surface form the corpus uses.
        aliases: "Tuple[str, ...]" = this.aliases;
        /// The place it lies in, by id.
        within: "Optional[str]" = this.within;
        /// ISO 3166-1 alpha-2 code of a country ("SY").
        iso_alpha2: "Optional[str]" = this.iso_alpha2;
        /// ISO 3166-1 alpha-3 code of a country ("SYR").
        iso_alpha3: "Optional[str]" = this.iso_alpha3;
        /// The GeoNames id, where the gazetteer has one.
        geonames_id: "Optional[int]" = this.geonames_id;
        /// WGS84 latitude, decimal degrees.
        latitude: "Optional[float]" = this.latitude;
        /// WGS84 longitude, decimal degrees.
        longitude: "Optional[float]" = this.longitude;
        /// How closely the coordinates locate the place (after UCDP GED's where_prec).
        location_precision: "Optional[LocationPrecision]" = this.location_precision;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that name it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// One session of a negotiation process (``process``: geneva, astana…; the ``kind=`` filter
/// matches it): ``ordinal``, ``status``, ``period``, ``places``, ``mediators``, ``delegations``
/// with their heads, ``agenda``, ``outcome``, ``instruments``, the round it ``follows``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Round")]
pub struct PyRound;

record_class! {
    PyRound, Round, |this, py, ctx| {
        /// The name to show.
        name: "str" = this.name;
        /// The negotiation track.
        process: "Process" = this.process;
        /// The negotiation track, under the name every record type uses for its kind (the
        /// ``kind=`` filter matches it): the same as ``process``.
        kind: "Process" = this.process;
        /// Whether it took place.
        status: "RoundStatus" = this.status;
        /// Other names the corpus uses.
        aliases: "Tuple[str, ...]" = this.aliases;
        /// Its number within the process.
        ordinal: "Optional[int]" = this.ordinal;
        /// When it was held.
        period: "Optional[Period]" = this.period;
        /// Where, by place ids.
        places: "Tuple[str, ...]" = this.places;
        /// Mediators, by actor ids.
        mediators: "Tuple[str, ...]" = this.mediators;
        /// The delegations and their heads.
        delegations: "Tuple[Delegation, ...]" = this.delegations;
        /// The agenda.
        agenda: "Tuple[AgendaItem, ...]" = this.agenda;
        /// The outcome, in brief.
        outcome: "Optional[str]" = this.outcome;
        /// Instruments it produced or rests on, by id.
        instruments: "Tuple[str, ...]" = this.instruments;
        /// The round it follows, by id.
        follows: "Optional[str]" = this.follows;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// Something that happened on a ``date`` (to ``until``): ``kind``, ``summary``, ``actors``
/// with their roles, ``places``, the ``round`` it belongs to, ``instruments``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Event")]
pub struct PyEvent;

record_class! {
    PyEvent, Event, |this, py, ctx| {
        /// What happened.
        kind: "EventKind" = this.kind;
        /// The PLOVER event type of the kind (the crosswalk), or None.
        plover: "Optional[PloverEventType]" = this.plover;
        /// The CAMEO cue category of the kind, as its two-digit code ("04"), or None.
        cameo_root: "Optional[str]" = this.cameo_root.map(|c| c.as_str());
        /// When it happened (or began).
        date: "PartialDate" = this.date;
        /// One line saying what happened.
        summary: "str" = this.summary;
        /// When it ended, for events that last.
        until: "Optional[PartialDate]" = this.until;
        /// Who took part, and how.
        actors: "Tuple[Participant, ...]" = this.actors;
        /// Where, by place ids.
        places: "Tuple[str, ...]" = this.places;
        /// The round it belongs to, by id.
        round: "Optional[str]" = this.round;
        /// Instruments involved, by id.
        instruments: "Tuple[str, ...]" = this.instruments;
        /// The happening it attests, by key: records of other sources with the same key attest
        /// the same happening (``Dataset.claims`` compares them).
        happening: "Optional[str]" = this.happening;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// A number someone claimed: ``measure``, ``value``, ``qualifier`` ("more than"), ``text`` as
/// written, ``scope``, ``place``, ``period``, ``as_of``, ``claimed_by`` (actor ids), ``round``.
/// Conflicting claims are separate figures.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Figure")]
pub struct PyFigure;

record_class! {
    PyFigure, Figure, |this, py, ctx| {
        /// What is counted.
        measure: "Measure" = this.measure;
        /// The number.
        value: "int" = this.value;
        /// How exact the claim is.
        qualifier: "Qualifier" = this.qualifier;
        /// The least the claim allows (computed from value and qualifier; None: open).
        low: "Optional[int]" = this.low;
        /// The number the claim names (None for order_of).
        best: "Optional[int]" = this.best;
        /// The most the claim allows (None: open).
        high: "Optional[int]" = this.high;
        /// Which evidence entry (0-based) holds the number the bounds come from.
        number_evidence: "Optional[int]" = this.number_evidence;
        /// Where the number's words are in that evidence's source (UTF-8 bytes).
        number_span: "Optional[Span]" = this.number_span;
        /// The number as the text writes it.
        text: "str" = this.text;
        /// What the number covers, in brief.
        scope: "str" = this.scope;
        /// The place it covers, by id.
        place: "Optional[str]" = this.place;
        /// The time it covers.
        period: "Optional[Period]" = this.period;
        /// When the claim was made or reported.
        as_of: "Optional[PartialDate]" = this.as_of;
        /// Who claimed it, by actor ids; empty when the article states it in its own voice
        /// (tables write that as ``syriatalks.NO_CLAIMANT``).
        claimed_by: "Tuple[str, ...]" = this.claimed_by;
        /// The round it was claimed at, by id.
        round: "Optional[str]" = this.round;
        /// The happening it attests, by key: records of other sources with the same key attest
        /// the same happening (``Dataset.claims`` compares them).
        happening: "Optional[str]" = this.happening;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// Words attributed to a ``speaker`` (actor id), verbatim ``text``, when (``said``) and where
/// (``place``) they were said, to whom (``audience``), at which ``round``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Quote")]
pub struct PyQuote;

record_class! {
    PyQuote, Quote, |this, py, ctx| {
        /// Who said it, by actor id.
        speaker: "str" = this.speaker;
        /// The words, verbatim.
        text: "str" = this.text;
        /// When it was said.
        said: "Optional[PartialDate]" = this.said;
        /// Where it was said, by place id.
        place: "Optional[str]" = this.place;
        /// Whom it was said to.
        audience: "Optional[str]" = this.audience;
        /// The round it belongs to, by id.
        round: "Optional[str]" = this.round;
        /// The happening it attests, by key: records of other sources with the same key attest
        /// the same happening (``Dataset.claims`` compares them).
        happening: "Optional[str]" = this.happening;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words, with the attribution that names the speaker.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// A stance of an ``actor`` on a ``topic`` (the ``kind=`` filter matches it) ``as_of`` a date.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Position")]
pub struct PyPosition;

record_class! {
    PyPosition, Position, |this, py, ctx| {
        /// Whose stance, by actor id.
        actor: "str" = this.actor;
        /// What it is about.
        topic: "Topic" = this.topic;
        /// The stance, in brief.
        stance: "str" = this.stance;
        /// As of when.
        as_of: "Optional[PartialDate]" = this.as_of;
        /// The round it was stated at, by id.
        round: "Optional[str]" = this.round;
        /// Instruments it rests on, by id.
        instruments: "Tuple[str, ...]" = this.instruments;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

/// A document the talks rest on (communiqué, resolution…): ``kind``, ``name``, ``date``,
/// ``authors``, ``signatories`` and ``absent`` parties (actor ids), ``summary``.
#[pyclass(frozen, extends = PyRecord, module = "syriatalks._native", name = "Instrument")]
pub struct PyInstrument;

record_class! {
    PyInstrument, Instrument, |this, py, ctx| {
        /// What sort of document.
        kind: "InstrumentKind" = this.kind;
        /// The name to show.
        name: "str" = this.name;
        /// Other names the corpus uses.
        aliases: "Tuple[str, ...]" = this.aliases;
        /// When it was adopted, signed or released.
        date: "Optional[PartialDate]" = this.date;
        /// Who drew it up or released it, by actor ids.
        authors: "Tuple[str, ...]" = this.authors;
        /// The signatories, by actor ids.
        signatories: "Tuple[str, ...]" = this.signatories;
        /// Parties named as not having signed, by actor ids.
        absent: "Tuple[str, ...]" = this.absent;
        /// What it provides, in brief.
        summary: "Optional[str]" = this.summary;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
        /// Public documents outside the seeds.
        external: "Tuple[ExternalRef, ...]" = this.external;
    }
}

// ---------------------------------------------------------------------------------------------
// Query results
// ---------------------------------------------------------------------------------------------

/// Candidate(actor: Actor, matched: str, how: Union[MatchKind, str], score: float)
///
/// A candidate actor for a name: the ``actor``, the name or alias that ``matched``, ``how``
/// it matched (exact, words, partial, fuzzy) and a ``score`` in (0, 1].
#[pyclass(frozen, module = "syriatalks._native", name = "Candidate")]
pub struct PyCandidate {
    actor: Py<PyAny>,
    matched: String,
    how: syriatalks::MatchKind,
    score: f64,
}

impl PyCandidate {
    /// A candidate from the core's.
    pub fn from_core(
        py: Python<'_>,
        h: &DsHandle,
        c: &syriatalks::Candidate<'_>,
    ) -> PyResult<Self> {
        Ok(PyCandidate {
            actor: new_record(py, h, RecordRef::Actor(c.actor))?.unbind(),
            matched: c.matched.to_string(),
            how: c.how,
            score: c.score,
        })
    }
}

#[pymethods]
impl PyCandidate {
    #[new]
    fn py_new(
        py: Python<'_>,
        actor: &Bound<'_, PyActor>,
        matched: String,
        how: &str,
        score: f64,
    ) -> PyResult<Self> {
        let how = how.parse().map_err(|e| crate::unknown_word(py, e))?;
        Ok(PyCandidate {
            actor: actor.clone().into_any().unbind(),
            matched,
            how,
            score,
        })
    }

    /// The actor.
    ///
    /// :type: Actor
    #[getter]
    fn actor(&self, py: Python<'_>) -> Py<PyAny> {
        self.actor.clone_ref(py)
    }

    /// The name or alias that matched best.
    ///
    /// :type: str
    #[getter]
    fn matched(&self) -> &str {
        &self.matched
    }

    /// How it matched.
    ///
    /// :type: MatchKind
    #[getter]
    fn how<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.how.to_py(py, &None)
    }

    /// A score in (0, 1]: 1 for an exact match.
    ///
    /// :type: float
    #[getter]
    fn score(&self) -> f64 {
        self.score
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PyCandidate>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.matched == o.matched
            && self.how == o.how
            && self.score == o.score
            && self.actor.bind(py).eq(o.actor.bind(py))?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.actor.bind(py), &self.matched, self.how.as_str())
            .into_pyobject(py)?
            .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Candidate({}, matched={:?}, how='{}', score={:.2})",
            self.actor.bind(py).repr()?,
            self.matched,
            self.how,
            self.score
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let (py, s) = (slf.py(), slf.get());
        (
            slf.get_type(),
            (
                s.actor.clone_ref(py),
                s.matched.clone(),
                s.how.as_str(),
                s.score,
            ),
        )
            .into_bound_py_any(py)
    }

    fn __setattr__(&self, py: Python<'_>, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(frozen_error(py, "Candidate", name))
    }
}

/// SearchHit(record: Record, field: str, span: Span, snippet: str)
///
/// One place where searched words occur: the ``record`` (for a hit in an article's text, its
/// :class:`Source`), the ``field`` (``text``, ``summary``, ``evidence.quote``…), the byte
/// ``span`` of the match in that field, and a one-line ``snippet``.
#[pyclass(frozen, module = "syriatalks._native", name = "SearchHit")]
pub struct PySearchHit {
    record: Py<PyAny>,
    field: String,
    span: PySpan,
    snippet: String,
}

impl PySearchHit {
    /// A hit from the core's.
    pub fn from_core(
        py: Python<'_>,
        h: &DsHandle,
        hit: &syriatalks::SearchHit<'_>,
    ) -> PyResult<Self> {
        Ok(PySearchHit {
            record: new_record(py, h, hit.record)?.unbind(),
            field: hit.field.clone(),
            span: PySpan::from(hit.span),
            snippet: hit.snippet.clone(),
        })
    }
}

#[pymethods]
impl PySearchHit {
    #[new]
    fn py_new(record: &Bound<'_, PyRecord>, field: String, span: PySpan, snippet: String) -> Self {
        PySearchHit {
            record: record.clone().into_any().unbind(),
            field,
            span,
            snippet,
        }
    }

    /// The record the words are in.
    ///
    /// :type: Record
    #[getter]
    fn record(&self, py: Python<'_>) -> Py<PyAny> {
        self.record.clone_ref(py)
    }

    /// ``text`` for an article's text, else the record field.
    ///
    /// :type: str
    #[getter]
    fn field(&self) -> &str {
        &self.field
    }

    /// The byte span of the match within that field's value.
    ///
    /// :type: Span
    #[getter]
    fn span(&self) -> PySpan {
        self.span
    }

    /// The matched words with some context, on one line.
    ///
    /// :type: str
    #[getter]
    fn snippet(&self) -> &str {
        &self.snippet
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.cast::<PySearchHit>() else {
            return Ok(false);
        };
        let o = o.get();
        Ok(self.field == o.field
            && self.span == o.span
            && self.snippet == o.snippet
            && self.record.bind(py).eq(o.record.bind(py))?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.record.bind(py), &self.field, self.span.start_end())
            .into_pyobject(py)?
            .hash()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SearchHit({}, field={:?}, snippet={:?})",
            self.record.bind(py).repr()?,
            self.field,
            self.snippet
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let (py, s) = (slf.py(), slf.get());
        (
            slf.get_type(),
            (
                s.record.clone_ref(py),
                s.field.clone(),
                s.span,
                s.snippet.clone(),
            ),
        )
            .into_bound_py_any(py)
    }

    fn __setattr__(&self, py: Python<'_>, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
        Err(frozen_error(py, "SearchHit", name))
    }
}

// ---------------------------------------------------------------------------------------------
// Unpickling: the serde form back to core values. Fields the loader computes are not read by the
// core's deserializers (spans, cited words, a source's text and checksum), so they are restored
// here from the same serde form.
// ---------------------------------------------------------------------------------------------

fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("span");
            m.remove("cited");
            m.values_mut().for_each(strip);
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

fn de<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, String> {
    let mut s = v.clone();
    strip(&mut s);
    if let Value::Object(m) = &mut s {
        m.remove("sha256");
        // Computed by the loader: an event's codes, a figure's bounds (restored below).
        for computed in COMPUTED {
            m.remove(*computed);
        }
        if m.contains_key("file") {
            m.remove("text"); // a source's text (figures and quotes have a `text` of their own)
        }
    }
    serde_json::from_value(s).map_err(|e| e.to_string())
}

/// Top-level fields of the serde form that the loader computes and the deserializers refuse.
const COMPUTED: &[&str] = &[
    "plover",
    "cameo_root",
    "low",
    "best",
    "high",
    "number_evidence",
    "number_span",
];

fn span_of(v: &Value) -> Option<ByteSpan> {
    let s = v.get("span")?;
    Some(ByteSpan {
        start: usize::try_from(s.get("start")?.as_u64()?).ok()?,
        end: usize::try_from(s.get("end")?.as_u64()?).ok()?,
    })
}

fn fix_evs(es: &mut [Evidence], v: &Value) {
    if let Some(a) = v.get("evidence").and_then(Value::as_array) {
        for (e, x) in es.iter_mut().zip(a) {
            e.span = span_of(x);
        }
    }
}

fn cited_of(v: &Value) -> Option<Evidence> {
    let c = v.get("cited")?;
    let mut e: Evidence = de(c).ok()?;
    e.span = span_of(c);
    Some(e)
}

fn fix_date(d: &mut Option<DateValue>, v: Option<&Value>) {
    if let (Some(d), Some(v)) = (d.as_mut(), v) {
        d.cited = cited_of(v);
    }
}

fn fix_period(p: &mut Option<Period>, v: Option<&Value>) {
    if let (Some(p), Some(v)) = (p.as_mut(), v) {
        if let Some(s) = v.get("start") {
            p.start.cited = cited_of(s);
        }
        fix_date(&mut p.end, v.get("end"));
    }
}

fn fix_attested(a: &mut Option<Attested>, v: Option<&Value>) {
    if let (Some(a), Some(v)) = (a.as_mut(), v) {
        a.cited = cited_of(v);
    }
}

fn fix_roles(roles: &mut [Role], v: &Value) {
    if let Some(a) = v.get("roles").and_then(Value::as_array) {
        for (r, x) in roles.iter_mut().zip(a) {
            fix_date(&mut r.as_of, x.get("as_of"));
            fix_evs(&mut r.evidence, x);
        }
    }
}

fn fix_all<T>(items: &mut [T], v: Option<&Value>, each: impl Fn(&mut T, &Value)) {
    if let Some(a) = v.and_then(Value::as_array) {
        for (t, x) in items.iter_mut().zip(a) {
            each(t, x);
        }
    }
}

fn restore_record(kind: RecordKind, v: &Value) -> Result<Owned, String> {
    Ok(match kind {
        RecordKind::Source => {
            let mut r: Source = de(v)?;
            let mut title = Some(r.title);
            fix_attested(&mut title, v.get("title"));
            r.title = title.ok_or("title")?;
            fix_attested(&mut r.outlet, v.get("outlet"));
            fix_attested(&mut r.author, v.get("author"));
            fix_date(&mut r.published, v.get("published"));
            r.sha256 = v
                .get("sha256")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            r.text = v
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            Owned::Source(r)
        }
        RecordKind::Actor => {
            let mut r: Actor = de(v)?;
            fix_roles(&mut r.roles, v);
            fix_all(
                &mut r.member_of,
                v.get("member_of"),
                |m: &mut Membership, x| fix_evs(&mut m.evidence, x),
            );
            fix_evs(&mut r.evidence, v);
            Owned::Actor(r)
        }
        RecordKind::Place => {
            let mut r: Place = de(v)?;
            fix_evs(&mut r.evidence, v);
            Owned::Place(r)
        }
        RecordKind::Round => {
            let mut r: Round = de(v)?;
            fix_period(&mut r.period, v.get("period"));
            fix_all(
                &mut r.delegations,
                v.get("delegations"),
                |d: &mut Delegation, x| fix_evs(&mut d.evidence, x),
            );
            fix_all(&mut r.agenda, v.get("agenda"), |a: &mut AgendaItem, x| {
                fix_evs(&mut a.evidence, x)
            });
            fix_evs(&mut r.evidence, v);
            Owned::Round(r)
        }
        RecordKind::Event => {
            let mut r: Event = de(v)?;
            let mut date = Some(r.date);
            fix_date(&mut date, v.get("date"));
            r.date = date.ok_or("date")?;
            fix_date(&mut r.until, v.get("until"));
            fix_evs(&mut r.evidence, v);
            (r.plover, r.cameo_root) = (r.kind.plover(), r.kind.cameo_root());
            Owned::Event(r)
        }
        RecordKind::Figure => {
            let mut r: Figure = de(v)?;
            fix_period(&mut r.period, v.get("period"));
            fix_date(&mut r.as_of, v.get("as_of"));
            fix_evs(&mut r.evidence, v);
            let b = syriatalks::bounds(r.qualifier, r.value);
            (r.low, r.best, r.high) = (b.low, b.best, b.high);
            r.number_evidence = v
                .get("number_evidence")
                .and_then(Value::as_u64)
                .and_then(|i| usize::try_from(i).ok());
            r.number_span = v.get("number_span").and_then(|s| {
                Some(ByteSpan {
                    start: usize::try_from(s.get("start")?.as_u64()?).ok()?,
                    end: usize::try_from(s.get("end")?.as_u64()?).ok()?,
                })
            });
            Owned::Figure(r)
        }
        RecordKind::Quote => {
            let mut r: Quote = de(v)?;
            fix_date(&mut r.said, v.get("said"));
            fix_evs(&mut r.evidence, v);
            Owned::Quote(r)
        }
        RecordKind::Position => {
            let mut r: Position = de(v)?;
            fix_date(&mut r.as_of, v.get("as_of"));
            fix_evs(&mut r.evidence, v);
            Owned::Position(r)
        }
        RecordKind::Instrument => {
            let mut r: Instrument = de(v)?;
            fix_date(&mut r.date, v.get("date"));
            fix_evs(&mut r.evidence, v);
            Owned::Instrument(r)
        }
    })
}

fn restore_value<'py>(
    py: Python<'py>,
    class: &str,
    v: &Value,
) -> Result<PyResult<Bound<'py, PyAny>>, String> {
    Ok(match class {
        "PyEvidence" => {
            let mut e: Evidence = de(v)?;
            e.span = span_of(v);
            e.to_py(py, &None)
        }
        "PyExternalRef" => de::<syriatalks::ExternalRef>(v)?.to_py(py, &None),
        "PyDerivation" => de::<syriatalks::Derivation>(v)?.to_py(py, &None),
        "PyPartialDate" => {
            let mut d: DatePart = de(v)?;
            let mut value = Some(d.value);
            fix_date(&mut value, v.get("value"));
            d.value = value.ok_or("value")?;
            d.to_py(py, &None)
        }
        "PyPeriod" => {
            let mut p = Some(de::<Period>(v)?);
            fix_period(&mut p, Some(v));
            p.to_py(py, &None)
        }
        "PyAttested" => {
            let mut a = Some(de::<Attested>(v)?);
            fix_attested(&mut a, Some(v));
            a.to_py(py, &None)
        }
        "PyRole" => {
            let mut r: Role = de(v)?;
            fix_date(&mut r.as_of, v.get("as_of"));
            fix_evs(&mut r.evidence, v);
            r.to_py(py, &None)
        }
        "PyMembership" => {
            let mut m: Membership = de(v)?;
            fix_evs(&mut m.evidence, v);
            m.to_py(py, &None)
        }
        "PyParticipant" => de::<syriatalks::Participant>(v)?.to_py(py, &None),
        "PyDelegation" => {
            let mut d: Delegation = de(v)?;
            fix_evs(&mut d.evidence, v);
            d.to_py(py, &None)
        }
        "PyAgendaItem" => {
            let mut a: AgendaItem = de(v)?;
            fix_evs(&mut a.evidence, v);
            a.to_py(py, &None)
        }
        other => return Err(format!("unknown class `{other}`")),
    })
}

/// Rebuilds a pickled record or value (detached from any dataset).
#[pyfunction]
pub fn _restore<'py>(py: Python<'py>, what: &str, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let v: Value = serde_json::from_str(json).map_err(|e| internal(&e.to_string()))?;
    let fail = |e: String| {
        pyo3::exceptions::PyValueError::new_err(format!("cannot unpickle a syriatalks {what}: {e}"))
    };
    match what.parse::<RecordKind>() {
        Ok(kind) => make(
            py,
            kind,
            Store::Detached(Box::new(restore_record(kind, &v).map_err(fail)?)),
        ),
        Err(_) => restore_value(py, what, &v).map_err(fail)?,
    }
}
