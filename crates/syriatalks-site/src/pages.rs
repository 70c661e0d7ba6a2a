//! The pages: rendered from the JSON export (so that a field added to the model shows up without
//! a change here), with the typed dataset used only for what the query API computes (the
//! timeline, which records each filter selects, labels).

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Map, Value};
use syriatalks::{audit::Exclusion, Dataset, Filter, RecordKind};

use crate::html::{esc, page, Nav};
use crate::{Page, SiteError};

const STYLE: &str = include_str!("../assets/style.css");
const TIMELINE_JS: &str = include_str!("../assets/timeline.js");
const SEARCH_JS: &str = include_str!("../assets/search.js");
const ARTICLE_JS: &str = include_str!("../assets/article.js");

/// A record of the export.
struct Rec<'a> {
    id: &'a str,
    /// Its type, singular ("event"), from the export array it is in.
    kind: String,
    label: String,
    value: &'a Map<String, Value>,
}

/// One evidence span of an article, and the records whose evidence it is.
struct Span {
    start: usize,
    end: usize,
    quote: String,
    records: Vec<usize>,
}

/// An audit exclusion placed in its article.
struct Excluded<'e> {
    start: usize,
    end: usize,
    exclusion: &'e Exclusion,
}

struct Ctx<'a> {
    ds: &'a Dataset,
    recs: Vec<Rec<'a>>,
    by_id: HashMap<&'a str, usize>,
    /// Record → the ids its fields mention, in order, without repeats.
    mentions: Vec<Vec<usize>>,
    /// Record → the records that mention it.
    mentioned_by: Vec<Vec<usize>>,
    footer: String,
}

/// Where a record's page is, from the site's folder.
fn href_of(kind: &str, id: &str) -> String {
    if kind == "source" {
        format!("articles/{id}.html")
    } else {
        format!("records/{id}.html")
    }
}

