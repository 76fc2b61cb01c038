//! The Markdown and CSV importers take any input: an error or a session, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use dafo::export::import;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn markdown_of_any_text_builds_a_clean_session(text in "(\\PC|[\\x00-\\x1f\\u{1b}\\u{202e}#*|<>`\n-]){0,400}") {
        let imported = import::markdown(&text);
        let session = import::build(imported, "t", jiff::Timestamp::UNIX_EPOCH);
        // Whatever came in, what is kept is clean text that saves and loads back.
        let ron = dafo::storage::to_ron(&session);
        prop_assert!(dafo::storage::parse(&ron, Path::new("x.ron")).is_ok());
        for q in dafo::domain::Quadrant::ALL {
            for f in session.factors(q) {
                prop_assert!(!f.text.chars().any(char::is_control));
            }
        }
    }

    #[test]
    fn csv_of_any_text_is_a_session_or_an_error(text in "(\\PC|[\\x00-\\x1f\",;\r\n]){0,400}") {
        let _ = import::csv(&text, Path::new("x.csv"));
    }

    #[test]
    fn csv_rows_that_look_right_but_are_not(
        id in "[A-Z]{0,3}[0-9]{0,3}",
        kind in "(factor|action|strategy|x)",
        quadrant in "(Fortalezas|Threats|Corregir|FO|zzz|)",
        votes in "(-1|0|7|99999999999999999999|abc|)",
    ) {
        let header = "id,kind,quadrant,text,votes,impact,links,owner,due,status,indicator,weight,rating";
        let text = format!("{header}\r\n{id},{kind},{quadrant},texto,{votes},9,X1;;,,2027-13-45,sideways,,2.5,7\r\n");
        // Every row holds a value out of range for its kind: a factor's impact 9,
        // weight 2.5 and rating 7, an action's date 2027-13-45 and status "sideways".
        // Such a row is refused with the file and line, never imported.
        match import::csv(&text, Path::new("x.csv")) {
            Ok(imported) => {
                prop_assert!(imported.items.is_empty() && imported.actions.is_empty(),
                    "a row with impact 9 / rating 7 / date 2027-13-45 was imported: {imported:?}");
            }
            Err(e) => prop_assert!(e.to_string().starts_with("x.csv:"), "{e}"),
        }
    }
}

fn refusal(row: &str) -> String {
    let header = "id,kind,quadrant,text,votes,impact,links,owner,due,status,indicator,weight,rating";
    match import::csv(&format!("{header}\n{row}\n"), Path::new("x.csv")) {
        Ok(imported) => panic!("{row:?} was imported: {imported:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn values_out_of_range_are_refused_by_name() {
    for (row, expect) in [
        ("F1,factor,Fortalezas,texto,,9,,,,,,,", "impact must be 1 to 5, not 9"),
        ("F1,factor,Fortalezas,texto,,200,,,,,,,", "impact must be 1 to 5, not 200"),
        ("F1,factor,Fortalezas,texto,,,,,,,,,7", "rating must be 1 to 4, not 7"),
        ("F1,factor,Fortalezas,texto,,,,,,,,2.5,", "weight must be 0.0 to 1.0, not 2.5"),
        ("F1,factor,Fortalezas,texto,,,,,,,,NaN,", "weight must be 0.0 to 1.0"),
        ("F1,factor,Fortalezas,texto,,,,,,,,-0.1,", "weight must be 0.0 to 1.0"),
        ("C1,action,Corregir,texto,,,F1,,2027-13-45,,,,", "due must be a date YYYY-MM-DD, not \"2027-13-45\""),
    ] {
        let err = refusal(row);
        assert!(err.starts_with("x.csv:2:") && err.contains(expect), "{row}: {err}");
    }
}

#[test]
fn arbitrary_bytes_on_disk_give_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("bin.md", vec![0xff, 0xfe, 0x00, 0x1b, b'#']),
        ("bin.csv", vec![0x80; 64]),
        ("empty.csv", Vec::new()),
        ("nested.md", "> ".repeat(50_000).into_bytes()),
        ("list.md", "- ".repeat(50_000).into_bytes()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let _ = import::read(&path);
    }
}

/// `F01` and `F1` (or `C01` and `C1`) are one ID for the loader: an import kept
/// both, and wrote a session that `check` and every later open refused.
#[test]
fn ids_that_differ_only_in_leading_zeros_are_one_id() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("ids.md");
    std::fs::write(&md, "# T\n\n## Fortalezas\n- **F01** uno\n- **F1** otro\n- **F002** tres\n").unwrap();
    let csv = dir.path().join("ids.csv");
    std::fs::write(
        &csv,
        "id,kind,quadrant,text\r\nF1,factor,Debilidades,d\r\nC01,action,Corregir,una\r\nC1,action,Corregir,otra\r\n",
    )
    .unwrap();
    for input in [&md, &csv] {
        let out = dir.path().join(format!("{}.ron", input.extension().unwrap().to_str().unwrap()));
        let o = crate::common::dafo_command(&["import", input.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let o = crate::common::dafo_command(&["check", out.to_str().unwrap()]).output().unwrap();
        assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        let s = dafo::storage::load(&out).unwrap();
        let ids: Vec<&str> =
            s.strengths.iter().map(|f| f.id.as_str()).chain(s.correct.iter().map(|a| a.id.as_str())).collect();
        // The first keeps its number, written as the session writes it; the second gets a fresh one.
        let want: &[&str] = if input == &md { &["F1", "F3", "F2"] } else { &["C1", "C2"] };
        assert_eq!(ids, want, "{}", input.display());
    }
}
