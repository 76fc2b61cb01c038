//! End-to-end tests of `dafo merge` on the sample group sessions, of sources
//! in the exports and of `dafo import --source`.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::{Command, Output};

const GROUPS: [&str; 3] =
    ["sessions/grupos/tecnicos.ron", "sessions/grupos/politicos.ron", "sessions/grupos/asociaciones.ron"];

fn dafo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafo")).args(args).env_remove("DAFO_DIR").output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn merge_samples(extra: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, Output) {
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("diagnostico.ron");
    let mut args = vec!["merge"];
    args.extend(GROUPS);
    args.extend(["-o", out_path.to_str().unwrap()]);
    args.extend(extra);
    let out = dafo(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (tmp, out_path, out)
}

#[test]
fn the_sample_groups_merge_into_one_diagnosis() {
    let before: Vec<Vec<u8>> = GROUPS.iter().map(|g| std::fs::read(g).unwrap()).collect();
    // The first group's wording, as before `--prefer` (the default is the longest).
    let (_tmp, path, out) = merge_samples(&["--prefer", "first"]);
    let after: Vec<Vec<u8>> = GROUPS.iter().map(|g| std::fs::read(g).unwrap()).collect();
    assert_eq!(before, after, "inputs are never written");
    let report = text(&out.stdout);
    // Overlaps: raised by the three groups, by two, by one.
    assert!(report.contains("Grupos: técnicos (T) · políticos (P) · asociaciones (A)"), "{report}");
    assert!(
        report.contains("D1 [T·P·A] Listas de espera largas en la valoración de la dependencia · 3 grupos"),
        "{report}"
    );
    assert!(report.contains("O1 [T·P·A] Fondos europeos para la transformación de los servicios sociales"), "{report}");
    assert!(report.contains("A1 [T·P] Envejecimiento acelerado de la población · 2 grupos"), "{report}");
    assert!(report.contains("Solo un grupo:"), "{report}");
    assert!(report.contains("A6 [A] Soledad no deseada de las personas mayores · asociaciones"), "{report}");
    // The D/A disagreement and a grey-zone pair.
    assert!(report.contains("DESACUERDOS ENTRE CUADRANTES (1)"), "{report}");
    assert!(report.contains("debilidad D5 «Brecha digital"), "{report}");
    assert!(report.contains("/ amenaza A5 «Brecha digital"), "{report}");
    assert!(report.contains("PARES DUDOSOS, SEPARADOS (1)"), "{report}");
    // The result reads, and keeps every wording and the actions' links.
    let check = dafo(&["check", path.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    let s = dafo::storage::load(&path).unwrap();
    let d1 = &s.weaknesses[0];
    assert_eq!(d1.sources, ["técnicos", "políticos", "asociaciones"]);
    assert_eq!(d1.votes, 18);
    assert_eq!(d1.origins.len(), 3);
    assert!(d1.origins.iter().any(|o| o.text == "Largas listas de espera para la valoración de la dependencia"));
    assert!(s.correct.iter().any(|a| a.text.starts_with("Plan de choque") && a.links == ["D1"]));
    assert!(s.strategies.iter().all(|st| s.find_factor(&st.factors[0]).is_some()));
    // Sources show in the exports.
    let md = text(&dafo(&["show", path.to_str().unwrap(), "--format", "md"]).stdout);
    assert!(
        md.contains(
            r"- **D1** Listas de espera largas en la valoración de la dependencia \[T·P·A\] *(18 votos · impacto 4–5)*"
        ),
        "{md}"
    );
    assert!(md.contains("Fuentes: técnicos (T) 3 · políticos (P) 2 · asociaciones (A) 3"), "{md}");
    let txt = text(&dafo(&["show", path.to_str().unwrap()]).stdout);
    let words = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words
            .contains("D1 Listas de espera largas en la valoración de la dependencia [T·P·A] (18 votos · impacto 4–5)"),
        "{txt}"
    );
    let csv = text(&dafo(&["show", path.to_str().unwrap(), "--format", "csv"]).stdout);
    assert!(csv.contains("técnicos;políticos;asociaciones"), "{csv}");
    let json = text(&dafo(&["show", path.to_str().unwrap(), "--format", "json"]).stdout);
    assert!(json.contains("\"sources\""), "{json}");
    let html = text(&dafo(&["show", path.to_str().unwrap(), "--format", "html"]).stdout);
    assert!(html.contains("[T·P·A]") && html.contains("Fuentes:"), "{html}");
}

#[test]
fn the_longest_wording_stays_unless_another_is_preferred_and_every_wording_is_kept() {
    let d1 = |extra: &[&str]| {
        let (_tmp, path, out) = merge_samples(extra);
        let report = text(&out.stdout);
        let d1 = dafo::storage::load(&path).unwrap().weaknesses[0].clone();
        assert!(report.contains(&format!("D1 [T·P·A] {} · 3 grupos", d1.text)), "{report}");
        d1
    };
    let longest = d1(&[]);
    assert_eq!(longest.text, "Largas listas de espera para la valoración de la dependencia", "the asociaciones' one");
    assert_eq!(d1(&["--prefer", "longest"]), longest);
    let first = d1(&["--prefer", "first"]);
    assert_eq!(first.text, "Listas de espera largas en la valoración de la dependencia", "the técnicos' one");
    let politicos = d1(&["--prefer", "políticos"]);
    assert_eq!(politicos.text, "Largas listas de espera en la valoración de la dependencia");
    // Typed without its accent or in capitals, the same group (it was taken as
    // no group and silently gave the longest).
    assert_eq!(d1(&["--prefer", "politicos"]).text, politicos.text);
    assert_eq!(d1(&["--prefer", "POLÍTICOS"]).text, politicos.text);
    // A group that did not say it: the longest, and a name no file's group has is said.
    assert_eq!(d1(&["--prefer", "encuesta"]).text, longest.text);
    let (_tmp, _, out) = merge_samples(&["--prefer", "encuesta", "--lang", "es"]);
    let said = text(&out.stderr);
    assert!(
        said.contains("--prefer «encuesta» no es ninguno de los grupos (técnicos, políticos, asociaciones)"),
        "{said}"
    );
    for f in [&longest, &first, &politicos] {
        assert_eq!(f.origins, longest.origins, "every wording stays in the origins");
        assert_eq!(f.votes, 18);
    }
    let help = text(&dafo(&["merge", "--help"]).stdout);
    assert!(help.contains("--prefer <longest|first|GROUP>"), "{help}");
    let refused = dafo(&["merge", GROUPS[0], GROUPS[1], "-o", "/nonexistent/x.ron", "--prefer", " "]);
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("--prefer"), "{}", text(&refused.stderr));
}

