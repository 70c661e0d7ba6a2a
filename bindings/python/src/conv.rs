//! Conversions from the core's Rust data to Python objects, made on attribute access.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use syriatalks::Dataset;

/// A dataset a Python object can point into: the embedded one lives for the whole process, a
/// user's is shared by every record taken from it.
#[derive(Clone)]
pub enum DsHandle {
    /// The embedded dataset.
    Embedded(&'static Dataset),
    /// A dataset loaded by the user.
    Owned(Arc<Dataset>),
}

impl DsHandle {
    /// The dataset.
    pub fn ds(&self) -> &Dataset {
        match self {
            DsHandle::Embedded(d) => d,
            DsHandle::Owned(d) => d,
        }
    }
}

/// The dataset a value came from, if any: a pickled or hand-built value has none, so that
/// `Evidence.article` and `Record.sources` come back empty rather than pointing anywhere.
pub type Ctx = Option<DsHandle>;

/// A Rust value that becomes a Python object, given the dataset it came from.
pub trait ToPy {
    /// The Python object for this value.
    fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>>;
}

impl ToPy for String {
    fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl ToPy for &str {
    fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

macro_rules! to_py_number {
    ($($t:ty),*) => {$(
        impl ToPy for $t {
            fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
                self.into_bound_py_any(py)
            }
        }
    )*};
}
to_py_number!(u64, u32, usize, i64, i32, f64, bool);

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.to_py(py, ctx),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        tuple_of(py, self.iter().map(|x| x.to_py(py, ctx)))
    }
}

impl<T: ToPy + ?Sized> ToPy for &T {
    fn to_py<'py>(&self, py: Python<'py>, ctx: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        (**self).to_py(py, ctx)
    }
}

/// A tuple of converted items (fields that are lists are tuples in Python: records are immutable).
pub fn tuple_of<'py>(
    py: Python<'py>,
    items: impl Iterator<Item = PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyAny>> {
    let items = items.collect::<PyResult<Vec<_>>>()?;
    Ok(PyTuple::new(py, items)?.into_any())
}

/// An error for states the types rule out, raised rather than panicking across the boundary.
pub fn internal(what: &str) -> PyErr {
    PyRuntimeError::new_err(format!("syriatalks internal error: {what}"))
}

// ---------------------------------------------------------------------------------------------
// Vocabularies: Rust enums -> members of the Python enums that syriatalks._vocab builds
// ---------------------------------------------------------------------------------------------

/// The members of one Python vocabulary enum, in the core's `WORDS` order.
fn load_members(py: Python<'_>, name: &str, expected: usize) -> PyResult<Vec<Py<PyAny>>> {
    let cls = py.import("syriatalks._vocab")?.getattr(name)?;
    let members = cls
        .try_iter()?
        .map(|m| m.map(Bound::unbind))
        .collect::<PyResult<Vec<_>>>()?;
    if members.len() != expected {
        return Err(internal(&format!("vocabulary {name} is out of step")));
    }
    Ok(members)
}

macro_rules! vocab_to_py {
    ($($t:ident),* $(,)?) => {
        /// Every closed vocabulary: (Python class name, what it is called, its words).
        pub const VOCABULARIES: &[(&str, &str, &[&str])] = &[
            $((stringify!($t), syriatalks::$t::VOCABULARY, syriatalks::$t::WORDS)),*
        ];
        $(
            impl ToPy for syriatalks::$t {
                fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
                    // The enum classes are built on first use; a record's enum fields fetch their
                    // members from this cache, which costs an index once it is filled.
                    static MEMBERS: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();
                    let all = syriatalks::$t::ALL;
                    let members = MEMBERS.get_or_try_init(py, || load_members(py, stringify!($t), all.len()))?;
                    let i = all.iter().position(|x| x == self).ok_or_else(|| internal("unknown vocabulary word"))?;
                    members.get(i).map(|m| m.bind(py).clone()).ok_or_else(|| internal("vocabulary index"))
                }
            }
        )*
    };
}
vocab_to_py!(
    RecordKind,
    ActorKind,
    PlaceKind,
    Process,
    RoundStatus,
    EventKind,
    ParticipantRole,
    Measure,
    Qualifier,
    Topic,
    InstrumentKind,
    Precision,
    Basis,
    DateQualifier,
    Relation,
    ProblemKind,
    MatchKind,
    Certainty,
    LocationPrecision,
    PloverEventType,
);

// ---------------------------------------------------------------------------------------------
// Calendar days
// ---------------------------------------------------------------------------------------------

static DATETIME: PyOnceLock<(Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

/// `datetime.date` and `datetime.datetime`, imported on first use (not at `import syriatalks`).
pub fn datetime_classes(py: Python<'_>) -> PyResult<&(Py<PyAny>, Py<PyAny>)> {
    DATETIME.get_or_try_init(py, || {
        let m = py.import("datetime")?;
        Ok((m.getattr("date")?.unbind(), m.getattr("datetime")?.unbind()))
    })
}

/// A `datetime.date`.
pub fn py_date(py: Python<'_>, d: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    let (date, _) = datetime_classes(py)?;
    date.bind(py).call1((d.year(), d.month(), d.day()))
}

impl ToPy for NaiveDate {
    fn to_py<'py>(&self, py: Python<'py>, _: &Ctx) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, *self)
    }
}
