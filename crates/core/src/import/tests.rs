//! Tests of the Markdown and CSV importers.

use super::*;

#[test]
fn headings_match_leniently() {
    assert_eq!(quadrant_from_label("## 1. FORTALEZAS (internas)"), Some(Quadrant::Strengths));
    assert_eq!(quadrant_from_label("Amenazas:"), Some(Quadrant::Threats));
    assert_eq!(quadrant_from_label("Weakness"), Some(Quadrant::Weaknesses));
    assert_eq!(quadrant_from_label("Opórtunidades"), Some(Quadrant::Opportunities));
    assert_eq!(quadrant_from_label("Acciones para corregir debilidades"), None);
    assert_eq!(quadrant_from_label("O"), Some(Quadrant::Opportunities));
}

#[test]
fn plain_markdown_lists_import() {
    let md = "# Taller\n\n## Fortalezas\n\n- Equipo *muy* implicado\n- **F7** Red de centros *(2 votos)*\n\n## Otra cosa\n\n- no\n\n### threats\n\n* Paro\n";
    let imported = markdown(md);
    assert_eq!(imported.title.as_deref(), Some("Taller"));
    let s = build(imported, "Taller", Timestamp::UNIX_EPOCH);
    let f: Vec<_> = s.strengths.iter().map(|f| (f.id.as_str(), f.text.as_str(), f.votes)).collect();
    assert_eq!(f, [("F8", "Equipo muy implicado", 0), ("F7", "Red de centros", 2)]);
    assert_eq!(s.threats[0].id, "A1");
    assert!(s.weaknesses.is_empty());
}

#[test]
fn the_marks_an_export_adds_are_not_read_as_words() {
    let md = "## Fortalezas\n\n- **F1** Red de centros de día [A·P·TÉ] *(10 votos · impacto 4–5)*\n\
              - **F2** Intervención familiar ↻\n- **F3** Plan [borrador] de la Junta [P]\n- **F4** Sala [B] ↻ [T·P]\n";
    let s = build(markdown(md), "t", Timestamp::UNIX_EPOCH);
    let got: Vec<_> = s.strengths.iter().map(|f| (f.text.as_str(), f.votes, f.impact)).collect();
    assert_eq!(
        got,
        [
            ("Red de centros de día", 10, None),
            ("Intervención familiar", 0, None),
            ("Plan [borrador] de la Junta", 0, None),
            ("Sala [B]", 0, None),
        ]
    );
}

#[test]
fn ids_of_the_wrong_quadrant_or_repeated_are_replaced() {
    let md = "## Amenazas\n- **D3** uno\n- **A2** dos\n- **A2** tres\n";
    let s = build(markdown(md), "t", Timestamp::UNIX_EPOCH);
    let ids: Vec<_> = s.threats.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["A3", "A2", "A4"]);
}

#[test]
fn csv_errors_name_the_line() {
    let err = csv("quadrant,text\nFortalezas,ok\nNada,mal\n", Path::new("x.csv")).unwrap_err();
    assert_eq!(err.to_string(), "x.csv:3: unknown quadrant \"Nada\"");
}
