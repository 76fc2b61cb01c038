//! The public progress site of a plan (`dafo publish`): static pages, inline
//! style and script, no request leaves them, and the plan's data as CSV and
//! JSON. Everything is drawn from a public copy of the session ([`public`]),
//! so notes, meeting records and participants cannot reach the site unless
//! asked for.

mod actions;
mod chart;
mod data;
mod overview;
mod page;

use jiff::civil::Date;

use crate::domain::Session;
use crate::export::report_rows::row_years;
use crate::i18n::Lang;

/// The file that marks a folder as written by `dafo publish`: only such a
/// folder (or an empty one) is written into.
pub const MARKER: &str = ".dafo-publish";

/// One file of the site: its name in the site's folder and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// What the pages see.
pub(crate) struct Ctx<'a> {
    /// The public copy (or the whole session with `--include-internal`).
    pub s: &'a Session,
    pub lang: Lang,
    pub today: Date,
    pub internal: bool,
    /// The years reviewed, in order.
    pub years: Vec<i16>,
    /// The years of each action's history: the horizon, else the years reviewed.
    pub history: Vec<i16>,
    /// The language of the session's texts when it is not the site's
    /// (`es` texts on an English site): each such text is marked with it.
    pub content: Option<String>,
}

impl Ctx<'_> {
    pub fn w(&self) -> &'static crate::i18n::publish_words::PublishWords {
        self.lang.text().publish
    }

    /// A text of the session, escaped, in a `<span lang>` when the session is
    /// written in another language than the site's (WCAG 3.1.2).
    pub fn u(&self, text: &str) -> String {
        match &self.content {
            Some(l) => format!("<span lang=\"{l}\">{}</span>", page::t(text)),
            None => page::t(text),
        }
    }
}

/// The session's language as an HTML `lang`, when it is a plausible tag and not `site`'s.
fn content_lang(s: &Session, site: Lang) -> Option<String> {
    let l = s.meta.language.trim();
    let tag = !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let same = Lang::from_tag(l) == Some(site);
    (tag && !same).then(|| l.to_owned())
}

/// The session without what stays in the room: review notes, the year's
/// meeting record (committee, date, summary, problems) and the participants.
pub fn public(s: &Session) -> Session {
    let mut p = s.clone();
    p.meta.participants = None;
    p.meta.place = None;
    for r in &mut p.reviews {
        r.note = None;
    }
    for y in &mut p.review_years {
        y.body = None;
        y.date = None;
        y.summary = None;
        y.problems.clear();
    }
    p
}

/// The site of `session` in `lang`, lateness judged on `today`; with
/// `internal`, the notes, meeting records and participants too.
pub fn site(session: &Session, lang: Lang, today: Date, internal: bool) -> Vec<SiteFile> {
    let copy;
    let s = if internal {
        session
    } else {
        copy = public(session);
        &copy
    };
    let content = content_lang(s, lang);
    let ctx = Ctx { s, lang, today, internal, years: s.reviewed_years(), history: row_years(s), content };
    vec![
        SiteFile { name: "index.html", bytes: overview::page(&ctx).into_bytes() },
        SiteFile { name: "actions.html", bytes: actions::page(&ctx).into_bytes() },
        SiteFile { name: data::CSV, bytes: data::csv(&ctx).into_bytes() },
        SiteFile { name: data::JSON, bytes: data::json(&ctx).into_bytes() },
        SiteFile { name: MARKER, bytes: b"dafo publish\n".to_vec() },
    ]
}

#[cfg(test)]
mod tests;
