//! The site's first page (`index.html`): the plan's misión, visión and
//! valores, the degree of implementation per year of the plan and of each
//! eje (charts and tables), the indicators with their values, and the links
//! to the actions and the data. With `--include-internal`, the participants
//! and each year's meeting record too.

use crate::export::plan_report::date;
use crate::export::report_build::{num, pct};
use crate::i18n::plan_words::PlanWords;

use super::chart::figure;
use super::page::{Which, anchor, page as shell, t, table};
use super::{Ctx, data};

/// `index.html`.
pub fn page(ctx: &Ctx) -> String {
    let (s, w) = (ctx.s, ctx.w());
    let pw = PlanWords::for_lang(ctx.lang);
    let mut out = format!("<h1>{}</h1>\n", ctx.u(&s.meta.title));
    // Each fact's value as HTML.
    let mut facts = Vec::new();
    if let Some(h) = s.meta.horizon {
        facts.push((pw.horizon, t(&h.to_string())));
    }
    if ctx.internal
        && let Some(p) = &s.meta.participants
    {
        facts.push((ctx.lang.text().export.participants, ctx.u(p)));
    }
    if !facts.is_empty() {
        out.push_str("<dl>\n");
        for (label, value) in facts {
            out.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", t(label)));
        }
        out.push_str("</dl>\n");
    }
    formulation(&mut out, ctx, &pw);
    progress(&mut out, ctx);
    records(&mut out, ctx);
    indicators(&mut out, ctx, &pw);
    out.push_str(&format!("<h2>{}</h2>\n<ul>\n", t(w.data)));
    out.push_str(&format!("<li><a href=\"actions.html\">{}</a></li>\n", t(w.actions)));
    out.push_str(&format!("<li><a href=\"{}\" download>{}</a></li>\n", data::CSV, t(w.csv)));
    out.push_str(&format!("<li><a href=\"{}\" download>{}</a></li>\n</ul>\n", data::JSON, t(w.json)));
    shell(ctx, Which::Overview, w.overview, &out, None)
}

fn formulation(out: &mut String, ctx: &Ctx, pw: &PlanWords) {
    let s = ctx.s;
    if s.mission.is_none() && s.vision.is_none() && s.values.is_empty() {
        return;
    }
    out.push_str(&format!("<h2>{}</h2>\n", t(pw.formulation)));
    for (title, text) in [(pw.mission, &s.mission), (pw.vision, &s.vision)] {
        if let Some(text) = text {
            out.push_str(&format!("<h3>{}</h3>\n<p>{}</p>\n", t(title), ctx.u(text)));
        }
    }
    if !s.values.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", t(pw.values)));
        for v in &s.values {
            out.push_str(&format!("<li>{}</li>\n", ctx.u(v)));
        }
        out.push_str("</ul>\n");
    }
}

