//! The native half of the Python package `syriatalks`: the private module `syriatalks._native`.
//!
//! This crate is a conversion layer only. Every query, filter, timeline, search, name resolution
//! and validation is the core crate's; here records become plain Python values (via their serde
//! form, the same shape as `syriatalks export --format json`) and core errors become the Python
//! exceptions of `syriatalks._errors`. The pure-Python package builds its typed, immutable record
//! classes from these values.

use std::sync::Arc;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;
use serde_json::Value;
use syriatalks::{
    Candidate, Dataset, Filter, LoadError, Measure, PartialDate, QueryError, RecordKind, RecordRef,
    SearchHit, UnknownWord,
};

/// The filter keywords every query accepts, in the order the documentation gives them.
pub const FILTERS: &[&str] = &[
    "since", "until", "actor", "kind", "place", "round", "source", "text",
];

/// The Python module holding the exception classes this module raises.
const ERRORS_MODULE: &str = "syriatalks._errors";

// ---------------------------------------------------------------------------------------------
// Values: serde form -> Python objects
// ---------------------------------------------------------------------------------------------

fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|x| value_to_py(py, x))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
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

fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(value)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot convert a record: {e}")))?;
    value_to_py(py, &v)
}

/// A record as `(type, fields, label, all_evidence, when)`: its serde fields, and what the core's
/// `RecordRef` says about it (its label, every evidence entry including nested ones, the days it
/// covers as ISO first/last day).
fn record_to_py<'py>(py: Python<'py>, r: RecordRef<'_>) -> PyResult<Bound<'py, PyAny>> {
    let fields = match r {
        RecordRef::Source(x) => to_py(py, x)?,
        RecordRef::Actor(x) => to_py(py, x)?,
        RecordRef::Place(x) => to_py(py, x)?,
        RecordRef::Round(x) => to_py(py, x)?,
        RecordRef::Event(x) => to_py(py, x)?,
        RecordRef::Figure(x) => to_py(py, x)?,
        RecordRef::Quote(x) => to_py(py, x)?,
        RecordRef::Position(x) => to_py(py, x)?,
        RecordRef::Instrument(x) => to_py(py, x)?,
    };
    let evidence = to_py(py, &r.evidence())?;
    let when = match r.when() {
        Some(range) => {
            PyTuple::new(py, [range.first.to_string(), range.last.to_string()])?.into_any()
        }
        None => py.None().into_bound(py),
    };
    let items: Vec<Bound<'py, PyAny>> = vec![
        PyString::new(py, r.kind().as_str()).into_any(),
        fields,
        PyString::new(py, r.label()).into_any(),
        evidence,
        when,
    ];
    Ok(PyTuple::new(py, items)?.into_any())
}

