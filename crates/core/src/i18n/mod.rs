//! Languages and their message catalogues: every text a user reads comes from here.
//!
//! **Representation.** Each language is one file (`es.rs`, `en.rs`, `ca.rs`) holding
//! one `static` [`Catalogue`]: a plain struct of `&'static str` fields, arrays
//! indexed by the domain's enums, and `fn` pointers for messages with numbers in them
//! (each language places its words and plurals its own way). The compiler checks that
//! every language has every message, lookups are field reads, and there are no
//! run-time files or parsing. Fluent would add about a dozen crates, run-time parsing
//! and string-keyed lookups that fail only when shown; with three languages written
//! by the same team, a typed struct is lighter and safer.
//!
//! **Adding a language** takes one new file (copy `en.rs`, translate) and one line in
//! the `languages!` call below. Nothing else names the languages: parsers
//! ([`crate::labels`]) iterate over [`Lang::ALL`], and the locale prefixes that choose
//! a language live in its own catalogue. The `*_words.rs` / `*_text.rs` files hold
//! only the shape of a catalogue's sections and helpers that speak no language; a
//! test (`one_place_tests`) fails if any source file but a catalogue holds a
//! language's own table.
//!
//! **Which language** a command speaks is decided by [`resolve`]: `--lang`, then the
//! session's own language, then `DAFO_LANG`, then `config.ron`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), then Spanish.

pub mod apparatus_words;
mod catalogue;
pub mod chart_words;
pub mod clash_text;
mod domain_errors;
pub mod error_words;
pub mod follow_legend;
pub mod follow_words;
mod ids;
pub mod indicator_words;
pub mod join_text;
mod keymap_text;
pub mod limits_text;
pub mod locale;
pub mod merge_text;
pub mod money_words;
mod os_error;
pub mod plan_ui;
pub mod plan_words;
pub mod publish_words;
pub mod quick_words;
pub mod report_words;
pub mod review_errors;
pub mod sala_words;
pub mod sheet_words;
pub mod survey_words;
pub mod theme_words;

pub use catalogue::{
    Catalogue, CliText, DiffWords, DomainWords, ExportWords, ImportErrors, KeyNames, KeymapText, MeetingText,
    PlanWords, UiText,
};
pub use domain_errors::range_message;
pub use ids::{stored_action_id, stored_id};
pub use os_error::{os_detail, os_error};

use crate::domain::{Came, Crossed, LabelSet, Matrix, Quadrant, Status};

/// Declares the languages: the [`Lang`] enum (the first is the default), its
/// modules and its catalogues. One line per language.
macro_rules! languages {
    ($(#[doc = $doc:literal] $variant:ident => $module:ident),+ $(,)?) => {
        $(mod $module;)+

        /// Language of the interface, the CLI and the exports (not of the session's content).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Lang {
            $(#[doc = $doc] $variant),+
        }

        impl Lang {
            /// Every language, the default first.
            pub const ALL: &'static [Lang] = &[$(Lang::$variant),+];

            /// This language's catalogue.
            pub fn text(self) -> &'static Catalogue {
                match self {
                    $(Lang::$variant => &$module::TEXT),+
                }
            }
        }

        /// `--lang es`: a language is named by its tag, helped by its doc line.
        impl crate::choice::Choice for Lang {
            const VALUES: &'static [Lang] = Lang::ALL;

            fn name(self) -> &'static str {
                self.tag()
            }

            fn help(self) -> Option<&'static str> {
                let doc = match self {
                    $(Lang::$variant => $doc),+
                };
                Some(doc.trim().trim_end_matches('.'))
            }
        }
    };
}

languages! {
    /// Español (the default).
    Es => es,
    /// English.
    En => en,
    /// Català / valencià.
    Ca => ca,
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::ALL[0]
    }
}

