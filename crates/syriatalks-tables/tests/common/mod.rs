//! Helpers the table tests share: a column's cells as strings, a column by name.

use arrow_array::cast::AsArray;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_cast::cast;
use arrow_schema::DataType;

/// The cells of a column as strings (dictionaries, dates and numbers cast), nulls as `None`.
pub fn strings(a: &ArrayRef) -> Vec<Option<String>> {
    let a = cast(a, &DataType::Utf8).unwrap();
    a.as_string::<i32>()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect()
}

/// The column `name` of a batch; a test fails naming it when there is none.
pub fn col<'b>(b: &'b RecordBatch, name: &str) -> &'b ArrayRef {
    b.column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
}
