//! The value types nested in records (evidence, dates, roles, delegations…) as frozen Python
//! classes. Each holds a copy of its small core value, made when the attribute that yields it is
//! read, and the dataset it came from (so that evidence can name its article).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use serde::Serialize;
use syriatalks::{ByteSpan, DateValue};

use crate::conv::{datetime_classes, internal, py_date, Ctx, ToPy};
use crate::records::new_record;

/// A hash consistent with the derived equality of a core value: the hash of its serde form.
pub fn hash_of<T: Serialize>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    serde_json::to_string(value)
        .unwrap_or_default()
        .hash(&mut h);
    h.finish()
}

/// The error a frozen record or value raises on assignment: `dataclasses.FrozenInstanceError`
/// (an `AttributeError`), as when these were frozen dataclasses. `dataclasses` is imported only
/// here, when someone tries to assign.
pub fn frozen_error(py: Python<'_>, cls: &str, name: &str) -> PyErr {
    let message =
        format!("cannot assign to field '{name}' of {cls}: syriatalks records are immutable");
    match py
        .import("dataclasses")
        .and_then(|m| m.getattr("FrozenInstanceError"))
        .and_then(|c| c.call1((message.clone(),)))
    {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// Defines the `#[pymethods]` of a value class: a getter per field (documented with its Python
/// type, which the stub generator reads), `_fields`, equality and hashing by value, pickling
/// through the serde form, refusal of assignment, and any extra methods given.
macro_rules! value_class {
    (
        $cls:ident : $core:ty, |$this:ident, $py:ident, $ctx:ident| {
            $( $(#[doc = $doc:expr])+ $name:ident : $ty:literal = $body:expr; )*
        }
        $($extra:tt)*
    ) => {
        impl ToPy for $core {
            fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>> {
                Ok(Bound::new(py, $cls { data: self.clone(), ctx: ctx.clone() })?.into_any())
            }
        }

        #[pymethods]
        impl $cls {
            $(
                $(#[doc = $doc])+
                #[doc = ""]
                #[doc = concat!(":type: ", $ty)]
                #[getter]
                fn $name<'py>(&self, $py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    let $this = &self.data;
                    let $ctx = &self.ctx;
                    ToPy::to_py(&$body, $py, $ctx)
                }
            )*

            /// The fields, in order, with their Python types (what `dataclasses.fields` gave).
            #[classattr]
            fn _fields() -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), $ty)),*]
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().is_ok_and(|o| o.get().data == self.data)
            }

            fn __hash__(&self) -> u64 {
                hash_of(&self.data)
            }

            fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let json = serde_json::to_string(&self.data)
                    .map_err(|e| internal(&e.to_string()))?;
                let restore = py.import("syriatalks._native")?.getattr("_restore")?;
                (restore, (stringify!($cls), json)).into_bound_py_any(py)
            }

            fn __setattr__(&self, py: Python<'_>, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
                Err(frozen_error(py, stringify!($cls), name))
            }

            fn __delattr__(&self, py: Python<'_>, name: &str) -> PyResult<()> {
                Err(frozen_error(py, stringify!($cls), name))
            }

            $($extra)*
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Span
// ---------------------------------------------------------------------------------------------

/// Span(start: int, end: int)
///
/// A half-open range ``[start, end)``. For evidence, in UTF-8 *bytes* of the source text, as the
/// core crate reports it; :attr:`Evidence.char_span` gives the same range in Python string
/// indices. It unpacks like a pair: ``text[slice(*span)]``.
#[pyclass(
    frozen,
    eq,
    hash,
    from_py_object,
    module = "syriatalks._native",
    name = "Span"
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PySpan {
    start: usize,
    end: usize,
}

impl PySpan {
    /// `(start, end)`.
    pub fn start_end(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

impl From<ByteSpan> for PySpan {
    fn from(s: ByteSpan) -> Self {
        PySpan {
            start: s.start,
            end: s.end,
        }
    }
}

impl ToPy for ByteSpan {
    fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, PySpan::from(*self))?.into_any())
    }
}

#[pymethods]
impl PySpan {
    #[new]
    fn new(start: usize, end: usize) -> Self {
        PySpan { start, end }
    }

    /// The first position.
    ///
    /// :type: int
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// One past the last position.
    ///
    /// :type: int
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The fields, in order, with their Python types.
    #[classattr]
    fn _fields() -> Vec<(&'static str, &'static str)> {
        vec![("start", "int"), ("end", "int")]
    }

    fn __len__(&self) -> usize {
        2
    }

