//! Golden files and validity checks for every exporter, and the export → import
//! round trip, on fixtures full of accents, quotes, commas, newlines, `<script>`
//! and escape sequences: `tricky.ron` (factors only, format version 1) and
//! `plan.ron` (CAME actions, crossed strategies with a dangling link, EFI/EFE
//! weights, the social-work label set).

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;

use dafo::domain::{Came, CameAction, Crossed, Factor, Quadrant, Session, Status};
use dafo::export::Format;
use dafo::export::import::{build, csv as import_csv, markdown as import_md};
use dafo::i18n::Lang;
use jiff::Timestamp;
use proptest::prelude::*;

/// The day exports are made in these tests, so that overdue marks do not drift with the clock.
const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// [`dafo::export::render`] on [`DAY`].
fn render(s: &Session, lang: Lang, format: Format) -> String {
    dafo::export::render_on(s, lang, format, DAY)
}

fn tricky() -> Session {
    dafo::storage::load(Path::new("tests/fixtures/tricky.ron")).unwrap()
}

fn plan() -> Session {
    dafo::storage::load(Path::new("tests/fixtures/plan.ron")).unwrap()
}

fn palencia() -> Session {
    dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap()
}

const ALL: [Format; 6] = [Format::Md, Format::Txt, Format::Html, Format::HtmlFragment, Format::Csv, Format::Json];

#[test]
fn golden_markdown() {
    insta::assert_snapshot!("tricky_md", render(&tricky(), Lang::Es, Format::Md));
    insta::assert_snapshot!("tricky_md_en", render(&tricky(), Lang::En, Format::Md));
}

#[test]
fn golden_text() {
    insta::assert_snapshot!("tricky_txt", render(&tricky(), Lang::Es, Format::Txt));
    insta::assert_snapshot!("palencia_txt", render(&palencia(), Lang::Es, Format::Txt));
}

#[test]
fn golden_html() {
    insta::assert_snapshot!("tricky_html", render(&tricky(), Lang::Es, Format::Html));
    insta::assert_snapshot!("tricky_html_fragment", render(&tricky(), Lang::En, Format::HtmlFragment));
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!("tricky_csv", render(&tricky(), Lang::Es, Format::Csv));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!("tricky_json", render(&tricky(), Lang::Es, Format::Json));
}

#[test]
fn golden_plan() {
    insta::assert_snapshot!("plan_md", render(&plan(), Lang::Es, Format::Md));
    insta::assert_snapshot!("plan_md_en", render(&plan(), Lang::En, Format::Md));
    insta::assert_snapshot!("plan_txt", render(&plan(), Lang::Es, Format::Txt));
    insta::assert_snapshot!("plan_txt_en", render(&plan(), Lang::En, Format::Txt));
    insta::assert_snapshot!("plan_html", render(&plan(), Lang::Es, Format::Html));
    insta::assert_snapshot!("plan_html_fragment", render(&plan(), Lang::En, Format::HtmlFragment));
    insta::assert_snapshot!("plan_csv", render(&plan(), Lang::Es, Format::Csv));
    insta::assert_snapshot!("plan_json", render(&plan(), Lang::Es, Format::Json));
}

#[test]
fn every_format_shows_the_plan_with_its_labels_and_dangling_links() {
    let s = plan();
    for f in [Format::Md, Format::Txt, Format::Html, Format::HtmlFragment] {
        let es = render(&s, Lang::Es, f);
        for needle in [
            "Adaptar",
            "Información y promoción",
            "Incidencia política, planificación y evaluación",
            "D9?",
            "O9?",
            "en curso",
            "descartada",
            "30/06/2027",
            "1 de 3 factores sin acción",
            "1 de 2 factores sin acción",
            "Matriz EFI",
            "Matriz EFE",
            "0,90, no 1,00",
        ] {
            // Text headings are upper case.
            assert!(es.to_lowercase().contains(&needle.to_lowercase()), "{f:?} lacks {needle:?}:\n{es}");
        }
        let lower = es.to_lowercase();
        assert!(!lower.contains("afrontar") && !lower.contains("ofensivas"), "{f:?} uses the classic labels");
        let en = render(&s, Lang::En, f);
        for needle in ["Adapt", "Comprehensive care", "1 of 3 factors without action", "in progress", "0.90, not 1.00"]
        {
            assert!(en.to_lowercase().contains(&needle.to_lowercase()), "{f:?} lacks {needle:?}:\n{en}");
        }
    }
    let mut classic = s.clone();
    classic.meta.labels = dafo::domain::LabelSet::Classic;
    let md = render(&classic, Lang::Es, Format::Md);
    assert!(md.contains("Afrontar (Amenazas)") && md.contains("Estrategias ofensivas (FO)"), "{md}");
}

