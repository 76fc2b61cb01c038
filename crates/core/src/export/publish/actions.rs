//! The actions page (`actions.html`): ejes → líneas → actions, each with its
//! status, degree per year, owner, dates and indicators, in the roll-up's
//! order; a search box (a small inline script that hides what does not
//! match; without scripts the box stays hidden and the list is whole).

use std::collections::HashMap;

use crate::domain::{ActionStanding, Came, CameAction, Status};
use crate::export::report_build::pct;
use crate::export::report_rows::{ActionYearRow, action_year_rows};
use crate::i18n::plan_words::PlanWords;

use super::Ctx;
use super::page::{Which, a as attr, anchor, page as shell, scroll_open, t};

/// Numbers the count template holds in place of the shown and total counts.
const SHOWN: usize = 1_000_001;
const TOTAL: usize = 1_000_002;

/// The search: hides the actions whose text (folded: no accents, lower case)
/// lacks a word typed, and the ejes and líneas left with none; says how many show.
const SCRIPT: &str = "(function () {
  var box = document.getElementById('search');
  var input = document.getElementById('q');
  var out = document.getElementById('shown');
  if (!box || !input || !out) { return; }
  box.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll('li.action'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  var template = out.getAttribute('data-template');
  var fold = function (text) { return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); };
  var update = function () {
    var words = fold(input.value).split(/\\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    items.forEach(function (li) {
      var text = li.getAttribute('data-find');
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector('li.action:not([hidden])'); });
    out.textContent = template.replace('1000001', String(shown)).replace('1000002', String(items.length));
  };
  input.addEventListener('input', update);
  update();
})();
";

/// `actions.html`.
pub fn page(ctx: &Ctx) -> String {
    let (s, w) = (ctx.s, ctx.w());
    // The tree as it stands in the last year reviewed (else the first of the history).
    let year = ctx.years.last().or(ctx.history.first()).copied().unwrap_or(0);
    let progress = s.progress_on(year, ctx.today);
    let rows: HashMap<(String, i16), ActionYearRow> =
        action_year_rows(s, &ctx.history, ctx.today).into_iter().map(|r| ((r.id.clone(), r.year), r)).collect();
    let total = progress.actions().count();
    let mut out = format!("<h1>{}</h1>\n<p>{} {}</p>\n", t(w.actions), t(w.actions_lead), t(w.earlier));
    out.push_str(&format!(
        "<div role=\"search\" id=\"search\" hidden>\n<label for=\"q\">{}</label><br>\n\
         <input type=\"search\" id=\"q\" autocomplete=\"off\" aria-describedby=\"q-hint\">\n\
         <p id=\"q-hint\">{}</p>\n<p id=\"shown\" aria-live=\"polite\" data-template=\"{}\">{}</p>\n</div>\n",
        t(w.search),
        t(w.search_hint),
        attr(&(w.shown)(SHOWN, TOTAL)),
        t(&(w.shown)(total, total))
    ));
    let pw = PlanWords::for_lang(ctx.lang);
    for (n, axis) in progress.axes.iter().enumerate() {
        let Some(ax) = s.find_axis(&axis.id).and_then(|i| s.axes.get(i)) else { continue };
        out.push_str(&format!(
            "<section class=\"group\" id=\"{}\" aria-labelledby=\"{0}-h\">\n<h2 id=\"{0}-h\">{}. {}</h2>\n",
            anchor("eje", &axis.id),
            n + 1,
            ctx.u(&ax.text)
        ));
        out.push_str(&degrees_line(ctx, |y| s.progress_on(y, ctx.today).axes.get(n).and_then(|a| a.degree)));
        for line in &axis.lines {
            let Some(l) = s.find_line(&line.id).and_then(|i| s.lines.get(i)) else { continue };
            out.push_str(&format!(
                "<section class=\"group\" id=\"{}\" aria-labelledby=\"{0}-h\">\n<h3 id=\"{0}-h\">{} {}</h3>\n",
                anchor("linea", &line.id),
                t(&s.line_label(&line.id)),
                ctx.u(&l.text)
            ));
            out.push_str(&actions(ctx, &pw, &line.actions, &rows, &s.line_label(&line.id), 4));
            out.push_str("</section>\n");
        }
        out.push_str("</section>\n");
    }
    if !progress.unplaced.is_empty() {
        out.push_str(&format!(
            "<section class=\"group\" id=\"sin-linea\" aria-labelledby=\"sin-linea-h\">\n<h2 id=\"sin-linea-h\">{}</h2>\n",
            t(pw.no_line)
        ));
        out.push_str(&actions(ctx, &pw, &progress.unplaced, &rows, "", 3));
        out.push_str("</section>\n");
    }
    shell(ctx, Which::Actions, w.actions, &out, Some(SCRIPT))
}

/// "Grado de implementación: 2023 55 % · 2024 70 %" of an eje.
fn degrees_line(ctx: &Ctx, degree: impl Fn(i16) -> Option<f64>) -> String {
    if ctx.years.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = ctx
        .years
        .iter()
        .map(|&y| format!("{y}: {}", degree(y).map_or_else(|| "—".to_owned(), |d| pct(ctx.lang, d))))
        .collect();
    format!("<p>{}: {}</p>\n", t(ctx.w().progress), t(&parts.join(" · ")))
}

