//! clap's own errors (an unknown option, a missing value, a value refused, an
//! unknown command...) said in the language in force, with the catalogue's words
//! (`Catalogue::errors`); `--help` and `--version` pass through as clap prints them.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{self, Lang};

/// Handles a command line clap refused: help and version are printed as clap
/// prints them; a mistake is said in the language of `args` and the environment
/// (`--lang`, `DAFO_LANG`, `config.ron`, the locale), with clap's exit code (2).
pub fn refuse(e: &clap::Error, args: &[OsString], env: impl Fn(&str) -> Option<String> + Copy) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(code);
    }
    let flag = flag_lang(args);
    let config = crate::settings::read_at_start(flag, env).1.ok().and_then(|s| s.language());
    let lang = i18n::resolve(flag, None, config, env);
    // What was typed may hold escape sequences: never echoed raw.
    let said = crate::domain::text::display_safe_lines(&message(e, lang));
    use std::io::Write as _;
    let _ = write!(std::io::stderr(), "{said}");
    ExitCode::from(code)
}

/// The language `--lang X` or `--lang=X` names, if it names one (before `--`).
pub fn flag_lang(args: &[OsString]) -> Option<Lang> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let args = &args[..args.iter().position(|a| a == "--").unwrap_or(args.len())];
    args.iter().enumerate().rev().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).and_then(|v| Lang::from_tag(v)),
        Some(rest) => rest.strip_prefix('=').and_then(Lang::from_tag),
        None => None,
    })
}

/// One piece of clap's context as text (a list joined by commas).
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    Some(match e.get(kind)? {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => return None,
    })
}

/// `e` in `lang`: `error: ` and what is wrong, a suggestion, the usage line and
/// where to find help.
pub fn message(e: &clap::Error, lang: Lang) -> String {
    let w = lang.text().errors;
    let get = |kind| context(e, kind);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut lines = vec![match e.kind() {
        ErrorKind::UnknownArgument => (w.cli_unknown_argument)(&arg),
        ErrorKind::InvalidSubcommand => {
            (w.cli_unknown_command)(&get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue if value.is_empty() => (w.cli_missing_value)(&arg),
        ErrorKind::InvalidValue => (w.cli_invalid_value)(&value, &arg),
        ErrorKind::ValueValidation => format!("{}: {}", (w.cli_invalid_value)(&value, &arg), why(e, &value, lang)),
        ErrorKind::MissingRequiredArgument => (w.cli_missing_required)(&arg),
        ErrorKind::MissingSubcommand => w.cli_missing_command.to_owned(),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(prior) if prior != arg => (w.cli_conflict)(&arg, &prior),
            _ => (w.cli_twice)(&arg),
        },
        ErrorKind::TooManyValues => (w.cli_too_many)(&value),
        _ => format!("{}: {}", w.cli_other, clap_line(e)),
    }];
    if let Some(valid) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        lines.push(format!("  {}", (w.cli_possible_values)(&valid)));
    }
    let suggested = get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        lines.push(format!("  {}", (w.cli_did_you_mean)(&s)));
    }
    let mut out = format!("error: {}\n", lines.join("\n"));
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage =
            usage.split_once(':').filter(|(head, _)| !head.contains(' ')).map_or(usage, |(_, rest)| rest.trim());
        out.push_str(&format!("\n{}: {usage}\n", w.cli_usage));
    }
    out.push_str(&format!("\n{}\n", w.cli_help_hint));
    out
}

/// Why a value was refused, in `lang` where dafo knows the reason.
fn why(e: &clap::Error, value: &str, lang: Lang) -> String {
    use std::error::Error as _;
    let Some(source) = e.source() else { return String::new() };
    if let Some(h) = source.downcast_ref::<crate::domain::HorizonError>() {
        return h.message(lang);
    }
    if let Some(crate::cli::YearRefused(year)) = source.downcast_ref() {
        return (lang.text().review_errors.bad_year)(year);
    }
    if source.is::<std::num::ParseIntError>() || source.is::<std::num::ParseFloatError>() {
        return (lang.text().review_errors.not_a_number)(value);
    }
    source.to_string()
}

