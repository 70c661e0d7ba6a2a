//! The flat form of a table: every cell a scalar, and every row citable on its own. It is what CSV
//! files hold and what Python's `to_dataframe` returns, derived from the Arrow table of the record
//! type by one rule, so the two cannot drift apart:
//!
//! - dictionary strings stay dictionary strings (categoricals in pandas; CSV writes the words);
//! - a list of ids or names becomes one string, its items joined with `"; "` (null when empty, or
//!   the words the column's schema gives for an empty list: `claimed_by` says `(the article)`);
//! - a list of structs (evidence, roles, delegations…) becomes a JSON array of objects;
//! - after `id` comes `label`, the record's short human label;
//! - after `quote_end` come the columns that cite the row's evidence without a join:
//!   `evidence_index` (exploded form only), `source_title`, `source_outlet`, `source_published`,
//!   `source_url`, `n_evidence` and `all_sources` (unexploded form only).
//!
//! Exploded (`FlatBatches::exploding_evidence`), a record has one row per evidence entry (its own
//! first, then the nested ones of its roles, delegations, agenda items and dates), each row's
//! `source`/`quote`/`quote_start`/`quote_end` citing that entry and `evidence_index` numbering it
//! from 0; a record without evidence keeps one row with nulls there. The `evidence` list and
//! `all_sources` are left out (each row cites its own entry; repeating a list over the entries on
//! every row would grow with the square of a record's entries). Sources, which have no citation
//! columns (a source is what the others cite), keep one row each.
//!
//! Every other cell of a record is repeated on each of its exploded rows, so a record's exploded
//! size is its rows times its width. For a hostile record (tens of thousands of entries beside
//! tens of thousands of actors or roles) that product is quadratic in the record's size, so it is
//! bounded: a record whose exploded rows would hold more than [`MAX_EXPLODED_RECORD_BYTES`] of
//! text is an error naming the record, not gigabytes of memory. The unexploded form needs no such
//! limit: a row holds its record's own cells once, and what it looks up (its first source's
//! title, outlet and address) is bounded by the loader (`syriatalks::MAX_SOURCE_FIELD_BYTES`).

use std::ops::Deref;
use std::sync::Arc;

use arrow_array::builder::{StringBuilder, UInt32Builder, UInt64Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayRef, Int32Array, RecordBatch, RecordBatchReader, StringArray, UInt32Array,
};
use arrow_cast::cast;
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use arrow_select::take::take;
use syriatalks::{Dataset, Evidence, RecordKind, RecordRef};

use crate::column::{dict_type, field, FLAT_EMPTY_KEY};
use crate::reader::Batches;
use crate::schema::{edtf, schema};
use crate::write::record_at;

/// The columns that cite a row's evidence entry, in the table and in the flat form.
const CITED: [&str; 4] = ["source", "quote", "quote_start", "quote_end"];

/// The list of every evidence entry: left out when exploded, where each row cites its own entry
/// (repeating the whole list on each of a record's rows would make the output quadratic in its
/// number of entries).
const EVIDENCE_LIST: &str = "evidence";

/// The column after which the citation columns are inserted.
const LAST_CITED: &str = "quote_end";

/// The most bytes of text the exploded form holds for one record: its rows times the bytes of
/// its variable-width cells (strings, joined lists, JSON arrays, dictionary words), plus each
/// entry's source's title, outlet, date and address. The richest record of the embedded data
/// holds 38 KB (an actor: 13 entries, 2.9 KB of cells); a record over this limit is refused by
/// [`FlatBatches::exploding_evidence`] readers with an error naming it (read it unexploded: its
/// `evidence` list holds every entry).
pub const MAX_EXPLODED_RECORD_BYTES: usize = 16 << 20;

fn added_after_id() -> Field {
    field(
        "label",
        DataType::Utf8,
        false,
        "A short label to show the record by: its name, summary or words.",
    )
}