impl<'a> Ctx<'a> {
    fn new(ds: &'a Dataset, export: &'a Value) -> Ctx<'a> {
        let mut recs = Vec::new();
        if let Some(top) = export.as_object() {
            for (key, list) in top {
                let Some(list) = list.as_array() else {
                    continue;
                };
                let kind = key.strip_suffix('s').unwrap_or(key).to_string();
                for v in list {
                    let Some(obj) = v.as_object() else { continue };
                    let Some(id) = obj.get("id").and_then(Value::as_str) else {
                        continue;
                    };
                    let label = ds
                        .get(id)
                        .map(|r| r.label().to_string())
                        .unwrap_or_else(|| id.to_string());
                    recs.push(Rec {
                        id,
                        kind: kind.clone(),
                        label,
                        value: obj,
                    });
                }
            }
        }
        let mut by_id = HashMap::new();
        for (i, r) in recs.iter().enumerate() {
            by_id.entry(r.id).or_insert(i);
        }
        let mut mentions = Vec::with_capacity(recs.len());
        let mut mentioned_by = vec![Vec::new(); recs.len()];
        for (i, r) in recs.iter().enumerate() {
            let mut found = Vec::new();
            for (k, v) in r.value {
                if k != "id" && k != "text" && !VOCABULARY_FIELDS.contains(&k.as_str()) {
                    collect_ids(v, &by_id, &mut found);
                }
            }
            found.retain(|&j| j != i);
            let mut seen = std::collections::HashSet::new();
            found.retain(|j| seen.insert(*j));
            for &j in &found {
                mentioned_by[j].push(i);
            }
            mentions.push(found);
        }
        let footer = format!(
            "syriatalks {}{} · every highlighted word is the article's own; every record cites it.",
            syriatalks::VERSION,
            ds.data_version()
                .map(|v| format!(", data {}", esc(v)))
                .unwrap_or_else(|| ", user dataset".into())
        );
        Ctx {
            ds,
            recs,
            by_id,
            mentions,
            mentioned_by,
            footer,
        }
    }

    fn link(&self, i: usize, root: &str) -> String {
        let r = &self.recs[i];
        format!(
            "<a href=\"{root}{}\">{}</a>",
            href_of(&r.kind, r.id),
            esc(&r.label)
        )
    }

    fn source_title(&self, id: &str) -> String {
        self.ds
            .source(id)
            .map_or_else(|| id.to_string(), |s| s.title.value.clone())
    }

    /// A value of the export as HTML: ids become links, evidence a citation, dates their value
    /// with precision and basis; anything else its fields, so that new fields show as they come.
    fn value(&self, v: &Value, root: &str) -> String {
        self.value_of("", v, root)
    }

    /// [`Ctx::value`] of the field `key`: a field that holds a vocabulary word is never a link,
    /// even when a record has that word as its id (the process `geneva`, the place `geneva`).
    fn value_of(&self, key: &str, v: &Value, root: &str) -> String {
        match v {
            Value::Null => String::new(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::String(s) => match self.by_id.get(s.as_str()) {
                Some(&i) if !VOCABULARY_FIELDS.contains(&key) => self.link(i, root),
                _ => esc(s),
            },
            Value::Array(items) if items.is_empty() => String::new(),
            Value::Array(items) if items.iter().all(|x| !x.is_object() && !x.is_array()) => items
                .iter()
                .map(|x| self.value_of(key, x, root))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Array(items) => format!(
                "<ul>{}</ul>",
                items
                    .iter()
                    .map(|x| format!("<li>{}</li>", self.value_of(key, x, root)))
                    .collect::<String>()
            ),
            Value::Object(o) if is_evidence(o) => self.citation(o, root),
            Value::Object(o) => {
                let mut head = String::new();
                let mut skip: &[&str] = &[];
                if let (Some(Value::String(value)), Some(Value::String(basis))) =
                    (o.get("value"), o.get("basis"))
                {
                    let qualifier = o.get("qualifier").and_then(Value::as_str);
                    head = format!(
                        "<span class=\"date\">{}{}</span> <small>({}{})</small>",
                        qualifier
                            .map(|q| format!("{} ", esc(q)))
                            .unwrap_or_default(),
                        esc(value),
                        precision(value)
                            .map(|p| format!("{p}, "))
                            .unwrap_or_default(),
                        esc(basis)
                    );
                    skip = &["value", "basis", "qualifier"];
                }
                let rest: String = o
                    .iter()
                    .filter(|(k, _)| !skip.contains(&k.as_str()))
                    .map(|(k, v)| {
                        format!("<dt>{}</dt><dd>{}</dd>", esc(k), self.value_of(k, v, root))
                    })
                    .collect();
                if rest.is_empty() {
                    head
                } else {
                    format!("{head}<dl class=\"nested\">{rest}</dl>")
                }
            }
        }
    }

    /// An evidence entry as `show ID` prints it: the words, then the article, where it is.
    fn citation(&self, o: &Map<String, Value>, root: &str) -> String {
        let source = o.get("source").and_then(Value::as_str).unwrap_or("");
        let quote = o.get("quote").and_then(Value::as_str).unwrap_or("");
        let span = o.get("span").and_then(|s| {
            Some((
                s.get("start")?.as_u64()? as usize,
                s.get("end")?.as_u64()? as usize,
            ))
        });
        let target = match span {
            Some((a, b)) => format!("{root}articles/{source}.html#b-{a}-{b}"),
            None => format!("{root}articles/{source}.html"),
        };
        let mut cite = format!(
            "<a href=\"{}\">{}</a>",
            esc(&target),
            esc(&self.source_title(source))
        );
        if let Some(s) = self.ds.source(source) {
            if let Some(outlet) = &s.outlet {
                cite.push_str(&format!(", {}", esc(&outlet.value)));
            }
            if let Some(p) = &s.published {
                cite.push_str(&format!(", {} ({})", esc(&p.to_string()), p.basis));
            }
            cite.push_str(&format!(", seed <code>{}</code>", esc(&s.file)));
        }
        if let Some((a, b)) = span {
            cite.push_str(&format!(", bytes {a}–{b}"));
        }
        format!(
            "<span class=\"cite\"><q>{}</q> <small>— {cite}</small></span>",
            esc(quote)
        )
    }

    /// The rows of a record's fields, but for those shown elsewhere on its page.
    fn fields(&self, r: &Rec, root: &str, skip: &[&str]) -> String {
        let rows: String = r
            .value
            .iter()
            .filter(|(k, _)| !skip.contains(&k.as_str()))
            .map(|(k, v)| {
                format!(
                    "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                    esc(k),
                    self.value_of(k, v, root)
                )
            })
            .collect();
        format!("<section><h2>Fields</h2><table class=\"fields\">{rows}</table></section>")
    }

    /// The records of other articles that attest the same happening, with what the core computes
    /// of them (`Dataset::claims`): the fields they agree on and each conflict with its sides; a
    /// clearly marked place either way.
    fn corroboration(&self, r: &Rec, root: &str) -> String {
        let link = |id: &str| match self.by_id.get(id) {
            Some(&j) => self.link(j, root),
            None => esc(id),
        };
        let inner = match self.ds.claims(r.id) {
            Ok(h) if h.key.is_some() && h.attestations.len() > 1 => {
                let others: String = h
                    .attestations
                    .iter()
                    .filter(|a| a.id != r.id)
                    .map(|a| {
                        format!(
                            "<li>{} <small>— {}{}</small></li>",
                            link(a.id),
                            esc(&a.source.map(|s| self.source_title(s)).unwrap_or_default()),
                            a.date
                                .as_ref()
                                .map(|d| format!(", {}", esc(d)))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                let agree = if h.agree.is_empty() {
                    String::new()
                } else {
                    format!("<p>They agree on: {}.</p>", esc(&h.agree.join(", ")))
                };
                let conflicts: String = h
                    .conflicts
                    .iter()
                    .map(|c| {
                        let sides: String = c
                            .sides
                            .iter()
                            .map(|s| {
                                let who: Vec<String> =
                                    s.records.iter().map(|id| link(id)).collect();
                                format!(
                                    "<li><strong>{}</strong> — {}</li>",
                                    esc(&s.says),
                                    who.join(", ")
                                )
                            })
                            .collect();
                        let note = c
                            .note
                            .as_ref()
                            .map(|n| format!(" <small>({})</small>", esc(n)))
                            .unwrap_or_default();
                        format!("<li>{}{note}<ul>{sides}</ul></li>", esc(&c.field))
                    })
                    .collect();
                let conflicts = if conflicts.is_empty() {
                    "<p>No conflicts between them.</p>".to_string()
                } else {
                    format!("<p>They conflict on:</p><ul class=\"conflicts\">{conflicts}</ul>")
                };
                format!(
                    "<p>Happening <code>{}</code>, attested by {} sources. The other attestations:</p><ul class=\"related\">{others}</ul>{agree}{conflicts}",
                    esc(h.key.unwrap_or_default()),
                    h.sources
                )
            }
            _ => "<p class=\"muted\">No other article's record attests this happening.</p>"
                .to_string(),
        };
        format!("<section id=\"corroboration\" class=\"corroboration\"><h2>Corroborating records</h2>{inner}</section>")
    }

    fn related(&self, i: usize, root: &str) -> String {
        let list = |ids: &[usize]| -> String {
            ids.iter()
                .map(|&j| {
                    format!(
                        "<li><span class=\"tag\">{}</span> {}</li>",
                        esc(&self.recs[j].kind),
                        self.link(j, root)
                    )
                })
                .collect()
        };
        let mut out = String::new();
        if !self.mentions[i].is_empty() {
            out.push_str(&format!(
                "<section><h2>Related records</h2><ul class=\"related\">{}</ul></section>",
                list(&self.mentions[i])
            ));
        }
        if !self.mentioned_by[i].is_empty() {
            out.push_str(&format!(
                "<section><h2>Records that refer to this one ({})</h2><ul class=\"related\">{}</ul></section>",
                self.mentioned_by[i].len(),
                list(&self.mentioned_by[i])
            ));
        }
        out
    }

    fn record_page(&self, i: usize) -> String {
        let r = &self.recs[i];
        let root = "../";
        let typed = self.ds.get(r.id);
        let kind_word = typed.and_then(|t| t.kind_word());
        let mut body = format!(
            "<p class=\"kind\"><span class=\"tag\">{}</span>{}</p><h1 data-id=\"{}\">{}</h1><p>id <code>{}</code></p>",
            esc(&r.kind),
            kind_word.map(|k| format!(" <span class=\"tag\">{}</span>", esc(k))).unwrap_or_default(),
            esc(r.id),
            esc(&r.label),
            esc(r.id)
        );
        body.push_str(&self.corroboration(r, root));
        body.push_str(&self.fields(r, root, &["id", "evidence", "external"]));
        let evidence: Vec<String> = match typed {
            Some(t) => t
                .evidence()
                .iter()
                .map(|ev| {
                    let v = serde_json::to_value(ev).unwrap_or_default();
                    v.as_object()
                        .map(|o| self.citation(o, root))
                        .unwrap_or_default()
                })
                .collect(),
            None => Vec::new(),
        };
        if !evidence.is_empty() {
            body.push_str(&format!(
                "<section id=\"evidence\"><h2>Evidence ({})</h2><ol class=\"evidence\">{}</ol></section>",
                evidence.len(),
                evidence.iter().map(|e| format!("<li>{e}</li>")).collect::<String>()
            ));
        }
        if let Some(ext) = r.value.get("external") {
            body.push_str(&format!(
                "<section><h2>External references</h2>{}</section>",
                self.value(ext, root)
            ));
        }
        body.push_str(&self.related(i, root));
        page(&r.label, root, Nav::None, &body, &[], &self.footer)
    }
}

/// Fields whose values are words of a closed vocabulary, not record ids.
const VOCABULARY_FIELDS: &[&str] = &[
    "kind",
    "process",
    "status",
    "measure",
    "qualifier",
    "topic",
    "basis",
    "role",
    "precision",
    "relation",
    "certainty",
];

fn is_evidence(o: &Map<String, Value>) -> bool {
    o.contains_key("source")
        && o.contains_key("quote")
        && o.get("source").is_some_and(Value::is_string)
}

fn precision(value: &str) -> Option<&'static str> {
    match value.len() {
        4 => Some("year"),
        7 => Some("month"),
        10 => Some("day"),
        _ => None,
    }
}

fn collect_ids(v: &Value, by_id: &HashMap<&str, usize>, out: &mut Vec<usize>) {
    match v {
        Value::String(s) => out.extend(by_id.get(s.as_str())),
        Value::Array(items) => items.iter().for_each(|x| collect_ids(x, by_id, out)),
        Value::Object(o) => o
            .iter()
            .filter(|(k, _)| !VOCABULARY_FIELDS.contains(&k.as_str()))
            .for_each(|(_, x)| collect_ids(x, by_id, out)),
        _ => {}
    }
}

/// Every evidence entry anywhere in a record's JSON (nested roles, dates, delegations…).
fn collect_evidence<'v>(v: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
    match v {
        Value::Object(o) if is_evidence(o) => out.push(o),
        Value::Object(o) => o.values().for_each(|x| collect_evidence(x, out)),
        Value::Array(items) => items.iter().for_each(|x| collect_evidence(x, out)),
        _ => {}
    }
}

/// The spans of every source: `source id → spans`, sorted by start then end.
fn spans_by_source(ctx: &Ctx) -> HashMap<String, Vec<Span>> {
    let mut map: HashMap<String, BTreeMap<(usize, usize), Span>> = HashMap::new();
    for (i, r) in ctx.recs.iter().enumerate() {
        let mut found = Vec::new();
        for v in r.value.values() {
            collect_evidence(v, &mut found);
        }
        for ev in found {
            let (Some(source), Some(start), Some(end)) = (
                ev.get("source").and_then(Value::as_str),
                ev.get("span")
                    .and_then(|s| s.get("start"))
                    .and_then(Value::as_u64),
                ev.get("span")
                    .and_then(|s| s.get("end"))
                    .and_then(Value::as_u64),
            ) else {
                continue;
            };
            let span = map
                .entry(source.to_string())
                .or_default()
                .entry((start as usize, end as usize))
                .or_insert_with(|| Span {
                    start: start as usize,
                    end: end as usize,
                    quote: ev
                        .get("quote")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                    records: Vec::new(),
                });
            if !span.records.contains(&i) {
                span.records.push(i);
            }
        }
    }
    map.into_iter()
        .map(|(k, v)| (k, v.into_values().collect()))
        .collect()
}

/// Where each exclusion's words are in its article: the given occurrence, or every one (as the
/// audit reads them).
fn place_exclusions<'e>(
    text: &str,
    source: &str,
    exclusions: &'e [Exclusion],
) -> Vec<Excluded<'e>> {
    let mut out = Vec::new();
    for ex in exclusions
        .iter()
        .filter(|e| e.source == source && !e.text.is_empty())
    {
        for (k, (start, m)) in text.match_indices(ex.text.as_str()).enumerate() {
            if ex.occurrence.is_none_or(|o| o == k + 1) {
                out.push(Excluded {
                    start,
                    end: start + m.len(),
                    exclusion: ex,
                });
            }
        }
    }
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// The article's text, cut where any span or exclusion starts or ends; a piece inside evidence
/// links to the record of the innermost span over it and names every record over it; a piece
/// inside an exclusion only is marked with its reason. Pieces never nest, so overlapping spans
/// stay readable (the shade deepens with the number of spans over a piece).
fn highlight(ctx: &Ctx, text: &str, spans: &[Span], excluded: &[Excluded]) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in spans {
        cuts.extend([s.start, s.end]);
    }
    for e in excluded {
        cuts.extend([e.start, e.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for (k, s) in spans.iter().enumerate() {
            if s.start == a {
                out.push_str(&format!(
                    "<span class=\"anchor\" id=\"b-{}-{}\" data-span=\"{k}\"></span>",
                    s.start, s.end
                ));
            }
        }
        if a == b {
            continue;
        }
        let piece = esc(&text[a..b]);
        let over: Vec<usize> = (0..spans.len())
            .filter(|&k| spans[k].start <= a && b <= spans[k].end)
            .collect();
        let ex: Vec<&Excluded> = excluded
            .iter()
            .filter(|e| e.start <= a && b <= e.end)
            .collect();
        let ex_note: String = ex
            .iter()
            .map(|e| format!("\nLeft uncoded: {}", e.exclusion.reason))
            .collect();
        if over.is_empty() && ex.is_empty() {
            out.push_str(&piece);
        } else if over.is_empty() {
            out.push_str(&format!(
                "<span class=\"ex\" title=\"{}\">{piece}</span>",
                esc(ex_note.trim_start())
            ));
        } else {
            let inner = over
                .iter()
                .min_by_key(|&&k| spans[k].end - spans[k].start)
                .map(|&k| spans[k].records[0])
                .unwrap_or(0);
            let mut names: Vec<usize> = Vec::new();
            for &k in &over {
                for &r in &spans[k].records {
                    if !names.contains(&r) {
                        names.push(r);
                    }
                }
            }
            let title: Vec<String> = names
                .iter()
                .map(|&r| {
                    format!(
                        "{} ({}: {})",
                        ctx.recs[r].label, ctx.recs[r].kind, ctx.recs[r].id
                    )
                })
                .collect();
            let rec = &ctx.recs[inner];
            out.push_str(&format!(
                "<a class=\"hl d{}{}\" href=\"../{}\" data-spans=\"{}\" data-records=\"{}\" title=\"{}\">{piece}</a>",
                over.len().min(4),
                if ex.is_empty() { "" } else { " ex" },
                href_of(&rec.kind, rec.id),
                over.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(" "),
                names.iter().map(|&r| ctx.recs[r].id).collect::<Vec<_>>().join(" "),
                esc(&format!("Supports: {}{ex_note}", title.join("; "))),
            ));
        }
    }
    out
}

fn article_page(ctx: &Ctx, i: usize, spans: &[Span], exclusions: &[Exclusion]) -> String {
    let r = &ctx.recs[i];
    let root = "../";
    let text = ctx.ds.source(r.id).map_or("", |s| s.text.as_str());
    let excluded = place_exclusions(text, r.id, exclusions);
    let mut body = format!(
        "<p class=\"kind\"><span class=\"tag\">article</span></p><h1 data-id=\"{}\">{}</h1>",
        esc(r.id),
        esc(&r.label)
    );
    body.push_str(&format!(
        "<p class=\"legend\"><span class=\"hl d1\">highlighted</span> words are the evidence of a record \
(hover or focus one to see which; follow it to the record; deeper shades mark overlapping evidence); \
<span class=\"ex\">hatched</span> words were deliberately left uncoded (the reason is listed below). \
{} evidence spans, {} exclusions.</p>",
        spans.len(),
        excluded.len()
    ));
    body.push_str(&format!(
        "<div class=\"article-layout\"><div class=\"article\" id=\"article-text\" data-source=\"{}\">{}</div><aside>",
        esc(r.id),
        highlight(ctx, text, spans, &excluded)
    ));
    body.push_str(&format!(
        "<h2>Evidence in this article ({})</h2><ol class=\"spans\">{}</ol>",
        spans.len(),
        spans
            .iter()
            .map(|s| format!(
                "<li><a href=\"#b-{}-{}\"><q>{}</q></a> <small>bytes {}–{}</small><br>{}</li>",
                s.start,
                s.end,
                esc(&s.quote),
                s.start,
                s.end,
                s.records
                    .iter()
                    .map(|&j| ctx.link(j, root))
                    .collect::<Vec<_>>()
                    .join(" · ")
            ))
            .collect::<String>()
    ));
    body.push_str(&format!(
        "<h2 id=\"uncoded\">Deliberately left uncoded ({})</h2><ol class=\"exclusions\">{}</ol></aside></div>",
        excluded.len(),
        excluded
            .iter()
            .map(|e| format!(
                "<li><span class=\"ex\">{}</span> <small>bytes {}–{}</small><br>{}</li>",
                esc(&e.exclusion.text),
                e.start,
                e.end,
                esc(&e.exclusion.reason)
            ))
            .collect::<String>()
    ));
    body.push_str(&ctx.fields(r, root, &["id", "text"]));
    body.push_str(&ctx.related(i, root));
    // What the hover popup names: every record with evidence here, as (type, label, page).
    let named: Map<String, Value> = spans
        .iter()
        .flat_map(|s| &s.records)
        .map(|&j| {
            let x = &ctx.recs[j];
            (
                x.id.to_string(),
                json!([x.kind, x.label, href_of(&x.kind, x.id)]),
            )
        })
        .collect();
    let named = serde_json::to_string(&named)
        .unwrap_or_else(|_| "{}".into())
        .replace("</", "<\\/");
    body.push_str(&format!(
        "<script type=\"application/json\" id=\"span-records\">{named}</script>"
    ));
    page(
        &r.label,
        root,
        Nav::Articles,
        &body,
        &["assets/article.js"],
        &ctx.footer,
    )
}

fn index_page(ctx: &Ctx, kind: &str, title: &str, nav: Nav, columns: &[&str]) -> String {
    let mut rows = String::new();
    let mut list: Vec<usize> = (0..ctx.recs.len())
        .filter(|&i| ctx.recs[i].kind == kind)
        .collect();
    list.sort_by_key(|&i| ctx.recs[i].label.to_lowercase());
    for i in &list {
        let r = &ctx.recs[*i];
        let cells: String = columns
            .iter()
            .map(|c| {
                format!(
                    "<td>{}</td>",
                    r.value
                        .get(*c)
                        .map(|v| ctx.value_of(c, v, ""))
                        .unwrap_or_default()
                )
            })
            .collect();
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>{cells}<td class=\"num\">{}</td></tr>",
            ctx.link(*i, ""),
            ctx.mentioned_by[*i].len()
        ));
    }
    let head: String = columns
        .iter()
        .map(|c| format!("<th scope=\"col\">{}</th>", esc(c)))
        .collect();
    let body = format!(
        "<h1>{}</h1><p>{} {}. The last column counts the records that refer to each.</p>\
<div class=\"table-wrap\"><table class=\"index\"><thead><tr><th scope=\"col\">name</th>{head}<th scope=\"col\">records</th></tr></thead><tbody>{rows}</tbody></table></div>",
        esc(title),
        list.len(),
        esc(&title.to_lowercase())
    );
    page(title, "", nav, &body, &[], &ctx.footer)
}

