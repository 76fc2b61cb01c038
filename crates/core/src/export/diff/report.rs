//! The report of a [`SessionDiff`]: 80-column text or Markdown, one section
//! per kind of change, factors first, then actions and strategies.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::domain::Session;
use crate::export::text::{WIDTH, wrap};
use crate::export::{day_in, markdown, safe};
use crate::i18n::Lang;
use crate::labels;

use super::{ActionChange, Change, DiffFormat, Placed, PlacedAction, SessionDiff, shown};
use crate::domain::Strategy;

/// Words of the report, from the language's catalogue.
type Words = crate::i18n::DiffWords;

fn words(lang: Lang) -> Words {
    lang.text().diff
}

fn score(n: Option<u8>) -> String {
    n.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

fn rescore_note(c: &Change, w: &Words) -> String {
    let (o, n) = (&c.old.factor, &c.new.factor);
    let mut parts = Vec::new();
    if super::votes_changed(o.votes, n.votes) {
        parts.push(format!("{} {} → {}", w.votes, o.votes, n.votes));
    }
    if o.impact != n.impact {
        parts.push(format!("{} {} → {}", w.impact, score(o.impact), score(n.impact)));
    }
    parts.join(", ")
}

/// One line of a section: ID column, body, optional second line (the old text).
type Entry = (String, String, Option<String>);

fn or_dash(v: Option<String>) -> String {
    v.filter(|v| !v.is_empty()).unwrap_or_else(|| "-".to_owned())
}

/// What changed in an action besides its text and status: `responsable - → X`...
fn details_note(c: &ActionChange, lang: Lang, set: crate::domain::LabelSet, w: &Words) -> String {
    let (o, n) = (&c.old.action, &c.new.action);
    let mut parts = Vec::new();
    if c.old.came != c.new.came {
        parts.push(format!("{} → {}", labels::came(lang, set, c.old.came), labels::came(lang, set, c.new.came)));
    }
    let text = |v: &Option<String>| or_dash(v.as_deref().map(|t| safe(t).into_owned()));
    if shown(&o.owner) != shown(&n.owner) {
        parts.push(format!("{} {} → {}", w.owner, text(&o.owner), text(&n.owner)));
    }
    if o.due != n.due {
        let day = |d: Option<jiff::civil::Date>| or_dash(d.map(|d| lang.locale().date(d)));
        parts.push(format!("{} {} → {}", w.due, day(o.due), day(n.due)));
    }
    if shown(&o.indicator) != shown(&n.indicator) {
        parts.push(format!("{} {} → {}", w.indicator, text(&o.indicator), text(&n.indicator)));
    }
    if o.links != n.links {
        let links = |l: &[String]| {
            or_dash(Some(l.iter().map(|i| safe(&lang.show_id(i)).into_owned()).collect::<Vec<_>>().join(", ")))
        };
        parts.push(format!("{} {} → {}", w.answers, links(&o.links), links(&n.links)));
    }
    if super::votes_changed(o.votes, n.votes) {
        parts.push(format!("{} {} → {}", w.votes, o.votes, n.votes));
    }
    // What the plan says of it: the línea, indicators, start and funding with
    // their values; money, partners and resources by name.
    let p = lang.text().plan_report;
    let id = |v: &Option<String>| or_dash(v.as_deref().map(|i| safe(&lang.show_id(i)).into_owned()));
    if o.line != n.line {
        parts.push(format!("{} {} → {}", p.col_line.to_lowercase(), id(&o.line), id(&n.line)));
    }
    if o.indicators != n.indicators {
        let ids = |l: &[String]| or_dash(Some(lang.show_ids(l, ", ")));
        parts.push(format!("{} {} → {}", p.indicators.to_lowercase(), ids(&o.indicators), ids(&n.indicators)));
    }
    if o.start != n.start {
        let day = |d: Option<jiff::civil::Date>| or_dash(d.map(|d| lang.locale().date(d)));
        parts.push(format!("{} {} → {}", p.col_start.to_lowercase(), day(o.start), day(n.start)));
    }
    if o.funding != n.funding {
        parts.push(format!("{} {} → {}", p.col_funding.to_lowercase(), text(&o.funding), text(&n.funding)));
    }
    if o.amount != n.amount || o.budget != n.budget {
        parts.push(p.col_budget.to_lowercase());
    }
    if o.partners != n.partners {
        parts.push(p.col_partners.to_lowercase());
    }
    if shown(&o.resources) != shown(&n.resources) {
        parts.push(p.col_resources.to_lowercase());
    }
    parts.join(", ")
}

/// The parts of the plan that changed, one entry each, by their headings.
fn plan_parts(d: &SessionDiff, lang: Lang) -> Vec<Entry> {
    use super::PlanPart;
    let p = lang.text().plan_report;
    d.plan
        .iter()
        .map(|part| {
            let name = match part {
                PlanPart::Horizon => p.horizon,
                PlanPart::Mission => p.mission,
                PlanPart::Vision => p.vision,
                PlanPart::Values => p.values,
                PlanPart::Challenges => p.challenges,
                PlanPart::AxesLines => p.axes_lines,
                PlanPart::Indicators => p.indicators,
                PlanPart::Funding => lang.money().sources_label,
                PlanPart::FollowUp => lang.text().follow.view_name,
            };
            // As a heading reads: "Seguimiento", not the screen's "SEGUIMIENTO".
            let mut chars = name.chars();
            let name: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
            ("·".to_owned(), name, None)
        })
        .collect()
}

/// The sections about actions and strategies.
fn plan_sections(d: &SessionDiff, new: &Session, lang: Lang, w: &Words) -> Vec<(&'static str, Vec<Entry>)> {
    let set = new.meta.labels;
    let plain = |p: &PlacedAction| {
        let body = format!("[{}] {}", labels::came(lang, set, p.came), safe(&p.action.text));
        (safe(&lang.show_id(&p.action.id)).into_owned(), body, None)
    };
    let ids = |c: &ActionChange| {
        if c.old.action.id == c.new.action.id {
            safe(&lang.show_id(&c.new.action.id)).into_owned()
        } else {
            format!("{} → {}", safe(&lang.show_id(&c.old.action.id)), safe(&lang.show_id(&c.new.action.id)))
        }
    };
    let mut reworded = Vec::new();
    let mut status = Vec::new();
    let mut details = Vec::new();
    for c in &d.actions_changed {
        let text = safe(&c.new.action.text);
        if c.reworded() {
            let was = format!("{}: {}", w.was, safe(&c.old.action.text));
            reworded.push((ids(c), format!("[{}] {text}", labels::came(lang, set, c.new.came)), Some(was)));
        }
        if c.status_changed() {
            let (o, n) = (labels::status(lang, c.old.action.status), labels::status(lang, c.new.action.status));
            status.push((ids(c), format!("{o} → {n}: {text}"), None));
        }
        if c.details_changed() {
            details.push((ids(c), format!("{}: {text}", details_note(c, lang, set, w)), None));
        }
    }
    let strategy = |st: &Strategy| {
        let pair = st.factors.iter().map(|f| safe(&lang.show_id(f)).into_owned()).collect::<Vec<_>>().join(" × ");
        let kind = labels::crossed(lang, set, st.kind);
        (safe(&lang.show_id(&st.id)).into_owned(), format!("[{kind}] {} ({pair})", safe(&st.text)), None)
    };
    // Actions done or dropped in the old session are not carried over: they
    // were closed, not lost.
    let (open, closed): (Vec<&PlacedAction>, Vec<&PlacedAction>) =
        d.actions_removed.iter().partition(|p| p.action.status.is_open());
    let closed = closed
        .into_iter()
        .map(|p| {
            let (id, body, _) = plain(p);
            (id, format!("{}: {body}", labels::status(lang, p.action.status)), None)
        })
        .collect();
    vec![
        (w.actions_added, d.actions_added.iter().map(plain).collect()),
        (w.actions_removed, open.into_iter().map(plain).collect()),
        (w.actions_closed, closed),
        (w.actions_reworded, reworded),
        (w.status, status),
        (w.action_details, details),
        (w.actions_unconfirmed, d.actions_unconfirmed.iter().map(plain).collect()),
        (w.strategies_added, d.strategies_added.iter().map(strategy).collect()),
        (w.strategies_removed, d.strategies_removed.iter().map(strategy).collect()),
        (w.plan_changed, plan_parts(d, lang)),
    ]
}

/// The sections of the report, each with its entries.
fn sections<'a>(d: &'a SessionDiff, lang: Lang, w: &Words) -> Vec<(&'static str, Vec<Entry>)> {
    let q = |p: &Placed| lang.quadrant(p.quadrant);
    let plain = |p: &'a Placed| {
        (safe(&lang.show_id(&p.factor.id)).into_owned(), format!("[{}] {}", q(p), safe(&p.factor.text)), None)
    };
    let mut moved = Vec::new();
    let mut reworded = Vec::new();
    let mut rescored = Vec::new();
    for c in &d.changed {
        let ids = if c.old.factor.id == c.new.factor.id {
            safe(&lang.show_id(&c.new.factor.id)).into_owned()
        } else {
            format!("{} → {}", safe(&lang.show_id(&c.old.factor.id)), safe(&lang.show_id(&c.new.factor.id)))
        };
        let was = c.reworded().then(|| format!("{}: {}", w.was, safe(&c.old.factor.text)));
        if c.moved() {
            let body = format!("{} → {}: {}", q(&c.old), q(&c.new), safe(&c.new.factor.text));
            moved.push((ids.clone(), body, was));
        } else if c.reworded() {
            reworded.push((ids.clone(), format!("[{}] {}", q(&c.new), safe(&c.new.factor.text)), was));
        }
        if c.rescored() {
            rescored.push((ids, format!("{}: {}", rescore_note(c, w), safe(&c.new.factor.text)), None));
        }
    }
    vec![
        (w.added, d.added.iter().map(plain).collect()),
        (w.removed, d.removed.iter().map(plain).collect()),
        (w.moved, moved),
        (w.reworded, reworded),
        (w.rescored, rescored),
        (w.unconfirmed, d.unconfirmed.iter().map(plain).collect()),
    ]
}

