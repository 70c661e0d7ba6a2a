//! The native half of the Python package `syriatalks`: the private module `syriatalks._native`.
//!
//! Every query, filter, timeline, search, name resolution and validation is the core crate's.
//! Here the record classes are defined once, natively (`Record`, `Event`…, and the values nested
//! in them): a record object is a handle on the dataset and an index, and each field becomes a
//! Python object only when it is read. Core errors become the exceptions of `syriatalks._errors`.
//! The `.pyi` stubs are generated from this module (`bindings/python/stubgen.py`).

mod conv;
mod records;
mod values;

use std::io::Write;
use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString, PyTuple};
use syriatalks::{
    Dataset, Filter, LoadError, LoadOptions, Measure, PartialDate, Progress, QueryError,
    RecordKind, RecordRef, UnknownWord,
};

use conv::{DsHandle, VOCABULARIES};
use records::{new_record, record_list, value_to_py, PyCandidate, PyRecord, PySearchHit};
use values::PyPartialDate;

const _: () = assert!(syriatalks::DEFAULT_SEARCH_LIMIT == 1000);

/// The filter keywords every query accepts, in the order the documentation gives them.
pub const FILTERS: &[&str] = &[
    "since", "until", "actor", "kind", "place", "round", "source", "text", "speaker", "dates",
];

/// The Python module holding the exception classes this module raises.
const ERRORS_MODULE: &str = "syriatalks._errors";

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
    let s = |x: &str| PyString::new(py, x).into_any();
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
                    ("word", s(&word)),
                    ("record_type", s(record)),
                    ("valid", strings(py, &valid)?),
                ],
            ),
            QueryError::NoKinds { record } => raise(
                py,
                "UnknownKindError",
                message,
                vec![("record_type", s(record))],
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
                    ("what", s(what)),
                    ("name", s(&name)),
                    ("suggestions", strings(py, &suggestions)?),
                ],
            ),
            QueryError::BadDate(d) => raise(
                py,
                "DateError",
                message,
                vec![("text", s(&d.text)), ("reason", s(&d.reason))],
            ),
            QueryError::EmptyRange { since, until } => raise(
                py,
                "EmptyRangeError",
                message,
                vec![("since", s(&since)), ("until", s(&until))],
            ),
        })
    })();
    result.unwrap_or_else(|e| e)
}

fn load_error(py: Python<'_>, e: &LoadError) -> PyErr {
    let problems = serde_json::to_value(&e.problems)
        .map_err(|err| conv::internal(&err.to_string()))
        .and_then(|v| value_to_py(py, &v));
    match problems {
        Ok(problems) => raise(py, "LoadError", e.to_string(), vec![("problems", problems)]),
        Err(err) => err,
    }
}

pub(crate) fn unknown_word(py: Python<'_>, e: UnknownWord) -> PyErr {
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

fn filter_type_error(py: Python<'_>, name: &str, message: String) -> PyErr {
    raise(
        py,
        "FilterTypeError",
        message,
        vec![("name", PyString::new(py, name).into_any())],
    )
}

pub(crate) fn parse_date(py: Python<'_>, text: &str) -> PyResult<PartialDate> {
    text.parse::<PartialDate>()
        .map_err(|e| query_error(py, QueryError::BadDate(e)))
}

/// A date from what a filter or `in_session` was given: an ISO string (full or partial), a year
/// (`int`), a `datetime.date` or `datetime.datetime`, or a `PartialDate`. Anything else (`None`,
/// `bool`, `float`, `bytes`…) is a `FilterTypeError`, a `TypeError`.
pub(crate) fn date_value(
    py: Python<'_>,
    name: &str,
    v: &Bound<'_, PyAny>,
) -> PyResult<PartialDate> {
    if let Some(text) = values::as_str(v) {
        return parse_date(py, &text);
    }
    if let Ok(d) = v.cast::<PyPartialDate>() {
        return Ok(d.get().value());
    }
    if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() {
        return match v.extract::<i64>() {
            Ok(y) if (0..=9999).contains(&y) => parse_date(py, &format!("{y:04}")),
            _ => parse_date(py, &v.str()?.to_string()),
        };
    }
    if let Some(iso) = values::as_date(py, v)? {
        return parse_date(py, &iso);
    }
    let type_name = v.get_type().name()?.to_string();
    Err(filter_type_error(
        py,
        name,
        format!("`{name}` takes a date (an ISO string such as \"2016-02\", a year, a datetime.date or a PartialDate), not {type_name}"),
    ))
}

/// Builds a core [`Filter`] from the keyword arguments of a query. An unknown keyword is an
/// `UnknownFilterError`, a value of the wrong type a `FilterTypeError` (both `TypeError`s).
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
        if key == "since" || key == "until" {
            let d = date_value(py, &key, &value)?;
            if key == "since" {
                f.since = Some(d);
            } else {
                f.until = Some(d);
            }
            continue;
        }
        let text = if let Some(s) = values::as_str(&value) {
            s
        } else if let Ok(r) = value.cast::<PyRecord>() {
            r.get().rec()?.id().to_string()
        } else {
            let type_name = value.get_type().name()?.to_string();
            return Err(filter_type_error(
                py,
                &key,
                format!("filter `{key}` takes a string, a date, an enum member or a record, not {type_name}"),
            ));
        };
        match key.as_str() {
            "dates" => f.dates = text.parse().map_err(|e| unknown_word(py, e))?,
            "actor" => f.actor = Some(text),
            "kind" => f.kind = Some(text),
            "place" => f.place = Some(text),
            "round" => f.round = Some(text),
            "source" => f.source = Some(text),
            "speaker" => f.speaker = Some(text),
            _ => f.text = Some(text),
        }
    }
    Ok(f)
}

