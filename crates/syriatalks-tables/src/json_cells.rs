//! Lists of structs (evidence, roles, delegations…) written as JSON text, one cell per row, for
//! the flat form. The column is taken apart once (dictionaries cast to strings, children found),
//! then each cell is written by walking offsets, so a million rows cost no per-cell allocation
//! beyond the text itself.

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, StringArray};
use arrow_cast::cast;
use arrow_schema::{ArrowError, DataType};

/// A column ready to write: strings and numbers as they are, anything else (dictionaries, dates)
/// cast to strings once; a struct's children with their names already escaped.
struct Node {
    array: ArrayRef,
    children: Vec<(Vec<u8>, Node)>,
}

fn prepare(a: &ArrayRef) -> Result<Node, ArrowError> {
    let (array, children) = match a.data_type() {
        DataType::Struct(fields) => {
            let st = a.as_struct();
            let mut children = Vec::with_capacity(fields.len());
            for (f, c) in fields.iter().zip(st.columns()) {
                let name = serde_json::to_vec(f.name()).expect("a string serializes");
                children.push((name, prepare(c)?));
            }
            (a.clone(), children)
        }
        DataType::List(_) => {
            let values = a.as_list::<i32>().values().clone();
            (a.clone(), vec![(Vec::new(), prepare(&values)?)])
        }
        DataType::Utf8
        | DataType::UInt32
        | DataType::UInt64
        | DataType::Int32
        | DataType::Int64
        | DataType::Float64 => (a.clone(), Vec::new()),
        _ => (cast(a, &DataType::Utf8)?, Vec::new()),
    };
    Ok(Node { array, children })
}

fn write(node: &Node, row: usize, s: &mut Vec<u8>) {
    let a = &node.array;
    if a.is_null(row) {
        s.extend_from_slice(b"null");
        return;
    }
    match a.data_type() {
        DataType::Struct(_) => {
            s.push(b'{');
            for (k, (name, child)) in node.children.iter().enumerate() {
                if k > 0 {
                    s.push(b',');
                }
                s.extend_from_slice(name);
                s.push(b':');
                write(child, row, s);
            }
            s.push(b'}');
        }
        DataType::List(_) => write_items(node, row, s),
        DataType::Utf8 => {
            serde_json::to_writer(&mut *s, a.as_string::<i32>().value(row))
                .expect("a string serializes into memory");
        }
        DataType::UInt32 => push_display(s, a.as_primitive::<UInt32Type>().value(row)),
        DataType::UInt64 => push_display(s, a.as_primitive::<UInt64Type>().value(row)),
        DataType::Int32 => push_display(s, a.as_primitive::<Int32Type>().value(row)),
        DataType::Int64 => push_display(s, a.as_primitive::<Int64Type>().value(row)),
        DataType::Float64 => {
            let x = a.as_primitive::<Float64Type>().value(row);
            if x.is_finite() {
                push_display(s, x);
            } else {
                s.extend_from_slice(b"null");
            }
        }
        _ => unreachable!("prepare cast every other type to strings"),
    }
}

/// The items of a list node's row `row`, as a JSON array.
fn write_items(node: &Node, row: usize, s: &mut Vec<u8>) {
    let offsets = node.array.as_list::<i32>().value_offsets();
    let item = &node.children[0].1;
    s.push(b'[');
    for (k, j) in (offsets[row] as usize..offsets[row + 1] as usize).enumerate() {
        if k > 0 {
            s.push(b',');
        }
        write(item, j, s);
    }
    s.push(b']');
}

fn push_display(s: &mut Vec<u8>, x: impl std::fmt::Display) {
    use std::io::Write;
    write!(s, "{x}").expect("writing into memory cannot fail");
}

/// Each row of a list column as a JSON array (of objects, for a list of structs); a null list
/// stays null.
pub(crate) fn json_cells(c: &ArrayRef) -> Result<StringArray, ArrowError> {
    let node = prepare(c)?;
    let mut out = StringBuilder::with_capacity(c.len(), c.len() * 64);
    let mut cell = Vec::new();
    for i in 0..c.len() {
        if c.is_null(i) {
            out.append_null();
            continue;
        }
        cell.clear();
        write_items(&node, i, &mut cell);
        // serde_json writes valid UTF-8 escapes of valid UTF-8 strings.
        out.append_value(
            std::str::from_utf8(&cell).map_err(|e| ArrowError::ExternalError(Box::new(e)))?,
        );
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringDictionaryBuilder};
    use arrow_array::{StructArray, UInt64Array};
    use arrow_schema::Field;

    #[test]
    fn cells_are_json_that_reads_back_to_the_values() {
        // A list of structs {source: dictionary, quote: utf8, start: u64 nullable} over 3 rows:
        // two entries, none, one with a quote that needs escaping.
        let mut src = StringDictionaryBuilder::<Int32Type>::new();
        for v in ["a", "b", "a"] {
            src.append_value(v);
        }
        let src: ArrayRef = Arc::new(src.finish());
        let quote: ArrayRef = Arc::new(StringArray::from(vec![
            "plain",
            "tab\there",
            "\"quoted\" \\ and \u{1} and é",
        ]));
        let start: ArrayRef = Arc::new(UInt64Array::from(vec![Some(1), None, Some(3)]));
        let fields = vec![
            Field::new("source", src.data_type().clone(), false),
            Field::new("quote", DataType::Utf8, false),
            Field::new("start", DataType::UInt64, true),
        ];
        let st = StructArray::new(fields.clone().into(), vec![src, quote, start], None);
        let item = Arc::new(Field::new("item", st.data_type().clone(), false));
        let list = arrow_array::ListArray::new(
            item,
            arrow_buffer::OffsetBuffer::from_lengths([2, 0, 1]),
            Arc::new(st),
            None,
        );
        let cells = json_cells(&(Arc::new(list) as ArrayRef)).unwrap();
        let parsed: Vec<serde_json::Value> = cells
            .iter()
            .map(|c| serde_json::from_str(c.unwrap()).unwrap())
            .collect();
        assert_eq!(
            parsed,
            vec![
                serde_json::json!([{"source": "a", "quote": "plain", "start": 1}, {"source": "b", "quote": "tab\there", "start": null}]),
                serde_json::json!([]),
                serde_json::json!([{"source": "a", "quote": "\"quoted\" \\ and \u{1} and é", "start": 3}]),
            ]
        );
        // A plain list of strings is an array of strings; a null list stays null.
        let mut b = ListBuilder::new(arrow_array::builder::StringBuilder::new());
        b.values().append_value("x");
        b.append(true);
        b.append(false);
        let cells = json_cells(&(Arc::new(b.finish()) as ArrayRef)).unwrap();
        assert_eq!(cells.value(0), "[\"x\"]");
        assert!(cells.is_null(1));
    }
}
