//! Tests of the catalogues and of the language resolution order.

use std::collections::HashMap;

use super::*;

fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    move |name| map.get(name).cloned()
}

#[test]
fn the_flag_wins_over_everything() {
    let e = env(&[("DAFO_LANG", "ca"), ("LANG", "ca_ES.UTF-8")]);
    assert_eq!(resolve(Some(Lang::En), Some("es"), Some(Lang::Ca), &e), Lang::En);
}

#[test]
fn the_session_language_comes_second() {
    let e = env(&[("DAFO_LANG", "es"), ("LC_ALL", "es_ES.UTF-8")]);
    assert_eq!(resolve(None, Some("en"), Some(Lang::Es), &e), Lang::En);
    // A tag no catalogue knows is passed over.
    assert_eq!(resolve(None, Some("fr"), None, env(&[("DAFO_LANG", "ca")])), Lang::Ca);
}

#[test]
fn dafo_lang_then_config_then_locale() {
    let e = env(&[("DAFO_LANG", "en"), ("LANG", "ca_ES.UTF-8")]);
    assert_eq!(resolve(None, None, Some(Lang::Ca), &e), Lang::En);
    let e = env(&[("LANG", "en_GB.UTF-8")]);
    assert_eq!(resolve(None, None, Some(Lang::Ca), &e), Lang::Ca);
    assert_eq!(resolve(None, None, None, &e), Lang::En);
}

#[test]
fn the_locale_follows_posix_precedence() {
    let e = env(&[("LC_ALL", "ca_ES@valencia"), ("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "es_ES.UTF-8")]);
    assert_eq!(resolve(None, None, None, &e), Lang::Ca);
    let e = env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "es_ES.UTF-8")]);
    assert_eq!(resolve(None, None, None, &e), Lang::En);
    assert_eq!(resolve(None, None, None, env(&[("LANG", "ca-ES-valencia")])), Lang::Ca);
    assert_eq!(resolve(None, None, None, env(&[("LANG", "es_MX.UTF-8")])), Lang::Es);
}

#[test]
fn spanish_is_the_last_resort() {
    assert_eq!(resolve(None, None, None, env(&[])), Lang::Es);
    assert_eq!(resolve(None, None, None, env(&[("LANG", "C.UTF-8")])), Lang::Es);
    assert_eq!(resolve(None, None, None, env(&[("LANG", "fr_FR.UTF-8"), ("DAFO_LANG", "xx")])), Lang::Es);
}

#[test]
fn tags_read_back() {
    for &l in Lang::ALL {
        assert_eq!(Lang::from_tag(l.tag()), Some(l));
    }
    assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
    assert_eq!(Lang::from_tag("english"), None);
    assert_eq!(Lang::from_tag("cat"), None);
}

#[test]
fn one_decimal_formatter_per_language() {
    assert_eq!(Lang::Es.decimal(0.15), "0,15");
    assert_eq!(Lang::Ca.decimal(2.5), "2,50");
    assert_eq!(Lang::En.number(2.5, 1), "2.5");
}

#[test]
fn folding_ignores_accents_and_case() {
    assert_eq!(fold("Acción ÑANDÚ Amenaça"), "accion nandu amenaca");
}

#[test]
fn search_matches_every_word_folded() {
    assert!(matches("D1 Listas de espera «largas»", "lista ESPERA"));
    assert!(matches("O2 Acción \"urgente\"", "accion urgente"));
    assert!(matches("anything", "  "));
    assert!(!matches("Listas de espera", "lista cola"));
}

#[test]
fn catalan_speaks_catalan() {
    let d = &Lang::Ca.text().domain;
    assert_eq!(d.quadrants, ["Fortaleses", "Debilitats", "Oportunitats", "Amenaces"]);
    assert_eq!(Lang::Ca.came(LabelSet::Classic, Came::Correct), "Corregir");
    assert_eq!(Lang::Ca.came(LabelSet::Classic, Came::Confront), "Afrontar");
    assert_eq!(Lang::Ca.came(LabelSet::Classic, Came::Maintain), "Mantenir");
    assert_eq!(Lang::Ca.came(LabelSet::Classic, Came::Exploit), "Explotar");
    assert_eq!(Lang::Ca.text().keys.space, "Espai");
}