#[test]
fn sessions_without_plan_show_no_plan_sections() {
    let md = render(&tricky(), Lang::Es, Format::Md);
    assert!(!md.contains("CAME") && !md.contains("EFI") && !md.contains("cruzad"), "{md}");
}

#[test]
fn no_escape_or_control_bytes_in_any_format() {
    for s in [tricky(), palencia(), plan()] {
        for lang in [Lang::Es, Lang::En] {
            for f in ALL {
                let out = render(&s, lang, f);
                let bad = out.chars().find(|&c| c.is_control() && !matches!(c, '\n' | '\r'));
                assert_eq!(bad, None, "{f:?} has a control character");
            }
        }
    }
}

#[test]
fn html_escapes_all_user_text() {
    for (f, s) in [
        (Format::Html, tricky()),
        (Format::HtmlFragment, tricky()),
        (Format::Html, plan()),
        (Format::HtmlFragment, plan()),
    ] {
        let html = render(&s, Lang::Es, f);
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "title markup must be escaped");
        assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
        assert!(!html.contains('\u{1b}'));
        // Tags are balanced.
        for tag in ["table", "tr", "td", "th", "ul", "li", "h1", "h2", "h3", "p", "em", "strong"] {
            let open = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {f:?}");
        }
    }
    let page = render(&tricky(), Lang::Es, Format::Html);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("size: A4") && page.trim_end().ends_with("</html>"));
}

#[test]
fn csv_parses_back_with_one_row_per_factor() {
    let s = tricky();
    let text = render(&s, Lang::Es, Format::Csv);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = [
        "id",
        "kind",
        "quadrant",
        "text",
        "votes",
        "impact",
        "links",
        "owner",
        "due",
        "status",
        "indicator",
        "weight",
        "rating",
        "sources",
    ];
    // Then the columns of the session's place and participants (those of a meeting).
    let place = ["date", "place", "participants", "attendees", "by_sex", "by_age", "technique"];
    let has_place = s.meta.place.is_some() || s.meta.participants.is_some();
    let expected: Vec<&str> = header.iter().chain(place.iter().filter(|_| has_place)).copied().collect();
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), expected);
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let title = rows.remove(0);
    assert_eq!((&title[1], &title[3]), ("session", s.meta.title.as_str()));
    assert_eq!(rows.len(), s.total());
    assert!(rows.iter().all(|r| r.len() == expected.len()));
    assert_eq!(&rows[0][3], "Equipo con \"experiencia\", implicado y estable");
    assert_eq!(&rows[0][2], "Fortalezas");
}

#[test]
fn csv_has_action_and_strategy_rows() {
    let s = plan();
    let text = render(&s, Lang::Es, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1 + s.total() + s.all_actions().count() + s.strategies.len());
    let c2 = rows.iter().find(|r| &r[0] == "C2").unwrap();
    assert_eq!((&c2[1], &c2[2], &c2[6], &c2[9]), ("action", "Corregir", "D2;D9", "pending"));
    assert_eq!(&c2[10], "días de espera medios");
    let m1 = rows.iter().find(|r| &r[0] == "M1").unwrap();
    assert_eq!((&m1[7], &m1[8], &m1[9]), ("Coordinación, servicios sociales", "2027-06-30", "in_progress"));
    let a1 = rows.iter().find(|r| &r[0] == "AF1" && &r[1] == "action").unwrap();
    assert_eq!(&a1[2], "Adaptar");
    let fo2 = rows.iter().find(|r| &r[0] == "FO2").unwrap();
    assert_eq!((&fo2[1], &fo2[2], &fo2[6]), ("strategy", "Información y promoción", "F2;O9"));
    let f1 = rows.iter().find(|r| &r[0] == "F1").unwrap();
    assert_eq!((&f1[11], &f1[12]), ("0.3", "4"));
}