fn actions(
    ctx: &Ctx,
    pw: &PlanWords,
    list: &[ActionStanding],
    rows: &HashMap<(String, i16), ActionYearRow>,
    line: &str,
    level: u8,
) -> String {
    let s = ctx.s;
    let mut out = String::from("<ul class=\"actions\">\n");
    for standing in list {
        let Some((c, a)) = s.find_action(&standing.id).and_then(|(c, i)| Some((c, s.actions(c).get(i)?))) else {
            continue;
        };
        out.push_str(&action(ctx, pw, (c, a), standing, rows, (line, level)));
    }
    out.push_str("</ul>\n");
    out
}

fn action(
    ctx: &Ctx,
    pw: &PlanWords,
    (came, a): (Came, &CameAction),
    standing: &ActionStanding,
    rows: &HashMap<(String, i16), ActionYearRow>,
    (line, level): (&str, u8),
) -> String {
    let (s, w, lang) = (ctx.s, ctx.w(), ctx.lang);
    let report = lang.text().report;
    let status: Status = if ctx.years.is_empty() { a.status } else { standing.status };
    let shown_id = lang.show_id(&a.id);
    // Each field's value as HTML.
    let mut fields: Vec<(&str, String)> = Vec::new();
    let mut status_text = pw.status(status).to_owned();
    if standing.late && !ctx.years.is_empty() {
        status_text = format!("{status_text} · {}", report.late_short);
    }
    if let Some(o) = &a.owner {
        fields.push((pw.col_owner, ctx.u(o)));
    }
    if let Some(d) = a.start {
        fields.push((w.start, t(&lang.locale().date(d))));
    }
    if let Some(d) = a.due {
        fields.push((w.due, t(&lang.locale().date(d))));
    }
    // As HTML: the IDs escaped, the names marked with the session's language.
    let mut indicators: Vec<String> = a
        .indicators
        .iter()
        .map(|id| match s.find_indicator(id).and_then(|i| s.indicators.get(i)) {
            Some(i) => format!("{} · {}", t(&i.id), ctx.u(&i.name)),
            None => t(&format!("{id}?")),
        })
        .collect();
    indicators.extend(a.indicator.as_deref().map(|i| ctx.u(i)));
    let find = crate::domain::text::fold(&format!(
        "{shown_id} {} {} {} {} {line}",
        a.id,
        a.text,
        a.owner.as_deref().unwrap_or_default(),
        status_text
    ));
    let mut out = format!(
        "<li class=\"action\" id=\"{}\" data-find=\"{}\">\n<h{level}>{} · {}</h{level}>\n<dl>\n",
        anchor("accion", &a.id),
        attr(&find),
        t(&shown_id),
        ctx.u(&a.text)
    );
    let late = standing.late && !ctx.years.is_empty();
    out.push_str(&format!(
        "<dt>{}</dt><dd{}>{}</dd>\n",
        t(w.status_now),
        if late { " class=\"late\"" } else { "" },
        t(&status_text)
    ));
    for (label, value) in fields {
        out.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", t(label)));
    }
    if !indicators.is_empty() {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", t(pw.indicators), indicators.join("; ")));
    }
    out.push_str("</dl>\n");
    if !ctx.history.is_empty() {
        out.push_str(&history(ctx, pw, came, a, &shown_id));
    }
    if ctx.internal {
        for &y in &ctx.years {
            if let Some(note) = rows.get(&(a.id.clone(), y)).and_then(|r| r.note.as_deref()) {
                out.push_str(&format!("<p class=\"note\">{} {y}: {}</p>\n", t(report.notes), ctx.u(note)));
            }
        }
    }
    out.push_str("</li>\n");
    out
}

/// The action's degree and status in each year of the history: `(…)` when
/// it stands on an earlier year's review, `—` before its first review and
/// after the last year reviewed.
fn history(ctx: &Ctx, pw: &PlanWords, came: Came, a: &CameAction, shown_id: &str) -> String {
    let report = ctx.lang.text().report;
    let last = ctx.years.last().copied();
    let caption = format!("{} · {shown_id}", ctx.w().progress);
    let mut out = format!(
        "{}<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        scroll_open(&caption),
        t(&caption),
        t(report.year)
    );
    for y in &ctx.history {
        out.push_str(&format!("<th scope=\"col\">{y}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let cells = |f: &dyn Fn(&ActionStanding) -> String| -> String {
        ctx.history
            .iter()
            .map(|&y| {
                let st = last.is_some_and(|l| y <= l).then(|| ctx.s.standing(came, a, y));
                let v = match st {
                    Some(st) if st.reviewed == Some(y) => f(&st),
                    Some(st) if st.reviewed.is_some() => format!("({})", f(&st)),
                    _ => "—".to_owned(),
                };
                format!("<td class=\"n\">{}</td>", t(&v))
            })
            .collect()
    };
    let degree = |st: &ActionStanding| ctx.lang.locale().percent(f64::from(st.degree.get()));
    out.push_str(&format!("<tr><th scope=\"row\">{}</th>{}</tr>\n", t(report.col_degree), cells(&degree)));
    let status = |st: &ActionStanding| pw.status(st.status).to_owned();
    out.push_str(&format!("<tr><th scope=\"row\">{}</th>{}</tr>\n", t(pw.col_status), cells(&status)));
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}