fn added_after_quote(explode: bool) -> Vec<Field> {
    let mut v = Vec::new();
    if explode {
        v.push(field(
            "evidence_index",
            DataType::UInt32,
            true,
            "Which evidence entry of the record the row cites (from 0: its own entries first, then the nested ones); null when it has none.",
        ));
    }
    v.extend([
        field(
            "source_title",
            DataType::Utf8,
            true,
            "The title of the source the row's quote is found in.",
        ),
        field(
            "source_outlet",
            DataType::Utf8,
            true,
            "The outlet that published that source.",
        ),
        field(
            "source_published",
            DataType::Utf8,
            true,
            "When that source was published, in EDTF.",
        ),
        field(
            "source_url",
            DataType::Utf8,
            true,
            "Where that source was published.",
        ),
        field(
            "n_evidence",
            DataType::UInt32,
            false,
            "How many evidence entries the record has, nested ones (roles, delegations, agenda, dates) included.",
        ),
    ]);
    if !explode {
        v.push(all_sources_field());
    }
    v
}

/// Left out when exploded, as the `evidence` list is: a list over the record's entries, repeated
/// on each entry's row, would grow with the square of the entries (the rows' `source` column
/// holds the same ids).
fn all_sources_field() -> Field {
    field(
        "all_sources",
        DataType::Utf8,
        true,
        "The ids of every source the record's evidence cites, in order of first citation, joined with \"; \" (not in the exploded form, whose rows each name their source).",
    )
}

/// The columns the flat form adds to a table, exploded form included (for the docs).
pub(crate) fn added_fields() -> Vec<Field> {
    let mut v = vec![added_after_id()];
    v.extend(added_after_quote(true));
    v.push(all_sources_field());
    v
}

/// The flat form of one field of a table (see the module documentation).
fn flat_field(f: &Field) -> Field {
    let dt = match f.data_type() {
        DataType::List(_) => DataType::Utf8,
        other => other.clone(),
    };
    // An empty list is a null cell, unless the column says what it means; a list of structs is
    // written as a JSON array, `[]` when empty.
    let nullable = match f.data_type() {
        DataType::List(item) => {
            !matches!(item.data_type(), DataType::Struct(_))
                && !f.metadata().contains_key(FLAT_EMPTY_KEY)
        }
        _ => f.is_nullable(),
    };
    Field::new(f.name(), dt, nullable || f.is_nullable()).with_metadata(f.metadata().clone())
}

/// The schema of the flat form of `kind`'s table; `explode` adds `evidence_index`.
pub fn flat_schema(kind: RecordKind, explode: bool) -> SchemaRef {
    let explode = explode && explodes(kind);
    let table = schema(kind);
    let mut fields = Vec::with_capacity(table.fields().len() + 8);
    for f in table.fields() {
        if explode && f.name() == EVIDENCE_LIST {
            continue;
        }
        fields.push(flat_field(f));
        if f.name() == "id" {
            fields.push(added_after_id());
        }
        if f.name() == LAST_CITED {
            fields.extend(added_after_quote(explode));
        }
    }
    let mut meta = table.metadata().clone();
    meta.insert("syriatalks.form".into(), "flat".into());
    Arc::new(Schema::new(fields).with_metadata(meta))
}

/// The flat form of the records of a [`Batches`] reader, batch by batch.
pub struct FlatBatches<D> {
    inner: Batches<D>,
    explode: bool,
    pos: usize,
    schema: SchemaRef,
}

impl<D: Deref<Target = Dataset>> FlatBatches<D> {
    /// One flat row per record.
    pub fn new(inner: Batches<D>) -> Self {
        let schema = flat_schema(inner.kind(), false);
        FlatBatches {
            inner,
            explode: false,
            pos: 0,
            schema,
        }
    }

    /// One flat row per evidence entry of each record (see the module documentation).
    pub fn exploding_evidence(mut self) -> Self {
        // Resolved here once: a type without citation columns keeps one row per record.
        self.explode = explodes(self.inner.kind());
        self.schema = flat_schema(self.inner.kind(), true);
        self
    }