// ---------------------------------------------------------------------------------------------
// Loading with a progress bar
// ---------------------------------------------------------------------------------------------

/// A text progress bar on stderr, drawn from the loader's threads without the GIL. It redraws
/// only when the stage or the whole percentage changes, so a fast load writes a few lines at most.
#[derive(Default)]
struct Bar {
    last: Mutex<Option<(&'static str, u64)>>,
}

impl Bar {
    const WIDTH: u64 = 30;

    /// The line to draw for a report, or `None` when it would redraw the same thing.
    fn line(&self, p: Progress) -> Option<String> {
        let pct = p
            .done
            .saturating_mul(100)
            .checked_div(p.total)
            .map_or(100, |x| x.min(100));
        let mut last = self.last.lock().ok()?;
        if *last == Some((p.stage, pct)) {
            return None;
        }
        *last = Some((p.stage, pct));
        let filled = (pct * Self::WIDTH / 100) as usize;
        Some(format!(
            "\rsyriatalks: {:<8} [{}{}] {pct:>3}%",
            p.stage,
            "#".repeat(filled),
            " ".repeat(Self::WIDTH as usize - filled)
        ))
    }

    fn draw(&self, p: Progress) {
        if let Some(line) = self.line(p) {
            // A failed write to stderr is not worth failing a load for.
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(line.as_bytes());
            let _ = err.flush();
        }
    }