#[test]
fn json_is_valid_and_stable() {
    let v: serde_json::Value = serde_json::from_str(&render(&tricky(), Lang::En, Format::Json)).unwrap();
    assert_eq!(v["schema"], "dafo-export/2");
    assert_eq!(v["weaknesses"][1]["text"], "Texto con escape rojo y OSC");
    assert_eq!(v["counts"]["threats"], 2);
    assert_eq!(v["actions"], serde_json::json!([]));
    assert_eq!(v["evaluation"]["efi"], serde_json::Value::Null);

    let v: serde_json::Value = serde_json::from_str(&render(&plan(), Lang::En, Format::Json)).unwrap();
    assert_eq!(v["labels"], "social_work");
    let c2 = &v["actions"].as_array().unwrap().iter().find(|a| a["id"] == "C2").unwrap();
    assert_eq!(c2["came"], "correct");
    assert_eq!(c2["links"], serde_json::json!(["D2", "D9"]));
    assert_eq!(c2["dangling"], serde_json::json!(["D9"]));
    assert_eq!(c2["status"], "pending");
    assert_eq!(v["strategies"][0]["kind"], "FO");
    assert_eq!(v["strategies"][1]["dangling"], serde_json::json!(["O9"]));
    assert_eq!(v["coverage"]["weaknesses"], serde_json::json!({"factors": 3, "unanswered": 1}));
    assert_eq!(v["evaluation"]["efi"]["weight_sum"], 0.9);
    assert_eq!(v["evaluation"]["efi"]["balanced"], false);
    assert_eq!(v["evaluation"]["efe"]["total"], 2.5);
    assert_eq!(v["strengths"][0]["weight"], 0.3);
}

#[test]
fn text_fits_80_columns() {
    use unicode_width::UnicodeWidthStr;
    let mut odd = tricky();
    odd.strengths[0].id = "F123456789012345678901234567890".into();
    odd.meta.title = "Título ".repeat(30);
    odd.threats[0].text = "x".repeat(200);
    let mut odd_plan = plan();
    odd_plan.correct[0].id = "C123456789012345678901234567890".into();
    odd_plan.correct[0].text = "y".repeat(200);
    odd_plan.correct[0].owner = Some("z".repeat(150));
    odd_plan.weaknesses[0].text = "w".repeat(200);
    for s in [tricky(), palencia(), odd, plan(), odd_plan] {
        for lang in [Lang::Es, Lang::En] {
            for line in render(&s, lang, Format::Txt).lines() {
                assert!(line.width() <= 80, "{line:?}");
            }
        }
    }
}

/// The items of a session as comparable tuples.
fn items(s: &Session) -> Vec<(Quadrant, String, String, u32, Option<u8>)> {
    Quadrant::ALL
        .iter()
        .flat_map(|&q| s.factors(q).iter().map(move |f| (q, f.id.clone(), f.text.clone(), f.votes, f.impact)))
        .collect()
}

/// What an export keeps: the text made safe.
fn cleaned(s: &Session) -> Session {
    let mut s = s.clone();
    for q in Quadrant::ALL {
        let list: Vec<Factor> = s
            .factors(q)
            .iter()
            .map(|f| Factor { text: dafo::domain::text::clean_text(&f.text), ..f.clone() })
            .collect();
        match q {
            Quadrant::Strengths => s.strengths = list,
            Quadrant::Weaknesses => s.weaknesses = list,
            Quadrant::Opportunities => s.opportunities = list,
            Quadrant::Threats => s.threats = list,
        }
    }
    s
}

