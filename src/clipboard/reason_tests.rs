//! Why a copy failed, said in each language: no English words reach a Spanish
//! or Catalan user (the scan of `i18n::error_scan_tests`), and each outcome's
//! message carries the reason in the language asked for.

use std::io;
use std::path::PathBuf;

use super::{CopyOutcome, CopyReason, NO_CLIPBOARD_ENV, OsFailure};
use crate::i18n::Lang;
use crate::i18n::error_scan_tests::{Case, assert_localized, case, io_values};

fn os(code: i32) -> OsFailure {
    OsFailure::from(io::Error::from_raw_os_error(code))
}

const DESCRIPTION: &str = "Zzyzx connection to the display anfitrion";
/// A future arboard error's own words.
const DETAIL: &str = "Zzyzx was refused by the anfitrion";

/// One value of every reason; the `match` stops the build when a variant has no sample.
fn reasons() -> Vec<CopyReason> {
    let mut all = vec![
        CopyReason::Disabled,
        CopyReason::HolderStopped { code: Some(1) },
        CopyReason::HolderStopped { code: None },
        CopyReason::NotConfirmed { seconds: 3 },
        CopyReason::NotSupported,
        CopyReason::ContentNotAvailable,
        CopyReason::Occupied,
        CopyReason::ConversionFailure,
        CopyReason::Unknown { description: DESCRIPTION.into() },
        CopyReason::Other { detail: DETAIL.into() },
    ];
    for code in [libc::ENOENT, libc::EACCES, libc::ENOSPC, libc::EIO] {
        all.extend([
            CopyReason::NoProgram(os(code)),
            CopyReason::HolderNotStarted(os(code)),
            CopyReason::HolderUnreachable(os(code)),
            CopyReason::NoThread(os(code)),
            CopyReason::NoTempFile { why: Box::new(CopyReason::Disabled), error: os(code) },
            CopyReason::NoTempFile { why: Box::new(CopyReason::Occupied), error: os(code) },
        ]);
    }
    for r in &all {
        match r {
            CopyReason::Disabled
            | CopyReason::NoProgram(_)
            | CopyReason::HolderNotStarted(_)
            | CopyReason::HolderUnreachable(_)
            | CopyReason::HolderStopped { .. }
            | CopyReason::NotConfirmed { .. }
            | CopyReason::NotSupported
            | CopyReason::ContentNotAvailable
            | CopyReason::Occupied
            | CopyReason::ConversionFailure
            | CopyReason::Unknown { .. }
            | CopyReason::Other { .. }
            | CopyReason::NoThread(_)
            | CopyReason::NoTempFile { .. } => {}
        }
    }
    all
}

fn values() -> Vec<String> {
    let mut values = io_values();
    values.extend([NO_CLIPBOARD_ENV, DESCRIPTION, DETAIL, "/tmp/dafo-copy-x.html", "OSC 52"].map(str::to_owned));
    values
}

#[test]
fn no_english_copy_reason_reaches_a_spanish_or_catalan_user() {
    let cases: Vec<Case> = reasons().into_iter().map(|r| case(r, CopyReason::said)).collect();
    assert_localized(&cases, &values());
}

#[test]
fn no_english_copy_outcome_reaches_a_spanish_or_catalan_user() {
    let file = || PathBuf::from("/tmp/dafo-copy-x.html");
    let mut outcomes = Vec::new();
    for reason in reasons() {
        outcomes.push(CopyOutcome::File { reason: reason.clone(), file: file() });
        outcomes.push(CopyOutcome::Osc52 { reason: reason.clone(), file: file() });
        outcomes.push(CopyOutcome::Failed { reason });
    }
    let cases: Vec<Case> = outcomes.into_iter().map(|o| case(o, CopyOutcome::message)).collect();
    assert_localized(&cases, &values());
}

#[test]
fn each_reason_is_said_apart_in_every_language() {
    for &lang in Lang::ALL {
        let mut said: Vec<String> = reasons().iter().map(|r| r.said(lang)).collect();
        let n = said.len();
        said.sort();
        said.dedup();
        assert_eq!(said.len(), n, "{lang:?}: two reasons said alike");
    }
}

#[test]
fn the_message_carries_the_reason_in_the_language_asked_for() {
    let file = PathBuf::from("/tmp/dafo-copy-x.html");
    let late = CopyOutcome::File { reason: CopyReason::NotConfirmed { seconds: 3 }, file };
    let no_disk = CopyOutcome::Failed {
        reason: CopyReason::NoTempFile { why: Box::new(CopyReason::Disabled), error: os(libc::ENOSPC) },
    };
    for (lang, late_words, disk_words) in [
        (
            Lang::Es,
            "el portapapeles no confirmó la copia en 3 s",
            "y no se pudo escribir un archivo temporal: el disco está lleno",
        ),
        (
            Lang::En,
            "the clipboard did not confirm the copy within 3 s",
            "and cannot write a temp file: the disk is full",
        ),
        (
            Lang::Ca,
            "el porta-retalls no ha confirmat la còpia en 3 s",
            "i no s'ha pogut escriure un fitxer temporal: el disc és ple",
        ),
    ] {
        let said = late.message(lang);
        let saved = (lang.text().ui.copy_saved)("/tmp/dafo-copy-x.html", late_words);
        assert_eq!(said, saved, "{lang:?}");
        let failed = no_disk.message(lang);
        assert!(failed.starts_with(lang.text().ui.copy_failed), "{lang:?}: {failed}");
        assert!(failed.contains(&(lang.text().errors.clip_disabled)(NO_CLIPBOARD_ENV)), "{lang:?}: {failed}");
        assert!(failed.contains(disk_words), "{lang:?}: {failed}");
    }
    // The English `Display`, for logs, is the catalogue's English message.
    assert_eq!(late.to_string(), late.message(Lang::En));
    assert_eq!(no_disk.to_string(), no_disk.message(Lang::En));
}

#[test]
fn arboard_errors_keep_their_own_reasons() {
    let mapped: Vec<CopyReason> = [
        arboard::Error::ClipboardNotSupported,
        arboard::Error::ContentNotAvailable,
        arboard::Error::ClipboardOccupied,
        arboard::Error::ConversionFailure,
        arboard::Error::Unknown { description: DESCRIPTION.into() },
    ]
    .into_iter()
    .map(CopyReason::from)
    .collect();
    assert_eq!(
        mapped,
        vec![
            CopyReason::NotSupported,
            CopyReason::ContentNotAvailable,
            CopyReason::Occupied,
            CopyReason::ConversionFailure,
            CopyReason::Unknown { description: DESCRIPTION.into() },
        ]
    );
    // The system's description follows the translated words.
    let es = mapped[4].said(Lang::Es);
    assert!(es.starts_with(Lang::Es.text().errors.clip_unknown) && es.ends_with(DESCRIPTION), "{es}");
}
