//! The site as files: every record has its page, every article page carries the article's text
//! verbatim with every evidence span of the export marked, and nothing points off the site.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

fn pages() -> HashMap<String, String> {
    let ds = syriatalks::embedded();
    let exclusions = syriatalks::audit::embedded_exclusions().unwrap();
    syriatalks_site::build(ds, &exclusions)
        .unwrap()
        .into_iter()
        .map(|p| (p.path, p.content))
        .collect()
}

/// The text of an HTML fragment: tags dropped, the five escapes undone.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn article_html(page: &str) -> &str {
    let start = page.find("id=\"article-text\"").unwrap();
    let start = start + page[start..].find('>').unwrap() + 1;
    let end = start + page[start..].find("</div><aside>").unwrap();
    &page[start..end]
}

/// Every (source, start, end) the export lists, wherever in a record it is.
fn export_spans(v: &Value, out: &mut BTreeSet<(String, u64, u64)>) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(s)), Some(_), Some(span)) =
                (o.get("source"), o.get("quote"), o.get("span"))
            {
                out.insert((
                    s.clone(),
                    span["start"].as_u64().unwrap(),
                    span["end"].as_u64().unwrap(),
                ));
            }
            o.values().for_each(|x| export_spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| export_spans(x, out)),
        _ => {}
    }
}

#[test]
fn every_record_has_a_page_and_every_article_its_text_with_every_span() {
    let ds = syriatalks::embedded();
    let pages = pages();
    for r in ds.records() {
        let path = if r.kind() == syriatalks::RecordKind::Source {
            format!("articles/{}.html", r.id())
        } else {
            format!("records/{}.html", r.id())
        };
        let page = pages.get(&path).unwrap_or_else(|| panic!("no {path}"));
        assert!(page.contains(&format!("data-id=\"{}\"", r.id())), "{path}");
    }
    let export: Value = serde_json::from_str(&ds.to_json()).unwrap();
    let mut spans = BTreeSet::new();
    export_spans(&export, &mut spans);
    for s in ds.sources() {
        let page = &pages[&format!("articles/{}.html", s.id)];
        let body = article_html(page);
        assert_eq!(text_of(body), s.text, "{}: the article is verbatim", s.id);
        for (_, a, b) in spans.iter().filter(|(src, _, _)| *src == s.id) {
            assert!(
                body.contains(&format!("id=\"b-{a}-{b}\"")),
                "{} {a}-{b}",
                s.id
            );
        }
        let anchors = body.matches("class=\"anchor\"").count();
        let expected = spans.iter().filter(|(src, _, _)| *src == s.id).count();
        assert_eq!(anchors, expected, "{}", s.id);
    }
}

#[test]
fn exclusions_are_shown_with_their_reasons() {
    let pages = pages();
    for ex in syriatalks::audit::embedded_exclusions().unwrap() {
        let page = &pages[&format!("articles/{}.html", ex.source)];
        let aside = &page[page.find("id=\"uncoded\"").unwrap()..];
        let reason = aside.contains(&text_escape(&ex.reason));
        assert!(reason, "{}: {}", ex.source, ex.text);
    }
}

fn text_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn nothing_is_loaded_or_linked_from_outside_the_site() {
    let pages = pages();
    for (path, content) in &pages {
        for bad in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            "url(http",
            "@import",
            "fetch(",
            "XMLHttpRequest",
        ] {
            assert!(!content.contains(bad), "{path} contains {bad}");
        }
        // Every local link and script names a file of the site.
        if path.ends_with(".html") {
            let dir = std::path::Path::new(&path).parent().unwrap().to_path_buf();
            for attr in ["href=\"", "src=\""] {
                for (i, _) in content.match_indices(attr) {
                    let rest = &content[i + attr.len()..];
                    let target = &rest[..rest.find('"').unwrap()];
                    let file = target.split(['#', '?']).next().unwrap();
                    if file.is_empty() {
                        continue;
                    }
                    let mut p = dir.clone();
                    for part in file.split('/') {
                        match part {
                            ".." => {
                                p.pop();
                            }
                            part => p.push(part),
                        }
                    }
                    let p = p.to_string_lossy().replace('\\', "/");
                    assert!(pages.contains_key(&p), "{path}: {target} → {p}");
                }
            }
        }
    }
}

#[test]
fn a_site_is_replaced_whole_and_a_foreign_folder_never() {
    let ds = syriatalks::embedded();
    let tmp = std::env::temp_dir().join(format!("syriatalks-site-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(tmp.join("mine")).unwrap();
    std::fs::write(tmp.join("mine/notes.txt"), "keep me").unwrap();
    let err = syriatalks_site::write(ds, &[], &tmp.join("mine")).unwrap_err();
    assert!(
        matches!(err, syriatalks_site::SiteError::NotASite(_)),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.join("mine/notes.txt")).unwrap(),
        "keep me"
    );
    let out = tmp.join("site");
    let first = syriatalks_site::write(ds, &[], &out).unwrap();
    std::fs::write(out.join("stale.html"), "old").unwrap();
    let second = syriatalks_site::write(ds, &[], &out).unwrap();
    assert_eq!(first.files, second.files);
    assert!(
        !out.join("stale.html").exists(),
        "a rewrite leaves no stale page"
    );
    assert!(out.join("index.html").is_file() && out.join(syriatalks_site::MARKER).is_file());
    std::fs::remove_dir_all(&tmp).unwrap();
}
