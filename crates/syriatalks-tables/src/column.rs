//! Column builders: each column is declared once, with its Arrow field (name, type, nullability,
//! documentation) and the function that fills it, so the schema and the arrays cannot disagree.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, PrimitiveBuilder, StringBuilder, StringDictionaryBuilder};
use arrow_array::types::{
    ArrowPrimitiveType, Date32Type, Float64Type, Int32Type, Int64Type, UInt32Type, UInt64Type,
};
use arrow_array::{ArrayRef, ListArray, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields};
use chrono::NaiveDate;
use syriatalks::Dataset;

/// The metadata key under which every field carries its documentation.
pub const DOC_KEY: &str = "doc";

/// The metadata key of a list column whose empty list means something the flat form must say in
/// words rather than leave as an empty cell (a figure without claimant is the article's own).
pub const FLAT_EMPTY_KEY: &str = "syriatalks.flat_empty";

type Build<T> = Box<dyn Fn(&Dataset, &[&T]) -> ArrayRef + Send + Sync>;

/// One column of a table of `T`: its field and how to fill it from rows of `T`.
pub(crate) struct Col<T> {
    pub field: Field,
    pub build: Build<T>,
}

pub(crate) fn field(name: &str, dt: DataType, nullable: bool, doc: &str) -> Field {
    Field::new(name, dt, nullable)
        .with_metadata(HashMap::from([(DOC_KEY.to_string(), doc.to_string())]))
}

pub(crate) fn dict_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

fn list_type(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, false)))
}

/// The days since 1970-01-01 that Arrow's `date32` stores.
pub fn date32(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch is a date");
    i32::try_from((d - epoch).num_days()).expect("years 1-9999 fit in date32")
}