#[test]
fn english_uses_english_acronyms() {
    assert_eq!(Lang::En.counts([5, 6, 5, 5], " "), "5 S 6 W 5 O 5 T");
    assert_eq!(Lang::Es.counts([5, 6, 5, 5], ", "), "5 F, 6 D, 5 O, 5 A");
    assert_eq!(Lang::En.crossed_code(Crossed::DA), "WT");
    assert_eq!(Lang::En.matrix(Matrix::Efi), "IFE");
    assert_eq!(Lang::En.text().plan.came, "SWOT action plan");
    assert_eq!(Lang::En.text().ui.browser_counts, ["S", "W", "O", "T"]);
}

#[test]
fn key_names_are_translated() {
    let names = |l: Lang| {
        let k = &l.text().keys;
        [k.space, k.home, k.end, k.delete]
    };
    assert_eq!(names(Lang::Es), ["Espacio", "Inicio", "Fin", "Supr"]);
    assert_eq!(names(Lang::En), ["Space", "Home", "End", "Del"]);
    assert_eq!(names(Lang::Ca), ["Espai", "Inici", "Fi", "Supr"]);
}

#[test]
fn counted_messages_agree_in_number() {
    for &l in Lang::ALL {
        let ui = &l.text().ui;
        assert_ne!((ui.actions_count)(1), (ui.actions_count)(2).replace('2', "1"), "{l:?}");
    }
    assert_eq!((Lang::En.text().ui.actions_count)(1), "1 action");
    assert_eq!((Lang::Es.text().ui.items_added)(3), "3 elementos añadidos");
}

#[test]
fn a_count_of_one_takes_the_singular() {
    let plan = |l: Lang| (l.text().cli.imported_plan)(1, 2, 1, 0);
    assert_eq!(plan(Lang::Es), "; 1 eje, 2 líneas, 1 reto, 0 indicadores");
    assert_eq!(plan(Lang::En), "; 1 axis, 2 lines, 1 challenge, 0 indicators");
    assert_eq!(plan(Lang::Ca), "; 1 eix, 2 línies, 1 repte, 0 indicadors");
    let answered = |l: Lang| (l.text().merge.answered)(1, 0);
    assert_eq!(answered(Lang::Es), "1 unido · 0 separados");
    assert_eq!(answered(Lang::Ca), "1 unit · 0 separats");
    assert_eq!((Lang::Ca.text().merge.answered)(2, 1), "2 units · 1 separat");
}

#[test]
fn catalan_names_the_key_retorn_says_seues_and_one_word_for_the_degree() {
    let t = Lang::Ca.text();
    let m = &t.meeting;
    for said in [m.carried_hint.to_owned(), (m.gone_kept_on_line)("F1"), (m.browser_from_title)("x")] {
        assert!(said.contains("Retorn") && !said.contains("Enter"), "{said}");
    }
    // The notice on opening names no key (the footer's hint does): it fits 80 columns.
    assert!(!(m.carried_open)(1, 2).contains("Enter"));
    assert!(t.keymap.plan_delete.contains("seues"), "{}", t.keymap.plan_delete);
    assert!(!t.ui.browser_heading.ends_with(" a"), "'sessions a sessions': {}", t.ui.browser_heading);
    assert!((t.review_errors.not_a_degree)("101").contains("grau d'implementació"));
    assert!((Lang::Es.text().review_errors.not_a_degree)("101").contains("grado de implementación"));
    let refusal = (t.review_errors.not_a_status)("potser");
    assert!(refusal.contains("pendent, en curs, feta, descartada"), "{refusal}");
}

/// Counts of one agree with their noun: "0 de 1 factor", "1 copiada", "1 conservada".
#[test]
fn counts_of_one_are_singular() {
    let coverage = |lang: Lang, n, m| (lang.text().plan.coverage)(n, m);
    assert_eq!(coverage(Lang::Es, 0, 1), "0 de 1 factor sin acción");
    assert_eq!(coverage(Lang::Es, 2, 3), "2 de 3 factores sin acción");
    assert_eq!(coverage(Lang::Ca, 0, 1), "0 d'1 factor sense acció");
    assert_eq!(coverage(Lang::En, 0, 1), "0 of 1 factor without action");
    let demo = |lang: Lang, w, s, k| (lang.text().cli.demo_done)("d", w, s, k);
    assert_eq!(demo(Lang::Es, 4, 0, 1), "muestras en d: 4 copiadas, 0 ya iguales, 1 conservada");
    assert_eq!(demo(Lang::Es, 1, 1, 2), "muestras en d: 1 copiada, 1 ya igual, 2 conservadas");
    assert_eq!(demo(Lang::Ca, 1, 1, 1), "mostres a d: 1 copiada, 1 ja igual, 1 conservada");
}
