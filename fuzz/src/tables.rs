//! The `tables` harness: what a loaded dataset promises its columnar doors.

use std::io::sink;

use syriatalks::{Dataset, RecordKind};
use syriatalks_tables::arrow_array::RecordBatchReader;
use syriatalks_tables::{
    flat_row_count, flat_schema, schema, write_csv, write_jsonl, Batches, FlatBatches,
};

/// The words of the exploded form's one refusal (`MAX_EXPLODED_RECORD_BYTES`): any other error
/// from a table reader is a finding.
const EXPLODE_LIMIT: &str = "bytes for one record; read it unexploded";

/// Every record type as Arrow batches (in small chunks, so records meet batch edges), in its flat
/// form and exploded, written as CSV; then the whole dataset as JSON Lines, which must load back
/// into the same records.
pub(crate) fn exercise(ds: &Dataset, data: &[u8]) {
    for &kind in RecordKind::ALL {
        let n = ds.records().filter(|r| r.kind() == kind).count();
        let rows: Vec<u32> = (0..n as u32).collect();

        let table = Batches::all(ds, kind).with_chunk(3);
        let mut got = 0;
        for b in table {
            let b = b.unwrap_or_else(|e| panic!("{kind} batch: {e}"));
            assert_eq!(b.schema(), schema(kind), "{kind}: a batch off its schema");
            got += b.num_rows();
        }
        assert_eq!(got, n, "{kind}: the table lost or added records");

        let flat = FlatBatches::new(Batches::all(ds, kind).with_chunk(3));
        assert_eq!(flat.schema(), flat_schema(kind, false));
        let got: usize = flat
            .map(|b| b.unwrap_or_else(|e| panic!("{kind} flat: {e}")).num_rows())
            .sum();
        assert_eq!(got, n, "{kind}: the flat form lost or added records");

        let exploded = FlatBatches::new(Batches::all(ds, kind).with_chunk(3)).exploding_evidence();
        let mut got = 0;
        let mut refused = false;
        for b in exploded {
            match b {
                Ok(b) => got += b.num_rows(),
                Err(e) => {
                    let e = e.to_string();
                    assert!(e.contains(EXPLODE_LIMIT), "{kind} exploded: {e}");
                    refused = true;
                    break;
                }
            }
        }
        if !refused {
            assert_eq!(
                got,
                flat_row_count(ds, kind, &rows, true),
                "{kind} exploded rows"
            );
        }

        write_csv(FlatBatches::new(Batches::all(ds, kind)), sink())
            .unwrap_or_else(|e| panic!("{kind} csv: {e}"));
    }

    // The JSON Lines export is a record file the loader reads back, beside the same seed.
    let mut lines = Vec::new();
    write_jsonl(ds.records(), &mut lines).expect("writing to memory");
    let text = String::from_utf8(lines).expect("JSON Lines are UTF-8");
    // The seed as the first load had it (a dataset that loaded had its seed listed, if any).
    let seed = super::seed_of(data);
    let seeds: Vec<(&str, &[u8])> = seed.map(|s| (super::SEED_FILE, s)).into_iter().collect();
    let manifest = seed.map(super::manifest_for_seed);
    let back = syriatalks::from_parts(&[("export.jsonl", &text)], &seeds, manifest.as_deref())
        .unwrap_or_else(|e| panic!("the JSON Lines export does not load back: {e}\n{text}"));
    assert_eq!(
        back.counts(),
        ds.counts(),
        "the JSON Lines export lost records"
    );
    assert_eq!(
        back.to_json(),
        ds.to_json(),
        "the JSON Lines export changed a record"
    );
}