fn articles_page(ctx: &Ctx, spans: &HashMap<String, Vec<Span>>) -> String {
    let items: String = ctx
        .recs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "source")
        .map(|(i, r)| {
            let s = ctx.ds.source(r.id);
            format!(
                "<li>{}<br><small>{}{} · {} evidence spans</small></li>",
                ctx.link(i, ""),
                s.and_then(|s| s.outlet.as_ref())
                    .map(|o| esc(&o.value))
                    .unwrap_or_default(),
                s.and_then(|s| s.published.as_ref())
                    .map(|p| format!(", {} ({})", esc(&p.to_string()), p.basis))
                    .unwrap_or_default(),
                spans.get(r.id).map_or(0, Vec::len)
            )
        })
        .collect();
    let body = format!("<h1>Articles</h1><p>The articles, verbatim, with the words every record rests on highlighted.</p><ul class=\"articles\">{items}</ul>");
    page("Articles", "", Nav::Articles, &body, &[], &ctx.footer)
}

/// What the timeline and search read, beside the export itself: the timeline as the query API
/// orders it, and for each record which filter values select it, computed by the query API.
fn data_js(ctx: &Ctx, export: &Value) -> Result<String, SiteError> {
    let ds = ctx.ds;
    let timeline = ds.timeline(&Filter::new())?;
    let mut actors_of: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut actor_names = Vec::new();
    for a in ds.actors() {
        let hits = ds.timeline(&Filter::new().actor(a.id.clone()))?;
        if !hits.is_empty() {
            actor_names.push(json!([a.id, a.name]));
        }
        for r in hits {
            actors_of.entry(r.id()).or_default().push(a.id.as_str());
        }
    }
    let mut processes_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for round in ds.rounds() {
        for r in ds.timeline(&Filter::new().round(round.id.clone()))? {
            let list = processes_of.entry(r.id()).or_default();
            if !list.contains(&round.process.as_str()) {
                list.push(round.process.as_str());
            }
        }
    }
    let entries: Vec<Value> = timeline
        .iter()
        .map(|r| {
            // The days filters select on: the record's dates narrowed by its anchors.
            let when = ds.days(*r);
            let date = r.date();
            json!({
                "id": r.id(),
                "type": r.kind().as_str(),
                "kind": r.kind_word(),
                "label": r.label(),
                "date": date.map(|d| d.to_string()),
                "precision": date.map(|d| d.value.precision().to_string()),
                "first": when.map(|w| w.first.to_string()),
                "last": when.map(|w| w.last.to_string()),
                // For a round, the days it was certainly in session (drawn solid; the rest of its
                // possible days hatched).
                "certain": match r {
                    syriatalks::RecordRef::Round(x) => ds.certain_days(x).map(|c| [c.first.to_string(), c.last.to_string()]),
                    _ => None,
                },
                "process": match r { syriatalks::RecordRef::Round(x) => Some(x.process.as_str()), _ => None },
                "actors": actors_of.get(r.id()).cloned().unwrap_or_default(),
                "processes": processes_of.get(r.id()).cloned().unwrap_or_default(),
                "href": href_of(r.kind().as_str(), r.id()),
            })
        })
        .collect();
    let labels: Map<String, Value> = ctx
        .recs
        .iter()
        .map(|r| {
            (
                r.id.to_string(),
                json!([r.kind, r.label, href_of(&r.kind, r.id)]),
            )
        })
        .collect();
    let data = json!({
        "export": export,
        "timeline": entries,
        "actors": actor_names,
        "processes": syriatalks::Process::WORDS,
        "types": RecordKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "labels": labels,
    });
    Ok(format!(
        "// Generated by syriatalks-site from the dataset's JSON export; do not edit.\nwindow.SYRIATALKS = {};\n",
        serde_json::to_string(&data)?
    ))
}

