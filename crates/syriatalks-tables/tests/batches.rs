//! The batches hold the record API's values, for every record type of the embedded data.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, UInt64Type};
use arrow_array::{Array, RecordBatch, RecordBatchReader};
use common::{col, strings};
use syriatalks::{Dataset, Filter, RecordKind, RecordRef};
use syriatalks_tables::{date32, edtf, schema, Batches, DOC_KEY};

fn one_batch(ds: &Dataset, kind: RecordKind) -> RecordBatch {
    let mut it = Batches::all(ds, kind);
    let b = it.next().unwrap().unwrap();
    assert!(it.next().is_none(), "the embedded data fits one chunk");
    b
}

#[test]
fn every_type_has_a_documented_schema_its_batches_follow() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        let s = schema(*kind);
        assert_eq!(s.field(0).name(), "id", "{kind}");
        for f in s.fields() {
            let doc = f.metadata().get(DOC_KEY).map_or("", String::as_str);
            assert!(!doc.is_empty(), "{kind}.{} has no doc", f.name());
        }
        let b = one_batch(ds, *kind);
        assert_eq!(b.schema(), s);
        let n = ds.counts().into_iter().find(|(k, _)| k == kind).unwrap().1;
        assert_eq!(b.num_rows(), n, "{kind}");
        let ids: Vec<_> = ds
            .records()
            .filter(|r| r.kind() == *kind)
            .map(|r| Some(r.id().to_string()))
            .collect();
        assert_eq!(strings(col(&b, "id")), ids, "{kind}");
    }
}

#[test]
fn dates_and_anchored_days_match_the_record_api() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        let b = one_batch(ds, *kind);
        let Some(first) = b.column_by_name("days_first") else {
            assert!(
                matches!(kind, RecordKind::Actor | RecordKind::Place),
                "{kind} has dates"
            );
            continue;
        };
        let first = first.as_primitive::<Date32Type>();
        let last = col(&b, "days_last").as_primitive::<Date32Type>();
        let date_first = col(&b, "date_first").as_primitive::<Date32Type>();
        let edtfs = strings(col(&b, "date"));
        let basis = strings(col(&b, "date_basis"));
        let recs: Vec<_> = ds.records().filter(|r| r.kind() == *kind).collect();
        let mut dated = 0;
        for (i, r) in recs.iter().enumerate() {
            let days = ds.days(*r);
            assert_eq!(
                first.is_valid(i).then(|| first.value(i)),
                days.map(|d| date32(d.first)),
                "{}",
                r.id()
            );
            assert_eq!(
                last.is_valid(i).then(|| last.value(i)),
                days.map(|d| date32(d.last)),
                "{}",
                r.id()
            );
            assert_eq!(
                date_first.is_valid(i).then(|| date_first.value(i)),
                r.when().map(|d| date32(d.first))
            );
            assert_eq!(basis[i].as_deref(), r.date().map(|d| d.basis.as_str()));
            if let Some(d) = r.date() {
                dated += 1;
                assert!(
                    edtfs[i].as_deref().unwrap().starts_with(&edtf(d)),
                    "{}",
                    r.id()
                );
            }
        }
        if *kind == RecordKind::Event {
            assert!(dated > 0);
        }
    }
}

/// The record's own evidence, without that of its roles, delegations and the like.
fn own_evidence(r: RecordRef<'_>) -> &[syriatalks::Evidence] {
    match r {
        RecordRef::Source(_) => &[],
        RecordRef::Actor(x) => &x.evidence,
        RecordRef::Place(x) => &x.evidence,
        RecordRef::Round(x) => &x.evidence,
        RecordRef::Event(x) => &x.evidence,
        RecordRef::Figure(x) => &x.evidence,
        RecordRef::Quote(x) => &x.evidence,
        RecordRef::Position(x) => &x.evidence,
        RecordRef::Instrument(x) => &x.evidence,
    }
}

#[test]
fn evidence_lists_and_flat_columns_carry_the_spans() {
    let ds = syriatalks::embedded();
    for kind in RecordKind::ALL {
        if *kind == RecordKind::Source {
            continue;
        }
        let b = one_batch(ds, *kind);
        let list = col(&b, "evidence").as_list::<i32>();
        let qs = col(&b, "quote_start").as_primitive::<UInt64Type>();
        let sources = strings(col(&b, "source"));
        let recs: Vec<_> = ds.records().filter(|r| r.kind() == *kind).collect();
        for (i, r) in recs.iter().enumerate() {
            let ev = own_evidence(*r);
            let item = list.value(i);
            let item = item.as_struct();
            assert_eq!(item.len(), ev.len(), "{}", r.id());
            let starts = item
                .column_by_name("start")
                .unwrap()
                .as_primitive::<UInt64Type>();
            let ends = item
                .column_by_name("end")
                .unwrap()
                .as_primitive::<UInt64Type>();
            let quotes = strings(item.column_by_name("quote").unwrap());
            for (j, e) in ev.iter().enumerate() {
                let span = e.span.expect("the loader places every quote");
                assert_eq!(starts.value(j) as usize, span.start);
                assert_eq!(ends.value(j) as usize, span.end);
                assert_eq!(quotes[j].as_deref(), Some(e.quote.as_str()));
                let text = &ds.source(&e.source).unwrap().text;
                assert_eq!(
                    span.slice(text),
                    Some(e.quote.as_str()),
                    "the span cites the quote"
                );
            }
            assert_eq!(sources[i].as_deref(), ev.first().map(|e| e.source.as_str()));
            assert_eq!(
                qs.is_valid(i).then(|| qs.value(i) as usize),
                ev.first().and_then(|e| e.span).map(|s| s.start)
            );
        }
    }
}

