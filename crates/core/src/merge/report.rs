//! The merge report (`dafo merge` prints it): per quadrant, the factors by how
//! many groups raised them and those only one group raised; then the
//! disagreements between quadrants and the grey-zone pairs. Text or Markdown.

use std::fmt::Write as _;

use crate::domain::Quadrant;
use crate::domain::sources::{marks, suffix};
use crate::export::safe;
use crate::i18n::Lang;

use super::groups::{Merged, Named, Pair};

/// Output formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportFormat {
    #[default]
    Txt,
    Md,
}

impl crate::choice::Choice for ReportFormat {
    const VALUES: &'static [ReportFormat] = &[ReportFormat::Txt, ReportFormat::Md];

    fn name(self) -> &'static str {
        match self {
            ReportFormat::Txt => "txt",
            ReportFormat::Md => "md",
        }
    }
}

struct Out {
    md: bool,
    text: String,
}

impl Out {
    fn heading(&mut self, level: usize, title: &str) {
        if self.md {
            let _ = writeln!(self.text, "\n{} {title}\n", "#".repeat(level));
        } else if level == 1 {
            let _ = writeln!(self.text, "{}\n{}", title.to_uppercase(), "=".repeat(title.chars().count()));
        } else {
            let _ = writeln!(self.text, "\n{}", title.to_uppercase());
        }
    }
    fn line(&mut self, text: &str) {
        // In Markdown a paragraph stands apart, or it would join the list above.
        let gap = if self.md { "\n" } else { "" };
        let _ = writeln!(self.text, "{gap}{text}{gap}");
    }
    fn item(&mut self, text: &str) {
        let _ = writeln!(self.text, "{}{text}", if self.md { "- " } else { "  " });
    }
}

fn groups_word(lang: Lang, n: usize) -> String {
    (lang.text().merge.groups_count)(n)
}

fn quadrant_one(lang: Lang, q: Quadrant) -> &'static str {
    lang.text().merge.quadrant_one[q.index()]
}

/// A factor with its ID as the language shows it (`W2` in English for the stored `D2`).
fn named(lang: Lang, n: &Named) -> String {
    format!("{} «{}» ({})", lang.show_id(&n.id), safe(&n.text), n.sources.join(", "))
}

fn pair_line(lang: Lang, p: &Pair, quadrants: bool) -> String {
    let score = lang.decimal(p.score);
    if quadrants {
        format!(
            "{} {} / {} {} · {}: {score}",
            quadrant_one(lang, p.a.quadrant),
            named(lang, &p.a),
            quadrant_one(lang, p.b.quadrant),
            named(lang, &p.b),
            lang.text().merge.likeness,
        )
    } else {
        format!("{} ~ {} · {}: {score}", named(lang, &p.a), named(lang, &p.b), lang.text().merge.likeness)
    }
}

/// Renders the report of `merged`.
pub fn render(m: &Merged, lang: Lang, format: ReportFormat) -> String {
    let mut o = Out { md: format == ReportFormat::Md, text: String::new() };
    let s = &m.session;
    let w = lang.text().merge;
    o.heading(1, &format!("{}: {}", w.report_title, safe(&s.meta.title)));
    let legend: Vec<String> = marks(&m.sources).into_iter().map(|(name, mark)| format!("{name} ({mark})")).collect();
    o.line(&format!("{}: {}", w.groups, legend.join(" · ")));
    o.line(&format!("{}: {}", w.factors, (w.read_to)(m.read, s.total())));
    for q in Quadrant::ALL {
        let factors = s.factors(q);
        let mut by: Vec<usize> = factors.iter().map(|f| f.sources.len().max(1)).collect();
        by.sort_unstable_by(|a, b| b.cmp(a));
        by.dedup();
        let summary: Vec<String> = by
            .iter()
            .map(|&n| {
                let k = factors.iter().filter(|f| f.sources.len().max(1) == n).count();
                (w.from_groups)(k, &groups_word(lang, n))
            })
            .collect();
        o.heading(2, lang.quadrant(q));
        // An empty quadrant is "0 factores", with no colon and nothing after it.
        if summary.is_empty() {
            o.line(&(w.factors_count)(0));
        } else {
            o.line(&format!("{}: {}", (w.factors_count)(factors.len()), summary.join(", ")));
        }
        for f in factors.iter().filter(|f| f.sources.len() > 1) {
            o.item(&format!(
                "{} {} {} · {}",
                lang.show_id(&f.id),
                suffix(s, f),
                safe(&f.text),
                groups_word(lang, f.sources.len())
            ));
        }
        let single: Vec<_> = factors.iter().filter(|f| f.sources.len() <= 1).collect();
        if !single.is_empty() {
            o.line(&format!("{}:", w.only_one));
            for f in single {
                o.item(&format!(
                    "{} {} {} · {}",
                    lang.show_id(&f.id),
                    suffix(s, f),
                    safe(&f.text),
                    f.sources.join(", ")
                ));
            }
        }
    }
    o.heading(2, &format!("{} ({})", w.disagreements, m.disagreements.len()));
    if m.disagreements.is_empty() {
        o.line(w.none);
    }
    for p in &m.disagreements {
        o.item(&pair_line(lang, p, true));
    }
    o.heading(2, &format!("{} ({})", w.grey_title, m.grey.len()));
    if m.joined > 0 {
        o.line(&format!("{}: {}", w.joined_on_review, m.joined));
    }
    if m.accepted_similar {
        o.line(w.joined_by_flag);
    } else if m.grey.is_empty() && m.joined == 0 {
        o.line(w.none);
    } else if !m.reviewed {
        o.line(w.grey_hint);
    }
    for p in &m.grey {
        o.item(&pair_line(lang, p, false));
    }
    // Only when there is something to say: a group's file naming factors it lacks.
    if !m.dangling.is_empty() {
        o.heading(2, &format!("{} ({})", w.dangling_title, m.dangling.len()));
        for d in &m.dangling {
            let what = (w.dangling_done)(&lang.show_ids(&d.missing, ", "), d.left_out);
            let (id, text) = (lang.show_id(&d.id), safe(&d.text));
            o.item(&format!("{} · {id} {text}: {what}", safe(&d.source)));
        }
    }
    if o.md {
        while o.text.contains("\n\n\n") {
            o.text = o.text.replace("\n\n\n", "\n\n");
        }
        o.text = o.text.trim_start().to_owned();
    }
    if !o.text.ends_with('\n') {
        o.text.push('\n');
    }
    o.text
}