    fn __getitem__(&self, i: isize) -> PyResult<usize> {
        match i {
            0 | -2 => Ok(self.start),
            1 | -1 => Ok(self.end),
            _ => Err(pyo3::exceptions::PyIndexError::new_err(
                "Span index out of range",
            )),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyTuple::new(py, [self.start, self.end])?
            .as_any()
            .try_iter()?
            .into_any())
    }

    fn __repr__(&self) -> String {
        format!("Span(start={}, end={})", self.start, self.end)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let s = slf.get();
        (slf.get_type(), (s.start, s.end)).into_bound_py_any(slf.py())
    }
}

// ---------------------------------------------------------------------------------------------
// Evidence and external references
// ---------------------------------------------------------------------------------------------

/// Evidence(source: str, quote: str, occurrence: Optional[int] = None, span: Optional[Span] = None)
///
/// The exact words of a source that state a fact.
///
/// ``source`` is the source id, ``quote`` the words byte for byte, ``span`` where the loader
/// found them (UTF-8 byte offsets, as in Rust and C). ``char_span`` gives Python string offsets,
/// so ``ev.article.text[slice(*ev.char_span)] == ev.quote``; ``article`` is the :class:`Source`.
#[pyclass(frozen, module = "syriatalks._native", name = "Evidence")]
pub struct PyEvidence {
    pub(crate) data: syriatalks::Evidence,
    pub(crate) ctx: Ctx,
}

value_class! {
    PyEvidence: syriatalks::Evidence, |this, py, ctx| {
        /// The id of the source.
        source: "str" = this.source;
        /// The exact words, byte for byte.
        quote: "str" = this.quote;
        /// Which occurrence is meant (1-based) when the words occur more than once.
        occurrence: "Optional[int]" = this.occurrence;
        /// Where the words are in the source text, in UTF-8 bytes.
        span: "Optional[Span]" = this.span;
    }

    #[new]
    #[pyo3(signature = (source, quote, occurrence = None, span = None))]
    fn py_new(source: String, quote: String, occurrence: Option<usize>, span: Option<PySpan>) -> Self {
        PyEvidence {
            data: syriatalks::Evidence {
                source,
                quote,
                occurrence,
                span: span.map(|s| ByteSpan { start: s.start, end: s.end }),
            },
            ctx: None,
        }
    }

    /// The source (article) the words come from, when the evidence came from a dataset.
    ///
    /// :type: Optional[Source]
    #[getter]
    fn article<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(h) = &self.ctx else { return Ok(None) };
        match h.ds().source(&self.data.source) {
            Some(s) => Ok(Some(new_record(py, h, syriatalks::RecordRef::Source(s))?)),
            None => Ok(None),
        }
    }

    /// The span in Python string indices of the article's text (``None`` without a span).
    ///
    /// :type: Optional[Span]
    #[getter]
    fn char_span(&self) -> Option<PySpan> {
        let h = self.ctx.as_ref()?;
        let span = self.data.span?;
        let text = &h.ds().source(&self.data.source)?.text;
        let start = text.get(..span.start)?.chars().count();
        Some(PySpan {
            start,
            end: start + self.data.quote.chars().count(),
        })
    }

    /// cite(self) -> str
    ///
    /// A citation line: “quote” — title, outlet, date.
    fn cite(&self) -> String {
        let src = self.ctx.as_ref().and_then(|h| h.ds().source(&self.data.source));
        match src {
            Some(s) => format!("“{}” — {}", self.data.quote, citation(s)),
            None => format!("“{}” — {}", self.data.quote, self.data.source),
        }
    }

    fn __repr__(&self) -> String {
        let q = &self.data.quote;
        let shown = if q.chars().count() <= 60 {
            format!("{q:?}")
        } else {
            format!("{:?}", q.chars().take(57).collect::<String>() + "…")
        };
        format!("Evidence({:?}, {shown})", self.data.source)
    }
}

/// Title, outlet, author and date of an article, for a reference list.
pub fn citation(s: &syriatalks::Source) -> String {
    let mut parts = vec![format!("“{}”", s.title.value)];
    parts.extend(s.outlet.as_ref().map(|a| a.value.clone()));
    parts.extend(s.author.as_ref().map(|a| a.value.clone()));
    parts.extend(s.published.as_ref().map(|d| d.to_string()));
    parts.join(", ")
}

/// ExternalRef(title: str, reference: Optional[str] = None, url: Optional[str] = None)
///
/// A public document outside the seeds that a fact comes from (title, reference, url).
#[pyclass(frozen, module = "syriatalks._native", name = "ExternalRef")]
pub struct PyExternalRef {
    data: syriatalks::ExternalRef,
    ctx: Ctx,
}

