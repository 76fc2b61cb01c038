//! The shell of every page of the site: the head (title, inline style, a
//! content security policy that lets no request leave the page), the skip
//! link, the navigation and the footer; and the escaping every piece of user
//! text passes through (control characters and escape sequences dropped, then
//! HTML-escaped).

use crate::export::html::escape;

use super::Ctx;
use super::data;

/// The site's style sheet: readable on a phone, contrast above 4.5:1 for
/// text and 3:1 for bars and borders, a visible focus ring.
const CSS: &str = "\
:root { color-scheme: light; }
body { font-family: system-ui, \"Liberation Sans\", Arial, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; margin: 0; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 3px solid #1f4e79; }
header p { margin: .75rem 0 0; font-weight: bold; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.25rem; padding: 0; margin: .5rem 0; }
a { color: #0b4f9c; }
a:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid #8a4b00; outline-offset: 2px; }
nav a[aria-current=page] { color: #1b1b1b; font-weight: bold; text-decoration-thickness: 3px; }
.skip { position: absolute; left: -100vw; top: .25rem; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { margin-top: 2rem; border-bottom: 1px solid #767676; }
table { border-collapse: collapse; margin: .5rem 0 1.25rem; min-width: min(100%, 22rem); }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #767676; padding: .2rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; }
figure { margin: 1rem 0 .25rem; }
figure svg { width: 100%; max-width: 44rem; height: auto; display: block; }
figcaption { font-size: .95rem; }
ul.actions { padding: 0; }
li.action { list-style: none; border-left: 4px solid #1f4e79; padding: .1rem .9rem; margin: 0 0 1.25rem; }
li.action h3, li.action h4 { margin: .3rem 0; font-size: 1.05rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
.late { color: #a11d3c; font-weight: bold; }
.note { font-style: italic; }
.internal { border: 2px solid #8a4b00; padding: .5rem .75rem; }
[role=search] { margin: 1rem 0; }
input[type=search] { font: inherit; padding: .3rem .5rem; border: 2px solid #595959; width: min(100%, 28rem); }
footer { border-top: 1px solid #767676; margin-top: 2.5rem; padding-bottom: 2rem; font-size: .95rem; }
@media print { nav, [role=search], .skip { display: none; } }
";

/// The pages, for the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Overview,
    Actions,
}

/// User text as element content.
pub fn t(text: &str) -> String {
    escape(text)
}

/// User text as a double-quoted attribute value.
pub fn a(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(&crate::export::safe(text)).into_owned()
}

/// An ID as an HTML `id` (and fragment): letters, digits and `-` only.
pub fn anchor(prefix: &str, id: &str) -> String {
    let id: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("{prefix}-{id}")
}

/// A whole page: `heading` is the page's name (before the plan's title in
/// the tab), `body` what goes in `<main>` (already escaped), `script` an
/// inline script of dafo's own.
pub fn page(ctx: &Ctx, which: Which, heading: &str, body: &str, script: Option<&str>) -> String {
    let w = ctx.w();
    let title = format!("{heading} · {} · {}", ctx.s.meta.title, w.site);
    let link = |to: Which, href: &str, label: &str| {
        let current = if to == which { " aria-current=\"page\"" } else { "" };
        format!("<li><a href=\"{href}\"{current}>{}</a></li>", t(label))
    };
    let mut out = String::with_capacity(body.len() + CSS.len() + 2048);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", ctx.lang.tag()));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n",
    );
    out.push_str("<meta name=\"generator\" content=\"dafo\">\n");
    out.push_str(&format!("<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n", t(&title)));
    out.push_str(&format!("<a class=\"skip\" href=\"#main\">{}</a>\n", t(w.skip)));
    out.push_str(&format!("<header>\n<p>{}</p>\n", t(w.site)));
    out.push_str(&format!(
        "<nav aria-label=\"{}\"><ul>{}{}</ul></nav>\n</header>\n",
        a(w.nav),
        link(Which::Overview, "index.html", w.overview),
        link(Which::Actions, "actions.html", w.actions)
    ));
    out.push_str("<main id=\"main\" tabindex=\"-1\">\n");
    if ctx.internal {
        out.push_str(&format!("<p class=\"internal\">{}</p>\n", t(w.internal)));
    }
    out.push_str(body);
    out.push_str("</main>\n<footer>\n");
    out.push_str(&format!(
        "<p>{}: <a href=\"{}\" download>{}</a> · <a href=\"{}\" download>{}</a></p>\n",
        t(w.data),
        data::CSV,
        t(w.csv),
        data::JSON,
        t(w.json)
    ));
    out.push_str(&format!("<p>dafo · {}</p>\n</footer>\n", t(&ctx.lang.locale().date(ctx.today))));
    if let Some(script) = script {
        out.push_str(&format!("<script>\n{script}</script>\n"));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A data table: a caption, the column heads, then rows led by a row head.
/// The row heads are HTML already (escaped with [`t`] or `Ctx::u`); the other
/// texts are raw and escaped here. Cells of numbers (`numeric`) align right.
pub fn table(caption: &str, heads: &[String], rows: &[(String, Vec<String>)], numeric: bool) -> String {
    let mut out = format!("{}<table>\n<caption>{}</caption>\n<thead><tr>", scroll_open(caption), t(caption));
    for h in heads {
        out.push_str(&format!("<th scope=\"col\">{}</th>", t(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let class = if numeric { " class=\"n\"" } else { "" };
    for (head, cells) in rows {
        out.push_str(&format!("<tr><th scope=\"row\">{head}</th>"));
        for c in cells {
            out.push_str(&format!("<td{class}>{}</td>", t(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// Opens the box a table scrolls sideways in when it is wider than the screen
/// (a phone, a long horizon); it takes the keyboard focus so it can be scrolled
/// without a mouse, and is named by the table's caption. Closed by `</div>`.
pub fn scroll_open(caption: &str) -> String {
    format!("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n", a(caption))
}
