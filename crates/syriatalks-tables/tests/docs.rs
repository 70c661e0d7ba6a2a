//! docs/TABLES.md is generated from the schemas; a schema change without the docs fails here.
//! Regenerate with `ST_BLESS=1 cargo test -p syriatalks-tables --test docs`.

#[test]
fn tables_md_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/TABLES.md");
    let want = syriatalks_tables::docs_markdown();
    if std::env::var_os("ST_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "docs/TABLES.md is stale: run `ST_BLESS=1 cargo test -p syriatalks-tables --test docs`"
    );
}