fn progress(out: &mut String, ctx: &Ctx) {
    let (s, w, lang) = (ctx.s, ctx.w(), ctx.lang);
    out.push_str(&format!("<h2>{}</h2>\n", t(w.progress)));
    if ctx.years.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", t(w.no_year)));
        return;
    }
    let progress: Vec<_> = ctx.years.iter().map(|&y| s.progress_on(y, ctx.today)).collect();
    let years: Vec<String> = ctx.years.iter().map(i16::to_string).collect();
    let fmt = |d: Option<f64>| d.map_or_else(|| "—".to_owned(), |d| pct(lang, d));
    let report = lang.text().report;
    // The plan: a line across the years.
    if let Some(mut c) = crate::export::chart::degrees::trend(&progress, lang, false) {
        c.id = "chart-plan".to_owned();
        c.title = w.chart_plan.to_owned();
        out.push_str(&figure(&c, lang));
    }
    let mut heads = vec![report.year.to_owned()];
    heads.push(report.col_degree.to_owned());
    let rows: Vec<(String, Vec<String>)> =
        progress.iter().map(|p| (t(&p.year.to_string()), vec![fmt(p.degree)])).collect();
    out.push_str(&table(w.chart_plan, &heads, &rows, true));
    if s.axes.is_empty() {
        return;
    }
    // Each eje: one bar per year.
    if let Some(mut c) = crate::export::chart::degrees::axes(s, &progress, lang, false) {
        c.id = "chart-axes".to_owned();
        c.title = w.chart_axes.to_owned();
        out.push_str(&figure(&c, lang));
    }
    let mut heads = vec![report.col_axis_line.to_owned()];
    heads.extend(years.iter().cloned());
    let mut rows: Vec<(String, Vec<String>)> = s
        .axes
        .iter()
        .enumerate()
        .map(|(n, axis)| {
            let values = progress.iter().map(|p| fmt(p.axes.get(n).and_then(|a| a.degree))).collect();
            (format!("{}. {}", n + 1, ctx.u(&axis.text)), values)
        })
        .collect();
    rows.push((t(report.plan), progress.iter().map(|p| fmt(p.degree)).collect()));
    out.push_str(&table(w.chart_axes, &heads, &rows, true));
    // Where each eje's actions are.
    out.push_str(&format!("<h3>{}</h3>\n<ul>\n", t(w.actions)));
    for (n, axis) in s.axes.iter().enumerate() {
        out.push_str(&format!(
            "<li><a href=\"actions.html#{}\">{}. {}</a></li>\n",
            anchor("eje", &axis.id),
            n + 1,
            ctx.u(&axis.text)
        ));
    }
    out.push_str("</ul>\n");
}

/// Each year's meeting record: only with `--include-internal`.
fn records(out: &mut String, ctx: &Ctx) {
    if !ctx.internal {
        return;
    }
    let (w, r, lang) = (ctx.w(), ctx.lang.text().report, ctx.lang);
    for y in &ctx.s.review_years {
        // Each field's value as HTML.
        let mut fields: Vec<(&str, String)> = Vec::new();
        fields.extend(y.body.as_deref().map(|b| (r.body, ctx.u(b))));
        fields.extend(y.date.map(|d| (r.date, t(&date(lang, d)))));
        fields.extend(y.summary.as_deref().map(|x| (r.summary, ctx.u(x))));
        if fields.is_empty() && y.problems.is_empty() {
            continue;
        }
        out.push_str(&format!("<h2>{} {}</h2>\n<dl>\n", t(w.record), y.year));
        for (label, value) in fields {
            out.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", t(label)));
        }
        out.push_str("</dl>\n");
        if !y.problems.is_empty() {
            out.push_str(&format!("<h3>{} {}</h3>\n<ul>\n", t(r.problems), y.year));
            for p in &y.problems {
                out.push_str(&format!("<li>{}</li>\n", ctx.u(p)));
            }
            out.push_str("</ul>\n");
        }
    }
}

fn indicators(out: &mut String, ctx: &Ctx, pw: &PlanWords) {
    let (s, lang) = (ctx.s, ctx.lang);
    if s.indicators.is_empty() {
        return;
    }
    let opt = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| num(lang, x));
    let mut heads = vec![pw.col_name.to_owned(), pw.col_baseline.to_owned(), pw.col_target.to_owned()];
    heads.extend(ctx.years.iter().map(i16::to_string));
    let rows: Vec<(String, Vec<String>)> = s
        .indicators
        .iter()
        .map(|i| {
            let name = match &i.unit {
                Some(u) => format!("{} · {} ({})", t(&i.id), ctx.u(&i.name), ctx.u(u)),
                None => format!("{} · {}", t(&i.id), ctx.u(&i.name)),
            };
            let mut cells = vec![opt(i.baseline), opt(i.target)];
            cells.extend(ctx.years.iter().map(|&y| opt(s.indicator_value(&i.id, y))));
            (name, cells)
        })
        .collect();
    out.push_str(&format!("<h2>{}</h2>\n", t(pw.indicators)));
    out.push_str(&table(pw.indicators, &heads, &rows, true));
}
