//! The Markdown reference of every table, generated from the schemas and their field docs.

use std::fmt::Write;

use arrow_schema::{DataType, Field};
use syriatalks::RecordKind;

use crate::column::DOC_KEY;
use crate::schema::schema;

/// A short, readable name of an Arrow type: `dictionary<utf8>`, `list<struct<…>>`.
pub fn type_name(dt: &DataType) -> String {
    match dt {
        DataType::Utf8 => "utf8".into(),
        DataType::Date32 => "date32".into(),
        DataType::UInt32 => "uint32".into(),
        DataType::UInt64 => "uint64".into(),
        DataType::Float64 => "float64".into(),
        DataType::Dictionary(k, v) => format!("dictionary<{}, {}>", type_name(k), type_name(v)),
        DataType::Int32 => "int32".into(),
        DataType::Int64 => "int64".into(),
        DataType::List(item) => format!("list<{}>", type_name(item.data_type())),
        DataType::Struct(fs) => {
            let names: Vec<&str> = fs.iter().map(|f| f.name().as_str()).collect();
            format!("struct<{}>", names.join(", "))
        }
        other => other.to_string(),
    }
}

fn rows(out: &mut String, prefix: &str, f: &Field) {
    let doc = f.metadata().get(DOC_KEY).map_or("", String::as_str);
    let _ = writeln!(
        out,
        "| `{prefix}{}` | `{}` | {} | {} |",
        f.name(),
        type_name(f.data_type()),
        if f.is_nullable() { "yes" } else { "no" },
        doc.replace('|', "\\|")
    );
    let children = match f.data_type() {
        DataType::List(item) => match item.data_type() {
            DataType::Struct(fs) => Some(fs),
            _ => None,
        },
        DataType::Struct(fs) => Some(fs),
        _ => None,
    };
    if let Some(fs) = children {
        for c in fs {
            rows(out, &format!("{prefix}{}[].", f.name()), c);
        }
    }
}

/// The text of `docs/TABLES.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "<!-- Generated from crates/syriatalks-tables (the schemas and their field docs). Do not edit:\n     run `ST_BLESS=1 cargo test -p syriatalks-tables --test docs` after changing a schema. -->\n\n# Tables\n\n\
One Arrow table per record type, the same from Rust (`syriatalks_tables::Batches`), the CLI\n\
(`syriatalks export --format csv|parquet`), C (`st_query_arrow`) and Python (`to_arrow`).\n\n\
- Ids and vocabulary words are dictionary-encoded strings; lists of ids are lists of them. The\n  dictionary of a vocabulary column (kinds, roles, measures, precision, basis…) holds every word\n  of the vocabulary in its declared order, used or not, so categoricals, enums and factors built\n  from it know every level.\n\
- `date` is EDTF (ISO 8601-2): the partial date as written (`2017`, `2017-09`, `2017-09-14`), then\n  `~` when the text says *about* (approximate), `?` when the date is *inferred* (uncertain), `%`\n  for both; a record with a stated end gives an interval `start/end`. The qualifiers *early*, *mid*\n  and *late* narrow a date rather than soften it and add no mark; `date_qualifier` keeps them.\n\
- `date_first`/`date_last` are the days the stated date covers; `days_first`/`days_last` are the\n  days the record can have happened once its anchors (`during`, `after`, `before`, derivations)\n  are applied: the days date filters compare (`Dataset::days`).\n\
- `evidence` lists every evidence entry, `start`/`end` being UTF-8 byte offsets into the source\n  text; `source`, `quote`, `quote_start`, `quote_end` repeat the first entry, flat, for citing\n  (the record's own first entry, else its first nested one: a role's, a delegation's, a date's).\n\
- CSV files and pandas frames (`to_dataframe`) hold the *flat form* of these tables, described\n  at the end.\n\
- Parquet with `--partition year`: `DIR/<type>/year=YYYY/part-0.parquet`, the year of the first\n  anchored day (`days_first`); records without one go to `year=__HIVE_DEFAULT_PARTITION__`,\n  which Hive, Spark and DuckDB read as a null year.\n\
- Other words the loader locates carry their source and UTF-8 byte offsets the same way: a\n  date's quote (`date_quote_source`, `date_quote_start`, `date_quote_end`), a source's title,\n  outlet and author (`title_quote`, `title_quote_start`…), the number a figure's bounds come from\n  (`number_evidence`, `number_source`, `number_start`, `number_end`). `occurrence` columns give\n  which occurrence of repeated words the data picks (from 1); null when it picks none (the words\n  then occur once).\n\
- Every field of the model is a column except two, on purpose. A source's text is not a column (it\n  is the seed file `file`, and evidence offsets index into it). A record's secondary dates (an\n  event's `until`, a round's end, a figure's `period` beside its `as_of`, a role's `as_of`) are\n  given in EDTF, which keeps their precision and the *about* and *inferred* marks, and the end\n  also bounds `date_last`; their quote, derivation and note are left to the JSON and JSON Lines\n  exports, as a dozen more mostly empty columns each would bury the main date's.\n",
    );
    for kind in RecordKind::ALL {
        let s = schema(*kind);
        let _ = write!(
            out,
            "\n## {kind}\n\n| column | Arrow type | nullable | meaning |\n| --- | --- | --- | --- |\n"
        );
        for f in s.fields() {
            rows(&mut out, "", f);
        }
    }
    #[cfg(feature = "flat")]
    flat_section(&mut out);
    out
}

#[cfg(feature = "flat")]
fn flat_section(out: &mut String) {
    out.push_str(
        "\n## The flat form: CSV and pandas\n\n\
`syriatalks export --format csv`, Python's `to_dataframe` and Rust's\n\
`syriatalks_tables::FlatBatches` give every table above in a flat form, every cell a scalar and\n\
every row citable on its own:\n\n\
- dictionary columns stay dictionaries (pandas categoricals with every vocabulary word as a\n  category; CSV writes the word);\n\
- a list of ids or names becomes one string, joined with `\"; \"`, null when the list is empty\n  (`claimed_by` writes `(the article)`: an empty list there means the article's own voice);\n\
- a list of structs (`evidence`, `roles`, `delegations`, `actors`…) becomes a JSON array of objects;\n\
- dates stay days (`date32`; `datetime64` in pandas);\n\
- the columns below are added: `label` after `id`, the others after `quote_end` (the source\n  table, which has no evidence list, gets only `label`).\n\n\
Exploded (`to_dataframe(…, explode_evidence=True)`, `FlatBatches::exploding_evidence`), a record\n\
has one row per evidence entry, its own first, then the nested ones; `source`, `quote`,\n\
`quote_start`, `quote_end` and the `source_…` columns cite that entry, and the `evidence` list and\n\
`all_sources` are left out (each row cites its own entry). A record without evidence keeps one row.\n\
Every other cell is repeated on each of a record's rows, so a record whose rows would hold more\n\
than `MAX_EXPLODED_RECORD_BYTES` (16 MiB) of text (its own cells on every row, and each entry's\n\
source's title, outlet, date and address) is an error naming it; read it unexploded.\n\n\
| column | Arrow type | nullable | meaning |\n| --- | --- | --- | --- |\n",
    );
    for f in crate::flat::added_fields() {
        rows(out, "", &f);
    }
}
