//! The flat form (CSV, pandas) holds the record API's values, one row per record or per evidence
//! entry, every row citable on its own.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{UInt32Type, UInt64Type};
use arrow_array::{Array, RecordBatch, RecordBatchReader};
use arrow_schema::DataType;
use common::{col, strings};
use syriatalks::{Dataset, EventKind, Filter, Precision, RecordKind, RecordRef};
use syriatalks_tables::{flat_row_count, flat_schema, schema, Batches, FlatBatches};

fn all(reader: FlatBatches<&Dataset>) -> RecordBatch {
    let s = reader.schema();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    for b in &batches {
        assert_eq!(b.schema(), s);
    }
    arrow_select::concat::concat_batches(&s, &batches).unwrap()
}

fn records(ds: &Dataset, kind: RecordKind) -> Vec<RecordRef<'_>> {
    ds.records().filter(|r| r.kind() == kind).collect()
}

#[test]
fn one_row_per_record_every_cell_a_scalar() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        let b = all(FlatBatches::new(Batches::all(ds, *kind)));
        let table = schema(*kind);
        let recs = records(ds, *kind);
        assert_eq!(b.num_rows(), recs.len(), "{kind}");
        for f in b.schema().fields() {
            assert!(
                !matches!(f.data_type(), DataType::List(_) | DataType::Struct(_)),
                "{kind}.{} is not flat",
                f.name()
            );
        }
        // Every column of the table is there, in order, with the added ones between.
        let flat = b.schema();
        let names: Vec<&str> = flat
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .filter(|n| table.column_with_name(n).is_some())
            .collect();
        let want: Vec<&str> = table.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, want, "{kind}");
        let labels: Vec<_> = recs.iter().map(|r| Some(r.label().to_string())).collect();
        assert_eq!(strings(col(&b, "label")), labels, "{kind}");
        if *kind == RecordKind::Source {
            assert!(b.column_by_name("source_title").is_none());
            continue;
        }
        let n = col(&b, "n_evidence").as_primitive::<UInt32Type>();
        let quotes = strings(col(&b, "quote"));
        let titles = strings(col(&b, "source_title"));
        let all_sources = strings(col(&b, "all_sources"));
        for (i, r) in recs.iter().enumerate() {
            let ev = r.evidence();
            assert_eq!(n.value(i) as usize, ev.len(), "{}", r.id());
            assert_eq!(
                quotes[i].as_deref(),
                ev.first().map(|e| e.quote.as_str()),
                "{}",
                r.id()
            );
            let title = ev.first().map(|e| {
                let Some(RecordRef::Source(s)) = ds.get(&e.source) else {
                    panic!("{} cites no source", r.id())
                };
                s.title.value.clone()
            });
            assert_eq!(titles[i], title, "{}", r.id());
            let mut seen: Vec<&str> = Vec::new();
            for e in &ev {
                if !seen.contains(&e.source.as_str()) {
                    seen.push(&e.source);
                }
            }
            let want = (!seen.is_empty()).then(|| seen.join("; "));
            assert_eq!(all_sources[i], want, "{}", r.id());
        }
    }
}

#[test]
fn lists_of_ids_are_joined_and_lists_of_structs_are_json() {
    let ds = syriatalks::embedded();
    let b = all(FlatBatches::new(Batches::all(ds, RecordKind::Event)));
    let actor_ids = strings(col(&b, "actor_ids"));
    let actors = strings(col(&b, "actors"));
    let evidence = strings(col(&b, "evidence"));
    for (i, e) in ds.events().iter().enumerate() {
        let ids: Vec<&str> = e.actors.iter().map(|p| p.actor.as_str()).collect();
        let want = (!ids.is_empty()).then(|| ids.join("; "));
        assert_eq!(actor_ids[i], want, "{}", e.id);
        let parsed: serde_json::Value =
            serde_json::from_str(actors[i].as_deref().unwrap()).unwrap();
        let got: Vec<(String, String)> = parsed
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["actor"].as_str().unwrap().to_string(),
                    p["role"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = e
            .actors
            .iter()
            .map(|p| (p.actor.clone(), p.role.as_str().to_string()))
            .collect();
        assert_eq!(got, want, "{}", e.id);
        let parsed: serde_json::Value =
            serde_json::from_str(evidence[i].as_deref().unwrap()).unwrap();
        let quotes: Vec<&str> = parsed
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["quote"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = e.evidence.iter().map(|x| x.quote.as_str()).collect();
        assert_eq!(quotes, want, "{}", e.id);
    }
}

#[test]
fn exploded_rows_cite_each_evidence_entry_at_its_bytes() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        // Small chunks: a record's rows never straddle a batch, whatever the chunk.
        let b = all(FlatBatches::new(Batches::all(ds, *kind).with_chunk(7)).exploding_evidence());
        let recs = records(ds, *kind);
        let rows: Vec<u32> = (0..recs.len() as u32).collect();
        assert_eq!(
            b.num_rows(),
            flat_row_count(ds, *kind, &rows, true),
            "{kind}"
        );
        // Each row cites its own entry; the whole list is not repeated on every row.
        assert!(b.column_by_name("evidence").is_none(), "{kind}");
        if *kind == RecordKind::Source {
            // A source is what the others cite: it has no citation columns to explode into.
            assert_eq!(b.num_rows(), recs.len());
            assert!(b.column_by_name("evidence_index").is_none());
            continue;
        }
        let want_rows: usize = recs.iter().map(|r| r.evidence().len().max(1)).sum();
        assert_eq!(b.num_rows(), want_rows, "{kind}");
        let ids = strings(col(&b, "id"));
        let index = col(&b, "evidence_index").as_primitive::<UInt32Type>();
        let sources = strings(col(&b, "source"));
        let quotes = strings(col(&b, "quote"));
        let start = col(&b, "quote_start").as_primitive::<UInt64Type>();
        let end = col(&b, "quote_end").as_primitive::<UInt64Type>();
        let mut row = 0;
        for r in &recs {
            let ev = r.evidence();
            if ev.is_empty() {
                assert!(index.is_null(row) && quotes[row].is_none(), "{}", r.id());
                row += 1;
                continue;
            }
            for (j, e) in ev.iter().enumerate() {
                assert_eq!(ids[row].as_deref(), Some(r.id()));
                assert_eq!(index.value(row) as usize, j, "{}", r.id());
                assert_eq!(sources[row].as_deref(), Some(e.source.as_str()));
                assert_eq!(quotes[row].as_deref(), Some(e.quote.as_str()));
                let Some(RecordRef::Source(s)) = ds.get(&e.source) else {
                    panic!("{} cites no source", r.id())
                };
                let (a, z) = (start.value(row) as usize, end.value(row) as usize);
                assert_eq!(&s.text[a..z], e.quote, "{} entry {j}", r.id());
                row += 1;
            }
        }
        assert_eq!(row, b.num_rows());
    }
}

