//! `data/seeds/SOURCES.md` states only what the texts and their metadata say: every seed has a
//! section naming its record, title and (when the metadata has them) outlet, author and address,
//! and every rights or credit line it quotes is in that seed's text, byte for byte.

use syriatalks::{embedded, SOURCES_NOTICE};

/// The section of the notice about one seed file: from its heading to the next.
fn section<'a>(notice: &'a str, file: &str) -> &'a str {
    let head = format!("## `{file}`");
    let start = notice
        .find(&head)
        .unwrap_or_else(|| panic!("SOURCES.md has no section {head}"));
    let rest = &notice[start + head.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn every_seed_has_its_section_and_every_quoted_line_is_in_its_text() {
    let ds = embedded();
    assert_eq!(
        SOURCES_NOTICE.matches("\n## `").count(),
        ds.sources().len(),
        "one section per seed"
    );
    for s in ds.sources() {
        let sec = section(SOURCES_NOTICE, &s.file);
        assert!(
            sec.contains(&format!("`{}`", s.id)),
            "{}: record id",
            s.file
        );
        assert!(sec.contains(&s.title.value), "{}: title", s.file);
        for (what, v) in [("outlet", &s.outlet), ("author", &s.author)] {
            if let Some(v) = v {
                assert!(sec.contains(&v.value), "{}: {what} {}", s.file, v.value);
            }
        }
        if let Some(url) = &s.url {
            assert!(sec.contains(url.as_str()), "{}: url", s.file);
        } else {
            assert!(
                sec.contains("no address is given"),
                "{}: an address the metadata lacks",
                s.file
            );
        }
        // Rights and credit lines are quoted in backticks: each must be the text's own words.
        let rights = sec
            .lines()
            .find(|l| l.contains("**Rights line"))
            .unwrap_or_else(|| panic!("{}: no rights line entry", s.file));
        for quoted in rights.split('`').skip(1).step_by(2) {
            assert!(
                s.text.contains(quoted),
                "{}: `{quoted}` is not in the text",
                s.file
            );
        }
    }
    for term in [
        "verbatim and unmodified",
        "remain with their publishers",
        "The code licence does not cover them",
    ] {
        assert!(SOURCES_NOTICE.contains(term), "{term}");
    }
}