fn timeline_page(ctx: &Ctx) -> String {
    let body = r#"<h1>Timeline of the talks</h1>
<p>Rounds of talks as bands per process; events, figures, quotes, positions and instruments as marks. A date known only to the month or year is drawn as the whole month or year (hatched), never as a day. Every mark links to its record.</p>
<form id="filters" class="filters" aria-label="Filter the timeline">
<label>From <input id="f-from" name="from" placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" size="10"></label>
<label>To <input id="f-to" name="to" placeholder="YYYY[-MM[-DD]]" pattern="\d{4}(-\d{2}(-\d{2})?)?" size="10"></label>
<label>Actor <select id="f-actor" name="actor"><option value="">any</option></select></label>
<label>Kind <select id="f-kind" name="kind"><option value="">any</option></select></label>
<label>Process <select id="f-process" name="process"><option value="">any</option></select></label>
<button type="reset" id="f-reset">Clear</button>
</form>
<div class="zoom" role="group" aria-label="Zoom">Zoom:
<button type="button" data-zoom="year" aria-pressed="true">Years</button>
<button type="button" data-zoom="month" aria-pressed="false">Months</button>
<button type="button" data-zoom="day" aria-pressed="false">Days</button></div>
<p id="count" role="status" aria-live="polite"></p>
<div id="chart" class="chart" tabindex="0" aria-label="Timeline chart (scroll sideways)"></div>
<h2>In order</h2>
<ol id="list" class="tl-list"></ol>
<noscript><p>The timeline needs JavaScript; every record is still reachable from the Articles, Actors and Places pages.</p></noscript>"#;
    page(
        "Timeline",
        "",
        Nav::Timeline,
        body,
        &["data.js", "assets/timeline.js"],
        &ctx.footer,
    )
}