/// Actions and strategies of a session as comparable tuples.
type PlanItems = (Vec<(Came, CameAction)>, Vec<dafo::domain::Strategy>);

fn plan_items(s: &Session) -> PlanItems {
    let actions = s
        .all_actions()
        .map(|(c, a)| {
            let clean = |t: &Option<String>| t.as_deref().map(dafo::domain::text::clean_text).filter(|t| !t.is_empty());
            let a = CameAction {
                text: dafo::domain::text::clean_text(&a.text),
                owner: clean(&a.owner),
                indicator: clean(&a.indicator),
                carried: false,
                ..a.clone()
            };
            (c, a)
        })
        .collect();
    let strategies = s
        .strategies
        .iter()
        .map(|st| dafo::domain::Strategy { text: dafo::domain::text::clean_text(&st.text), ..st.clone() })
        .collect();
    (actions, strategies)
}

#[test]
fn csv_round_trips_actions_strategies_and_weights() {
    let s = plan();
    for lang in [Lang::Es, Lang::En] {
        let back =
            build(import_csv(&render(&s, lang, Format::Csv), Path::new("x.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
        assert_eq!(plan_items(&back), plan_items(&s), "{lang:?}");
        for q in Quadrant::ALL {
            let weights = |s: &Session| s.factors(q).iter().map(|f| (f.weight, f.rating)).collect::<Vec<_>>();
            assert_eq!(weights(&back), weights(&s), "{lang:?} {q:?}");
        }
        let mut back = back;
        let e = back.add_action(Came::Correct, "Nueva", vec![]).unwrap();
        back.apply(e).unwrap();
        assert_eq!(back.correct.last().unwrap().id, "C4", "imported IDs are never handed out again");
    }
}

#[test]
fn csv_and_markdown_round_trips_keep_where_each_factor_came_from() {
    let mut s = Session::new("Diagnóstico", Timestamp::UNIX_EPOCH);
    let mut f1 = Factor::new("F1", "Red de centros de día");
    f1.sources = vec!["técnicos".into(), "políticos".into()];
    f1.votes = 10;
    let mut f2 = Factor::new("F2", "Voluntariado [local] activo");
    f2.sources = vec!["asociaciones".into()];
    f2.carried = true;
    s.strengths = vec![f1, f2];
    let sources = |s: &Session| s.strengths.iter().map(|f| f.sources.clone()).collect::<Vec<_>>();
    let texts = |s: &Session| s.strengths.iter().map(|f| (f.text.clone(), f.votes)).collect::<Vec<_>>();
    for lang in [Lang::Es, Lang::En, Lang::Ca] {
        let csv = render(&s, lang, Format::Csv);
        let back = build(import_csv(&csv, Path::new("x.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
        assert_eq!(sources(&back), sources(&s), "{lang:?}\n{csv}");
        assert_eq!(texts(&back), texts(&s), "{lang:?}\n{csv}");
        // Markdown shows the sources as marks after the text (`[T·P]`) and `↻`:
        // the words come back without them.
        let md = render(&s, lang, Format::Md);
        assert!(md.contains("T·P") && md.contains("↻"), "{md}");
        let back = build(import_md(&md), "x", Timestamp::UNIX_EPOCH);
        assert_eq!(texts(&back), texts(&s), "{lang:?}\n{md}");
    }
}

#[test]
fn csv_import_reads_labels_leniently_and_names_bad_lines() {
    let text = "id,kind,quadrant,text,links,status,due\n\
        D1,factor,Debilidades,Listas,,,\n\
        ,action,Corregir,Ventanilla,D1,en curso,2027-01-31\n\
        ,action,Confront,Plan,A1,,\n\
        ,strategy,,Cruce,D1;O1,,\n";
    let s = build(import_csv(text, Path::new("x.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
    assert_eq!((s.correct[0].id.as_str(), s.correct[0].status), ("C1", Status::InProgress));
    assert_eq!(s.correct[0].due.map(|d| d.to_string()).as_deref(), Some("2027-01-31"));
    assert_eq!(s.confront[0].id, "AF1");
    assert_eq!((s.strategies[0].id.as_str(), s.strategies[0].kind), ("DO1", Crossed::DO));
    for (row, message) in [
        (",action,Nada,x,,,", "x.csv:2: unknown CAME quadrant \"Nada\""),
        (",action,Corregir,x,,quizá,", "x.csv:2: status must be"),
        (",action,Corregir,x,,,31/01/2027", "x.csv:2: due must be a date YYYY-MM-DD"),
        (",strategy,FO,x,F1,,", "x.csv:2: a strategy links two factors"),
    ] {
        let err =
            import_csv(&format!("id,kind,quadrant,text,links,status,due\n{row}\n"), Path::new("x.csv")).unwrap_err();
        assert!(err.to_string().starts_with(message), "{err}");
    }
}

#[test]
fn markdown_and_csv_round_trip_the_fixtures() {
    for s in [tricky(), palencia(), plan()] {
        for lang in [Lang::Es, Lang::En] {
            let md = import_md(&render(&s, lang, Format::Md));
            assert_eq!(md.title.as_deref(), Some(dafo::domain::text::clean_text(&s.meta.title).as_str()));
            let back = build(md, "x", Timestamp::UNIX_EPOCH);
            assert_eq!(items(&back), items(&cleaned(&s)), "markdown {lang:?}");
            let csv = import_csv(&render(&s, lang, Format::Csv), Path::new("x.csv")).unwrap();
            let back = build(csv, "x", Timestamp::UNIX_EPOCH);
            assert_eq!(items(&back), items(&cleaned(&s)), "csv {lang:?}");
        }
    }
}

fn arb_session() -> impl Strategy<Value = Session> {
    let text = "[ -~áéíóúñÁÉÍÓÚÑ¿¡«»€\u{1b}\n\t]{1,60}";
    let factor = (
        text,
        0u32..20,
        proptest::option::of(1u8..=5),
        proptest::option::of(0u32..=100),
        proptest::option::of(1u8..=4),
    );
    let items = proptest::collection::vec((0usize..4, factor), 0..12);
    let action = (
        0usize..4,
        text,
        proptest::collection::vec("[FDOA][1-9]", 0..3),
        0usize..4,
        proptest::option::of(text),
        proptest::option::of((2020i16..2040, 1i8..=12, 1i8..=28)),
        0u32..5,
    );
    let actions = proptest::collection::vec(action, 0..8);
    let strategies = proptest::collection::vec((0usize..4, text, 1u32..9, 1u32..9), 0..5);
    (items, actions, strategies).prop_map(|(items, actions, strategies)| {
        let mut s = Session::new("Prop", Timestamp::UNIX_EPOCH);
        for (q, (text, votes, impact, weight, rating)) in items {
            let q = Quadrant::from_index(q);
            if let Some(dafo::domain::Edit::Factor(_, dafo::domain::ListOp::Insert(_, mut f))) = s.add_factor(q, &text)
            {
                f.votes = votes;
                f.impact = impact;
                f.weight = weight.map(|w| f64::from(w) / 100.0);
                f.rating = rating;
                match q {
                    Quadrant::Strengths => s.strengths.push(f),
                    Quadrant::Weaknesses => s.weaknesses.push(f),
                    Quadrant::Opportunities => s.opportunities.push(f),
                    Quadrant::Threats => s.threats.push(f),
                }
            }
        }
        for (c, text, links, status, owner, due, votes) in actions {
            let c = Came::ALL[c];
            if let Some(dafo::domain::Edit::Action(_, dafo::domain::ListOp::Insert(_, mut a))) =
                s.add_action(c, &text, links)
            {
                a.status = Status::ALL[status];
                a.owner = owner.map(|o| dafo::domain::text::clean_text(&o)).filter(|o| !o.is_empty());
                a.due = due.map(|(y, m, d)| jiff::civil::date(y, m, d));
                a.votes = votes;
                match c {
                    Came::Maintain => s.maintain.push(a),
                    Came::Correct => s.correct.push(a),
                    Came::Exploit => s.exploit.push(a),
                    Came::Confront => s.confront.push(a),
                }
            }
        }
        for (k, text, i, e) in strategies {
            let kind = Crossed::ALL[k];
            let [qi, qe] = kind.quadrants();
            let text = dafo::domain::text::clean_text(&text);
            if !text.is_empty() {
                let id = s.next_id(kind.prefix());
                let factors = [format!("{}{i}", qi.prefix()), format!("{}{e}", qe.prefix())];
                s.strategies.push(dafo::domain::Strategy {
                    id,
                    kind,
                    factors,
                    text,
                    votes: i,
                    line: None,
                    conflict: None,
                });
            }
        }
        s
    })
}

/// Strategies in the order the exports write them: by kind.
fn by_kind(mut p: PlanItems) -> PlanItems {
    p.1.sort_by_key(|st| st.kind.index());
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_back_the_same_items(s in arb_session()) {
        let md = build(import_md(&render(&s, Lang::Es, Format::Md)), "x", Timestamp::UNIX_EPOCH);
        prop_assert_eq!(items(&md), items(&s));
        let csv = import_csv(&render(&s, Lang::En, Format::Csv), Path::new("x.csv")).unwrap();
        let csv = build(csv, "x", Timestamp::UNIX_EPOCH);
        prop_assert_eq!(items(&csv), items(&s));
        prop_assert_eq!(plan_items(&csv), by_kind(plan_items(&s)));
        for q in Quadrant::ALL {
            let weights = |s: &Session| s.factors(q).iter().map(|f| (f.weight, f.rating)).collect::<Vec<_>>();
            prop_assert_eq!(weights(&csv), weights(&s));
        }
        for f in [Format::Md, Format::Txt, Format::Html, Format::Json] {
            let _ = render(&s, Lang::En, f);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn diff_accounts_for_every_factor(old in arb_session(), new in arb_session()) {
        use dafo::export::diff::diff;
        let d = diff(&old, &new);
        let matched = d.changed.len() + d.unchanged;
        prop_assert_eq!(matched + d.removed.len(), old.total());
        prop_assert_eq!(matched + d.added.len(), new.total());
        let same = diff(&new, &new);
        prop_assert!(same.is_empty());
        prop_assert_eq!(same.unchanged, new.total());
        let actions = |s: &Session| s.all_actions().count();
        let matched = d.actions_changed.len() + d.actions_unchanged;
        prop_assert_eq!(matched + d.actions_removed.len(), actions(&old));
        prop_assert_eq!(matched + d.actions_added.len(), actions(&new));
        prop_assert_eq!(d.strategies_kept + d.strategies_removed.len(), old.strategies.len());
        prop_assert_eq!(same.actions_unchanged, actions(&new));
    }
}

#[test]
fn the_footer_says_the_day_of_the_export_and_strategies_without_votes_have_no_votes_column() {
    let day = jiff::civil::date(2031, 2, 3);
    let mut s = palencia();
    s.meta.modified = Timestamp::UNIX_EPOCH;
    let html = dafo::export::render_on(&s, Lang::Es, Format::Html, day);
    assert!(html.contains("<footer>Generado con dafo · 03/02/2031</footer>"), "the export's day, not the session's");
    // No strategy has votes: no empty Votos column in their tables.
    assert!(s.strategies.iter().all(|st| st.votes == 0) && !s.strategies.is_empty());
    let section =
        // The last mention: the first is the contents' entry.
        |html: &str| html.split("Estrategias ofensivas").last().unwrap().split("</table>").next().unwrap().to_owned();
    assert!(!section(&html).contains(">Votos</th>"), "{}", section(&html));
    let md = dafo::export::render_on(&s, Lang::Es, Format::Md, day);
    assert!(!md.split("Estrategias ofensivas").last().unwrap().contains("| Votos"));
    // One strategy voted: the column is back, in every strategy table.
    s.strategies[0].votes = 3;
    let html = dafo::export::render_on(&s, Lang::Es, Format::Html, day);
    assert!(section(&html).contains(">Votos</th>"), "{}", section(&html));
}

/// A plan may span 30 years (`Horizon::MAX_SPAN`); from 25 years on, every
/// HTML and Word export and report panicked ("attempt to add with overflow":
/// the year columns' percent widths were summed in a `u8`).
#[test]
fn a_thirty_year_plan_exports_and_reports_in_every_format() {
    use dafo::export::report::ReportFormat;
    let mut s = dafo::storage::load(Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    s.meta.horizon = Some(dafo::domain::Horizon::new(2001, 2030).unwrap());
    for lang in Lang::ALL.iter().copied() {
        for format in ALL.into_iter().chain([Format::Docx]) {
            assert!(!dafo::export::bytes_on(&s, lang, format, DAY).is_empty(), "{format:?} in {lang:?}");
        }
        let joined = dafo::export::report_join::join(vec![("a.ron".into(), s.clone())], lang).unwrap();
        let years = s.reviewed_years();
        for format in [
            ReportFormat::Md,
            ReportFormat::Html,
            ReportFormat::Txt,
            ReportFormat::Csv,
            ReportFormat::Json,
            ReportFormat::Docx,
        ] {
            let out = dafo::export::report::render_on(&joined, &years, format, lang, DAY);
            assert!(!out.is_empty(), "report {format:?} in {lang:?}");
        }
    }
}

/// The CSV now carries the session's settings and the items' carried-over
/// marks: an English session came back Spanish, the social-work label set
/// classic, and every `carried` mark was dropped on import.
#[test]
fn the_csv_gives_back_the_language_label_set_group_body_logo_and_carried_marks() {
    let mut plan = plan();
    (plan.meta.group, plan.meta.body) = (Some("técnicos; \"mañana\"".into()), Some("Ayuntamiento de Almendral".into()));
    plan.meta.logo = Some("logos/escudo.svg".into());
    let review = dafo::storage::load(Path::new("tests/fixtures/review.ron")).unwrap();
    for s in [plan, review] {
        let csv = render(&s, Lang::Es, Format::Csv);
        let back = build(import_csv(&csv, Path::new("x.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
        let meta = |s: &Session| {
            let m = &s.meta;
            (m.language.clone(), m.labels, m.group.clone(), m.body.clone(), m.logo.clone(), m.place.clone())
        };
        assert_eq!(meta(&back), meta(&s), "{csv}");
        let carried = |s: &Session| {
            let factors = Quadrant::ALL.iter().flat_map(|&q| s.factors(q).iter().map(|f| (f.id.clone(), f.carried)));
            factors.chain(s.all_actions().map(|(_, a)| (a.id.clone(), a.carried))).collect::<Vec<_>>()
        };
        assert_eq!(carried(&back), carried(&s), "{csv}");
        assert!(
            carried(&s).iter().any(|(_, c)| *c) || s.meta.language == "es",
            "the review fixture carries items over"
        );
    }
}

/// A factor whose text ends like a mark only once the importer has cleaned it
/// (`↻` then a space, or an invisible mark) lost its last `↻` or `[T·P]` on the
/// way back from Markdown (an audit): how the text ends is judged as read back.
#[test]
fn a_text_that_ends_like_a_mark_after_cleaning_comes_back_from_markdown() {
    for text in ["Arriba el tren ↻ ", "Arriba el tren ↻\u{200e}", "x [T·P] ", "llega (D1, F2) "] {
        let mut s = Session::new("Marcas", Timestamp::UNIX_EPOCH);
        s.strengths.push(Factor::new("F1", text));
        let md = render(&s, Lang::Es, Format::Md);
        let back = build(import_md(&md), "Marcas", Timestamp::UNIX_EPOCH);
        let want = dafo::domain::text::clean_text(text);
        assert_eq!(back.strengths.first().map(|f| f.text.as_str()), Some(want.as_str()), "{text:?}: {md}");
    }
}