    fn finish(&self) {
        if self.last.lock().map(|l| l.is_some()).unwrap_or(false) {
            let _ = std::io::stderr().write_all(b"\n");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The dataset handle
// ---------------------------------------------------------------------------------------------

/// A validated dataset: the embedded one or a user's, loaded through the core's validation.
#[pyclass(frozen, module = "syriatalks._native", name = "NativeDataset")]
pub struct NativeDataset {
    handle: DsHandle,
}

impl NativeDataset {
    fn ds(&self) -> &Dataset {
        self.handle.ds()
    }

    fn list<'py, 'a>(
        &'a self,
        py: Python<'py>,
        records: impl IntoIterator<Item = RecordRef<'a>>,
    ) -> PyResult<Bound<'py, PyList>> {
        record_list(py, &self.handle, records)
    }
}

fn record_kind(py: Python<'_>, word: &str) -> PyResult<RecordKind> {
    word.parse::<RecordKind>().map_err(|e| unknown_word(py, e))
}

#[pymethods]
impl NativeDataset {
    /// embedded() -> NativeDataset
    ///
    /// The embedded dataset (parsed and validated on first use, without holding the GIL).
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Self> {
        match py.detach(syriatalks::try_embedded) {
            Ok(ds) => Ok(NativeDataset {
                handle: DsHandle::Embedded(ds),
            }),
            Err(e) => Err(load_error(py, e)),
        }
    }

    /// load(path: str, with_embedded: bool = False, progress: bool = False) -> NativeDataset
    ///
    /// Loads a user's dataset directory (or record file) without holding the GIL; with
    /// `with_embedded`, on top of the embedded records; with `progress`, drawing a progress bar on
    /// stderr as the loader reports its progress.
    #[staticmethod]
    #[pyo3(signature = (path, with_embedded = false, progress = false))]
    fn load(
        py: Python<'_>,
        path: std::path::PathBuf,
        with_embedded: bool,
        progress: bool,
    ) -> PyResult<Self> {
        let bar = Bar::default();
        let draw = |p: Progress| bar.draw(p);
        let options = LoadOptions {
            with_embedded,
            progress: if progress { Some(&draw) } else { None },
        };
        let result = py.detach(|| syriatalks::load_with(&path, &options));
        bar.finish();
        match result {
            Ok(ds) => Ok(NativeDataset {
                handle: DsHandle::Owned(Arc::new(ds)),
            }),
            Err(e) => Err(load_error(py, &e)),
        }
    }

    /// The data version (`None` for a user's dataset).
    ///
    /// :type: Optional[str]
    #[getter]
    fn data_version(&self) -> Option<String> {
        self.ds().data_version().map(str::to_string)
    }

    /// Whether this is the embedded dataset.
    ///
    /// :type: bool
    #[getter]
    fn is_embedded(&self) -> bool {
        matches!(self.handle, DsHandle::Embedded(_))
    }

    /// select(self, record_type: str, filters: Optional[Mapping[str, object]] = None) -> List[Any]
    ///
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
        self.list(py, found)
    }

    /// timeline(self, filters: Optional[Mapping[str, object]] = None) -> List[Any]
    ///
    /// Every dated record that matches, in chronological order.
    #[pyo3(signature = (filters = None))]
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        filters: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let f = filter_from(py, filters)?;
        let found = self.ds().timeline(&f).map_err(|e| query_error(py, e))?;
        self.list(py, found)
    }

    /// in_session(self, date: object) -> List[Any]
    ///
    /// The rounds held whose period touches the date (an ISO string, a year, a `datetime.date`
    /// or a `PartialDate`).
    fn in_session<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let date = date_value(py, "date", date)?;
        self.list(
            py,
            self.ds().in_session(date).into_iter().map(RecordRef::Round),
        )
    }

