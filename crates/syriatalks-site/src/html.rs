//! The few HTML helpers the pages need: escaping, and the frame every page shares.

/// `s` with the five characters that matter in HTML text and attributes escaped.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Which entry of the navigation a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Timeline,
    Articles,
    Actors,
    Places,
    Search,
    None,
}

/// A whole page: `root` is the way back to the site's folder ("" or "../"), `scripts` are loaded
/// at the end of the body.
pub fn page(
    title: &str,
    root: &str,
    nav: Nav,
    body: &str,
    scripts: &[&str],
    footer: &str,
) -> String {
    let item = |n: Nav, href: &str, label: &str| {
        let current = if n == nav {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<li><a href=\"{root}{href}\"{current}>{label}</a></li>")
    };
    let scripts: String = scripts
        .iter()
        .map(|s| format!("<script src=\"{root}{s}\"></script>"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} · syriatalks</title>\n<link rel=\"stylesheet\" href=\"{root}assets/style.css\">\n</head>\n<body>\n\
<a class=\"skip\" href=\"#main\">Skip to content</a>\n\
<header class=\"top\"><a class=\"brand\" href=\"{root}index.html\">syriatalks</a>\n\
<nav aria-label=\"Site\"><ul>{}{}{}{}{}</ul></nav>\n\
<form class=\"search\" role=\"search\" action=\"{root}search.html\" method=\"get\">\
<label for=\"q-top\" class=\"visually-hidden\">Search records and articles</label>\
<input id=\"q-top\" name=\"q\" type=\"search\" placeholder=\"Search…\"><button type=\"submit\">Search</button></form>\n\
</header>\n<main id=\"main\" tabindex=\"-1\">\n{body}\n</main>\n<footer>{footer}</footer>\n{scripts}\n</body>\n</html>\n",
        item(Nav::Timeline, "index.html", "Timeline"),
        item(Nav::Articles, "articles.html", "Articles"),
        item(Nav::Actors, "actors.html", "Actors"),
        item(Nav::Places, "places.html", "Places"),
        item(Nav::Search, "search.html", "Search"),
        title = esc(title),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::esc("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
    }
}