    /// The reader of the table rows underneath.
    pub fn table(&self) -> &Batches<D> {
        &self.inner
    }
}

impl<D: Deref<Target = Dataset>> Iterator for FlatBatches<D> {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let table = match self.inner.next()? {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        let rows = &self.inner.rows()[self.pos..self.pos + table.num_rows()];
        self.pos += table.num_rows();
        let ds = self.inner.dataset();
        Some(flat_batch(
            ds,
            self.inner.kind(),
            rows,
            &table,
            self.explode,
            &self.schema,
        ))
    }
}

impl<D: Deref<Target = Dataset>> RecordBatchReader for FlatBatches<D> {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }
}

/// Each output row's record (its position in the batch) and evidence entry.
struct RowPlan<'a> {
    records: Vec<RecordRef<'a>>,
    evidence: Vec<Vec<&'a Evidence>>,
    take: Vec<u32>,
    entry: Vec<Option<u32>>,
}

/// Whether the flat form of `kind` can be exploded: only a table with the citation columns can
/// tell its rows apart by evidence entry (a source's table has none: a source is what is cited).
fn explodes(kind: RecordKind) -> bool {
    kind != RecordKind::Source
}

/// How many rows the flat form of these records has (one per record, or, exploded, one per
/// evidence entry and one for a record without any).
pub fn flat_row_count(ds: &Dataset, kind: RecordKind, rows: &[u32], explode: bool) -> usize {
    if !(explode && explodes(kind)) {
        return rows.len();
    }
    rows.iter()
        .map(|&i| record_at(ds, kind, i as usize).evidence().len().max(1))
        .sum()
}

impl<'a> RowPlan<'a> {
    fn new(ds: &'a Dataset, kind: RecordKind, rows: &[u32], explode: bool) -> Self {
        let records: Vec<RecordRef<'a>> = rows
            .iter()
            .map(|&i| record_at(ds, kind, i as usize))
            .collect();
        let evidence: Vec<Vec<&Evidence>> = records.iter().map(RecordRef::evidence).collect();
        let (mut take, mut entry) = (Vec::new(), Vec::new());
        for (i, ev) in evidence.iter().enumerate() {
            let n = if explode { ev.len().max(1) } else { 1 };
            for j in 0..n {
                take.push(i as u32);
                entry.push((j < ev.len()).then_some(j as u32));
            }
        }
        RowPlan {
            records,
            evidence,
            take,
            entry,
        }
    }

    /// The evidence entry output row `k` cites.
    fn cited(&self, k: usize) -> Option<&'a Evidence> {
        let e = self.entry[k]?;
        Some(self.evidence[self.take[k] as usize][e as usize])
    }
}

/// One flat batch of the table rows `rows`; `explode` already says whether this type explodes.
fn flat_batch(
    ds: &Dataset,
    kind: RecordKind,
    rows: &[u32],
    table: &RecordBatch,
    explode: bool,
    schema: &SchemaRef,
) -> Result<RecordBatch, ArrowError> {
    let plan = RowPlan::new(ds, kind, rows, explode);
    let indices = UInt32Array::from(plan.take.clone());
    let per_record = per_record_citations(&plan, !explode);
    let table_schema = table.schema();
    let mut flats: Vec<(&Field, ArrayRef)> = Vec::with_capacity(table.num_columns());
    for (f, c) in table_schema.fields().iter().zip(table.columns()) {
        if explode && f.name() == EVIDENCE_LIST {
            continue;
        }
        flats.push((f, flat_column(f, c)?));
    }
    if explode {
        check_exploded_size(ds, &plan, &flats)?;
    }
    let mut cols: Vec<ArrayRef> = Vec::with_capacity(schema.fields().len());
    for (f, flat) in flats {
        let col = if !explode {
            flat
        } else if CITED.contains(&f.name().as_str()) {
            cited_column(f.name(), &plan)
        } else {
            take(&flat, &indices, None)?
        };
        cols.push(col);
        if f.name() == "id" {
            let labels = plan.take.iter().map(|&i| plan.records[i as usize].label());
            cols.push(Arc::new(StringArray::from_iter_values(labels)));
        }
        if f.name() == LAST_CITED {
            if explode {
                cols.push(Arc::new(UInt32Array::from(plan.entry.clone())));
            }
            cols.extend(citation_columns(ds, &plan, &per_record, explode));
        }
    }
    RecordBatch::try_new(schema.clone(), cols)
}