fn records_to_py<'py, 'a>(
    py: Python<'py>,
    records: impl IntoIterator<Item = RecordRef<'a>>,
) -> PyResult<Bound<'py, PyList>> {
    let items = records
        .into_iter()
        .map(|r| record_to_py(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

// ---------------------------------------------------------------------------------------------
// Errors: core errors -> syriatalks._errors classes
// ---------------------------------------------------------------------------------------------

fn raise(
    py: Python<'_>,
    class: &str,
    message: String,
    attrs: Vec<(&str, Bound<'_, PyAny>)>,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import(ERRORS_MODULE)?.getattr(class)?;
        let kwargs = PyDict::new(py);
        for (k, v) in attrs {
            kwargs.set_item(k, v)?;
        }
        let instance = cls.call((message.clone(),), Some(&kwargs))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

fn strings<'py>(py: Python<'py>, items: &[impl AsRef<str>]) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyTuple::new(py, items.iter().map(|s| s.as_ref()))?.into_any())
}

fn query_error(py: Python<'_>, e: QueryError) -> PyErr {
    let message = e.to_string();
    let result = (|| -> PyResult<PyErr> {
        Ok(match e {
            QueryError::UnknownKind {
                word,
                record,
                valid,
            } => raise(
                py,
                "UnknownKindError",
                message,
                vec![
                    ("word", PyString::new(py, &word).into_any()),
                    ("record_type", PyString::new(py, record).into_any()),
                    ("valid", strings(py, &valid)?),
                ],
            ),
            QueryError::NoKinds { record } => raise(
                py,
                "UnknownKindError",
                message,
                vec![("record_type", PyString::new(py, record).into_any())],
            ),
            QueryError::NotFound {
                what,
                name,
                suggestions,
            } => raise(
                py,
                "NotFoundError",
                message,
                vec![
                    ("what", PyString::new(py, what).into_any()),
                    ("name", PyString::new(py, &name).into_any()),
                    ("suggestions", strings(py, &suggestions)?),
                ],
            ),
            QueryError::BadDate(d) => raise(
                py,
                "DateError",
                message,
                vec![
                    ("text", PyString::new(py, &d.text).into_any()),
                    ("reason", PyString::new(py, &d.reason).into_any()),
                ],
            ),
            QueryError::EmptyRange { since, until } => raise(
                py,
                "EmptyRangeError",
                message,
                vec![
                    ("since", PyString::new(py, &since).into_any()),
                    ("until", PyString::new(py, &until).into_any()),
                ],
            ),
        })
    })();
    result.unwrap_or_else(|e| e)
}

fn load_error(py: Python<'_>, e: &LoadError) -> PyErr {
    match to_py(py, &e.problems) {
        Ok(problems) => raise(py, "LoadError", e.to_string(), vec![("problems", problems)]),
        Err(err) => err,
    }
}

fn unknown_word(py: Python<'_>, e: UnknownWord) -> PyErr {
    let message = e.to_string();
    let valid = match strings(py, e.valid) {
        Ok(v) => v,
        Err(err) => return err,
    };
    raise(
        py,
        "UnknownKindError",
        message,
        vec![
            ("word", PyString::new(py, &e.word).into_any()),
            ("record_type", PyString::new(py, e.vocabulary).into_any()),
            ("valid", valid),
        ],
    )
}

fn parse_date(py: Python<'_>, text: &str) -> PyResult<PartialDate> {
    text.parse::<PartialDate>()
        .map_err(|e| query_error(py, QueryError::BadDate(e)))
}

/// Builds a core [`Filter`] from keyword values the Python layer has already turned into strings.
/// An unknown keyword is a `TypeError` naming the valid ones.
fn filter_from(py: Python<'_>, filters: Option<&Bound<'_, PyDict>>) -> PyResult<Filter> {
    let mut f = Filter::new();
    let Some(filters) = filters else {
        return Ok(f);
    };
    for (key, value) in filters.iter() {
        let key: String = key.extract()?;
        if !FILTERS.contains(&key.as_str()) {
            return Err(raise(
                py,
                "UnknownFilterError",
                format!(
                    "unknown filter `{key}` (expected one of: {})",
                    FILTERS.join(", ")
                ),
                vec![
                    ("name", PyString::new(py, &key).into_any()),
                    ("valid", strings(py, FILTERS)?),
                ],
            ));
        }
        if value.is_none() {
            continue;
        }
        let Ok(value) = value.extract::<String>() else {
            let type_name = value.get_type().name()?.to_string();
            return Err(raise(
                py,
                "FilterTypeError",
                format!("filter `{key}` takes a string, not {type_name}"),
                vec![("name", PyString::new(py, &key).into_any())],
            ));
        };
        match key.as_str() {
            "since" => f.since = Some(parse_date(py, &value)?),
            "until" => f.until = Some(parse_date(py, &value)?),
            "actor" => f.actor = Some(value),
            "kind" => f.kind = Some(value),
            "place" => f.place = Some(value),
            "round" => f.round = Some(value),
            "source" => f.source = Some(value),
            _ => f.text = Some(value),
        }
    }
    Ok(f)
}

// ---------------------------------------------------------------------------------------------
// The dataset handle
// ---------------------------------------------------------------------------------------------

enum Held {
    Embedded(&'static Dataset),
    Owned(Arc<Dataset>),
}

/// A validated dataset: the embedded one or a user's, loaded through the core's validation.
#[pyclass(frozen, module = "syriatalks._native", name = "NativeDataset")]
pub struct NativeDataset {
    held: Held,
}

impl NativeDataset {
    fn ds(&self) -> &Dataset {
        match &self.held {
            Held::Embedded(d) => d,
            Held::Owned(d) => d,
        }
    }
}

fn record_kind(py: Python<'_>, word: &str) -> PyResult<RecordKind> {
    word.parse::<RecordKind>().map_err(|e| unknown_word(py, e))
}

#[pymethods]
impl NativeDataset {
    /// The embedded dataset (validated on first use).
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Self> {
        match syriatalks::try_embedded() {
            Ok(ds) => Ok(NativeDataset {
                held: Held::Embedded(ds),
            }),
            Err(e) => Err(load_error(py, e)),
        }
    }

    /// Loads a user's dataset directory (or record file); with `with_embedded`, on top of the
    /// embedded records.
    #[staticmethod]
    #[pyo3(signature = (path, with_embedded = false))]
    fn load(py: Python<'_>, path: std::path::PathBuf, with_embedded: bool) -> PyResult<Self> {
        let result = py.detach(|| {
            if with_embedded {
                syriatalks::load_with_embedded(&path)
            } else {
                syriatalks::load(&path)
            }
        });
        match result {
            Ok(ds) => Ok(NativeDataset {
                held: Held::Owned(Arc::new(ds)),
            }),
            Err(e) => Err(load_error(py, &e)),
        }
    }

    /// The data version (`None` for a user's dataset).
    #[getter]
    fn data_version(&self) -> Option<String> {
        self.ds().data_version().map(str::to_string)
    }

    /// Whether this is the embedded dataset.
    #[getter]
    fn is_embedded(&self) -> bool {
        matches!(self.held, Held::Embedded(_))
    }

    /// The records of one type (`"event"`…) that match the filters.
    #[pyo3(signature = (record_type, filters = None))]
    fn select<'py>(
        &self,
        py: Python<'py>,
        record_type: &str,
        filters: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kind = record_kind(py, record_type)?;
        let f = filter_from(py, filters)?;
        let found = self.ds().query(kind, &f).map_err(|e| query_error(py, e))?;
        records_to_py(py, found)
    }

    /// Every dated record that matches, in chronological order.
    #[pyo3(signature = (filters = None))]
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        filters: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let f = filter_from(py, filters)?;
        let found = self.ds().timeline(&f).map_err(|e| query_error(py, e))?;
        records_to_py(py, found)
    }

    /// The rounds held whose period touches the date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    fn in_session<'py>(&self, py: Python<'py>, date: &str) -> PyResult<Bound<'py, PyList>> {
        let date = parse_date(py, date)?;
        records_to_py(
            py,
            self.ds().in_session(date).into_iter().map(RecordRef::Round),
        )
    }

    /// Every figure of one measure, in the order the claims were made.
    fn figure_series<'py>(&self, py: Python<'py>, measure: &str) -> PyResult<Bound<'py, PyList>> {
        let measure = measure
            .parse::<Measure>()
            .map_err(|e| unknown_word(py, e))?;
        records_to_py(
            py,
            self.ds()
                .figure_series(measure)
                .into_iter()
                .map(RecordRef::Figure),
        )
    }

    /// The actors a name could mean, best first, as `(actor, matched, how, score)`.
    fn resolve_actor<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let candidates: Vec<Candidate> = self.ds().resolve_actor(name);
        let items = candidates
            .into_iter()
            .map(|c| {
                let items: Vec<Bound<'py, PyAny>> = vec![
                    record_to_py(py, RecordRef::Actor(c.actor))?,
                    PyString::new(py, c.matched).into_any(),
                    to_py(py, &c.how)?,
                    c.score.into_pyobject(py)?.into_any(),
                ];
                Ok(PyTuple::new(py, items)?.into_any())
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// Every occurrence of the words, as `(record, field, start, end, snippet)`.
    fn search<'py>(&self, py: Python<'py>, words: &str) -> PyResult<Bound<'py, PyList>> {
        let hits: Vec<SearchHit> = self.ds().search(words);
        let items = hits
            .into_iter()
            .map(|h| {
                let items: Vec<Bound<'py, PyAny>> = vec![
                    record_to_py(py, h.record)?,
                    PyString::new(py, &h.field).into_any(),
                    h.span.start.into_pyobject(py)?.into_any(),
                    h.span.end.into_pyobject(py)?.into_any(),
                    PyString::new(py, &h.snippet).into_any(),
                ];
                Ok(PyTuple::new(py, items)?.into_any())
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// The record with this id, of whatever type, or `None`.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.ds().get(id).map(|r| record_to_py(py, r)).transpose()
    }

    /// How many records of each type.
    fn counts(&self) -> Vec<(String, usize)> {
        self.ds()
            .counts()
            .into_iter()
            .map(|(k, n)| (k.as_str().to_string(), n))
            .collect()
    }

    /// Every record as JSON (the export format).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.ds().to_json())
    }
}

