//! `export --format jsonl|csv|parquet`: the records of one type (or all), filtered like the
//! timeline, as JSON Lines (the loader's format), CSV files or Parquet files in a folder.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use syriatalks::{Dataset, Filter, PartialDate, RecordKind};
use syriatalks_tables::{
    file_name, record_at, write_csv, write_jsonl, write_parquet, write_parquet_by_year, Batches,
    FlatBatches,
};

use crate::Failure;

/// How Parquet files are split.
#[derive(Clone, Copy, ValueEnum)]
pub enum Partition {
    /// One folder per year of the record's first anchored day: `TYPE/year=2016/part-0.parquet`.
    Year,
}

/// Which records an export writes.
#[derive(Args, Default)]
pub struct Selection {
    /// Only this record type (source, actor, place, round, event, figure, quote, position,
    /// instrument); every type when omitted.
    #[arg(long)]
    kind: Option<String>,
    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    from: Option<PartialDate>,
    /// To this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    to: Option<PartialDate>,
    /// Only records involving this actor (id or any name).
    #[arg(long)]
    actor: Option<String>,
    /// Only records in this place (or places within it).
    #[arg(long)]
    place: Option<String>,
    /// Only records of this round.
    #[arg(long)]
    round: Option<String>,
    /// Only records citing this source.
    #[arg(long)]
    source: Option<String>,
    /// Only records whose fields or evidence contain these words.
    #[arg(long)]
    text: Option<String>,
    /// Only quotes said by this actor (id or any name).
    #[arg(long)]
    speaker: Option<String>,
    /// With --from/--to: `possible` (default) keeps records that may fall in the range,
    /// `certain` only those whose every possible day lies in it.
    #[arg(long, value_parser = crate::parse_certainty, default_value = "possible")]
    dates: syriatalks::Certainty,
    /// Parquet only: split each type's table into one folder per year.
    #[arg(long, value_enum)]
    partition: Option<Partition>,
}

impl Selection {
    /// Whether nothing narrows the export (the JSON document is then the whole dataset's).
    pub fn is_everything(&self) -> bool {
        self.kind.is_none() && self.filter() == Filter::default() && self.partition.is_none()
    }

    fn filter(&self) -> Filter {
        Filter {
            since: self.from,
            until: self.to,
            actor: self.actor.clone(),
            kind: None,
            place: self.place.clone(),
            round: self.round.clone(),
            source: self.source.clone(),
            text: self.text.clone(),
            speaker: self.speaker.clone(),
            dates: self.dates,
        }
    }

    fn kinds(&self) -> Result<Vec<RecordKind>, Failure> {
        match &self.kind {
            None => Ok(RecordKind::ALL.to_vec()),
            Some(k) => k
                .parse::<RecordKind>()
                .map(|k| vec![k])
                .map_err(|e: syriatalks::UnknownWord| Failure::Usage(e.to_string())),
        }
    }

    fn batches<'d>(
        &self,
        ds: &'d Dataset,
        kind: RecordKind,
    ) -> Result<Batches<&'d Dataset>, Failure> {
        let filter = self.filter();
        if filter == Filter::default() {
            Ok(Batches::all(ds, kind))
        } else {
            Ok(Batches::query(ds, kind, &filter)?)
        }
    }
}

impl Selection {
    /// The kept records and the sources they cite, for the one-document formats, which have no
    /// files to partition.
    fn subset<'d>(&self, ds: &'d Dataset, what: &str) -> Result<syriatalks::Subset<'d>, Failure> {
        self.refuse_partition(what)?;
        Ok(ds.subset(&self.kinds()?, &self.filter())?)
    }

    fn refuse_partition(&self, what: &str) -> Result<(), Failure> {
        match self.partition {
            Some(_) => Err(Failure::Usage(format!(
                "--partition splits Parquet files by year; --format {what} writes one document: \
                 drop --partition, or use --format parquet"
            ))),
            None => Ok(()),
        }
    }
}

