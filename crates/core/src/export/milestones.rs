//! Hitos of an indicator as one text, `2024: 30; 2025: 45,5`: written in a
//! language's numbers (forms, the informe, the plan's Markdown) or plainly
//! (CSV), and read back from either. Years in order, one value per year.

use crate::domain::{Horizon, Milestone};
use crate::i18n::Lang;

/// `2024: 30; 2025: 45,5`, numbers as `lang` writes them exactly.
pub fn shown(lang: Lang, milestones: &[Milestone]) -> String {
    join(milestones, |x| lang.locale().exact(x))
}

/// `2024: 30; 2025: 45.5`, numbers as Rust writes them (CSV).
pub fn plain(milestones: &[Milestone]) -> String {
    join(milestones, |x| x.to_string())
}

fn join(milestones: &[Milestone], number: impl Fn(f64) -> String) -> String {
    milestones.iter().map(|m| format!("{}: {}", m.year, number(m.target))).collect::<Vec<_>>().join("; ")
}

/// Reads `year: value` entries separated by `;`, each value read by `number`;
/// the hitos come back in year order. `Err` names the entry that does not read
/// (a year out of range or given twice, or a value `number` refuses).
pub fn read(text: &str, number: impl Fn(&str) -> Option<f64>) -> Result<Vec<Milestone>, String> {
    let mut out: Vec<Milestone> = Vec::new();
    for entry in text.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let bad = || entry.to_owned();
        let (year, value) = entry.split_once(':').ok_or_else(bad)?;
        let year: i16 = year.trim().parse().map_err(|_| bad())?;
        if !(Horizon::MIN_YEAR..=Horizon::MAX_YEAR).contains(&year) || out.iter().any(|m| m.year == year) {
            return Err(bad());
        }
        let target = number(value.trim()).filter(|x| x.is_finite()).ok_or_else(bad)?;
        out.push(Milestone { year, target });
    }
    out.sort_by_key(|m| m.year);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hitos_read_back_as_written_in_every_language() {
        let ms = vec![Milestone { year: 2024, target: 30.0 }, Milestone { year: 2025, target: 1234.5 }];
        for &lang in Lang::ALL {
            let text = shown(lang, &ms);
            assert_eq!(read(&text, |v| lang.locale().read_number(v).ok()), Ok(ms.clone()), "{text}");
        }
        assert_eq!(shown(Lang::Es, &ms), "2024: 30; 2025: 1234,5");
        assert_eq!(read(&plain(&ms), |v| v.parse().ok()), Ok(ms.clone()));
        assert_eq!(read(" 2025: 1234.5 ;2024:30; ", |v| v.parse().ok()), Ok(ms), "any order, spaces");
        assert_eq!(read("", |v| v.parse().ok()), Ok(Vec::new()));
        for bad in ["2024 30", "2024: x", "1800: 1", "2024: 1; 2024: 2", "veinte: 3", "2024: NaN"] {
            assert!(read(bad, |v| v.parse().ok()).is_err(), "{bad}");
        }
    }
}