value_class! {
    PyExternalRef: syriatalks::ExternalRef, |this, py, ctx| {
        /// The document's title.
        title: "str" = this.title;
        /// A formal reference (document symbol…), when it has one.
        reference: "Optional[str]" = this.reference;
        /// Where it can be read.
        url: "Optional[str]" = this.url;
    }

    #[new]
    #[pyo3(signature = (title, reference = None, url = None))]
    fn py_new(title: String, reference: Option<String>, url: Option<String>) -> Self {
        PyExternalRef {
            data: syriatalks::ExternalRef { title, reference, url },
            ctx: None,
        }
    }

    fn __repr__(&self) -> String {
        format!("ExternalRef({:?})", self.data.title)
    }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// How a date was computed from an anchor (``from_``: a source's publication date or another
/// record's date): ``days`` added, ``years`` added, then a ``weekday`` looked for in ``relation``.
#[pyclass(frozen, module = "syriatalks._native", name = "Derivation")]
pub struct PyDerivation {
    data: syriatalks::Derivation,
    ctx: Ctx,
}

value_class! {
    PyDerivation: syriatalks::Derivation, |this, py, ctx| {
        /// The id of the anchor.
        from_: "str" = this.from;
        /// Days added to the anchor.
        days: "Optional[int]" = this.days;
        /// Years added to the anchor.
        years: "Optional[int]" = this.years;
        /// The weekday looked for (``"tuesday"``).
        weekday: "Optional[str]" = this.weekday.map(syriatalks::date::weekday_name);
        /// Which way the weekday is looked for.
        relation: "Optional[Relation]" = this.relation;
    }

    fn __repr__(&self) -> String {
        format!("Derivation(from_={:?})", self.data.from)
    }
}

/// PartialDate(text: str)
///
/// A date known to a year, a month or a day, with where it comes from.
///
/// A year-precision date is never shown as 1 January: ``year``/``month``/``day`` give what is
/// known (``None`` for the rest), ``precision`` says how much, ``start``/``end`` are the first and
/// last calendar days it covers, and ``date`` is a :class:`datetime.date` only for day precision.
/// ``basis`` says where it comes from (stated in the text, derived by weekday arithmetic, inferred,
/// external), with ``quote`` (the words that give it), ``cited`` (where they were found),
/// ``qualifier`` ("early" September), ``derivation``, ``reference`` and ``note``.
///
/// ``PartialDate.parse("2016-02")`` (or ``PartialDate("2016-02")``) makes one for use in filters;
/// ``str(d)`` is ``"2016-02"``.
#[pyclass(frozen, module = "syriatalks._native", name = "PartialDate")]
pub struct PyPartialDate {
    data: DatePart,
    ctx: Ctx,
}

/// A date from the data (with its basis), or one parsed from a filter value (without).
#[derive(Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DatePart {
    pub(crate) value: DateValue,
    pub(crate) has_basis: bool,
}

impl ToPy for DateValue {
    fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        DatePart {
            value: self.clone(),
            has_basis: true,
        }
        .to_py(py, ctx)
    }
}

impl PyPartialDate {
    /// A date without a basis, as a filter value.
    pub fn bare(value: syriatalks::PartialDate) -> Self {
        PyPartialDate {
            data: DatePart {
                value: DateValue::new(value, syriatalks::Basis::Stated),
                has_basis: false,
            },
            ctx: None,
        }
    }

    /// The calendar date.
    pub fn value(&self) -> syriatalks::PartialDate {
        self.data.value.value
    }
}

