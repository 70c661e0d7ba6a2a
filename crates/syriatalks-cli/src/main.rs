//! The `syriatalks` command: the dataset's timeline, rounds, actors, records with their evidence,
//! search, export and validation, on the embedded data or a user's (`--data PATH`).
//!
//! Exit status: 0 on success, 1 when something asked for is not found or the data is invalid,
//! 2 for bad usage. Messages go to stderr.

mod export;
mod generate;
mod render;

use std::{io::Write, path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand, ValueEnum};
use syriatalks::{Dataset, Filter, LoadError, PartialDate, QueryError};

/// What `--version` prints: the program's version and the embedded data's, which move apart.
static VERSION_LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{} (data {})",
        syriatalks::VERSION,
        syriatalks::DATA_VERSION
    )
});

#[derive(Parser)]
#[command(name = "syriatalks", version = VERSION_LINE.as_str(), about = "A source-cited dataset of the Syrian peace talks", long_about = None)]
struct Cli {
    /// Use this dataset (a folder with record files and seeds/, or one record file) instead of the
    /// embedded one.
    #[arg(long, global = true, value_name = "PATH")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Everything dated, in order: rounds, events, figures, quotes, positions, instruments.
    Timeline {
        /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<PartialDate>,
        /// To this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<PartialDate>,
        /// Only records involving this actor (id or any name).
        #[arg(long)]
        actor: Option<String>,
        /// Only this record type or kind word (quote, event, veto, deaths…).
        #[arg(long)]
        kind: Option<String>,
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
        /// With --from/--to: `possible` (default) keeps records that may fall in the range,
        /// `certain` only those whose every possible day lies in it.
        #[arg(long, value_parser = parse_certainty, default_value = "possible")]
        dates: syriatalks::Certainty,
        /// One row per happening: records of other articles attesting the same happening are
        /// folded into the first, with the number of sources.
        #[arg(long)]
        collapse: bool,
        /// Only quotes said by this actor (id or any name).
        #[arg(long)]
        speaker: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every attestation of a happening side by side, with sources, agreement and conflicts.
    Claims {
        /// A happening key (death-toll) or any record id.
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// One record, with its evidence quotes and the titles of their sources.
    Show {
        /// The record id (a retired id shows its replacement, with a note saying why).
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Print a citation of the record instead: BibTeX or CSL-JSON.
        #[arg(long, value_name = "STYLE", value_parser = parse_cite_style, conflicts_with = "json")]
        cite: Option<syriatalks::CiteStyle>,
    },
    /// Words in records and article texts, with snippets and byte spans.
    Search {
        /// The words to look for (case and accents ignored).
        text: String,
        /// Show at most this many hits (a note on stderr says when there were more).
        #[arg(long, default_value_t = syriatalks::DEFAULT_SEARCH_LIMIT)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every round of talks.
    Rounds {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every actor, or the actors a name could mean (ranked).
    Actors {
        /// A name to resolve.
        name: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The rounds in session on a date.
    InSession {
        /// The date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(value_parser = parse_date)]
        date: PartialDate,
    },
    /// Every claim of one measure (deaths, refugees…), with who claimed it and where.
    Figures {
        /// The measure.
        measure: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every record with its evidence, or the records of one type or all, filtered like the
    /// timeline: as one JSON document (a filtered one also holds the sources its records cite,
    /// listed under `selection.cited_sources`), JSON Lines, CSV or Parquet tables
    /// (docs/TABLES.md), or Web Annotations of the kept records' evidence.
    Export {
        /// The format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of stdout: a file for json and jsonl, a folder for csv and parquet.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        #[command(flatten)]
        select: export::Selection,
    },
    /// Check a dataset (folder or record file) and list every problem.
    Validate {
        /// The dataset to check.
        path: PathBuf,
        /// Check it on top of the embedded dataset, so it may cite the embedded sources and actors.
        #[arg(long)]
        with_embedded: bool,
        /// Print the problems as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check that every quoted passage, number, name and date in the articles is covered by some
    /// record's evidence or by a reviewed exclusion (audit/*.toml in the dataset folder).
    Audit {
        /// A dataset folder (exclusions in its audit/*.toml); the embedded dataset when omitted.
        path: Option<PathBuf>,
        /// Only this source.
        #[arg(long)]
        source: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write seeds/manifest.toml for the seed texts of a dataset folder.
    Manifest {
        /// The dataset folder (the one holding seeds/).
        dir: PathBuf,
    },
    /// Write the evidence explorer: a static site of the timeline, every record, and the articles
    /// with their evidence highlighted (self-contained: open DIR/index.html from disk or any host).
    Site {
        /// The folder to write (replaced whole if it is a site written before).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Record counts per type and the versions.
    Stats,
    /// Write a synthetic, valid corpus of any size (for benchmarks; see scripts/bench-scale).
    Generate(generate::Args),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One document, an array per type, source texts included; filtered, only the kept records
    /// plus the sources they cite (other references stay ids), and a `selection` object.
    Json,
    /// JSON Lines in the loader's format: one record per line, loadable as a record file.
    Jsonl,
    /// One CSV file per record type in the --out folder.
    Csv,
    /// One Parquet file per record type in the --out folder (--partition year: a folder per year).
    Parquet,
    /// The kept records' evidence as W3C Web Annotations (JSON-LD), selectors in code points.
    Annotations,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    s.parse::<PartialDate>().map_err(|e| e.to_string())
}

/// A failure, with the exit status it maps to.
enum Failure {
    /// Not found, invalid data: exit 1.
    Data(String),
    /// A usage problem found after parsing (an unknown kind word): exit 2.
    Usage(String),
    /// Standard output was closed by its reader: stop quietly.
    Closed,
}

impl From<QueryError> for Failure {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::NotFound { .. } => Failure::Data(e.to_string()),
            _ => Failure::Usage(e.to_string()),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::Data(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            // The reader went away (`syriatalks timeline | head`): nothing to report.
            Failure::Closed
        } else {
            Failure::Data(e.to_string())
        }
    }
}

/// Loads a user's dataset, with a progress bar on stderr when stderr is a terminal (a load of a
/// large corpus takes seconds; a pipe or a log gets no bar).
fn load_data(path: &std::path::Path, with_embedded: bool) -> Result<Dataset, LoadError> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        let options = syriatalks::LoadOptions {
            with_embedded,
            progress: None,
        };
        return syriatalks::load_with(path, &options);
    }
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>9} [{bar:40}] {percent:>3}% (eta {eta})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let started = std::time::Instant::now();
    let report = |p: syriatalks::Progress| {
        // Only a load that lasts shows a bar: a quick one leaves the terminal as it was.
        if bar.is_hidden() && started.elapsed() > std::time::Duration::from_millis(500) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        bar.set_message(p.stage);
        bar.set_length(p.total);
        bar.set_position(p.done);
    };
    let options = syriatalks::LoadOptions {
        with_embedded,
        progress: Some(&report),
    };
    let result = syriatalks::load_with(path, &options);
    bar.finish_and_clear();
    result
}

fn parse_cite_style(s: &str) -> Result<syriatalks::CiteStyle, String> {
    s.parse()
        .map_err(|e: syriatalks::UnknownWord| e.to_string())
}

fn dataset(path: &Option<PathBuf>) -> Result<std::borrow::Cow<'static, Dataset>, Failure> {
    Ok(match path {
        Some(p) => std::borrow::Cow::Owned(load_data(p, false)?),
        None => std::borrow::Cow::Borrowed(
            syriatalks::try_embedded().map_err(|e| Failure::Data(e.to_string()))?,
        ),
    })
}

fn parse_certainty(s: &str) -> Result<syriatalks::Certainty, String> {
    s.parse()
        .map_err(|e: syriatalks::UnknownWord| e.to_string())
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so
/// that a failure never leaves a truncated file where a good one was. Errors name the path.
fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::Data(format!("cannot write {}: {e}", path.display()));
    let name = path
        .file_name()
        .ok_or_else(|| Failure::Usage(format!("{} is not a file name", path.display())))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// Whether standard output was open when the program started. When it was closed
/// (`syriatalks timeline >&-`), Rust's runtime reopens it on `/dev/null` for reading and writing
/// before `main`, so every write succeeds and a command would report success having written
/// nothing. A shell's `> /dev/null` opens it write-only, which tells the two apart.
fn stdout_is_open() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: fstat writes into the zeroed struct we own; fcntl(F_GETFL) only queries flags.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(1, &mut st) != 0 {
                return false;
            }
            let mut null: libc::stat = std::mem::zeroed();
            let is_null = libc::stat(c"/dev/null".as_ptr(), &mut null) == 0
                && st.st_rdev == null.st_rdev
                && (st.st_mode & libc::S_IFMT) == libc::S_IFCHR;
            let mode = libc::fcntl(1, libc::F_GETFL) & libc::O_ACCMODE;
            !(is_null && mode == libc::O_RDWR)
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    match cli.command {
        Command::Validate {
            path,
            with_embedded,
            json: as_json,
        } => {
            let result = load_data(&path, with_embedded);
            match result {
                Ok(ds) => {
                    let counts: Vec<String> = ds
                        .counts()
                        .iter()
                        .map(|(k, n)| format!("{n} {k}"))
                        .collect();
                    writeln!(
                        out,
                        "ok: {} is valid ({})",
                        path.display(),
                        counts.join(", ")
                    )?;
                    Ok(())
                }
                Err(e) if as_json => {
                    writeln!(out, "{}", json(&e))?;
                    Err(Failure::Data(format!(
                        "{} problem(s) in {}",
                        e.problems.len(),
                        path.display()
                    )))
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::Audit {
            path,
            source,
            json: as_json,
        } => audit(path, source, as_json, out),
        Command::Manifest { dir } => {
            let text = syriatalks::manifest_for(dir.join("seeds"))?;
            let dest = dir.join("seeds").join(syriatalks::MANIFEST_FILE);
            write_atomic(&dest, text.as_bytes())?;
            writeln!(out, "wrote {}", dest.display())?;
            Ok(())
        }
        Command::Generate(args) => generate::run(&args, out),
        Command::Site { out: dir } => {
            let exclusions = match &cli.data {
                None => syriatalks::audit::embedded_exclusions(),
                Some(path) => syriatalks_site::exclusions_in(path),
            }
            .map_err(Failure::Data)?;
            let ds = dataset(&cli.data)?;
            let summary = syriatalks_site::write(&ds, &exclusions, &dir)
                .map_err(|e| Failure::Data(e.to_string()))?;
            writeln!(
                out,
                "wrote {} files ({} bytes) to {}; open {}",
                summary.files,
                summary.bytes,
                dir.display(),
                dir.join("index.html").display()
            )?;
            Ok(())
        }
        command => {
            let ds = dataset(&cli.data)?;
            query(&ds, command, out)
        }
    }
}

fn query(ds: &Dataset, command: Command, out: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::Timeline {
            from,
            to,
            actor,
            kind,
            place,
            round,
            source,
            text,
            dates,
            collapse,
            speaker,
            json: as_json,
        } => {
            let filter = Filter {
                since: from,
                until: to,
                actor,
                kind,
                place,
                round,
                source,
                text,
                dates,
                speaker,
            };
            let entries = ds.timeline(&filter)?;
            let rows: Vec<render::Row> = if collapse {
                ds.collapse(&entries)
                    .into_iter()
                    .map(|(r, n)| render::Row::new(ds, r, &filter, Some(n)))
                    .collect()
            } else {
                entries
                    .iter()
                    .map(|r| render::Row::new(ds, *r, &filter, None))
                    .collect()
            };
            if as_json {
                writeln!(out, "{}", json(&rows))?;
            } else {
                render::timeline(ds, &rows, out)?;
            }
        }
        Command::Claims {
            name,
            json: as_json,
        } => {
            let claims = ds.claims(&name)?;
            if as_json {
                writeln!(out, "{}", json(&claims))?;
            } else {
                render::claims(ds, &claims, out)?;
            }
        }
        Command::Show {
            id,
            json: as_json,
            cite,
        } => {
            let Some(found) = ds.resolve_id(&id) else {
                if let Some(r) = ds.retirement(&id) {
                    return Err(Failure::Data(syriatalks::retired::retirement_note(r)));
                }
                let near: Vec<&str> = ds
                    .records()
                    .map(|r| r.id())
                    .filter(|r| r.contains(id.as_str()))
                    .take(5)
                    .collect();
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean: {}?)", near.join(", "))
                };
                return Err(Failure::Data(format!("no record has id `{id}`{hint}")));
            };
            for r in &found.retired {
                eprintln!("note: {}", syriatalks::retired::retirement_note(r));
            }
            if let Some(style) = cite {
                // resolve_id found the record, so its citation exists.
                write!(out, "{}", ds.cite(&id, style).unwrap_or_default())?;
            } else if as_json {
                writeln!(out, "{}", json(&render::Shown::new(ds, &found)))?;
            } else {
                render::show(ds, found.record, out)?;
            }
        }
        Command::Search {
            text,
            limit,
            json: as_json,
        } => {
            let found = ds.search_limited(&text, limit);
            let hits = found.hits;
            if found.more {
                eprintln!(
                    "syriatalks: more than {limit} hits; showing the first {limit} (--limit N shows more)"
                );
            }
            if hits.is_empty() && !found.more {
                return Err(Failure::Data(format!(
                    "no record or article contains `{text}`"
                )));
            }
            if as_json {
                writeln!(out, "{}", json(&hits))?;
            } else {
                render::search(&hits, out)?;
            }
        }
        Command::Rounds { json: as_json } => {
            let rounds = ds.rounds_in_order();
            if as_json {
                writeln!(out, "{}", json(&rounds))?;
            } else {
                render::rounds(ds, &rounds, out)?;
            }
        }
        Command::Actors {
            name,
            json: as_json,
        } => match name {
            Some(name) => {
                let candidates = ds.resolve_actor(&name);
                if candidates.is_empty() {
                    return Err(Failure::Data(format!("no actor matches `{name}`")));
                }
                if as_json {
                    writeln!(out, "{}", json(&candidates))?;
                } else {
                    render::candidates(&candidates, out)?;
                }
            }
            None if as_json => writeln!(out, "{}", json(ds.actors()))?,
            None => render::actors(ds.actors(), out)?,
        },
        Command::InSession { date } => {
            let sessions = ds.sessions_on(date);
            if sessions.is_empty() {
                return Err(Failure::Data(format!(
                    "no round of talks was in session on {date}"
                )));
            }
            render::sessions(ds, &sessions, out)?;
        }
        Command::Figures {
            measure,
            json: as_json,
        } => {
            let measure: syriatalks::Measure = measure
                .parse()
                .map_err(|e: syriatalks::UnknownWord| Failure::Usage(e.to_string()))?;
            let series = ds.figure_series(measure);
            if as_json {
                writeln!(out, "{}", json(&series))?;
            } else {
                render::figures(ds, &series, out)?;
            }
        }
        Command::Export {
            format,
            out: file,
            select,
        } if matches!(format, Format::Jsonl | Format::Csv | Format::Parquet) => {
            let table = match format {
                Format::Jsonl => export::Table::Jsonl,
                Format::Csv => export::Table::Csv,
                _ => export::Table::Parquet,
            };
            export::run(ds, table, file, &select, out)?;
        }
        Command::Export {
            format,
            out: file,
            select,
        } => {
            let text = match format {
                Format::Annotations => json(&export::annotations(ds, &select)?),
                _ => export::document(ds, &select)?,
            };
            match file {
                Some(path) => write_atomic(&path, (text + "\n").as_bytes())?,
                None => writeln!(out, "{text}")?,
            }
        }
        Command::Stats => {
            writeln!(
                out,
                "syriatalks {}  data {}",
                syriatalks::VERSION,
                ds.data_version().unwrap_or("(user dataset)")
            )?;
            for (kind, n) in ds.counts() {
                writeln!(out, "{:>12}  {n}", kind.as_str())?;
            }
        }
        Command::Validate { .. }
        | Command::Manifest { .. }
        | Command::Audit { .. }
        | Command::Site { .. }
        | Command::Generate(_) => {
            return Err(Failure::Usage(
                "this command does not query a dataset".into(),
            ));
        }
    }
    Ok(())
}

fn audit(
    path: Option<PathBuf>,
    source: Option<String>,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (ds, exclusions) = match path {
        None => (
            dataset(&None)?,
            syriatalks::audit::embedded_exclusions().map_err(Failure::Data)?,
        ),
        Some(dir) => {
            let mut exclusions = Vec::new();
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("audit"))
                .map(|d| {
                    d.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            for file in files {
                let text = std::fs::read_to_string(&file)?;
                let parsed = syriatalks::audit::parse_exclusions(&text)
                    .map_err(|e| Failure::Data(format!("{}: {e}", file.display())))?;
                exclusions.extend(parsed);
            }
            (dataset(&Some(dir))?, exclusions)
        }
    };
    let mut report = syriatalks::audit::audit(&ds, &exclusions);
    if let Some(only) = &source {
        report.sources.retain(|s| &s.source == only);
        report.bad_exclusions.retain(|(e, _)| &e.source == only);
        if report.sources.is_empty() {
            return Err(Failure::Data(format!("no source has id `{only}`")));
        }
    }
    if as_json {
        writeln!(out, "{}", json(&report))?;
    } else {
        render::audit(&report, out)?;
    }
    if report.is_complete() {
        Ok(())
    } else {
        Err(Failure::Data(
            "the audit found items neither covered nor excluded, or bad exclusions".into(),
        ))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !stdout_is_open() {
        eprintln!("syriatalks: standard output is closed: nothing can be written");
        return ExitCode::from(1);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = run(cli, &mut out).and_then(|()| out.flush().map_err(Failure::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Data(msg)) => {
            eprintln!("syriatalks: {msg}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("syriatalks: {msg}");
            ExitCode::from(2)
        }
        Err(Failure::Closed) => ExitCode::SUCCESS,
    }
}
