//! Citations of one record, for a bibliography: BibTeX or CSL-JSON, each naming the record id, the
//! data version, the evidence quote and the article it comes from (title, outlet, author, date,
//! seed file and byte span). Written once here; the CLI, Python and C return this text.

use serde_json::json;

use crate::dataset::Dataset;
use crate::vocab::vocab;

vocab!(
    /// A citation format.
    CiteStyle, "citation style" {
        /// A BibTeX `@misc` entry.
        Bibtex = "bibtex",
        /// A CSL-JSON array of one item (for Zotero, pandoc, citeproc).
        Csl = "csl",
    }
);

/// Who the data is by, as `CITATION.cff` names them.
pub const DATA_AUTHOR: &str = "syriatalks developers";

impl Dataset {
    /// The record with this id cited in a bibliography format: record id, data version, the first
    /// evidence quote and its source (or the external document the record rests on). A retired id
    /// cites its replacement and says so; `None` when no record has the id.
    ///
    /// ```
    /// use syriatalks::{embedded, CiteStyle};
    /// let bib = embedded().cite("geneva-iv-2017", CiteStyle::Bibtex).unwrap();
    /// assert!(bib.starts_with("@misc{syriatalks:geneva-iv-2017,"));
    /// assert!(bib.contains("On 23 February, the Syrian government"));
    /// ```
    pub fn cite(&self, id: &str, style: CiteStyle) -> Option<String> {
        let resolved = self.resolve_id(id)?;
        let r = resolved.record;
        let version = self.data_version().unwrap_or("(user dataset)");
        let year = self
            .data_version()
            .and_then(|v| v.split('.').next())
            .unwrap_or("");
        let label = r.label();
        let title = format!("syriatalks record `{}`: {label}", r.id());
        let mut notes = vec![format!("syriatalks data {version}, record `{}`", r.id())];
        if let Some(first) = resolved.retired.first() {
            notes.push(crate::retired::retirement_note(first));
        }
        if let Some(ev) = r.evidence().first() {
            let mut from = format!("evidence: “{}”", ev.quote);
            if let Some(s) = self.source(&ev.source) {
                from.push_str(&format!(" — {}", s.title.value));
                for part in [&s.outlet, &s.author].into_iter().flatten() {
                    from.push_str(&format!(", {}", part.value));
                }
                if let Some(d) = &s.published {
                    from.push_str(&format!(", {d}"));
                }
                if let Some(url) = &s.url {
                    from.push_str(&format!(", {url}"));
                }
                from.push_str(&format!(", seed `{}`", s.file));
            } else {
                from.push_str(&format!(" — source `{}`", ev.source));
            }
            if let Some(span) = ev.span {
                from.push_str(&format!(", bytes {}–{}", span.start, span.end));
            }
            notes.push(from);
        } else if let Some(x) = r.external().first() {
            let mut from = format!("external: {}", x.title);
            for part in [&x.reference, &x.url].into_iter().flatten() {
                from.push_str(&format!(", {part}"));
            }
            notes.push(from);
        }
        let note = notes.join("; ");
        Some(match style {
            CiteStyle::Bibtex => format!(
                "@misc{{syriatalks:{id},\n  title = {{{title}}},\n  author = {{{{{author}}}}},\n  year = {{{year}}},\n  version = {{{version}}},\n  howpublished = {{syriatalks data {version}}},\n  note = {{{note}}}\n}}\n",
                id = r.id(),
                title = bibtex_escape(&title),
                author = DATA_AUTHOR,
                version = bibtex_escape(version),
                note = bibtex_escape(&note),
            ),
            CiteStyle::Csl => {
                let mut item = json!({
                    "id": format!("syriatalks:{}", r.id()),
                    "type": "dataset",
                    "title": title,
                    "author": [{ "literal": DATA_AUTHOR }],
                    "version": version,
                    "publisher": "syriatalks",
                    "note": note,
                });
                if let Ok(y) = year.parse::<i32>() {
                    item["issued"] = json!({ "date-parts": [[y]] });
                }
                serde_json::to_string_pretty(&json!([item])).unwrap_or_default() + "\n"
            }
        })
    }
}

/// Escapes the characters BibTeX (and LaTeX under it) treat specially.
fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_escapes_what_latex_would_read() {
        assert_eq!(
            bibtex_escape("50% & {x}_1 #2 $3"),
            "50\\% \\& \\{x\\}\\_1 \\#2 \\$3"
        );
        assert_eq!(
            bibtex_escape("a\\b~c^"),
            "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}"
        );
    }

    #[test]
    fn both_styles_name_the_id_version_quote_and_source() {
        let ds = crate::embedded();
        for style in CiteStyle::ALL {
            let c = ds.cite("geneva-iv-2017", *style).unwrap();
            for part in [
                "geneva-iv-2017",
                crate::DATA_VERSION,
                "On 23 February, the Syrian government",
                "Syria: Latest Round of Peace Talks Between Government and Opposition Begin in Geneva",
                "RtoP Weekly",
                "d096729302f96f2b.txt",
            ] {
                assert!(c.contains(part), "{style}: {part} missing from\n{c}");
            }
        }
        let csl: serde_json::Value =
            serde_json::from_str(&ds.cite("geneva-iv-2017", CiteStyle::Csl).unwrap()).unwrap();
        assert_eq!(csl[0]["type"], "dataset");
        assert!(ds.cite("no-such-record", CiteStyle::Bibtex).is_none());
    }
}
