//! The system's refusals in the user's language: what happened in words of the
//! language in force, then the system's own text (from libc, in English) as detail.

use std::io;

use super::Lang;

/// `e` in `lang`: "no existe: No such file or directory". Every error type that
/// wraps an [`io::Error`] says it through here.
pub fn os_error(e: &io::Error, lang: Lang) -> String {
    // A file refused before it was read (a FIFO, a device, too large): its own words.
    if let Some(b) = e.get_ref().and_then(|inner| inner.downcast_ref::<crate::storage::bounded::BoundedError>()) {
        return b.reason(lang);
    }
    let w = lang.text().errors;
    let words = match e.kind() {
        io::ErrorKind::NotFound => w.os_not_found,
        io::ErrorKind::PermissionDenied => w.os_permission,
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => w.os_full,
        io::ErrorKind::ReadOnlyFilesystem => w.os_read_only,
        io::ErrorKind::AlreadyExists => w.os_exists,
        io::ErrorKind::IsADirectory => w.os_is_folder,
        io::ErrorKind::NotADirectory => w.os_not_folder,
        _ => w.os_other,
    };
    format!("{words}: {}", os_detail(e))
}

/// The system's own text without Rust's " (os error 2)" tail.
pub fn os_detail(e: &io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(code) => text.trim_end_matches(&format!(" (os error {code})")).to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds() -> Vec<io::Error> {
        vec![
            io::Error::from_raw_os_error(libc::ENOENT),
            io::Error::from_raw_os_error(libc::EACCES),
            io::Error::from_raw_os_error(libc::ENOSPC),
            io::Error::from_raw_os_error(libc::EROFS),
            io::Error::from_raw_os_error(libc::EEXIST),
            io::Error::from_raw_os_error(libc::EISDIR),
            io::Error::from_raw_os_error(libc::ENOTDIR),
            io::Error::from_raw_os_error(libc::EIO),
        ]
    }

    #[test]
    fn each_refusal_has_its_own_words_then_the_system_detail() {
        for &lang in Lang::ALL {
            let said: Vec<String> = kinds().iter().map(|e| os_error(e, lang)).collect();
            for (e, s) in kinds().iter().zip(&said) {
                assert!(s.ends_with(&format!(": {}", os_detail(e))), "{lang:?}: {s}");
                assert!(!s.contains("os error"), "{lang:?}: {s}");
            }
            let mut distinct = said.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), said.len(), "{lang:?}: two refusals said alike: {said:?}");
        }
        let es = os_error(&io::Error::from_raw_os_error(libc::ENOSPC), Lang::Es);
        let en = os_error(&io::Error::from_raw_os_error(libc::ENOSPC), Lang::En);
        let ca = os_error(&io::Error::from_raw_os_error(libc::ENOSPC), Lang::Ca);
        assert!(es.starts_with("el disco está lleno: "), "{es}");
        assert!(en.starts_with("the disk is full: "), "{en}");
        assert!(ca.starts_with("el disc és ple: "), "{ca}");
    }

    #[test]
    fn an_error_without_a_code_keeps_its_whole_text() {
        let e = io::Error::other("broken pipe of dreams");
        assert_eq!(os_detail(&e), "broken pipe of dreams");
        assert!(os_error(&e, Lang::Es).ends_with(": broken pipe of dreams"));
    }
}
