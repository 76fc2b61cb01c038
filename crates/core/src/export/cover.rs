//! The apparatus of the informe final and of the follow-up report (issue 27):
//! the cover's subtitle and lines, and the author of the document's properties,
//! from the session's metadata. The logo is read by the command, beside the
//! session file ([`super::logo`]), and put in afterwards.

use jiff::civil::Date;

use crate::domain::Session;
use crate::i18n::Lang;

use super::doc::Apparatus;

/// The informe of `s`: a diagnosis, or a plan when it has one.
pub fn informe(s: &Session, lang: Lang, today: Date) -> Apparatus {
    let w = lang.text().apparatus;
    apparatus(s, lang, today, if s.has_plan() { w.plan } else { w.diagnosis }.to_owned())
}

/// The follow-up report of `s` for `span` (`2024`, `2023-2025`).
pub fn report(s: &Session, span: &str, lang: Lang, today: Date) -> Apparatus {
    let a = apparatus(s, lang, today, (lang.text().apparatus.follow_up)(span));
    Apparatus { cover_title: Some(s.meta.title.clone()), ..a }
}

fn apparatus(s: &Session, lang: Lang, today: Date, subtitle: String) -> Apparatus {
    let filled = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let (body, place) = (filled(&s.meta.body), filled(&s.meta.place));
    let mut cover: Vec<String> = body.iter().chain(&place).cloned().collect();
    cover.extend(super::plan_report::horizon_field(s, lang).map(|(label, value)| format!("{label}: {value}")));
    // The day it was made, said as such: the session's own date is in its header.
    cover.push(format!("{}: {}", lang.text().apparatus.issued, lang.locale().date(today)));
    let author = body.or(place).unwrap_or_default();
    Apparatus { cover_title: None, subtitle, cover, author, date: Some(today), logo: None, parts: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cover_names_the_kind_the_body_the_place_the_horizon_and_the_day() {
        let mut s = Session::new("Plan de servicios sociales", jiff::Timestamp::UNIX_EPOCH);
        s.meta.place = Some("Almendral".into());
        let day = jiff::civil::date(2026, 12, 6);
        let a = informe(&s, Lang::Es, day);
        assert_eq!(a.subtitle, "Diagnóstico DAFO");
        assert_eq!(a.cover, ["Almendral", "Fecha de edición: 06/12/2026"]);
        assert_eq!(a.author, "Almendral", "without a body, the place is the author");
        s.meta.body = Some("Ayuntamiento de Almendral".into());
        s.meta.horizon = "2023-2026".parse().ok();
        let a = report(&s, "2024", Lang::En, day);
        assert_eq!(a.subtitle, "Follow-up report 2024");
        assert_eq!(a.cover, ["Ayuntamiento de Almendral", "Almendral", "Horizon: 2023-2026", "Issued: 2026-12-06"]);
        assert_eq!((a.author.as_str(), a.date), ("Ayuntamiento de Almendral", Some(day)));
        assert_eq!(a.cover_title.as_deref(), Some("Plan de servicios sociales"), "the plan's own title");
    }
}