value_class! {
    PyPartialDate: DatePart, |this, py, ctx| {
        /// The date as written: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
        text: "str" = this.value.value.to_string();
        /// Where the date comes from (``None`` for a date parsed from a filter value).
        basis: "Optional[Basis]" = this.has_basis.then_some(this.value.basis);
        /// A softener the text puts on the date ("early").
        qualifier: "Optional[DateQualifier]" = this.value.qualifier;
        /// The words that give the date.
        quote: "Optional[str]" = this.value.quote;
        /// Where those words were found.
        cited: "Optional[Evidence]" = this.value.cited;
        /// How the date was computed from an anchor.
        derivation: "Optional[Derivation]" = this.value.derivation;
        /// The public document an external date comes from.
        reference: "Optional[str]" = this.value.reference;
        /// A note for readers.
        note: "Optional[str]" = this.value.note;
        /// The record (a round, an event…) during which this happened, by id.
        during: "Optional[str]" = this.value.during;
        /// The record this happened after (or on the same day as), by id.
        after: "Optional[str]" = this.value.after;
        /// The record this happened before (or on the same day as), by id.
        before: "Optional[str]" = this.value.before;
    }

    #[new]
    fn py_new(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(Self::bare(crate::parse_date(py, text)?))
    }

    /// parse(value: Union[str, int, datetime.date, PartialDate]) -> PartialDate
    ///
    /// A partial date from ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"``, a year (``int``) or a
    /// ``datetime.date``. Raises :class:`syriatalks.DateError` (a ``ValueError``) for a malformed
    /// date and :class:`syriatalks.FilterTypeError` (a ``TypeError``) for anything else.
    #[staticmethod]
    fn parse<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        if value.is_instance_of::<PyPartialDate>() {
            return Ok(value.clone());
        }
        let date = crate::date_value(py, "value", value)?;
        Ok(Bound::new(py, Self::bare(date))?.into_any())
    }

    /// The year.
    ///
    /// :type: int
    #[getter]
    fn year(&self) -> i32 {
        self.value().year_value()
    }

    /// The month (1–12), or ``None`` when only the year is known.
    ///
    /// :type: Optional[int]
    #[getter]
    fn month(&self) -> Option<u32> {
        self.value().month_value()
    }

    /// The day of the month, or ``None`` when the day is not known.
    ///
    /// :type: Optional[int]
    #[getter]
    fn day(&self) -> Option<u32> {
        self.value().day_value()
    }

    /// ``Precision.YEAR``, ``MONTH`` or ``DAY``.
    ///
    /// :type: Precision
    #[getter]
    fn precision<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.value().precision().to_py(py, &None)
    }

    /// The first calendar day the date covers (1 January for a year).
    ///
    /// :type: datetime.date
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.value().first_day())
    }

    /// The last calendar day the date covers (31 December for a year).
    ///
    /// :type: datetime.date
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.value().last_day())
    }

    /// The calendar day, only when the precision is a day; otherwise ``None``.
    ///
    /// :type: Optional[datetime.date]
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.value().as_naive().map(|d| py_date(py, d)).transpose()
    }

    /// isoformat(self) -> str
    ///
    /// ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    fn isoformat(&self) -> String {
        self.value().to_string()
    }

    fn __str__(&self) -> String {
        self.data.value.to_string()
    }

    fn __repr__(&self) -> String {
        let mut extra = String::new();
        if self.data.has_basis {
            extra += &format!(", basis='{}'", self.data.value.basis);
        }
        if let Some(q) = self.data.value.qualifier {
            extra += &format!(", qualifier='{q}'");
        }
        format!("PartialDate('{}'{extra})", self.value())
    }
}

/// A stretch of time: ``start`` and an optional ``end`` (both :class:`PartialDate`);
/// ``first``/``last`` are the calendar days it covers.
#[pyclass(frozen, module = "syriatalks._native", name = "Period")]
pub struct PyPeriod {
    data: syriatalks::Period,
    ctx: Ctx,
}

value_class! {
    PyPeriod: syriatalks::Period, |this, py, ctx| {
        /// When it starts.
        start: "PartialDate" = this.start;
        /// When it ends, if the text says.
        end: "Optional[PartialDate]" = this.end;
    }

    /// The first day covered.
    ///
    /// :type: datetime.date
    #[getter]
    fn first<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.data.range().first)
    }

    /// The last day covered (the end's last day, or the start's).
    ///
    /// :type: datetime.date
    #[getter]
    fn last<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, self.data.range().last)
    }

    fn __str__(&self) -> String {
        match &self.data.end {
            Some(e) => format!("{} – {}", self.data.start, e),
            None => self.data.start.to_string(),
        }
    }

    fn __repr__(&self) -> String {
        format!("Period('{}')", self.__str__())
    }
}

// ---------------------------------------------------------------------------------------------
// Values inside records
// ---------------------------------------------------------------------------------------------

/// A value a source gives about itself (title, outlet, author) with its basis and the words.
#[pyclass(frozen, module = "syriatalks._native", name = "Attested")]
pub struct PyAttested {
    data: syriatalks::Attested,
    ctx: Ctx,
}

value_class! {
    PyAttested: syriatalks::Attested, |this, py, ctx| {
        /// The value.
        value: "str" = this.value;
        /// Where it comes from.
        basis: "Basis" = this.basis;
        /// The words that give it.
        quote: "Optional[str]" = this.quote;
        /// Which occurrence of the words is meant.
        occurrence: "Optional[int]" = this.occurrence;
        /// A note for readers.
        note: "Optional[str]" = this.note;
        /// Where the words were found.
        cited: "Optional[Evidence]" = this.cited;
    }

    fn __str__(&self) -> String {
        self.data.value.clone()
    }

    fn __repr__(&self) -> String {
        format!("Attested({:?})", self.data.value)
    }
}

