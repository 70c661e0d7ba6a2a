//! The loader's own JSON Lines format (docs/DATA.md), so that an export loads back: one record per
//! line, `"type"` first, only the fields a record file may hold.

use std::io::Write;

use serde_json::{Map, Value};
use syriatalks::{RecordKind, RecordRef};

/// Fields the loader computes and refuses in a record file, by record type (top level).
fn computed(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Event => &["plover", "cameo_root"],
        RecordKind::Figure => &["low", "best", "high", "number_evidence", "number_span"],
        RecordKind::Source => &["sha256", "text"],
        _ => &[],
    }
}

/// Fields the loader computes wherever they appear: an evidence entry's `span`, a date's or an
/// attested title's `cited`.
const COMPUTED_ANYWHERE: [&str; 2] = ["span", "cited"];

fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for k in COMPUTED_ANYWHERE {
                m.remove(k);
            }
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip);
        }
        Value::Array(xs) => xs.iter_mut().for_each(strip),
        _ => {}
    }
}

/// One record as a JSON Lines line (without the newline).
pub fn jsonl_line(r: RecordRef<'_>) -> Result<String, serde_json::Error> {
    let kind = r.kind();
    let body = serde_json::to_value(syriatalks::RecordFields(r))?;
    let Value::Object(mut fields) = body else {
        unreachable!("a record serializes to an object")
    };
    for k in computed(kind) {
        fields.remove(*k);
    }
    let mut line = Map::with_capacity(fields.len() + 1);
    line.insert("type".into(), Value::String(kind.as_str().into()));
    line.extend(fields);
    let mut v = Value::Object(line);
    strip(&mut v);
    serde_json::to_string(&v)
}

/// Writes the records as JSON Lines, one at a time; returns how many.
pub fn write_jsonl<'a, W: Write>(
    records: impl IntoIterator<Item = RecordRef<'a>>,
    mut out: W,
) -> std::io::Result<usize> {
    let mut n = 0;
    for r in records {
        let line = jsonl_line(r).map_err(std::io::Error::other)?;
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}
