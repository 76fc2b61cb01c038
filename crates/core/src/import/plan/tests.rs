//! Tests of the plan importer: the issue's example, languages, refusals with
//! positions, and the round trip through `plan_md`.

use super::*;
use crate::domain::{Came, Direction, Euros, Quadrant, Statement, Status};
use crate::export::plan_md::{plan_document, plan_sections};
use crate::i18n::Lang;
use jiff::civil::date;

/// The issue's example plan (shared with `tests/cli_plan.rs`).
const ISSUE: &str = include_str!("../../../../../tests/fixtures/plan.md");

fn read(text: &str) -> Result<Session, ImportError> {
    import(text, Path::new("plan.md"), None, "plan", Timestamp::UNIX_EPOCH).map(|(s, _)| s)
}

#[test]
fn the_issue_example_imports() {
    assert!(is_plan(ISSUE));
    let mut s = read(ISSUE).unwrap();
    assert_eq!(s.meta.title, "Plan de servicios sociales 2023-2026");
    assert_eq!(s.meta.horizon.map(|h| h.to_string()).as_deref(), Some("2023-2026"));
    assert_eq!(s.mission.as_deref(), Some("Garantizar una atención social pública, cercana y de calidad."));
    assert_eq!(s.values, ["Equidad", "Participación"]);
    assert_eq!(s.strengths[0].id, "F1");
    assert_eq!(s.weaknesses[0].text, "Listas de espera largas");
    let r = &s.challenges[0];
    assert_eq!(
        (r.id.as_str(), r.from.as_slice()),
        ("R1", &[Source::Factor("D1".into()), Source::Strategy("FO1".into())][..])
    );
    assert_eq!(s.axes.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["EJ1", "EJ2"]);
    assert_eq!(s.line_label("L3"), "2.1");
    let a = &s.correct[0];
    assert_eq!(
        (a.id.as_str(), a.line.as_deref(), a.owner.as_deref()),
        ("C1", Some("L1"), Some("Concejalía de Bienestar"))
    );
    assert_eq!((a.start, a.due), (Some(date(2023, 9, 1)), Some(date(2024, 6, 30))));
    assert_eq!((a.indicator.as_deref(), a.status), (Some("Profesionales contratados"), Status::InProgress));
    assert_eq!(s.next_id("L"), "L4");
}

#[test]
fn english_and_catalan_headings_and_statuses() {
    let en = "# Plan\n\n## Mission\nServe.\n\n## Axes and lines\n### 1. Care\n- 1.1 Primary care\n\n## Action plan\n| Line | Action | Status |\n|---|---|---|\n| 1.1 | Hire | done |\n";
    let s = read(en).unwrap();
    assert_eq!((s.mission.as_deref(), s.correct[0].status), (Some("Serve."), Status::Done));
    let ca = "# Pla\n\n## Missió\nServir.\n\n## Valors\n- Equitat\n\n## Reptes\n- Coordinar (D1)\n\n## Eixos i línies\n### 1. Cura\n- 1.1 Atenció primària\n\n## Pla d'acció\n| Línia | Acció | Estat |\n|---|---|---|\n| 1.1 | Contractar | en curs |\n";
    let s = read(ca).unwrap();
    assert_eq!(s.values, ["Equitat"]);
    assert_eq!(s.correct[0].status, Status::InProgress);
    assert_eq!(s.lines[0].text, "Atenció primària");
}

fn error(text: &str) -> String {
    read(text).unwrap_err().to_string()
}

#[test]
fn refusals_name_line_and_column() {
    let unknown = "# P\nHorizonte: 2024-2025\n\n## Presupuesto\n";
    assert!(error(unknown).starts_with("plan.md:4:4: unknown heading \"Presupuesto\""), "{}", error(unknown));
    let cells = ISSUE.replace("| en curso |", "| en curso | extra |");
    assert!(error(&cells).starts_with("plan.md:33:"), "{}", error(&cells));
    assert!(error(&cells).contains("8 cells and the header 7"), "{}", error(&cells));
    let line = ISSUE.replace("| 1.1 | Contratar", "| 3.4 | Contratar");
    assert_eq!(error(&line), "plan.md:33:3: there is no línea 3.4 in the Ejes y líneas section");
    let status = ISSUE.replace("| en curso |", "| quizá |");
    assert!(error(&status).starts_with("plan.md:33:"), "{}", error(&status));
    let column = ISSUE.replace("| Estado |", "| Color |");
    assert!(error(&column).starts_with("plan.md:31:"), "{}", error(&column));
    let horizon = ISSUE.replace("Horizonte: 2023-2026", "Horizonte: 2026-2023");
    assert!(error(&horizon).starts_with("plan.md:2:1:"), "{}", error(&horizon));
    let misplaced = ISSUE.replace("- 2.1 Consejo", "- 1.3 Consejo");
    assert!(error(&misplaced).starts_with("plan.md:28:3: línea 1.3 is under eje 2"), "{}", error(&misplaced));
}

