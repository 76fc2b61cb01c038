//! The informe final of the bundled sample (Palencia, with a plan): golden
//! exports in every format, the section order, the docx's headings, and the
//! Markdown and CSV exports importing back to the same plan.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;

use dafo::domain::Session;
use dafo::export::Format;
use dafo::export::import::{build, csv as import_csv};
use dafo::i18n::Lang;
use jiff::Timestamp;

/// The day exports are made in these tests, so that overdue marks do not drift with the clock.
const DAY: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// [`dafo::export::render`] on [`DAY`].
fn render(s: &Session, lang: Lang, format: Format) -> String {
    dafo::export::render_on(s, lang, format, DAY)
}

fn sample() -> Session {
    dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap()
}

/// The eleven sections' headings in Spanish, in the informe's order (the
/// metadata has no heading: its fields come first).
const SECTIONS: [&str; 10] = [
    "## Misión, visión y valores",
    "## Matriz DAFO",
    "## Plan de acción CAME",
    "## Estrategias cruzadas",
    "## Retos",
    "## Ejes y líneas",
    "## Plan de acción",
    "## Cronograma",
    "## Indicadores",
    "## Cobertura del plan",
];

#[test]
fn golden_informe_in_every_text_format() {
    let s = sample();
    insta::assert_snapshot!("informe_md", render(&s, Lang::Es, Format::Md));
    insta::assert_snapshot!("informe_html", render(&s, Lang::Es, Format::Html));
    insta::assert_snapshot!("informe_txt", render(&s, Lang::Es, Format::Txt));
    insta::assert_snapshot!("informe_json", render(&s, Lang::Es, Format::Json));
    insta::assert_snapshot!("informe_csv", render(&s, Lang::Es, Format::Csv));
    insta::assert_snapshot!("informe_md_en", render(&s, Lang::En, Format::Md));
}

#[test]
fn markdown_sections_come_in_the_informe_order() {
    let md = render(&sample(), Lang::Es, Format::Md);
    let fields = ["**Lugar:**", "**Participantes:**", "**Horizonte:** 2027-2030"];
    let mut at = 0;
    for needle in fields.iter().copied().chain(SECTIONS.iter().copied()) {
        let found = md[at..].find(needle).unwrap_or_else(|| panic!("{needle:?} missing or out of order\n{md}"));
        at += found + needle.len();
    }
    let mut weighted = sample();
    weighted.strengths[0].weight = Some(0.2);
    weighted.strengths[0].rating = Some(4);
    let md = render(&weighted, Lang::Es, Format::Md);
    let efi = md.find("## Matriz EFI").unwrap();
    assert!(
        md.find("## Amenazas").unwrap() < efi && efi < md.find("## Plan de acción CAME").unwrap(),
        "EFI/EFE with the DAFO"
    );
}

#[test]
fn docx_has_every_section_as_a_word_heading() {
    let bytes = dafo::export::bytes_on(&sample(), Lang::Es, Format::Docx, DAY);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    for heading in SECTIONS {
        let text = heading.trim_start_matches("## ");
        let heading_at = |(at, _): &(usize, &str)| {
            let para = xml[..*at].rfind("<w:p ").unwrap();
            xml[para..*at].contains("w:val=\"Heading")
        };
        assert!(xml.match_indices(&format!(">{text}")).any(|m| heading_at(&m)), "{text} is not a Word heading");
    }
    let s = sample();
    assert!(xml.contains(&s.axes[0].text) && xml.contains(&s.challenges[0].text));
    assert!(xml.matches("<w:tbl>").count() >= 12, "the plan's tables are Word tables");
}

/// The plan's parts of a session, to compare after a round trip.
fn plan_of(s: &Session) -> String {
    let lines: Vec<_> =
        s.lines_in_order().map(|l| (s.line_label(&l.id), l.text.clone(), l.indicators.clone())).collect();
    let mut actions: Vec<_> = s
        .all_actions()
        .map(|(_, a)| {
            let line = a.line.as_deref().map(|l| s.line_label(l));
            (a.id.clone(), line, a.start, a.due, a.owner.clone(), a.resources.clone(), a.amount, a.partners.clone())
        })
        .collect();
    actions.sort_by(|a, b| a.0.cmp(&b.0));
    let indicators: Vec<_> =
        s.indicators.iter().map(|i| (&i.name, &i.unit, i.baseline, i.target, i.direction)).collect();
    format!(
        "{:?}\n{:?} {:?} {:?}\n{:?}\n{:?}\n{lines:?}\n{actions:?}\n{indicators:?}",
        s.meta.horizon,
        s.mission,
        s.vision,
        s.values,
        s.challenges,
        s.axes.iter().map(|a| &a.text).collect::<Vec<_>>()
    )
}

#[test]
fn markdown_informe_imports_back_to_the_same_plan() {
    let s = sample();
    let md = render(&s, Lang::Es, Format::Md);
    let (back, _) = dafo::export::plan_import::import(&md, Path::new("informe.md"), None, "x", Timestamp::UNIX_EPOCH)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan_of(&back), plan_of(&s));
}

#[test]
fn csv_carries_the_plan_and_imports_back() {
    let s = sample();
    let text = render(&s, Lang::Es, Format::Csv);
    let header = text.lines().next().unwrap();
    // The sample tags factors and actions with themes (issue 27): their columns come last.
    assert!(
        header.ends_with(
            "line,indicators,unit,baseline,target,direction,year,degree,note,date,place,participants,attendees,by_sex,by_age,technique,themes,impacts"
        ),
        "{header}"
    );
    for kind in [",mission,", ",vision,", ",value,", ",challenge,", ",axis,", ",line,", ",indicator,"] {
        assert!(text.contains(kind), "no {kind} row");
    }
    let back = build(import_csv(&text, Path::new("informe.csv")).unwrap(), "x", Timestamp::UNIX_EPOCH);
    assert_eq!(plan_of(&back), plan_of(&s));
    assert_eq!(back.challenges, s.challenges);
    assert_eq!(back.lines, s.lines);
    let placed = |x: &Session| x.strategies.iter().map(|st| st.line.clone()).collect::<Vec<_>>();
    assert_eq!(placed(&back), placed(&s));
}

#[test]
fn csv_plan_cells_that_do_not_read_are_refused_with_their_line() {
    let text = "id,kind,quadrant,text,direction\nI1,indicator,,Espera,sideways\n";
    let err = import_csv(text, Path::new("p.csv")).unwrap_err().to_string();
    assert_eq!(err, "p.csv:2: direction must be up, down or keep, not \"sideways\"");
    let text = "id,kind,quadrant,text,horizon\n,session,,T,2030-2020\n";
    let err = import_csv(text, Path::new("p.csv")).unwrap_err().to_string();
    assert!(err.starts_with("p.csv:2: horizon:"), "{err}");
}
