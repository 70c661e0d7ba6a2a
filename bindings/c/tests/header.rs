//! The committed header must equal a fresh generation from the source. Regenerate it with
//! `ST_BLESS=1 cargo test -p syriatalks-c --test header`.

use std::path::Path;

#[test]
fn committed_header_is_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config =
        cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml parses");
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .expect("cbindgen generates the header");
    let mut fresh = Vec::new();
    bindings.write(&mut fresh);
    let fresh = String::from_utf8(fresh).expect("the header is UTF-8");
    let path = dir.join("include/syriatalks.h");
    if std::env::var_os("ST_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("include/syriatalks.h is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "bindings/c/include/syriatalks.h is stale: regenerate it with `ST_BLESS=1 cargo test -p syriatalks-c --test header` and commit it"
    );
}