/// Refuses a batch in which one record's exploded rows would hold more than
/// [`MAX_EXPLODED_RECORD_BYTES`] of text (see the module documentation): its own variable-width
/// cells (strings, and the words of dictionary columns, which a reader may decode on every row)
/// times its rows, plus the title, outlet, date and address of each entry's source.
fn check_exploded_size(
    ds: &Dataset,
    plan: &RowPlan<'_>,
    flats: &[(&Field, ArrayRef)],
) -> Result<(), ArrowError> {
    let own = flats
        .iter()
        .filter(|(f, _)| !CITED.contains(&f.name().as_str()));
    let strings: Vec<&StringArray> = own
        .clone()
        .filter_map(|(_, a)| a.as_string_opt::<i32>())
        .collect();
    let dicts: Vec<(&Int32Array, &StringArray)> = own
        .filter_map(|(_, a)| a.as_dictionary_opt::<Int32Type>())
        .filter_map(|d| Some((d.keys(), d.values().as_string_opt::<i32>()?)))
        .collect();
    for (i, record) in plan.records.iter().enumerate() {
        let rows = plan.evidence[i].len().max(1);
        if rows < 2 {
            continue;
        }
        let words: usize = dicts
            .iter()
            .filter(|(keys, _)| keys.is_valid(i))
            .map(|(keys, values)| values.value_length(keys.value(i) as usize) as usize)
            .sum();
        let width = strings
            .iter()
            .map(|a| a.value_length(i) as usize)
            .sum::<usize>()
            + words
            + record.label().len();
        let cited: usize = plan.evidence[i]
            .iter()
            .filter_map(|e| ds.source(&e.source))
            .map(|s| {
                s.title.value.len()
                    + s.outlet.as_ref().map_or(0, |o| o.value.len())
                    + s.url.as_ref().map_or(0, String::len)
                    + s.published.as_ref().map_or(0, |p| edtf(p).len())
            })
            .sum();
        let total = rows.saturating_mul(width).saturating_add(cited);
        if total > MAX_EXPLODED_RECORD_BYTES {
            return Err(ArrowError::InvalidArgumentError(format!(
                "{} {}: exploded, its {rows} evidence entries would hold {total} bytes of text \
                 ({width} bytes of its own cells on every row, and each entry's source's title, \
                 outlet, date and address), over the limit of {MAX_EXPLODED_RECORD_BYTES} bytes \
                 for one record; read it unexploded, where its `evidence` list holds every entry",
                record.kind(),
                record.id()
            )));
        }
    }
    Ok(())
}

/// Per record of a batch, once (an exploded record has one row per entry): its evidence count
/// and, when `all_sources` is written, the sources it cites, deduplicated through a set so a
/// record with many entries stays linear.
fn per_record_citations(plan: &RowPlan<'_>, all_sources: bool) -> Vec<(u32, Option<String>)> {
    plan.evidence
        .iter()
        .map(|ev| {
            let n = u32::try_from(ev.len()).unwrap_or(u32::MAX);
            if !all_sources {
                return (n, None);
            }
            let mut seen = std::collections::HashSet::new();
            let ids: Vec<&str> = ev
                .iter()
                .map(|e| e.source.as_str())
                .filter(|id| seen.insert(*id))
                .collect();
            (n, (!ids.is_empty()).then(|| ids.join("; ")))
        })
        .collect()
}