#[test]
fn plan_less_markdown_is_not_a_plan() {
    let md = "# Taller\n\n## Fortalezas\n\n- Equipo\n\n## Otra cosa\n\n- no\n";
    assert!(!is_plan(md));
}

#[test]
fn numbers_read_as_the_plan_language_writes_them() {
    let baseline = |md: &str| read(md).map(|s| s.indicators[0].baseline);
    let en = |v: &str| {
        format!("# P\n\n## Indicators\n\n| ID | Indicator | Baseline |\n|---|---|---|\n| I1 | Users | {v} |\n")
    };
    let es = |v: &str| {
        format!("# P\n\n## Indicadores\n\n| ID | Indicador | Línea base |\n|---|---|---|\n| I1 | Usuarios | {v} |\n")
    };
    assert_eq!(baseline(&en("1,500")).unwrap(), Some(1500.0));
    assert_eq!(baseline(&en("1,620.5")).unwrap(), Some(1620.5));
    assert_eq!(baseline(&es("1.620,5")).unwrap(), Some(1620.5));
    assert_eq!(baseline(&es("12.000,50 €")).unwrap(), Some(12000.5));
    assert_eq!(baseline(&es("12,000.50")).unwrap(), Some(12000.5), "one reading only");
    assert_eq!(baseline(&es("0.750")).unwrap(), Some(0.75), "one reading only");
    assert_eq!(baseline(&es("-3")).unwrap(), Some(-3.0));
    // `1,500` in a Spanish plan is 1,5 by the rule and 1500 as English writes it: refused, with its place.
    let err = read(&es("1,500")).unwrap_err().to_string();
    assert!(err.contains("plan.md:7:") && err.contains("1,5") && err.contains("1.500"), "{err}");
    assert!(read(&es("mucho")).is_err());
}

/// The language of a plan is that of its first heading that names one, plan or
/// quadrant: the session keeps it and reads the tables' numbers its way. `Vision`
/// is English, though folded it is Spanish `Visión` too (it was read as Spanish,
/// and `1,500` refused as two ways).
#[test]
fn a_plan_is_in_the_language_of_its_headings() {
    let table = "| ID | Indicator | Baseline |\n|---|---|---|\n| I1 | Users | 1,500 |\n";
    let language = |md: &str| import(md, Path::new("plan.md"), None, "plan", Timestamp::UNIX_EPOCH).unwrap();
    let (s, lang) = language(&format!("# P\n\n## Vision\n\nTo be.\n\n## Indicators\n\n{table}"));
    assert_eq!((lang, s.meta.language.as_str(), s.indicators[0].baseline), (Some(Lang::En), "en", Some(1500.0)));
    let (s, lang) = language("# P\n\nHorizonte: 2024-2027\n\n## Fortaleses\n\n- Equip\n");
    assert_eq!((lang, s.meta.language.as_str()), (Some(Lang::Ca), "ca"));
    let (_, lang) = language("# P\n\n## Visión\n\nSer.\n");
    assert_eq!(lang, Some(Lang::Es));
    // Headings that name no language (an ID letter) leave it to the import.
    let (_, lang) = language("# P\n\nHorizon: 2024-2027\n\n## F\n\n- Team\n");
    assert_eq!(lang, None);
}

