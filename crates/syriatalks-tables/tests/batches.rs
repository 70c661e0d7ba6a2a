//! The batches hold the record API's values, for every record type of the embedded data.

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowPrimitiveType, Date32Type, Int32Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader};
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
    let mut occurrences_given = 0;
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
            let occurrences = item.column_by_name("occurrence").unwrap();
            for (j, e) in ev.iter().enumerate() {
                assert_eq!(
                    opt::<UInt64Type>(occurrences, j),
                    e.occurrence.map(|k| k as u64),
                    "{}",
                    r.id()
                );
                occurrences_given += usize::from(e.occurrence.is_some());
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
    assert!(
        occurrences_given > 0,
        "the embedded data picks an occurrence of a repeated quote somewhere"
    );
}

/// The value of row `i` of a primitive column, `None` when null.
fn opt<P: ArrowPrimitiveType>(a: &ArrayRef, i: usize) -> Option<P::Native> {
    let a = a.as_primitive::<P>();
    a.is_valid(i).then(|| a.value(i))
}

/// Asserts that a column of quote starts and ends holds `span` at row `i`, and that the span cuts
/// `quote` out of the text of source `source`.
fn assert_cites(
    ds: &Dataset,
    b: &RecordBatch,
    prefix: &str,
    i: usize,
    cited: Option<&syriatalks::Evidence>,
) {
    let start = opt::<UInt64Type>(col(b, &format!("{prefix}_start")), i);
    let end = opt::<UInt64Type>(col(b, &format!("{prefix}_end")), i);
    let quote = strings(col(b, prefix)).swap_remove(i);
    assert_eq!(
        quote.as_deref(),
        cited.map(|e| e.quote.as_str()),
        "{prefix}"
    );
    let Some(e) = cited else {
        assert_eq!((start, end), (None, None), "{prefix}");
        return;
    };
    let span = e.span.expect("the loader places every citation");
    assert_eq!(
        (start, end),
        (Some(span.start as u64), Some(span.end as u64))
    );
    let text = &ds.source(&e.source).unwrap().text;
    assert_eq!(span.slice(text), Some(e.quote.as_str()), "{prefix}");
}

#[test]
fn derivations_and_date_quotes_match_the_record_api() {
    let ds = syriatalks::embedded();
    let (mut derived, mut weekdays, mut years, mut cited) = (0, 0, 0, 0);
    for kind in RecordKind::ALL {
        let b = one_batch(ds, *kind);
        if b.column_by_name("date").is_none() {
            continue;
        }
        let from = strings(col(&b, "date_derived_from"));
        let weekday = strings(col(&b, "date_derived_weekday"));
        let relation = strings(col(&b, "date_derived_relation"));
        let sources = strings(col(&b, "date_quote_source"));
        let recs: Vec<_> = ds.records().filter(|r| r.kind() == *kind).collect();
        for (i, r) in recs.iter().enumerate() {
            let d = r.date();
            let der = d.and_then(|d| d.derivation.as_ref());
            assert_eq!(
                from[i].as_deref(),
                der.map(|x| x.from.as_str()),
                "{}",
                r.id()
            );
            assert_eq!(
                opt::<Int64Type>(col(&b, "date_derived_days"), i),
                der.and_then(|x| x.days),
                "{}",
                r.id()
            );
            assert_eq!(
                opt::<Int32Type>(col(&b, "date_derived_years"), i),
                der.and_then(|x| x.years),
                "{}",
                r.id()
            );
            assert_eq!(
                weekday[i].as_deref(),
                der.and_then(|x| x.weekday)
                    .map(syriatalks::date::weekday_name)
            );
            assert_eq!(
                relation[i].as_deref(),
                der.and_then(|x| x.relation).map(|x| x.as_str())
            );
            // The columns recompute the date: the derivation applied to its anchor's date.
            if let (Some(d), Some(x)) = (d, der) {
                derived += 1;
                weekdays += usize::from(x.weekday.is_some());
                years += usize::from(x.years.is_some());
                let anchor = ds.get(&x.from).and_then(|a| a.date()).unwrap();
                assert_eq!(x.apply(anchor.value), Ok(d.value), "{}", r.id());
            }
            let c = d.and_then(|d| d.cited.as_ref());
            cited += usize::from(c.is_some());
            assert_eq!(sources[i].as_deref(), c.map(|e| e.source.as_str()));
            assert_cites(ds, &b, "date_quote", i, c);
        }
    }
    assert!(derived > 0 && weekdays > 0 && years > 0 && cited > 0);
}

#[test]
fn a_sources_title_outlet_and_author_carry_their_citations() {
    let ds = syriatalks::embedded();
    let b = one_batch(ds, RecordKind::Source);
    let mut spans = 0;
    for (i, s) in ds.sources().iter().enumerate() {
        for (what, a) in [
            ("title", Some(&s.title)),
            ("outlet", s.outlet.as_ref()),
            ("author", s.author.as_ref()),
        ] {
            assert_eq!(
                strings(col(&b, &format!("{what}_basis")))[i].as_deref(),
                a.map(|a| a.basis.as_str()),
                "{} {what}",
                s.id
            );
            assert_eq!(
                strings(col(&b, &format!("{what}_note")))[i],
                a.and_then(|a| a.note.clone())
            );
            assert_eq!(
                opt::<UInt64Type>(col(&b, &format!("{what}_occurrence")), i),
                a.and_then(|a| a.occurrence).map(|k| k as u64)
            );
            let cited = a.and_then(|a| a.cited.as_ref());
            if let Some(e) = cited {
                assert_eq!(e.source, s.id, "a source cites its own text");
                spans += 1;
            }
            assert_cites(ds, &b, &format!("{what}_quote"), i, cited);
        }
    }
    assert!(spans > ds.sources().len(), "titles and more are cited");
}

#[test]
fn a_figures_number_is_located_in_its_evidence() {
    let ds = syriatalks::embedded();
    let b = one_batch(ds, RecordKind::Figure);
    let sources = strings(col(&b, "number_source"));
    let mut located = 0;
    for (i, f) in ds.figures().iter().enumerate() {
        let k = opt::<UInt64Type>(col(&b, "number_evidence"), i);
        assert_eq!(k, f.number_evidence.map(|k| k as u64), "{}", f.id);
        let start = opt::<UInt64Type>(col(&b, "number_start"), i);
        let end = opt::<UInt64Type>(col(&b, "number_end"), i);
        assert_eq!(
            (start, end),
            (
                f.number_span.map(|s| s.start as u64),
                f.number_span.map(|s| s.end as u64)
            )
        );
        let Some(k) = k else { continue };
        let e = &f.evidence[k as usize];
        assert_eq!(sources[i].as_deref(), Some(e.source.as_str()));
        let text = &ds.source(&e.source).unwrap().text;
        let (start, end) = (start.unwrap() as usize, end.unwrap() as usize);
        assert_eq!(text.get(start..end), Some(f.text.as_str()), "{}", f.id);
        let quote = e.span.unwrap();
        assert!(quote.start <= start && end <= quote.end, "inside the quote");
        located += 1;
    }
    assert!(located > 0);
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
