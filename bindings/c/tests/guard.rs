//! Every exported function must route its whole body through the panic guard: its body is exactly
//! one call to `guard(..)`, `guard_pure(..)` or `guard_value(.., ..)`, whose last argument is a
//! closure. This scans every source file, so a new `extern "C"` function without the guard (or
//! an export hidden in a nested module) fails the build's tests rather than a review.

use std::path::{Path, PathBuf};

const GUARDS: &[&str] = &["guard", "guard_pure", "guard_value"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn is_export_attr(a: &syn::Attribute) -> bool {
    let path = a.path();
    if path.is_ident("no_mangle") || path.is_ident("export_name") {
        return true;
    }
    // #[unsafe(no_mangle)] / #[unsafe(export_name = "..")]
    path.is_ident("unsafe")
        && a.meta.require_list().is_ok_and(|l| {
            l.tokens.to_string().contains("no_mangle")
                || l.tokens.to_string().contains("export_name")
        })
}

fn guarded(block: &syn::Block) -> Result<(), String> {
    let [stmt] = block.stmts.as_slice() else {
        return Err(format!(
            "has {} statements; its body must be exactly one guard call",
            block.stmts.len()
        ));
    };
    let syn::Stmt::Expr(syn::Expr::Call(call), None) = stmt else {
        return Err("its body is not a single guard call expression".into());
    };
    let syn::Expr::Path(p) = call.func.as_ref() else {
        return Err("calls something that is not a plain function path".into());
    };
    let name = p
        .path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    if !GUARDS.contains(&name.as_str()) || p.path.segments.len() != 1 {
        return Err(format!("calls `{name}` instead of one of {GUARDS:?}"));
    }
    match call.args.last() {
        Some(syn::Expr::Closure(_)) => Ok(()),
        Some(syn::Expr::Path(_)) if name == "guard_value" => Ok(()),
        _ => Err("the guard's last argument must be the body (a closure)".into()),
    }
}

fn check_items(
    items: &[syn::Item],
    file: &Path,
    exported: &mut Vec<String>,
    failures: &mut Vec<String>,
) {
    for item in items {
        match item {
            syn::Item::Fn(f) => {
                let is_extern = f.sig.abi.is_some();
                let is_exported = f.attrs.iter().any(is_export_attr);
                let name = f.sig.ident.to_string();
                if is_extern != is_exported {
                    failures.push(format!(
                        "{}: `{name}` must be both `extern \"C\"` and `#[no_mangle]`, or neither",
                        file.display()
                    ));
                }
                if is_extern || is_exported {
                    exported.push(name.clone());
                    if let Err(why) = guarded(&f.block) {
                        failures.push(format!("{}: `{name}` {why}", file.display()));
                    }
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, inner)) = &m.content {
                    check_items(inner, file, exported, failures);
                }
            }
            syn::Item::Impl(i) => {
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it {
                        if f.sig.abi.is_some() || f.attrs.iter().any(is_export_attr) {
                            failures.push(format!("{}: `{}` is exported from an impl block; export free functions only", file.display(), f.sig.ident));
                        }
                    }
                }
            }
            syn::Item::ForeignMod(_) | syn::Item::Macro(_) => {
                let text = quote_free(item);
                if text.contains("no_mangle") || text.contains("extern") {
                    failures.push(format!("{}: a macro or extern block may hide an export; write exports as plain functions", file.display()));
                }
            }
            _ => {}
        }
    }
}

fn quote_free(item: &syn::Item) -> String {
    match item {
        syn::Item::Macro(m) => m.mac.tokens.to_string(),
        syn::Item::ForeignMod(_) => "extern".into(),
        _ => String::new(),
    }
}

#[test]
fn every_export_goes_through_the_guard() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut exported = Vec::new();
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source is readable");
        // A crude second net under the parser: every textual export marker must belong to a
        // function the parser saw.
        let markers =
            text.matches("#[no_mangle]").count() + text.matches("#[unsafe(no_mangle)]").count();
        let ast = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        let before = exported.len();
        check_items(&ast.items, file, &mut exported, &mut failures);
        if markers != exported.len() - before {
            failures.push(format!(
                "{}: {markers} `no_mangle` markers but {} exported functions found",
                file.display(),
                exported.len() - before
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "unguarded exports:\n  {}",
        failures.join("\n  ")
    );
    assert!(
        exported.len() >= 40,
        "only {} exports found: is the scan looking in the right place?",
        exported.len()
    );
    assert!(
        exported.iter().all(|n| n.starts_with("st_")),
        "every export is prefixed `st_`: {exported:?}"
    );
}

#[test]
fn every_export_is_in_the_header() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let header =
        std::fs::read_to_string(dir.join("include/syriatalks.h")).expect("header is readable");
    let mut files = Vec::new();
    rust_files(&dir.join("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is readable");
        let ast = syn::parse_file(&text).expect("source parses");
        for item in ast.items {
            if let syn::Item::Fn(f) = item {
                if f.sig.abi.is_some() {
                    let name = format!(" {}(", f.sig.ident);
                    assert!(
                        header.contains(&name) || header.contains(&format!("*{}(", f.sig.ident)),
                        "{} is not in the header",
                        f.sig.ident
                    );
                }
            }
        }
    }
}
