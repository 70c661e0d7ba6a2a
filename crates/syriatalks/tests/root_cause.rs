//! A missing record is one root cause: however many records refer to it, it is reported once,
//! with a count of the references not reported again (a record file validated away from its
//! folder used to report one problem per reference).

mod common;

use common::{load_with, replace_once};
use syriatalks::ProblemKind;

#[test]
fn an_id_no_record_has_is_reported_once_with_a_count() {
    let e = load_with(|r| replace_once(r, "id = \"fx\"", "id = \"fx-renamed\"")).unwrap_err();
    let about_fx: Vec<_> = e
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::UnknownReference && p.message.contains("`fx`"))
        .collect();
    assert_eq!(about_fx.len(), 1, "{e}");
    let references = common::RECORDS.matches("\"fx\"").count() - 1; // less the renamed id itself
    assert!(references > 2, "the fixture refers to its source often");
    assert!(
        about_fx[0].message.ends_with(&format!(
            "({} more references to it not reported again)",
            references - 1
        )),
        "{}",
        about_fx[0]
    );
}