// ---------------------------------------------------------------------------------------------
// Module-level helpers
// ---------------------------------------------------------------------------------------------

/// A partial date as `(year, month, day, first_day, last_day)`, the days in ISO form.
type Bounds = (i32, Option<u32>, Option<u32>, String, String);

/// `(year, month, day, first_day, last_day)` of a partial date, with the bounds the core computes.
#[pyfunction]
fn date_bounds(py: Python<'_>, text: &str) -> PyResult<Bounds> {
    let d = parse_date(py, text)?;
    Ok((
        d.year_value(),
        d.month_value(),
        d.day_value(),
        d.first_day().to_string(),
        d.last_day().to_string(),
    ))
}

/// Every closed vocabulary, by name, as the words the data files and filters use.
#[pyfunction]
fn vocabularies<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    use syriatalks::*;
    let d = PyDict::new(py);
    let lists: &[(&str, &[&str])] = &[
        ("RecordKind", RecordKind::WORDS),
        ("ActorKind", ActorKind::WORDS),
        ("PlaceKind", PlaceKind::WORDS),
        ("Process", Process::WORDS),
        ("RoundStatus", RoundStatus::WORDS),
        ("EventKind", EventKind::WORDS),
        ("ParticipantRole", ParticipantRole::WORDS),
        ("Measure", Measure::WORDS),
        ("Qualifier", Qualifier::WORDS),
        ("Topic", Topic::WORDS),
        ("InstrumentKind", InstrumentKind::WORDS),
        ("Precision", Precision::WORDS),
        ("Basis", Basis::WORDS),
        ("DateQualifier", DateQualifier::WORDS),
        ("Relation", Relation::WORDS),
        ("ProblemKind", ProblemKind::WORDS),
        ("MatchKind", syriatalks::MatchKind::WORDS),
    ];
    for (name, words) in lists {
        d.set_item(*name, PyTuple::new(py, words.iter())?)?;
    }

    Ok(d)
}

/// The text of a seed manifest for the seed files in a directory (the core's `manifest_for`).
#[pyfunction]
fn manifest_for(py: Python<'_>, seeds_dir: std::path::PathBuf) -> PyResult<String> {
    syriatalks::manifest_for(&seeds_dir).map_err(|e| {
        let problem = syriatalks::Problem {
            kind: syriatalks::ProblemKind::Io,
            file: Some(seeds_dir.display().to_string()),
            line: None,
            record: None,
            field: None,
            message: e.to_string(),
        };
        load_error(
            py,
            &LoadError {
                problems: vec![problem],
            },
        )
    })
}

/// The native module `syriatalks._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeDataset>()?;
    m.add_function(wrap_pyfunction!(date_bounds, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(manifest_for, m)?)?;
    m.add("VERSION", syriatalks::VERSION)?;
    m.add("DATA_VERSION", syriatalks::DATA_VERSION)?;
    m.add("FILTERS", PyTuple::new(m.py(), FILTERS)?)?;
    Ok(())
}
