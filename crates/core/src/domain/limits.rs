//! The longest texts a session holds: an item's text (a factor, an action, a
//! strategy, a reto, an eje, a línea, an indicator's name, the title) and the
//! misión and visión. The loader, the importers and the edit line refuse more,
//! so a session stays small enough to draw, show and export at once.

use super::Session;
use super::plan::Statement;
use super::quadrant::Quadrant;

/// The most characters of an item's text (and of the title).
pub const ITEM_TEXT_MAX: usize = 10_000;

/// The most characters of the misión or the visión.
pub const STATEMENT_TEXT_MAX: usize = 100_000;

/// Which text is too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title,
    Statement(Statement),
    /// The item with this ID.
    Item(String),
    /// An área temática's or an impact's name (in the session's lists, or on a
    /// factor or an action), by its first characters.
    Name(Box<str>),
}

/// A text over its limit: which, how many characters it has, the limit, and
/// its first characters (to find it in the file it came from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    pub field: Field,
    pub chars: usize,
    pub max: usize,
    pub start: String,
}

/// `Some` when `text` has more than `max` characters.
pub fn over(text: &str, max: usize, field: impl FnOnce() -> Field) -> Option<TooLong> {
    // A text of at most `max` bytes has at most `max` characters: no count needed.
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then(|| TooLong { field: field(), chars, max, start: text.chars().take(40).collect() })
}

/// The first text of `s` over its limit, in file order.
pub fn first_too_long(s: &Session) -> Option<TooLong> {
    let item = |id: &str, text: &str| over(text, ITEM_TEXT_MAX, || Field::Item(id.to_owned()));
    over(&s.meta.title, ITEM_TEXT_MAX, || Field::Title)
        .or_else(|| Quadrant::ALL.iter().find_map(|&q| s.factors(q).iter().find_map(|f| item(&f.id, &f.text))))
        .or_else(|| s.all_actions().find_map(|(_, a)| item(&a.id, &a.text)))
        .or_else(|| s.strategies.iter().find_map(|x| item(&x.id, &x.text)))
        .or_else(|| {
            let statement = |t: &Option<String>, which| {
                t.as_deref().and_then(|t| over(t, STATEMENT_TEXT_MAX, || Field::Statement(which)))
            };
            statement(&s.mission, Statement::Mission).or_else(|| statement(&s.vision, Statement::Vision))
        })
        .or_else(|| s.challenges.iter().find_map(|x| item(&x.id, &x.text)))
        .or_else(|| s.axes.iter().find_map(|x| item(&x.id, &x.text)))
        .or_else(|| s.lines.iter().find_map(|x| item(&x.id, &x.text)))
        .or_else(|| s.indicators.iter().find_map(|x| item(&x.id, &x.name)))
        .or_else(|| {
            // The names of áreas temáticas and impacts: as long as an item's text.
            let on_factors = Quadrant::ALL.iter().flat_map(|&q| s.factors(q)).flat_map(|f| &f.themes);
            let on_actions = s.all_actions().flat_map(|(_, a)| a.themes.iter().chain(&a.impacts));
            let mut names = s.meta.themes.iter().chain(&s.meta.impacts).chain(on_factors).chain(on_actions);
            names.find_map(|n| over(n, ITEM_TEXT_MAX, || Field::Name(n.chars().take(40).collect::<String>().into())))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An audit pasted 100,000 characters as a theme name; the picker now
    /// refuses it, and a file written by hand with one is refused on loading.
    #[test]
    fn a_theme_or_impact_name_over_an_item_s_limit_is_found() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        s.meta.themes = vec!["Vivienda".into(), "v".repeat(ITEM_TEXT_MAX)];
        assert_eq!(first_too_long(&s), None);
        s.meta.impacts = vec!["i".repeat(ITEM_TEXT_MAX + 1)];
        let found = first_too_long(&s).unwrap();
        assert_eq!((found.field, found.chars), (Field::Name("i".repeat(40).into()), ITEM_TEXT_MAX + 1));
    }

    #[test]
    fn texts_over_their_limit_are_found_and_counted_in_characters() {
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        // 10,000 two-byte characters: over 10,000 bytes, not over the limit.
        let e = s.add_factor(Quadrant::Strengths, &"ñ".repeat(ITEM_TEXT_MAX)).unwrap();
        s.apply(e).unwrap();
        s.mission = Some("m".repeat(STATEMENT_TEXT_MAX));
        assert_eq!(first_too_long(&s), None);
        s.mission = Some("m".repeat(STATEMENT_TEXT_MAX + 1));
        let found = first_too_long(&s).unwrap();
        assert_eq!((found.field, found.chars, found.max), (Field::Statement(Statement::Mission), 100_001, 100_000));
        let e = s.add_factor(Quadrant::Threats, &"x".repeat(ITEM_TEXT_MAX + 5)).unwrap();
        s.apply(e).unwrap();
        let found = first_too_long(&s).unwrap();
        assert_eq!((found.field, found.chars), (Field::Item("A1".into()), 10_005));
        assert_eq!(found.start, "x".repeat(40));
    }
}