    /// figure_series(self, measure: str) -> List[Any]
    ///
    /// Every figure of one measure, in the order the claims were made.
    fn figure_series<'py>(&self, py: Python<'py>, measure: &str) -> PyResult<Bound<'py, PyList>> {
        let measure = measure
            .parse::<Measure>()
            .map_err(|e| unknown_word(py, e))?;
        self.list(
            py,
            self.ds()
                .figure_series(measure)
                .into_iter()
                .map(RecordRef::Figure),
        )
    }

    /// resolve_actor(self, name: str) -> List[Candidate]
    ///
    /// The actors a name could mean, best first.
    fn resolve_actor<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for c in self.ds().resolve_actor(name) {
            list.append(PyCandidate::from_core(py, &self.handle, &c)?)?;
        }
        Ok(list)
    }

    /// search(self, words: str, limit: int = 1000) -> Tuple[List[SearchHit], bool]
    ///
    /// At most `limit` occurrences of the words in the records' fields and evidence, then in the
    /// articles, and whether there were more.
    // A literal, so that Python's signature shows it; the assertion keeps it the core's default.
    #[pyo3(signature = (words, limit = 1000))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        words: &str,
        limit: usize,
    ) -> PyResult<(Bound<'py, PyList>, bool)> {
        let found = self.ds().search_limited(words, limit);
        let list = PyList::empty(py);
        for h in &found.hits {
            list.append(PySearchHit::from_core(py, &self.handle, h)?)?;
        }
        Ok((list, found.more))
    }

    /// rounds_in_order(self) -> List[Any]
    ///
    /// Every round in time order (by the first day it may have begun), undated rounds last.
    fn rounds_in_order<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.list(
            py,
            self.ds()
                .rounds_in_order()
                .into_iter()
                .map(RecordRef::Round),
        )
    }

    /// sessions_on(self, date: object) -> List[Tuple[Any, Any]]
    ///
    /// The rounds held that may have been in session on the date, in time order, each with
    /// `Certainty.CERTAIN` or `Certainty.POSSIBLE`.
    fn sessions_on<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let date = date_value(py, "date", date)?;
        let list = PyList::empty(py);
        for (r, c) in self.ds().sessions_on(date) {
            let round = new_record(py, &self.handle, RecordRef::Round(r))?;
            list.append((round, conv::ToPy::to_py(&c, py, &None)?))?;
        }
        Ok(list)
    }

    /// days(self, record: Record) -> Optional[Tuple[Any, Any]]
    ///
    /// The first and last day (`datetime.date`) the record may cover once its anchors are
    /// applied; `None` for an undated record.
    fn days<'py>(
        &self,
        py: Python<'py>,
        record: &Bound<'py, PyRecord>,
    ) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        let id = record.get().rec()?.id().to_string();
        let Some(r) = self.ds().get(&id) else {
            return Ok(None);
        };
        self.ds()
            .days(r)
            .map(|d| Ok((conv::py_date(py, d.first)?, conv::py_date(py, d.last)?)))
            .transpose()
    }

    /// date_fit(self, record: Record, since: object = None, until: object = None) -> Optional[Any]
    ///
    /// Whether the record certainly or only possibly falls between `since` and `until`
    /// (`Certainty`), or `None` when it cannot (or is undated).
    #[pyo3(signature = (record, since = None, until = None))]
    fn date_fit<'py>(
        &self,
        py: Python<'py>,
        record: &Bound<'py, PyRecord>,
        since: Option<&Bound<'py, PyAny>>,
        until: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let bound = |name: &str, v: Option<&Bound<'py, PyAny>>| -> PyResult<Option<PartialDate>> {
            match v {
                Some(v) if !v.is_none() => date_value(py, name, v).map(Some),
                _ => Ok(None),
            }
        };
        let (since, until) = (bound("since", since)?, bound("until", until)?);
        let id = record.get().rec()?.id().to_string();
        let Some(r) = self.ds().get(&id) else {
            return Ok(None);
        };
        self.ds()
            .date_fit(r, since, until)
            .map(|c| conv::ToPy::to_py(&c, py, &None))
            .transpose()
    }

    /// attestations(self, id: str) -> List[Any]
    ///
    /// Every other record that attests the same happening as the record `id`.
    fn attestations<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyList>> {
        self.list(py, self.ds().attestations(id))
    }

    /// collapse(self, records: List[Record]) -> List[Tuple[Any, int]]
    ///
    /// Of records in a given order, the first attestation of each happening, with the number of
    /// sources that attest it (1 for a record that shares no happening).
    fn collapse<'py>(
        &self,
        py: Python<'py>,
        records: Vec<Bound<'py, PyRecord>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut refs = Vec::with_capacity(records.len());
        for r in &records {
            let id = r.get().rec()?.id().to_string();
            if let Some(found) = self.ds().get(&id) {
                refs.push(found);
            }
        }
        let list = PyList::empty(py);
        for (r, n) in self.ds().collapse(&refs) {
            list.append((new_record(py, &self.handle, r)?, n))?;
        }
        Ok(list)
    }

    /// claims(self, name: str) -> Tuple[Optional[str], List[Any], int, List[str], List[Tuple[str, Optional[str], List[Tuple[str, List[str], List[Any]]]]]]
    ///
    /// Every attestation of a happening (a key or any record id), as (key, records, number of
    /// sources, fields agreed on, conflicts as (field, note, sides as (says, record ids,
    /// evidence))). The package's `Dataset.claims` turns this into a `Happening`.
    fn claims<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyTuple>> {
        let h = self.ds().claims(name).map_err(|e| query_error(py, e))?;
        let records = self.list(py, h.attestations.iter().map(|a| a.record))?;
        let ctx = Some(self.handle.clone());
        let conflicts = PyList::empty(py);
        for c in &h.conflicts {
            let sides = PyList::empty(py);
            for s in &c.sides {
                let evidence = PyList::empty(py);
                for e in &s.evidence {
                    evidence.append(conv::ToPy::to_py(*e, py, &ctx)?)?;
                }
                sides.append((s.says.as_str(), s.records.clone(), evidence))?;
            }
            conflicts.append((c.field.as_str(), c.note.as_deref(), sides))?;
        }
        PyTuple::new(
            py,
            [
                h.key.into_pyobject(py)?.into_any(),
                records.into_any(),
                h.sources.into_pyobject(py)?.into_any(),
                PyList::new(py, &h.agree)?.into_any(),
                conflicts.into_any(),
            ],
        )
    }

    /// get(self, id: str) -> Optional[Record]
    ///
    /// The record with this id, of whatever type, or `None`. A retired id gives its replacement,
    /// with a `syriatalks.RetiredIdWarning` saying so and why.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(found) = self.ds().resolve_id(id) else {
            return Ok(None);
        };
        if !found.retired.is_empty() {
            let warning = py.import(ERRORS_MODULE)?.getattr("RetiredIdWarning")?;
            for r in &found.retired {
                let note = std::ffi::CString::new(syriatalks::retired::retirement_note(r))
                    .unwrap_or_default();
                PyErr::warn(py, &warning, &note, 2)?;
            }
        }
        new_record(py, &self.handle, found.record).map(Some)
    }

    /// retirement(self, id: str) -> Optional[Dict[str, Optional[str]]]
    ///
    /// Why and when this id was retired, and what replaced it (`id`, `replaced_by`, `reason`,
    /// `data_version`), or `None` for an id that was never retired.
    fn retirement<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(r) = self.ds().retirement(id) else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        d.set_item("id", &r.id)?;
        d.set_item("replaced_by", &r.replaced_by)?;
        d.set_item("reason", &r.reason)?;
        d.set_item("data_version", &r.data_version)?;
        Ok(Some(d))
    }

    /// cite(self, id: str, style: str) -> Optional[str]
    ///
    /// The record cited in `"bibtex"` or `"csl"` (CSL-JSON), or `None` when no record has the id.
    fn cite(&self, py: Python<'_>, id: &str, style: &str) -> PyResult<Option<String>> {
        let style: syriatalks::CiteStyle = style.parse().map_err(|e| unknown_word(py, e))?;
        Ok(self.ds().cite(id, style))
    }

    /// counts(self) -> List[Tuple[str, int]]
    ///
    /// How many records of each type.
    fn counts(&self) -> Vec<(&'static str, usize)> {
        self.ds()
            .counts()
            .into_iter()
            .map(|(k, n)| (k.as_str(), n))
            .collect()
    }

    /// to_json(self) -> str
    ///
    /// Every record as JSON (the export format).
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.ds().to_json())
    }

    /// write_site(self, path: str, audit_dir: Optional[str] = None) -> Tuple[int, int]
    ///
    /// Writes the static evidence explorer into `path` (the `syriatalks site` command's site),
    /// with the audit exclusions of `audit_dir/audit/*.toml` (the embedded ones for the embedded
    /// dataset). Returns `(files, bytes)`. Raises `FileExistsError` when `path` holds something
    /// other than a site written before, `OSError` when a file cannot be written.
    #[pyo3(signature = (path, audit_dir = None))]
    fn write_site(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        audit_dir: Option<std::path::PathBuf>,
    ) -> PyResult<(usize, usize)> {
        let embedded = matches!(self.handle, DsHandle::Embedded(_));
        let result = py.detach(|| {
            let exclusions = match &audit_dir {
                Some(dir) => syriatalks_site::exclusions_in(dir),
                None if embedded => syriatalks::audit::embedded_exclusions(),
                None => Ok(Vec::new()),
            };
            exclusions.map(|ex| syriatalks_site::write(self.ds(), &ex, &path))
        });
        match result {
            Err(message) => Err(raise(py, "Error", message, Vec::new())),
            Ok(Ok(summary)) => Ok((summary.files, summary.bytes)),
            Ok(Err(e @ syriatalks_site::SiteError::NotASite(_))) => {
                Err(pyo3::exceptions::PyFileExistsError::new_err(e.to_string()))
            }
            Ok(Err(e @ syriatalks_site::SiteError::Io { .. })) => {
                Err(pyo3::exceptions::PyOSError::new_err(e.to_string()))
            }
            Ok(Err(e)) => Err(raise(py, "Error", e.to_string(), Vec::new())),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Module-level helpers
// ---------------------------------------------------------------------------------------------

/// A partial date as `(year, month, day, first_day, last_day)`, the days in ISO form.
type Bounds = (i32, Option<u32>, Option<u32>, String, String);

/// date_bounds(text: str) -> Tuple[int, Optional[int], Optional[int], str, str]
///
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

/// vocabularies() -> Dict[str, Tuple[str, ...]]
///
/// Every closed vocabulary, by class name, as the words the data files and filters use.
#[pyfunction]
fn vocabularies(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    for (name, _, words) in VOCABULARIES {
        d.set_item(*name, PyTuple::new(py, words.iter())?)?;
    }
    Ok(d)
}

/// vocabulary_labels() -> Dict[str, str]
///
/// What each closed vocabulary is called in messages (`EventKind`: `"event kind"`).
#[pyfunction]
fn vocabulary_labels(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    for (name, label, _) in VOCABULARIES {
        d.set_item(*name, *label)?;
    }
    Ok(d)
}

/// crosswalk() -> List[Tuple[str, Optional[str], Optional[str], str]]
///
/// The event-kind crosswalk, one row per event kind in vocabulary order: (event kind, PLOVER event
/// type or None, CAMEO cue category code or None, why), as the core defines it.
#[pyfunction]
fn crosswalk() -> Vec<(
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
)> {
    syriatalks::EventKind::ALL
        .iter()
        .map(|k| {
            let row = syriatalks::crosswalk(*k);
            (
                k.as_str(),
                row.plover.map(|p| p.as_str()),
                row.cameo.map(|c| c.as_str()),
                row.why,
            )
        })
        .collect()
}

/// manifest_for(seeds_dir: Union[str, os.PathLike[str]]) -> str
///
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
    m.add_class::<PyRecord>()?;
    m.add_class::<records::PySource>()?;
    m.add_class::<records::PyActor>()?;
    m.add_class::<records::PyPlace>()?;
    m.add_class::<records::PyRound>()?;
    m.add_class::<records::PyEvent>()?;
    m.add_class::<records::PyFigure>()?;
    m.add_class::<records::PyQuote>()?;
    m.add_class::<records::PyPosition>()?;
    m.add_class::<records::PyInstrument>()?;
    m.add_class::<values::PySpan>()?;
    m.add_class::<values::PyEvidence>()?;
    m.add_class::<values::PyExternalRef>()?;
    m.add_class::<values::PyDerivation>()?;
    m.add_class::<values::PyPartialDate>()?;
    m.add_class::<values::PyPeriod>()?;
    m.add_class::<values::PyAttested>()?;
    m.add_class::<values::PyRole>()?;
    m.add_class::<values::PyMembership>()?;
    m.add_class::<values::PyParticipant>()?;
    m.add_class::<values::PyDelegation>()?;
    m.add_class::<values::PyAgendaItem>()?;
    m.add_class::<PyCandidate>()?;
    m.add_class::<PySearchHit>()?;
    m.add_function(wrap_pyfunction!(date_bounds, m)?)?;
    m.add_function(wrap_pyfunction!(vocabularies, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary_labels, m)?)?;
    m.add_function(wrap_pyfunction!(manifest_for, m)?)?;
    m.add_function(wrap_pyfunction!(crosswalk, m)?)?;
    m.add_function(wrap_pyfunction!(records::_restore, m)?)?;
    m.add("VERSION", syriatalks::VERSION)?;
    m.add("DATA_VERSION", syriatalks::DATA_VERSION)?;
    m.add("SOURCES_NOTICE", syriatalks::SOURCES_NOTICE)?;
    m.add("NO_CLAIMANT", syriatalks::NO_CLAIMANT)?;
    m.add("FILTERS", PyTuple::new(m.py(), FILTERS)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stage: &'static str, done: u64, total: u64) -> Progress {
        Progress { stage, done, total }
    }

    #[test]
    fn the_bar_redraws_only_when_the_stage_or_percentage_changes() {
        let bar = Bar::default();
        let first = bar.line(at("read", 0, 1000)).expect("first report draws");
        assert!(first.starts_with("\rsyriatalks: read     [ "));
        assert!(first.ends_with("   0%"));
        assert_eq!(bar.line(at("read", 5, 1000)), None, "still 0%");
        assert!(bar
            .line(at("read", 10, 1000))
            .is_some_and(|l| l.ends_with("  1%")));
        let full = bar.line(at("read", 1000, 1000)).expect("100%");
        assert!(full.contains(&"#".repeat(Bar::WIDTH as usize)) && full.ends_with("100%"));
        assert!(
            bar.line(at("parse", 0, 10)).is_some(),
            "a new stage redraws"
        );
        assert!(
            bar.line(at("validate", 3, 0))
                .is_some_and(|l| l.ends_with("100%")),
            "no total: done"
        );
        assert_eq!(
            bar.line(at("validate", 30, 10)),
            None,
            "past the total is 100%, already drawn"
        );
    }
}