/// A role an actor held (``title`` in the text's words, ``of`` an actor id, ``round``,
/// ``as_of`` date) with the evidence that states it.
#[pyclass(frozen, module = "syriatalks._native", name = "Role")]
pub struct PyRole {
    data: syriatalks::Role,
    ctx: Ctx,
}

value_class! {
    PyRole: syriatalks::Role, |this, py, ctx| {
        /// The title, in the text's words.
        title: "str" = this.title;
        /// The actor the role is held in or for, by id.
        of: "Optional[str]" = this.of;
        /// The round in which the role was held, by id.
        round: "Optional[str]" = this.round;
        /// When the text says the role was held.
        as_of: "Optional[PartialDate]" = this.as_of;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
    }

    fn __repr__(&self) -> String {
        format!("Role({:?})", self.data.title)
    }
}

/// Membership of another actor (by id), with evidence.
#[pyclass(frozen, module = "syriatalks._native", name = "Membership")]
pub struct PyMembership {
    data: syriatalks::Membership,
    ctx: Ctx,
}

value_class! {
    PyMembership: syriatalks::Membership, |this, py, ctx| {
        /// The actor joined, by id.
        actor: "str" = this.actor;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
    }

    fn __repr__(&self) -> String {
        format!("Membership({:?})", self.data.actor)
    }
}

/// Participant(actor: str, role: Union[ParticipantRole, str])
///
/// An actor (by id) and their part in an event.
#[pyclass(frozen, module = "syriatalks._native", name = "Participant")]
pub struct PyParticipant {
    data: syriatalks::Participant,
    ctx: Ctx,
}

value_class! {
    PyParticipant: syriatalks::Participant, |this, py, ctx| {
        /// The actor, by id.
        actor: "str" = this.actor;
        /// Their part.
        role: "ParticipantRole" = this.role;
    }

    #[new]
    fn py_new(py: Python<'_>, actor: String, role: &str) -> PyResult<Self> {
        let role = role
            .parse::<syriatalks::ParticipantRole>()
            .map_err(|e| crate::unknown_word(py, e))?;
        Ok(PyParticipant {
            data: syriatalks::Participant { actor, role },
            ctx: None,
        })
    }

    fn __repr__(&self) -> String {
        format!("Participant({:?}, {:?})", self.data.actor, self.data.role.as_str())
    }
}

/// A delegation at a round: the ``party`` (actor id), its ``head`` and ``members``, evidence.
#[pyclass(frozen, module = "syriatalks._native", name = "Delegation")]
pub struct PyDelegation {
    data: syriatalks::Delegation,
    ctx: Ctx,
}

value_class! {
    PyDelegation: syriatalks::Delegation, |this, py, ctx| {
        /// The party (actor id).
        party: "str" = this.party;
        /// Its head (actor id).
        head: "Optional[str]" = this.head;
        /// Its members (actor ids).
        members: "Tuple[str, ...]" = this.members;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
    }

    fn __repr__(&self) -> String {
        format!("Delegation({:?})", self.data.party)
    }
}

/// An item on a round's agenda, who proposed it (actor id), and evidence.
#[pyclass(frozen, module = "syriatalks._native", name = "AgendaItem")]
pub struct PyAgendaItem {
    data: syriatalks::AgendaItem,
    ctx: Ctx,
}

value_class! {
    PyAgendaItem: syriatalks::AgendaItem, |this, py, ctx| {
        /// The item.
        item: "str" = this.item;
        /// Who proposed it (actor id).
        proposed_by: "Optional[str]" = this.proposed_by;
        /// The words that state it.
        evidence: "Tuple[Evidence, ...]" = this.evidence;
    }

    fn __repr__(&self) -> String {
        format!("AgendaItem({:?})", self.data.item)
    }
}

/// `datetime.date` or `datetime.datetime`, if the value is one (without importing `datetime`
/// when nobody has: then no value can be a date).
pub fn as_date(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let imported = py.import("sys")?.getattr("modules")?.contains("datetime")?;
    if !imported {
        return Ok(None);
    }
    let (date, datetime) = datetime_classes(py)?;
    let v = if v.is_instance(datetime.bind(py))? {
        v.call_method0("date")?
    } else if v.is_instance(date.bind(py))? {
        v.clone()
    } else {
        return Ok(None);
    };
    Ok(Some(v.call_method0("isoformat")?.extract::<String>()?))
}

/// The string of a `str` (or `str` enum member).
pub fn as_str(v: &Bound<'_, PyAny>) -> Option<String> {
    v.cast::<PyString>().ok().map(|s| s.to_string())
}