#[test]
fn accept_similar_joins_the_grey_pairs() {
    let (_tmp, path, out) = merge_samples(&["--accept-similar", "--format", "md"]);
    let report = text(&out.stdout);
    assert!(report.starts_with("# Informe de la fusión"), "{report}");
    assert!(report.contains("Unidos por --accept-similar."), "{report}");
    let s = dafo::storage::load(&path).unwrap();
    assert!(s.weaknesses.iter().any(|f| f.origins.iter().any(|o| o.text.starts_with("Poca información"))));
}

#[test]
fn merge_refuses_to_write_over_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.ron");
    std::fs::copy(GROUPS[0], &a).unwrap();
    let before = std::fs::read(&a).unwrap();
    let out = dafo(&["merge", a.to_str().unwrap(), GROUPS[1], "-o", a.to_str().unwrap(), "--force"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("nunca se escriben"), "{}", text(&out.stderr));
    let out = dafo(&["--lang", "en", "merge", a.to_str().unwrap(), GROUPS[1], "-o", a.to_str().unwrap(), "--force"]);
    assert!(text(&out.stderr).contains("never written"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

#[test]
fn import_tags_items_with_their_source() {
    let tmp = tempfile::tempdir().unwrap();
    let md = tmp.path().join("encuesta.md");
    std::fs::write(&md, "# Encuesta\n\n## Debilidades\n\n- Horarios poco flexibles\n- Listas de espera\n").unwrap();
    let out_path = tmp.path().join("encuesta.ron");
    let out = dafo(&["import", md.to_str().unwrap(), "-o", out_path.to_str().unwrap(), "--source", "encuesta"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = dafo::storage::load(Path::new(&out_path)).unwrap();
    assert_eq!(s.weaknesses.len(), 2);
    assert!(s.weaknesses.iter().all(|f| f.sources == ["encuesta"]));
}

#[test]
fn the_browser_opens_on_palencia_with_the_groups_subfolder_present() {
    assert!(Path::new("sessions/grupos").is_dir());
    let b = dafo::app::browser::Browser::scan(Path::new("sessions"), dafo::i18n::Lang::Es);
    assert_eq!(b.selected, 0);
    let first = b.selected_entry().unwrap();
    assert_eq!(first.path, Path::new("sessions/palencia-ciudad-de-los-cuidados.ron"));
    assert!(b.entries.iter().all(|e| e.summary.is_ok()), "no entry for the folder, no error");
    // The group sessions are older than the Palencia sample: it stays first
    // even if the browser ever lists subfolders.
    let palencia = dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap();
    for g in GROUPS {
        assert!(dafo::storage::load(Path::new(g)).unwrap().meta.modified < palencia.meta.modified);
    }
}

#[test]
fn review_asks_about_each_possible_pair() {
    use std::io::Write as _;
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("diagnostico.ron");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafo"))
        .arg("merge")
        .args(GROUPS)
        .args(["--review", "-o"])
        .arg(&out_path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"s\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let asked = text(&out.stderr);
    assert!(asked.contains("[1/1] ¿Dicen lo mismo?"), "{asked}");
    assert!(asked.contains("Poca información sobre los servicios disponibles"), "{asked}");
    let report = text(&out.stdout);
    assert!(report.contains("Unidos en la revisión: 1"), "{report}");
    assert!(report.contains("PARES DUDOSOS, SEPARADOS (0)"), "{report}");
    assert!(!report.contains("--accept-similar"), "every pair answered, no hint: {report}");
    let s = dafo::storage::load(&out_path).unwrap();
    assert!(s.weaknesses.iter().any(|f| f.origins.iter().any(|o| o.text.starts_with("Poca información"))));
}

#[test]
fn the_report_speaks_english_with_english_ids_and_letters() {
    let (_tmp, _path, out) = merge_samples(&["--lang", "en"]);
    let report = text(&out.stdout);
    assert!(report.contains("MERGE REPORT") && report.contains("Factors: 38 read → 25 in the diagnosis"), "{report}");
    // The D/A disagreement reads as a weakness and a threat, with English IDs.
    assert!(
        report.contains("weakness W5 «Brecha digital") && report.contains("/ threat T5 «Brecha digital"),
        "{report}"
    );
    assert!(report.contains("W2 «Escasa difusión") && report.contains("~ W8 «Poca información"), "{report}");
    assert!(text(&out.stderr).contains("written (6 S, 8 W, 5 O, 6 T)"), "{}", text(&out.stderr));
    assert!(report.ends_with('\n'), "the report ends its last line");
}

#[test]
fn an_empty_quadrant_reads_0_factores_with_nothing_dangling_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, t) in [("vecinos", "Red vecinal activa"), ("tecnicos", "Local propio")] {
        let mut s = dafo::domain::Session::new(name, jiff::Timestamp::UNIX_EPOCH);
        let e = s.add_factor(dafo::domain::Quadrant::Strengths, t).unwrap();
        s.apply(e).unwrap();
        let p = tmp.path().join(format!("{name}.ron"));
        dafo::storage::save(&p, &s).unwrap();
        paths.push(p.to_str().unwrap().to_owned());
    }
    let out = tmp.path().join("m.ron");
    let o = dafo(&["merge", &paths[0], &paths[1], "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let report = text(&o.stdout);
    assert!(report.contains("0 factores"), "{report}");
    assert!(!report.contains("0 factores:"), "a colon with nothing after it: {report}");
}

/// Two group files of one name in two folders, neither saying its group, were
/// merged as one group: what both said counted as said by one.
#[test]
fn two_groups_whose_files_share_a_name_stay_two_groups() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (folder, sample) in [("a", "tecnicos"), ("b", "politicos")] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        let mut s = dafo::storage::load(std::path::Path::new(&format!("sessions/grupos/{sample}.ron"))).unwrap();
        s.meta.group = None;
        let path = dir.path().join(folder).join("grupo.ron");
        dafo::storage::save(&path, &s).unwrap();
        paths.push(path);
    }
    let out = dir.path().join("ab.ron");
    let o = dafo(&[
        "--lang",
        "es",
        "merge",
        paths[0].to_str().unwrap(),
        paths[1].to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let merged = dafo::storage::load(&out).unwrap();
    let sources: std::collections::BTreeSet<String> =
        merged.strengths.iter().chain(&merged.weaknesses).flat_map(|f| f.sources.clone()).collect();
    assert_eq!(sources.into_iter().collect::<Vec<_>>(), ["grupo (a)", "grupo (b)"], "{}", text(&o.stdout));
}