impl Lang {
    /// The tag stored in sessions and written as `<html lang>`: `es`, `en`, `ca`.
    pub fn tag(self) -> &'static str {
        self.text().tag
    }

    /// The language a tag or locale names: `en`, `en_GB.UTF-8`, `ca-ES-valencia`,
    /// `ca_ES@valencia`, `ES`. `None` for others (`C`, `POSIX`, `fr_FR`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        Lang::ALL.iter().copied().find(|l| {
            l.text().locales.iter().any(|p| {
                let p = p.to_ascii_lowercase().replace('_', "-");
                t == p || t.strip_prefix(&p).is_some_and(|rest| rest.starts_with(['-', '.', '@']))
            })
        })
    }

    /// Quadrant title: Fortalezas / Strengths / Fortaleses.
    pub fn quadrant(self, q: Quadrant) -> &'static str {
        self.text().domain.quadrants[q.index()]
    }

    /// A quadrant's initial in counts: F D O A / S W O T.
    pub fn letter(self, q: Quadrant) -> &'static str {
        self.text().domain.letters[q.index()]
    }

    /// The four counts with their initials: `5 F, 6 D, 5 O, 5 A` / `5 S, 6 W, 5 O, 5 T`.
    pub fn counts(self, counts: [usize; 4], sep: &str) -> String {
        Quadrant::ALL.iter().zip(counts).map(|(&q, n)| format!("{n} {}", self.letter(q))).collect::<Vec<_>>().join(sep)
    }

    /// "internos" / "internal": whether the quadrant's factors are internal or external.
    pub fn origin(self, q: Quadrant) -> &'static str {
        self.text().domain.origin[usize::from(!q.is_internal())]
    }

    /// A CAME verb in a label set: Mantener... Afrontar (or Adaptar).
    pub fn came(self, set: LabelSet, c: Came) -> &'static str {
        let d = &self.text().domain;
        match (set, c) {
            (LabelSet::SocialWork, Came::Confront) => d.adapt,
            _ => d.came[came_index(c)],
        }
    }

    /// The full name of a kind of crossed strategy in a label set.
    pub fn crossed(self, set: LabelSet, k: Crossed) -> &'static str {
        self.text().domain.crossed[set_index(set)][crossed_index(k)]
    }

    /// The short name of a kind of crossed strategy in a label set.
    pub fn crossed_short(self, set: LabelSet, k: Crossed) -> &'static str {
        self.text().domain.crossed_short[set_index(set)][crossed_index(k)]
    }

    /// The code of a crossed pair: FO / SO...
    pub fn crossed_code(self, k: Crossed) -> &'static str {
        self.text().domain.crossed_code[crossed_index(k)]
    }

    /// An action's status: pendiente / pending / pendent...
    pub fn status(self, s: Status) -> &'static str {
        self.text().domain.status[status_index(s)]
    }

    /// A weighted matrix's short name: EFI / IFE.
    pub fn matrix(self, m: Matrix) -> &'static str {
        self.text().domain.matrices[matrix_index(m)]
    }

    /// A matrix's heading in the exports: "Matriz EFI (factores internos)".
    pub fn matrix_heading(self, m: Matrix) -> &'static str {
        self.text().plan.matrix_headings[matrix_index(m)]
    }

    /// How this language writes and reads numbers, amounts, percentages and dates.
    pub fn locale(self) -> &'static locale::Locale {
        &self.text().locale
    }

    /// A number with `decimals` decimals and this language's separator: `0,15`, `0.15`
    /// ([`locale::Locale::fixed`]).
    pub fn number(self, x: f64, decimals: usize) -> String {
        self.locale().fixed(x, decimals)
    }

    /// A number with two decimals: [`Lang::number`] with 2.
    pub fn decimal(self, x: f64) -> String {
        self.number(x, 2)
    }
}

fn came_index(c: Came) -> usize {
    match c {
        Came::Maintain => 0,
        Came::Correct => 1,
        Came::Exploit => 2,
        Came::Confront => 3,
    }
}

fn crossed_index(k: Crossed) -> usize {
    match k {
        Crossed::FO => 0,
        Crossed::DO => 1,
        Crossed::FA => 2,
        Crossed::DA => 3,
    }
}

fn status_index(s: Status) -> usize {
    match s {
        Status::Pending => 0,
        Status::InProgress => 1,
        Status::Done => 2,
        Status::Dropped => 3,
    }
}

fn matrix_index(m: Matrix) -> usize {
    match m {
        Matrix::Efi => 0,
        Matrix::Efe => 1,
    }
}

fn set_index(set: LabelSet) -> usize {
    match set {
        LabelSet::Classic => 0,
        LabelSet::SocialWork => 1,
    }
}

pub use crate::domain::text::fold;

/// Whether `text` matches a search: every word of `search` appears in it,
/// folded ([`fold`]): `lista espera` finds "Listas de espera", `accion` "Acción".
/// An empty search matches everything.
pub fn matches(text: &str, search: &str) -> bool {
    let text = fold(text);
    fold(search).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| text.contains(w))
}

/// Decides the language: `flag` (`--lang`), then the session's own `session`
/// tag, then `DAFO_LANG`, then the config file's `config`, then the locale
/// (the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`), then Spanish.
/// `env` reads an environment variable (injected so tests do not touch the real one).
pub fn resolve(
    flag: Option<Lang>,
    session: Option<&str>,
    config: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    let var = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    flag.or_else(|| session.and_then(Lang::from_tag))
        .or_else(|| var("DAFO_LANG").and_then(|v| Lang::from_tag(&v)))
        .or(config)
        .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var).and_then(|v| Lang::from_tag(&v)))
        .unwrap_or_default()
}

// Also for the dafo package's tests of its own errors (its dev-dependency on
// the core turns `error-scan` on).
#[cfg(any(test, feature = "error-scan"))]
#[doc(hidden)]
pub mod error_scan_tests;
#[cfg(test)]
mod one_place_tests;
#[cfg(test)]
mod tests;