/// clap's own first line, without `error: `: the detail of a mistake dafo has no words for.
fn clap_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser as _;

    fn refused(args: &[&str]) -> clap::Error {
        crate::cli::Cli::try_parse_from(std::iter::once("dafo").chain(args.iter().copied())).unwrap_err()
    }

    #[test]
    fn each_mistake_is_said_in_each_language() {
        let cases: &[(&[&str], ErrorKind)] = &[
            (&["--bogus"], ErrorKind::UnknownArgument),
            (&["--lang"], ErrorKind::InvalidValue),
            (&["--lang", "fr"], ErrorKind::InvalidValue),
            (&["review"], ErrorKind::MissingRequiredArgument),
            (&["review", "p.ron", "--year", "dos"], ErrorKind::ValueValidation),
            (&["new", "Plan", "--horizon", "2026-2023"], ErrorKind::ValueValidation),
            (&["--room", "--room"], ErrorKind::ArgumentConflict),
        ];
        for (args, kind) in cases {
            let e = refused(args);
            assert_eq!(e.kind(), *kind, "{args:?}");
            let en = message(&e, Lang::En);
            for lang in [Lang::Es, Lang::Ca] {
                let said = message(&e, lang);
                assert_ne!(said, en, "{args:?}");
                assert!(said.contains(lang.text().errors.cli_help_hint), "{said}");
                assert!(!said.contains("For more information"), "{said}");
            }
        }
        let e = refused(&["--lang", "fr"]);
        let es = message(&e, Lang::Es);
        assert!(es.starts_with("error: valor no válido «fr» para --lang <LANG>"), "{es}");
        assert!(es.contains("valores posibles: es, en, ca"), "{es}");
        let e = refused(&["new", "Plan", "--horizon", "2026-2023"]);
        assert!(message(&e, Lang::Ca).contains("l'horitzó acaba (2023) abans de començar (2026)"));
        assert!(message(&e, Lang::En).contains("the horizon ends (2023) before it starts (2026)"));
    }

    /// `--year 99999999999` said clap's English and its `i16` range: `99999999999
    /// is not in -32768..=32767`. Now any year outside a session's is refused
    /// with the years a session may have, in the language in force.
    #[test]
    fn a_year_no_session_may_have_is_refused_with_the_years_it_may() {
        for args in [
            &["review", "p.ron", "--year", "99999999999"][..],
            &["review", "p.ron", "--year", "99999999999999999999999"],
            &["review", "p.ron", "--year", "1800"],
            &["report", "p.ron", "--year", "40000"],
        ] {
            let e = refused(args);
            assert_eq!(e.kind(), ErrorKind::ValueValidation, "{args:?}");
            let year = args[3];
            for lang in Lang::ALL.iter().copied() {
                let said = message(&e, lang);
                assert!(said.contains(&(lang.text().review_errors.bad_year)(year)), "{said}");
                assert!(said.contains("1900") && said.contains("2200"), "{said}");
                assert!(!said.contains("32767") && !said.contains("is not in"), "{said}");
            }
        }
        let ok = |y: &str| crate::cli::Cli::try_parse_from(["dafo", "review", "p.ron", "--year", y]).is_ok();
        assert!(ok("1900") && ok("2025") && ok("2200"));
        assert_eq!(refused(&["review", "p.ron", "--year", "dos"]).kind(), ErrorKind::ValueValidation);
        assert!(message(&refused(&["review", "p.ron", "--year", "dos"]), Lang::Es).contains("\"dos\" no es un número"));
    }

    #[test]
    fn the_language_flag_is_read_from_a_line_that_did_not_parse() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(flag_lang(&args(&["dafo", "--bogus", "--lang", "ca"])), Some(Lang::Ca));
        assert_eq!(flag_lang(&args(&["dafo", "--lang=en", "--bogus"])), Some(Lang::En));
        assert_eq!(flag_lang(&args(&["dafo", "--lang", "fr"])), None);
        assert_eq!(flag_lang(&args(&["dafo", "--", "--lang", "en"])), None);
    }
}