#[test]
fn vocabulary_columns_carry_every_word_even_when_empty() {
    let ds = syriatalks::embedded();
    // A selection with no rows still names every event kind and every precision.
    let none = Filter::new().text("no record says this, anywhere, ever");
    let b = all(FlatBatches::new(
        Batches::query(ds, RecordKind::Event, &none).unwrap(),
    ));
    assert_eq!(b.num_rows(), 0);
    for (name, words) in [
        ("kind", EventKind::WORDS),
        ("date_precision", Precision::WORDS),
    ] {
        let c = col(&b, name).as_dictionary::<arrow_array::types::Int32Type>();
        let values = strings(c.values());
        let want: Vec<Option<String>> = words.iter().map(|w| Some(w.to_string())).collect();
        assert_eq!(values, want, "{name}");
    }
    assert_eq!(b.schema(), flat_schema(RecordKind::Event, false));
}

#[test]
fn a_figure_without_claimant_is_the_articles_own_in_words() {
    let ds = syriatalks::embedded();
    let b = all(FlatBatches::new(Batches::all(ds, RecordKind::Figure)));
    let cells = strings(col(&b, "claimed_by"));
    let mut unclaimed = 0;
    for (i, f) in ds.figures().iter().enumerate() {
        let want = if f.claimed_by.is_empty() {
            unclaimed += 1;
            syriatalks::NO_CLAIMANT.to_string()
        } else {
            f.claimed_by.join("; ")
        };
        assert_eq!(cells[i].as_deref(), Some(want.as_str()), "{}", f.id);
    }
    assert!(unclaimed > 0, "some figures are the articles' own");
    assert!(!b
        .schema()
        .field_with_name("claimed_by")
        .unwrap()
        .is_nullable());
}