/// `export --format json`: the whole dataset, or the records the selection keeps in the same
/// shape, with the sources they cite (see [`syriatalks::Subset`]).
pub fn document(ds: &Dataset, sel: &Selection) -> Result<String, Failure> {
    sel.refuse_partition("json")?;
    Ok(ds.document_json(&sel.kinds()?, &sel.filter())?)
}

/// `export --format annotations`: the evidence of every record, or of the records the selection
/// keeps (not of the sources they merely cite).
pub fn annotations(ds: &Dataset, sel: &Selection) -> Result<serde_json::Value, Failure> {
    if sel.is_everything() {
        return Ok(syriatalks_site::annotations::collection(ds));
    }
    let part = sel.subset(ds, "annotations")?;
    Ok(syriatalks_site::annotations::collection_of(ds, part.kept()))
}

/// The output formats beyond the one-document ones (json, annotations).
#[derive(Clone, Copy)]
pub enum Table {
    /// JSON Lines, one record per line, loadable as a record file.
    Jsonl,
    /// One CSV file per record type.
    Csv,
    /// One Parquet file (or year-partitioned folder) per record type.
    Parquet,
}

fn folder(out: Option<PathBuf>, what: &str) -> Result<PathBuf, Failure> {
    let dir = out.ok_or_else(|| {
        Failure::Usage(format!(
            "--format {what} writes one file per record type: give --out DIR"
        ))
    })?;
    fs::create_dir_all(&dir)
        .map_err(|e| Failure::Data(format!("cannot create {}: {e}", dir.display())))?;
    Ok(dir)
}

fn create(path: &Path) -> Result<BufWriter<File>, Failure> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| Failure::Data(format!("cannot write {}: {e}", path.display())))
}

fn table_error(path: &Path, e: syriatalks_tables::WriteError) -> Failure {
    match e {
        syriatalks_tables::WriteError::Io(e) => Failure::from(e),
        e => Failure::Data(format!("cannot write {}: {e}", path.display())),
    }
}

/// Writes the export; a summary line per file goes to stderr.
pub fn run(
    ds: &Dataset,
    table: Table,
    out: Option<PathBuf>,
    sel: &Selection,
    stdout: &mut dyn Write,
) -> Result<(), Failure> {
    let kinds = sel.kinds()?;
    if sel.partition.is_some() && !matches!(table, Table::Parquet) {
        return Err(Failure::Usage(
            "--partition applies to --format parquet only".into(),
        ));
    }
    match table {
        Table::Jsonl => {
            let mut file;
            let w: &mut dyn Write = match &out {
                Some(path) => {
                    file = create(path)?;
                    &mut file
                }
                None => stdout,
            };
            for kind in kinds {
                let b = sel.batches(ds, kind)?;
                write_jsonl(
                    b.rows().iter().map(|&i| record_at(ds, kind, i as usize)),
                    &mut *w,
                )?;
            }
            w.flush()?;
        }
        Table::Csv => {
            let dir = folder(out, "csv")?;
            for kind in kinds {
                let path = dir.join(file_name(kind, "csv"));
                let n = write_csv(FlatBatches::new(sel.batches(ds, kind)?), create(&path)?)
                    .map_err(|e| table_error(&path, e))?;
                eprintln!("{n:>9} rows  {}", path.display());
            }
        }
        Table::Parquet => {
            let dir = folder(out, "parquet")?;
            for kind in kinds {
                let b = sel.batches(ds, kind)?;
                match sel.partition {
                    None => {
                        let path = dir.join(file_name(kind, "parquet"));
                        let n =
                            write_parquet(b, create(&path)?).map_err(|e| table_error(&path, e))?;
                        eprintln!("{n:>9} rows  {}", path.display());
                    }
                    Some(Partition::Year) => {
                        let sub = dir.join(kind.as_str());
                        // Stale years of an earlier export would join the dataset a reader sees.
                        if sub.exists() {
                            fs::remove_dir_all(&sub)?;
                        }
                        for (path, n) in
                            write_parquet_by_year(b, &sub).map_err(|e| table_error(&sub, e))?
                        {
                            eprintln!("{n:>9} rows  {}", path.display());
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