#[test]
fn id_lists_match_the_record_api() {
    let ds = syriatalks::embedded();
    let b = one_batch(ds, RecordKind::Event);
    let actor_ids = col(&b, "actor_ids").as_list::<i32>();
    let places = col(&b, "places").as_list::<i32>();
    let actors = col(&b, "actors").as_list::<i32>();
    for (i, e) in ds.events().iter().enumerate() {
        let want: Vec<_> = e.actors.iter().map(|p| Some(p.actor.clone())).collect();
        assert_eq!(strings(&actor_ids.value(i)), want);
        let roles: Vec<_> = e
            .actors
            .iter()
            .map(|p| Some(p.role.as_str().to_string()))
            .collect();
        assert_eq!(
            strings(actors.value(i).as_struct().column_by_name("role").unwrap()),
            roles
        );
        let want: Vec<_> = e.places.iter().map(|p| Some(p.clone())).collect();
        assert_eq!(strings(&places.value(i)), want);
    }
    let b = one_batch(ds, RecordKind::Round);
    let dl = col(&b, "delegations").as_list::<i32>();
    for (i, r) in ds.rounds().iter().enumerate() {
        let d = dl.value(i);
        let parties = strings(d.as_struct().column_by_name("party").unwrap());
        let want: Vec<_> = r
            .delegations
            .iter()
            .map(|d| Some(d.party.clone()))
            .collect();
        assert_eq!(parties, want);
    }
    let b = one_batch(ds, RecordKind::Place);
    let lat = col(&b, "latitude").as_primitive::<arrow_array::types::Float64Type>();
    for (i, p) in ds.places().iter().enumerate() {
        assert_eq!(lat.is_valid(i).then(|| lat.value(i)), p.latitude);
    }
    let b = one_batch(ds, RecordKind::Figure);
    let high = col(&b, "high").as_primitive::<UInt64Type>();
    for (i, f) in ds.figures().iter().enumerate() {
        assert_eq!(high.is_valid(i).then(|| high.value(i)), f.high);
    }
}

#[test]
fn chunks_cover_every_row_once_in_order() {
    let ds = syriatalks::embedded();
    let reader = Batches::all(ds, RecordKind::Event).with_chunk(7);
    assert_eq!(reader.schema(), schema(RecordKind::Event));
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert_eq!(batches.len(), ds.events().len().div_ceil(7));
    assert!(batches.iter().all(|b| b.num_rows() <= 7));
    let ids: Vec<_> = batches.iter().flat_map(|b| strings(col(b, "id"))).collect();
    let want: Vec<_> = ds.events().iter().map(|e| Some(e.id.clone())).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_query_reader_keeps_what_the_query_keeps() {
    let ds = syriatalks::embedded();
    let actor = ds
        .events()
        .iter()
        .find_map(|e| e.actors.first())
        .unwrap()
        .actor
        .clone();
    let f = Filter::new().actor(actor.clone());
    let want: Vec<_> = ds
        .query(RecordKind::Event, &f)
        .unwrap()
        .iter()
        .map(|r| Some(r.id().to_string()))
        .collect();
    assert!(!want.is_empty());
    let b: Vec<RecordBatch> = Batches::query(ds, RecordKind::Event, &f)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let got: Vec<_> = b.iter().flat_map(|b| strings(col(b, "id"))).collect();
    assert_eq!(got, want);
    // Nothing kept: one empty batch with the columns.
    let none = Filter::new().text("zzzz-no-such-words-zzzz");
    let b: Vec<RecordBatch> = Batches::query(ds, RecordKind::Event, &none)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].num_rows(), 0);
    assert_eq!(b[0].schema(), schema(RecordKind::Event));
}

#[test]
fn an_owning_reader_is_send_and_static() {
    fn check<R: RecordBatchReader + Send + 'static>(_: &R) {}
    let ds = std::sync::Arc::new(syriatalks::embedded_owned().unwrap());
    check(&Batches::all(ds, RecordKind::Actor));
    check(&Batches::all(syriatalks::embedded(), RecordKind::Actor));
}

#[test]
fn edtf_marks_approximate_and_inferred_dates() {
    use syriatalks::{Basis, DateQualifier, DateValue, PartialDate};
    let mut d = DateValue::new(PartialDate::month(2017, 9).unwrap(), Basis::Stated);
    assert_eq!(edtf(&d), "2017-09");
    d.qualifier = Some(DateQualifier::About);
    assert_eq!(edtf(&d), "2017-09~");
    d.basis = Basis::Inferred;
    assert_eq!(edtf(&d), "2017-09%");
    d.qualifier = Some(DateQualifier::Early);
    assert_eq!(edtf(&d), "2017-09?");
}