/// The comparison as text (80 columns) or Markdown.
pub fn render(d: &SessionDiff, old: &Session, new: &Session, lang: Lang, format: DiffFormat) -> String {
    let w = words(lang);
    let mut secs = sections(d, lang, &w);
    secs.extend(plan_sections(d, new, lang, &w));
    let mut summary: Vec<String> =
        secs.iter().filter(|(_, e)| !e.is_empty()).map(|(t, e)| format!("{t} {}", e.len())).collect();
    summary.push(format!("{} {}", w.unchanged, d.unchanged));
    if d.actions_unchanged > 0 || !d.actions_changed.is_empty() {
        summary.push(format!("{} {}", w.actions_unchanged, d.actions_unchanged));
    }
    let summary = summary.join(" · ");
    let side = |s: &Session| format!("{} ({})", safe(&s.meta.title), day_in(lang, s.meta.created));
    let mut out = String::new();
    match format {
        DiffFormat::Md => {
            let _ = writeln!(out, "# {}\n", w.title);
            let _ = writeln!(out, "- **{}:** {}", w.before, markdown::escape(&side(old)));
            let _ = writeln!(out, "- **{}:** {}", w.after, markdown::escape(&side(new)));
            let _ = writeln!(out, "\n{summary}\n");
            if d.is_empty() {
                let _ = writeln!(out, "{}", w.same);
            }
            for (title, entries) in secs.iter().filter(|(_, e)| !e.is_empty()) {
                let _ = writeln!(out, "## {title} ({})\n", entries.len());
                for (id, body, was) in entries {
                    let _ = writeln!(out, "- **{}** {}", markdown::escape(id), markdown::escape(body));
                    if let Some(was) = was {
                        let _ = writeln!(out, "  *{}*", markdown::escape(was));
                    }
                }
                out.push('\n');
            }
        }
        DiffFormat::Txt => {
            let _ = writeln!(out, "{}\n{}", w.title, "=".repeat(w.title.width()));
            hang(&mut out, &format!("{}: ", w.before), &side(old));
            hang(&mut out, &format!("{}: ", w.after), &side(new));
            hang(&mut out, "", &summary);
            if d.is_empty() {
                let _ = writeln!(out, "\n{}", w.same);
            }
            for (title, entries) in secs.iter().filter(|(_, e)| !e.is_empty()) {
                let heading = format!("{} ({})", title.to_uppercase(), entries.len());
                let _ = writeln!(out, "\n{heading}\n{}", "-".repeat(heading.width()));
                let id_width = entries.iter().map(|(id, _, _)| id.width()).max().unwrap_or(0);
                for (id, body, was) in entries {
                    let prefix = format!("  {id}{}  ", " ".repeat(id_width - id.width()));
                    hang(&mut out, &prefix, body);
                    if let Some(was) = was {
                        hang(&mut out, &" ".repeat(prefix.width()), was);
                    }
                }
            }
        }
    }
    out
}

/// Writes `prefix` then `body` wrapped to 80 columns, continuation lines under the body.
fn hang(out: &mut String, prefix: &str, body: &str) {
    let indent = prefix.width().min(WIDTH / 2);
    for (i, line) in wrap(body, WIDTH - indent).iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{prefix}{line}");
        } else {
            let _ = writeln!(out, "{}{line}", " ".repeat(indent));
        }
    }
}