/// One of `source`, `quote`, `quote_start`, `quote_end` for the entry each row cites.
fn cited_column(name: &str, plan: &RowPlan<'_>) -> ArrayRef {
    let n = plan.take.len();
    let entries = (0..n).map(|k| plan.cited(k));
    match name {
        "source" => {
            let strings: StringArray = entries.map(|e| e.map(|e| e.source.as_str())).collect();
            cast(&strings, &dict_type()).expect("strings cast to a dictionary")
        }
        "quote" => Arc::new(
            entries
                .map(|e| e.map(|e| e.quote.as_str()))
                .collect::<StringArray>(),
        ),
        _ => {
            let mut b = UInt64Builder::with_capacity(n);
            for e in entries {
                b.append_option(e.and_then(|e| e.span).map(|s| {
                    if name == "quote_start" {
                        s.start as u64
                    } else {
                        s.end as u64
                    }
                }));
            }
            Arc::new(b.finish())
        }
    }
}

fn citation_columns(
    ds: &Dataset,
    plan: &RowPlan<'_>,
    per_record: &[(u32, Option<String>)],
    explode: bool,
) -> Vec<ArrayRef> {
    let n = plan.take.len();
    let (mut title, mut outlet, mut published, mut url) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    // Exploded, each row names its own source: no `all_sources` to build.
    let mut all = (!explode).then(StringBuilder::new);
    let mut count = UInt32Builder::with_capacity(n);
    for k in 0..n {
        // The dataset's own id index: no per-batch map of every source.
        let s = plan.cited(k).and_then(|e| ds.source(&e.source));
        title.append_option(s.map(|s| s.title.value.as_str()));
        outlet.append_option(s.and_then(|s| s.outlet.as_ref()).map(|o| o.value.as_str()));
        published.append_option(s.and_then(|s| s.published.as_ref()).map(edtf));
        url.append_option(s.and_then(|s| s.url.as_deref()));
        let (entries, cited) = &per_record[plan.take[k] as usize];
        count.append_value(*entries);
        if let Some(all) = all.as_mut() {
            all.append_option(cited.as_deref());
        }
    }
    let mut cols: Vec<ArrayRef> = vec![
        Arc::new(title.finish()),
        Arc::new(outlet.finish()),
        Arc::new(published.finish()),
        Arc::new(url.finish()),
        Arc::new(count.finish()),
    ];
    if let Some(mut all) = all {
        cols.push(Arc::new(all.finish()));
    }
    cols
}

/// A column in its flat form: lists of ids or names joined, lists of structs as JSON.
fn flat_column(f: &Field, c: &ArrayRef) -> Result<ArrayRef, ArrowError> {
    Ok(match c.data_type() {
        DataType::List(item) if matches!(item.data_type(), DataType::Struct(_)) => {
            Arc::new(crate::json_cells::json_cells(c)?)
        }
        DataType::List(_) => {
            let empty = f.metadata().get(FLAT_EMPTY_KEY).map(String::as_str);
            Arc::new(join_list(c, empty)?)
        }
        _ => c.clone(),
    })
}

fn join_list(c: &ArrayRef, empty: Option<&str>) -> Result<StringArray, ArrowError> {
    let list = c.as_list::<i32>();
    // The items of every row at once, as strings: one cast per column, not one per row.
    let items = cast(list.values(), &DataType::Utf8)?;
    let items = items.as_string::<i32>();
    let offsets = list.value_offsets();
    let mut out = StringBuilder::with_capacity(list.len(), list.len() * 16);
    let mut cell = String::new();
    for i in 0..list.len() {
        if list.is_null(i) {
            out.append_null();
            continue;
        }
        let (from, to) = (offsets[i] as usize, offsets[i + 1] as usize);
        if from == to {
            out.append_option(empty);
            continue;
        }
        cell.clear();
        for j in from..to {
            if j > from {
                cell.push_str("; ");
            }
            cell.push_str(items.value(j));
        }
        out.append_value(&cell);
    }
    Ok(out.finish())
}