/// A session with every part of a plan, edited through the builders.
pub(crate) fn full_plan() -> Session {
    let mut s = Session::new("Plan «Cuidados» | 2024", Timestamp::UNIX_EPOCH);
    let go = |s: &mut Session, f: &dyn Fn(&mut Session) -> Option<crate::domain::Edit>| {
        let e = f(s).expect("an edit");
        s.apply(e).expect("applies");
    };
    go(&mut s, &|s| s.add_factor(Quadrant::Strengths, "Red de *centros*"));
    go(&mut s, &|s| s.add_factor(Quadrant::Opportunities, "Fondos"));
    go(&mut s, &|s| s.add_factor(Quadrant::Threats, "Despoblación"));
    go(&mut s, &|s| s.add_strategy(Crossed::FO, "F1", "O1", "Proyecto europeo"));
    go(&mut s, &|s| s.add_strategy(Crossed::FA, "F1", "A1", "Campaña"));
    go(&mut s, &|s| s.add_action(Came::Confront, "Red contra la soledad", vec!["A1".into()]));
    go(&mut s, &|s| s.add_action(Came::Exploit, "Piloto de teleasistencia", vec!["O1".into()]));
    go(&mut s, &|s| s.add_action(Came::Maintain, "Sin línea", vec![]));
    go(&mut s, &|s| s.set_statement(Statement::Mission, "Cuidar [bien]"));
    go(&mut s, &|s| s.set_statement(Statement::Vision, "Una ciudad que cuida"));
    go(&mut s, &|s| s.add_value("Equidad"));
    go(&mut s, &|s| s.add_value("Cercanía, calidad"));
    go(&mut s, &|s| {
        s.add_challenge(
            "Retener profesionales",
            vec![Source::Factor("A1".into()), Source::Action("AF1".into()), Source::Strategy("FO1".into())],
        )
    });
    go(&mut s, &|s| s.add_challenge("Sin fuentes", vec![]));
    go(&mut s, &|s| s.add_axis("Atención"));
    go(&mut s, &|s| s.add_axis("Comunidad (y redes)"));
    go(&mut s, &|s| s.add_line("EJ1", "Primaria"));
    go(&mut s, &|s| s.add_line("EJ2", "Voluntariado"));
    go(&mut s, &|s| s.add_line("EJ1", "Dependencia"));
    go(&mut s, &|s| s.add_indicator("Personas atendidas"));
    go(&mut s, &|s| s.add_indicator("Días de espera"));
    go(&mut s, &|s| {
        s.change_indicator(1, |i| {
            i.unit = Some("días".into());
            i.baseline = Some(120.5);
            i.target = Some(60.0);
            i.direction = Direction::Down;
        })
    });
    go(&mut s, &|s| s.toggle_line_indicator(0, "I2"));
    go(&mut s, &|s| s.place_action(Came::Confront, 0, Some("L2")));
    go(&mut s, &|s| s.place_action(Came::Exploit, 0, Some("L3")));
    go(&mut s, &|s| s.place_strategy(0, Some("L1")));
    go(&mut s, &|s| s.toggle_action_indicator(Came::Exploit, 0, "I1"));
    go(&mut s, &|s| {
        s.change_action(Came::Exploit, 0, |a| {
            a.start = Some(date(2024, 3, 1));
            a.due = Some(date(2025, 6, 30));
            a.owner = Some("Concejalía | Bienestar".into());
            a.resources = Some("Dos técnicas; una furgoneta".into());
            a.amount = Euros::try_from(12000.5).ok();
            a.partners = vec!["Cruz Roja".into(), "Cáritas".into()];
            a.indicator = Some("Altas en el servicio".into());
            a.status = Status::InProgress;
        })
    });
    // The plan financiero: amounts per year and a source on the Afrontar action, the session's own list.
    go(&mut s, &|s| {
        s.change_action(Came::Confront, 0, |a| {
            let y = |year, e: f64| Euros::try_from(e).ok().map(|amount| crate::domain::YearAmount { year, amount });
            a.budget = [y(2024, 1500.0), y(2025, 2000.5)].into_iter().flatten().collect();
            a.funding = Some("Fondos propios, del municipio".into());
        })
    });
    go(&mut s, &|s| s.set_funding(&["FEADER".into(), "Fondos propios, del municipio".into()]));
    s.meta.horizon = Some(Horizon::new(2024, 2027).unwrap_or(Horizon { start: 2024, end: 2027 }));
    s
}

/// What a plan file keeps: everything but timestamps, votes and counters.
fn comparable(mut s: Session) -> Session {
    s.meta.created = Timestamp::UNIX_EPOCH;
    s.meta.modified = Timestamp::UNIX_EPOCH;
    s.last_ids.clear();
    s
}