impl<T: 'static> Col<T> {
    /// What the flat form writes for an empty list in this column, instead of a null.
    pub fn empty_in_flat_form(mut self, words: &str) -> Self {
        let mut meta = self.field.metadata().clone();
        meta.insert(FLAT_EMPTY_KEY.to_string(), words.to_string());
        self.field = self.field.with_metadata(meta);
        self
    }
    /// A nullable string.
    pub fn utf8(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<&str> + Send + Sync + 'static,
    ) -> Self {
        Self::utf8_with(name, doc, true, move |_, r| f(r))
    }
    /// A string every row has.
    pub fn utf8_req(name: &str, doc: &str, f: impl Fn(&T) -> &str + Send + Sync + 'static) -> Self {
        Self::utf8_with(name, doc, false, move |_, r| Some(f(r)))
    }
    /// A nullable string computed with the dataset at hand.
    pub fn utf8_with(
        name: &str,
        doc: &str,
        nullable: bool,
        f: impl for<'a> Fn(&'a Dataset, &'a T) -> Option<&'a str> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, DataType::Utf8, nullable, doc),
            build: Box::new(move |ds, rows| {
                let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
                for r in rows {
                    b.append_option(f(ds, r));
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A nullable string computed into an owned value (EDTF dates).
    pub fn utf8_owned(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, DataType::Utf8, true, doc),
            build: Box::new(move |_, rows| {
                let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 8);
                for r in rows {
                    b.append_option(f(r));
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A nullable dictionary-encoded string (ids, kind words).
    pub fn dict(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<&str> + Send + Sync + 'static,
    ) -> Self {
        Self::dict_with(name, doc, true, move |_, r| f(r))
    }
    /// A dictionary-encoded string every row has.
    pub fn dict_req(name: &str, doc: &str, f: impl Fn(&T) -> &str + Send + Sync + 'static) -> Self {
        Self::dict_with(name, doc, false, move |_, r| Some(f(r)))
    }
    /// A nullable word of a closed vocabulary: dictionary-encoded with every word of the
    /// vocabulary in its dictionary, in declaration order, used or not, so that pandas
    /// categoricals, polars enums and R factors know every level, in the same order in every
    /// batch and every file.
    pub fn vocab(
        name: &str,
        doc: &str,
        words: &'static [&'static str],
        f: impl Fn(&T) -> Option<&'static str> + Send + Sync + 'static,
    ) -> Self {
        Self::dict_seeded(name, doc, true, words, move |_, r| f(r))
    }
    /// A word of a closed vocabulary every row has (see [`Col::vocab`]).
    pub fn vocab_req(
        name: &str,
        doc: &str,
        words: &'static [&'static str],
        f: impl Fn(&T) -> &'static str + Send + Sync + 'static,
    ) -> Self {
        Self::dict_seeded(name, doc, false, words, move |_, r| Some(f(r)))
    }
    /// A dictionary-encoded string computed with the dataset at hand.
    pub fn dict_with(
        name: &str,
        doc: &str,
        nullable: bool,
        f: impl for<'a> Fn(&'a Dataset, &'a T) -> Option<&'a str> + Send + Sync + 'static,
    ) -> Self {
        Self::dict_seeded(name, doc, nullable, &[], f)
    }
    /// A dictionary-encoded string whose dictionary starts with `words` (then the values met).
    fn dict_seeded(
        name: &str,
        doc: &str,
        nullable: bool,
        words: &'static [&'static str],
        f: impl for<'a> Fn(&'a Dataset, &'a T) -> Option<&'a str> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, dict_type(), nullable, doc),
            build: Box::new(move |ds, rows| {
                let mut b = if words.is_empty() {
                    StringDictionaryBuilder::<Int32Type>::new()
                } else {
                    let seed = StringArray::from_iter_values(words.iter().copied());
                    StringDictionaryBuilder::<Int32Type>::new_with_dictionary(rows.len(), &seed)
                        .expect("a vocabulary's words are distinct and fit an int32 key")
                };
                for r in rows {
                    match f(ds, r) {
                        Some(s) => {
                            b.append_value(s);
                        }
                        None => b.append_null(),
                    }
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A column of one primitive Arrow type, filled from the dataset and each row.
    fn primitive<P: ArrowPrimitiveType>(
        name: &str,
        doc: &str,
        nullable: bool,
        f: impl Fn(&Dataset, &T) -> Option<P::Native> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, P::DATA_TYPE, nullable, doc),
            build: Box::new(move |ds, rows| {
                let mut b = PrimitiveBuilder::<P>::with_capacity(rows.len());
                for r in rows {
                    b.append_option(f(ds, r));
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A nullable day.
    pub fn date(
        name: &str,
        doc: &str,
        f: impl Fn(&Dataset, &T) -> Option<NaiveDate> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<Date32Type>(name, doc, true, move |ds, r| f(ds, r).map(date32))
    }
    /// A nullable unsigned 32-bit number.
    pub fn u32(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<u32> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<UInt32Type>(name, doc, true, move |_, r| f(r))
    }
    /// An unsigned 64-bit number, nullable or not.
    pub fn u64(
        name: &str,
        doc: &str,
        nullable: bool,
        f: impl Fn(&T) -> Option<u64> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<UInt64Type>(name, doc, nullable, move |_, r| f(r))
    }
    /// A nullable signed 32-bit number.
    pub fn i32(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<i32> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<Int32Type>(name, doc, true, move |_, r| f(r))
    }
    /// A nullable signed 64-bit number.
    pub fn i64(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<i64> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<Int64Type>(name, doc, true, move |_, r| f(r))
    }
    /// A nullable float.
    pub fn f64(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Option<f64> + Send + Sync + 'static,
    ) -> Self {
        Self::primitive::<Float64Type>(name, doc, true, move |_, r| f(r))
    }
    /// A list of strings (aliases): never null, empty when there are none.
    pub fn list_utf8(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Vec<&str> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, list_type(DataType::Utf8), false, doc),
            build: Box::new(move |_, rows| {
                let mut b = ListBuilder::new(StringBuilder::new())
                    .with_field(Arc::new(Field::new("item", DataType::Utf8, false)));
                for r in rows {
                    for s in f(r) {
                        b.values().append_value(s);
                    }
                    b.append(true);
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A list of dictionary-encoded strings (ids): never null, empty when there are none.
    pub fn list_dict(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> Vec<&str> + Send + Sync + 'static,
    ) -> Self {
        Col {
            field: field(name, list_type(dict_type()), false, doc),
            build: Box::new(move |_, rows| {
                let mut b = ListBuilder::new(StringDictionaryBuilder::<Int32Type>::new())
                    .with_field(Arc::new(Field::new("item", dict_type(), false)));
                for r in rows {
                    for s in f(r) {
                        b.values().append_value(s);
                    }
                    b.append(true);
                }
                Arc::new(b.finish())
            }),
        }
    }
    /// A list of structs, one struct per item of `U`, its fields given by `cols`.
    pub fn list<U: 'static>(
        name: &str,
        doc: &str,
        f: impl Fn(&T) -> &[U] + Send + Sync + 'static,
        cols: Vec<Col<U>>,
    ) -> Self {
        let fields: Fields = cols.iter().map(|c| c.field.clone()).collect();
        let item = Arc::new(Field::new("item", DataType::Struct(fields.clone()), false));
        Col {
            field: field(name, DataType::List(item.clone()), false, doc),
            build: Box::new(move |ds, rows| {
                let mut lengths = Vec::with_capacity(rows.len());
                let mut items: Vec<&U> = Vec::new();
                for r in rows {
                    let xs = f(r);
                    lengths.push(xs.len());
                    items.extend(xs);
                }
                let arrays: Vec<ArrayRef> = cols.iter().map(|c| (c.build)(ds, &items)).collect();
                let values = StructArray::new(fields.clone(), arrays, None);
                Arc::new(ListArray::new(
                    item.clone(),
                    OffsetBuffer::from_lengths(lengths),
                    Arc::new(values),
                    None,
                ))
            }),
        }
    }
}