fn search_page(ctx: &Ctx) -> String {
    let body = r#"<h1>Search</h1>
<form id="search-form" role="search" class="filters"><label for="q">Words (case and accents ignored)</label>
<input id="q" name="q" type="search" autofocus><button type="submit">Search</button></form>
<p id="search-count" role="status" aria-live="polite"></p>
<h2>Records</h2><ol id="record-hits" class="hits"></ol>
<h2>Article texts</h2><ol id="text-hits" class="hits"></ol>"#;
    page(
        "Search",
        "",
        Nav::Search,
        body,
        &["data.js", "assets/search.js"],
        &ctx.footer,
    )
}

pub fn build(ds: &Dataset, exclusions: &[Exclusion]) -> Result<Vec<Page>, SiteError> {
    let export: Value = serde_json::from_str(&ds.to_json())?;
    let ctx = Ctx::new(ds, &export);
    let spans = spans_by_source(&ctx);
    let mut pages = vec![
        Page {
            path: "index.html".into(),
            content: timeline_page(&ctx),
        },
        Page {
            path: "search.html".into(),
            content: search_page(&ctx),
        },
        Page {
            path: "articles.html".into(),
            content: articles_page(&ctx, &spans),
        },
        Page {
            path: "actors.html".into(),
            content: index_page(&ctx, "actor", "Actors", Nav::Actors, &["kind", "aliases"]),
        },
        Page {
            path: "places.html".into(),
            content: index_page(
                &ctx,
                "place",
                "Places",
                Nav::Places,
                &["kind", "within", "aliases"],
            ),
        },
        Page {
            path: "data.js".into(),
            content: data_js(&ctx, &export)?,
        },
        Page {
            path: "assets/style.css".into(),
            content: STYLE.into(),
        },
        Page {
            path: "assets/timeline.js".into(),
            content: TIMELINE_JS.into(),
        },
        Page {
            path: "assets/search.js".into(),
            content: SEARCH_JS.into(),
        },
        Page {
            path: "assets/article.js".into(),
            content: ARTICLE_JS.into(),
        },
    ];
    for (i, r) in ctx.recs.iter().enumerate() {
        if !syriatalks::is_valid_id(r.id) {
            return Err(SiteError::BadId(r.id.to_string()));
        }
        let content = if r.kind == "source" {
            article_page(
                &ctx,
                i,
                spans.get(r.id).map_or(&[], Vec::as_slice),
                exclusions,
            )
        } else {
            ctx.record_page(i)
        };
        pages.push(Page {
            path: href_of(&r.kind, r.id),
            content,
        });
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fields the model does not have yet show on record pages as they come, among the fields.
    #[test]
    fn new_fields_show_without_a_change_here() {
        let ds = syriatalks::embedded();
        let mut export: Value = serde_json::from_str(&ds.to_json()).unwrap();
        let events = export["events"].as_array_mut().unwrap();
        let first = events[0].as_object_mut().unwrap();
        first.insert("some_new_code".into(), json!("CONSULT"));
        let ctx = Ctx::new(ds, &export);
        let i = ctx.by_id[export["events"][0]["id"].as_str().unwrap()];
        assert!(ctx
            .record_page(i)
            .contains("<th scope=\"row\">some_new_code</th><td>CONSULT</td>"));
    }

    /// A record that shares a happening lists the others, linked, with agreement and conflicts as
    /// the core computes them; one that shares none says so in the same place.
    #[test]
    fn corroborating_records_are_linked_with_their_conflicts() {
        let ds = syriatalks::embedded();
        let export: Value = serde_json::from_str(&ds.to_json()).unwrap();
        let ctx = Ctx::new(ds, &export);
        let page = ctx.record_page(ctx.by_id["a001-fig-deaths-470000"]);
        let section = &page[page.find("id=\"corroboration\"").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        for other in ds.attestations("a001-fig-deaths-470000") {
            assert!(
                section.contains(&format!("href=\"../records/{}.html\"", other.id())),
                "{section}"
            );
        }
        assert!(
            section.contains("They conflict on:") && section.contains("value"),
            "{section}"
        );
        let alone = ctx.record_page(ctx.by_id["a002-ev-hardatneen-captured"]);
        assert!(
            alone.contains("No other article&#39;s record attests this happening.")
                || alone.contains("No other article's record attests this happening.")
        );
    }

    #[test]
    fn a_vocabulary_word_is_not_a_link_even_when_a_record_has_it_as_id() {
        let ds = syriatalks::embedded();
        let export: Value = serde_json::from_str(&ds.to_json()).unwrap();
        let ctx = Ctx::new(ds, &export);
        // The process `geneva` and the place `geneva`.
        assert!(ctx.by_id.contains_key("geneva"));
        let html = ctx.value_of("process", &json!("geneva"), "../");
        assert_eq!(html, "geneva");
        assert!(ctx
            .value_of("places", &json!(["geneva"]), "../")
            .contains("href"));
    }

    #[test]
    fn overlapping_spans_become_flat_pieces_over_non_ascii_text() {
        let ds = syriatalks::embedded();
        let export: Value = serde_json::from_str(&ds.to_json()).unwrap();
        let ctx = Ctx::new(ds, &export);
        // “ab” — cd: two spans overlapping on "b” — c", byte offsets past three-byte characters.
        let text = "“ab” — cd";
        let at = |s: &str| text.find(s).unwrap();
        let spans = vec![
            Span {
                start: at("a"),
                end: at(" —"),
                quote: "ab”".into(),
                records: vec![0],
            },
            Span {
                start: at("b"),
                end: at("d"),
                quote: "b” — c".into(),
                records: vec![1],
            },
        ];
        let html = highlight(&ctx, text, &spans, &[]);
        // Anchors at byte offsets (“ is three bytes), pieces cut where either span starts or ends.
        assert!(
            html.contains("id=\"b-3-8\"") && html.contains("id=\"b-4-14\""),
            "{html}"
        );
        let pieces: Vec<(&str, &str)> = html
            .split("<a ")
            .skip(1)
            .map(|a| {
                let spans = a
                    .split("data-spans=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let words = a.split_once('>').unwrap().1.split("</a>").next().unwrap();
                assert!(!words.contains('<'), "pieces never nest: {html}");
                (spans, words)
            })
            .collect();
        assert_eq!(pieces, [("0", "a"), ("0 1", "b”"), ("1", " — c")]);
        assert!(html.ends_with("</a>d"));
    }
}