#[test]
fn export_then_import_gives_back_the_same_plan() {
    let s = full_plan();
    for lang in [Lang::Es, Lang::En] {
        let md = plan_document(&s, lang);
        let back = read(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
        // It comes back in the language of its headings.
        let mut want = s.clone();
        want.meta.language = lang.tag().to_owned();
        pretty_assertions::assert_eq!(comparable(back), comparable(want), "{md}");
    }
}

#[test]
fn a_catalan_plan_says_que_mesura_and_one_with_the_former_mesura_still_imports() {
    let s = full_plan();
    // The informe's indicators table has the column; its former Catalan header still reads.
    let md = crate::export::markdown::render(&s, Lang::Ca, date(2024, 1, 1));
    assert!(md.contains("| Què mesura |"), "{md}");
    for text in [md.clone(), md.replace("| Què mesura |", "| Mesura |")] {
        let back = read(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back.indicators, s.indicators, "{text}");
    }
}

#[test]
fn the_whole_markdown_export_imports_back_with_overdue_actions_marked() {
    let s = full_plan();
    // Every dated action is overdue by then: the export marks each due date `⚠`.
    let md = crate::export::markdown::render(&s, Lang::Es, date(2030, 1, 1));
    assert!(md.contains("⚠ 30/06/2025") || md.contains("⚠ 2025-06-30"), "{md}");
    let back = read(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let dues = |s: &Session| s.actions(Came::Exploit).iter().map(|a| a.due).collect::<Vec<_>>();
    assert_eq!(dues(&back), dues(&s));
    // The plan financiero's fields: the session's list of sources, amounts per year and the source.
    assert_eq!(back.funding, s.funding);
    assert_eq!((&back.confront[0].budget, &back.confront[0].funding), (&s.confront[0].budget, &s.confront[0].funding));
}

#[test]
fn plan_sections_are_empty_without_a_plan() {
    let mut s = full_plan();
    assert!(plan_sections(&s, Lang::Es).contains("## Ejes y líneas"));
    s = Session::new("x", Timestamp::UNIX_EPOCH);
    assert_eq!(plan_sections(&s, Lang::Es), "");
}

mod round_trip {
    use super::*;
    use proptest::prelude::{ProptestConfig, TestCaseError, prop_assert_eq, proptest};
    use proptest::strategy::Strategy as _;

    fn text() -> impl proptest::strategy::Strategy<Value = String> {
        "[a-zA-ZáéñÀ0-9 ,.;:()|*_#\\[\\]<>&-]{1,30}"
            .prop_map(|t| clean_text(&t))
            .prop_filter("not empty", |t| !t.is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any texts in every part of the plan come back unchanged.
        #[test]
        fn any_texts_round_trip(texts in proptest::collection::vec(text(), 14)) {
            let mut s = full_plan();
            s.mission = Some(texts[0].clone());
            s.vision = Some(texts[1].clone());
            s.values = vec![texts[2].clone(), texts[3].clone()];
            s.challenges[0].text = texts[4].clone();
            s.axes[1].text = texts[5].clone();
            s.lines[2].text = texts[6].clone();
            s.indicators[0].name = texts[7].clone();
            s.indicators[0].unit = Some(texts[8].clone());
            s.exploit[0].text = texts[9].clone();
            s.exploit[0].owner = Some(texts[10].clone());
            s.exploit[0].resources = Some(texts[11].clone());
            s.confront[0].funding = Some(texts[12].clone());
            s.funding = vec![texts[13].clone(), texts[12].clone()];
            s.funding.dedup();
            let md = plan_document(&s, Lang::Es);
            let back = read(&md).map_err(|e| TestCaseError::fail(format!("{e}\n{md}")))?;
            prop_assert_eq!(comparable(back), comparable(s));
        }
    }
}

mod hostile {
    use super::*;
    use proptest::prelude::{ProptestConfig, prop_assert, proptest};
    use proptest::strategy::Strategy as _;

    /// Lines made of the pieces a plan file has, in any order and with junk.
    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::sample::select(vec![
            "## Misión",
            "## Retos",
            "## Ejes y líneas",
            "## Plan de acción",
            "## Indicadores",
            "## Fortalezas",
            "### 1. Eje",
            "### 2. Otro",
            "- 1.1 Línea (L1, I1)",
            "- 2.1 x",
            "- **R1** reto (D1, acción A1)",
            "| Línea | Acción | Estado |",
            "|---|---|---|",
            "| 1.1 | hacer | hecha |",
            "| 9.9 | x | y |",
            "| ID | Indicador | Sentido |",
            "| I1 | Espera | baja |",
            "Horizonte: 2024-2025",
            "Horizonte: x",
            "- **FO1** e (F1 × O1)",
            "## Estrategias cruzadas",
            "- \\(",
            "| \\| | ",
            "|",
            "- **R4294967295** reto",
            "- **R9007199254740992** reto",
            "- **R0** reto",
            "- reto sin ID",
            "# Título",
            "",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any arrangement gives a session that saves and reads back, or an
        /// error that names the file, a line and a column.
        #[test]
        fn never_panics_and_errors_have_positions(lines in proptest::collection::vec(line(), 0..30)) {
            let text = lines.join("\n");
            match read(&text).as_ref().map_err(ImportError::without_language) {
                Ok(s) => {
                    let ron = crate::storage::to_ron(s);
                    prop_assert!(crate::storage::parse(&ron, Path::new("x.ron")).is_ok());
                }
                Err(ImportError::At { line, column, .. }) => prop_assert!(*line >= 1 && *column >= 1),
                Err(e) => prop_assert!(false, "unexpected error {e}"),
            }
        }
    }
}

/// A plan's given IDs near the top of the range, zero, zero-padded or repeated:
/// the importer never overflows and never writes a session that does not load.
#[test]
fn ids_at_the_top_of_the_range_or_repeated_give_a_session_that_loads() {
    let ids = |given: &[Option<&str>]| settle_ids(given.iter().map(|g| g.map(str::to_owned)).collect(), "R");
    assert_eq!(ids(&[Some("R4294967295"), None]), ["R4294967295", "R4294967296"]);
    assert_eq!(ids(&[Some("R1"), Some("R9007199254740992"), None, None]), ["R1", "R9007199254740992", "R2", "R3"]);
    assert_eq!(ids(&[Some("R0"), Some("R007"), Some("R7"), Some("R99999999999999999999")]), ["R8", "R7", "R9", "R10"]);
    let plan = "# Plan\n\n## Retos\n\n- **R1** a\n- **R9007199254740992** b\n- c\n- d\n";
    let s = read(plan).unwrap();
    let ids: Vec<&str> = s.challenges.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["R1", "R9007199254740992", "R2", "R3"]);
    crate::storage::parse(&crate::storage::to_ron(&s), Path::new("s.ron")).unwrap();
}

proptest::proptest! {
    /// Whatever IDs a plan gives, every item gets a valid ID of the prefix, no number
    /// twice, and a valid given ID seen for the first time keeps its number,
    /// written as sessions write it (`R01` is `R1`).
    #[test]
    fn settled_ids_are_valid_unique_and_keep_what_they_can(
        given in proptest::collection::vec(proptest::option::of("R(0|[0-9]{1,3}|900719925474099[0-9]|[0-9]{17,21})"), 0..12)
    ) {
        let out = settle_ids(given.clone(), "R");
        proptest::prop_assert_eq!(out.len(), given.len());
        let mut numbers = HashSet::new();
        for (i, (g, id)) in given.iter().zip(&out).enumerate() {
            let n = ItemId::number_for(id, "R");
            proptest::prop_assert!(n.is_some(), "{id} is not a valid ID");
            proptest::prop_assert!(numbers.insert(n), "{id} repeats a number");
            if let Some(g) = g
                && let Some(n) = ItemId::number_for(g, "R")
            {
                let earlier = given[..i].iter().flatten().any(|x| ItemId::number_for(x, "R") == Some(n));
                let kept = *id == ItemId::new("R", n).to_string();
                proptest::prop_assert_eq!(kept, !earlier, "{} given, {} written", g, id);
            }
        }
    }
}

/// The samples' whole Markdown export (the informe) imports back with each CAME
/// quadrant's actions in their order, whatever líneas they are in.
#[test]
fn the_samples_come_back_with_their_actions_in_order() {
    let samples = [
        include_str!("../../../../../sessions/palencia-ciudad-de-los-cuidados.ron"),
        include_str!("../../../../../sessions/almendral-plan-servicios-sociales-2023-2026.ron"),
    ];
    for text in samples {
        let s = crate::storage::parse(text, Path::new("s.ron")).unwrap();
        let md = crate::export::markdown::render(&s, Lang::Es, date(2026, 12, 6));
        let back = read(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
        for c in Came::ALL {
            let ids = |s: &Session| s.actions(c).iter().map(|a| (a.id.clone(), a.links.clone())).collect::<Vec<_>>();
            assert_eq!(ids(&back), ids(&s), "{c:?} in {}", s.meta.title);
        }
    }
}