/// A folder holding `k` articles and one record file, loaded (the manifest written by the loader's
/// own `manifest_for`, no checksum typed by hand).
fn load_folder(name: &str, records: &str, seeds: &[(String, String)]) -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    for (file, text) in seeds {
        std::fs::write(dir.join("seeds").join(file), text).unwrap();
    }
    let manifest = syriatalks::manifest_for(dir.join("seeds")).unwrap();
    std::fs::write(dir.join("seeds/manifest.toml"), manifest).unwrap();
    std::fs::write(dir.join("records.toml"), records).unwrap();
    syriatalks::load(&dir).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `f`, failing if it takes more than `limit` (a hang guard about 100× above what it needs,
/// not a benchmark).
fn within<T>(limit: std::time::Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    out
}

/// `k` articles of one sentence per entry, and the `[[source]]` tables citing them.
fn articles(k: usize, n: usize) -> (Vec<(String, String)>, String) {
    let mut texts = vec![String::from("An article.\n"); k];
    for i in 0..n {
        texts[i % k].push_str(&format!("Delegation {i} met the envoy. "));
    }
    let mut records = String::new();
    for j in 0..k {
        records.push_str(&format!(
            "[[source]]\nid = \"s{j}\"\nfile = \"a{j}.txt\"\ntitle = {{ value = \"An article.\", basis = \"stated\" }}\n\n"
        ));
    }
    let seeds = texts
        .into_iter()
        .enumerate()
        .map(|(j, t)| (format!("a{j}.txt"), t))
        .collect();
    (seeds, records)
}

/// Hostile shapes: a record with tens of thousands of entries flattens and explodes in time
/// linear in them (the evidence list and `all_sources` are not repeated on every row); a record
/// whose other cells grow with its entries (an actor with thousands of roles, each with its own
/// quote) would be quadratic exploded, and is refused naming it — unexploded it is one row.
#[test]
fn many_entries_explode_linearly_and_a_quadratic_record_is_refused() {
    use std::time::Duration;
    let (n, k) = (20_000, 200);
    let (seeds, mut records) = articles(k, n);
    records.push_str("[[event]]\nid = \"wide\"\nkind = \"meeting_held\"\nsummary = \"Many meetings.\"\ndate = { value = \"2016\", basis = \"inferred\", note = \"n\" }\nevidence = [\n");
    for i in 0..n {
        records.push_str(&format!(
            "  {{ source = \"s{}\", quote = \"Delegation {i} met the envoy.\" }},\n",
            i % k
        ));
    }
    records.push_str("]\n\n[[actor]]\nid = \"roles\"\nkind = \"person\"\nname = \"Envoy\"\nevidence = [{ source = \"s0\", quote = \"An article.\" }]\n");
    let roles = 3_000;
    for i in 0..roles {
        records.push_str(&format!(
            "\n[[actor.roles]]\ntitle = \"Envoy number {i}\"\nevidence = [{{ source = \"s{}\", quote = \"Delegation {i} met the envoy.\" }}]\n",
            i % k
        ));
    }
    let ds = load_folder("flat-hostile", &records, &seeds);

    let flat = within(Duration::from_secs(60), "the flat form", || {
        all(FlatBatches::new(Batches::all(&ds, RecordKind::Event)))
    });
    assert_eq!(flat.num_rows(), 1);
    let cited: Vec<String> = (0..k).map(|j| format!("s{j}")).collect();
    assert_eq!(
        strings(col(&flat, "all_sources"))[0].as_deref(),
        Some(cited.join("; ").as_str())
    );
    assert_eq!(
        col(&flat, "n_evidence")
            .as_primitive::<UInt32Type>()
            .value(0) as usize,
        n
    );

    let exploded = within(Duration::from_secs(60), "the exploded form", || {
        all(FlatBatches::new(Batches::all(&ds, RecordKind::Event)).exploding_evidence())
    });
    assert_eq!(exploded.num_rows(), n);
    assert!(exploded.column_by_name("all_sources").is_none());
    let index = col(&exploded, "evidence_index").as_primitive::<UInt32Type>();
    assert!((0..n).all(|i| index.value(i) as usize == i));
    let sources = strings(col(&exploded, "source"));
    assert_eq!(
        sources[n - 1].as_deref(),
        Some(format!("s{}", (n - 1) % k).as_str())
    );

    // The actor: one row unexploded, whatever its roles; exploded, refused with its name.
    let one = all(FlatBatches::new(Batches::all(&ds, RecordKind::Actor)));
    assert_eq!(one.num_rows(), 1);
    let err = within(Duration::from_secs(60), "the refusal", || {
        FlatBatches::new(Batches::all(&ds, RecordKind::Actor))
            .exploding_evidence()
            .next()
            .expect("one batch")
            .expect_err("over the limit")
    })
    .to_string();
    assert!(err.contains("actor roles"), "{err}");
    assert!(err.contains("3001 evidence entries"), "{err}");
    assert!(
        err.contains(&syriatalks_tables::MAX_EXPLODED_RECORD_BYTES.to_string()),
        "{err}"
    );

    // What each row looks up counts too: 9,000 entries citing a source whose title is as long as
    // the loader allows would write that title 9,000 times (18 MB); 7,000 stay under the limit.
    for (n, refused) in [(9_000, true), (7_000, false)] {
        let title = "T".repeat(syriatalks::MAX_SOURCE_FIELD_BYTES);
        let (seeds, _) = articles(1, n);
        let mut records = format!(
            "[[source]]\nid = \"s0\"\nfile = \"a0.txt\"\ntitle = {{ value = \"{title}\", basis = \"inferred\", note = \"n\" }}\n\n[[event]]\nid = \"cites\"\nkind = \"meeting_held\"\nsummary = \"S.\"\ndate = {{ value = \"2016\", basis = \"inferred\", note = \"n\" }}\nevidence = [\n"
        );
        for i in 0..n {
            records.push_str(&format!(
                "  {{ source = \"s0\", quote = \"Delegation {i} met the envoy.\" }},\n"
            ));
        }
        records.push_str("]\n");
        let ds = load_folder("flat-long-title", &records, &seeds);
        let got: Result<Vec<RecordBatch>, _> =
            FlatBatches::new(Batches::all(&ds, RecordKind::Event))
                .exploding_evidence()
                .collect();
        match got {
            Err(e) if refused => assert!(e.to_string().contains("event cites"), "{e}"),
            Ok(b) if !refused => assert_eq!(b.iter().map(|b| b.num_rows()).sum::<usize>(), n),
            other => panic!("{n} entries: {:?}", other.map(|b| b.len())),
        }
    }
}
