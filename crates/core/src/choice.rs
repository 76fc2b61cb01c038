//! Values picked by name from a closed set (languages, output formats): each
//! value's name and line of help, so that the command line can list and read
//! them while the core knows nothing of clap.

/// A value picked by name from a closed set.
pub trait Choice: Copy + 'static {
    /// Every value, in the order the help lists them.
    const VALUES: &'static [Self];

    /// The name a user types: `es`, `html-fragment`.
    fn name(self) -> &'static str;

    /// One line of help for the value, when its name needs one.
    fn help(self) -> Option<&'static str> {
        None
    }

    /// The value `name` names, in any case.
    fn named(name: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|v| v.name().eq_ignore_ascii_case(name.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::i18n::Lang;

    /// The names of `T`'s values: distinct, lower-case words, each read back as its value.
    fn names_read_back<T: Choice + PartialEq + std::fmt::Debug>() {
        for (i, &v) in T::VALUES.iter().enumerate() {
            let name = v.name();
            assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
            assert_eq!(T::named(name), Some(v));
            assert_eq!(T::named(&name.to_uppercase()), Some(v), "any case");
            assert!(T::VALUES[..i].iter().all(|&w| w.name() != name), "{name} twice");
        }
        assert_eq!(T::named("nothing-of-the-kind"), None);
    }

    #[test]
    fn every_choice_reads_back_from_its_name() {
        names_read_back::<Lang>();
        names_read_back::<Format>();
        names_read_back::<crate::export::report::ReportFormat>();
        names_read_back::<crate::export::diff::DiffFormat>();
        names_read_back::<crate::merge::report::ReportFormat>();
    }

    #[test]
    fn names_are_the_ones_users_type() {
        assert_eq!(Lang::VALUES.iter().map(|l| l.name()).collect::<Vec<_>>(), ["es", "en", "ca"]);
        assert_eq!(Format::named("html-fragment"), Some(Format::HtmlFragment));
        assert_eq!(Lang::Es.help(), Some("Español (the default)"));
    }
}
