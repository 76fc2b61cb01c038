//! The site of the bundled Almendral plan: what it shows, what it keeps out,
//! and hostile texts that must stay text.

use super::*;

fn almendral() -> Session {
    crate::storage::load(&crate::repo::path("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap()
}

const TODAY: Date = jiff::civil::date(2025, 3, 1);

fn file<'a>(site: &'a [SiteFile], name: &str) -> &'a str {
    let f = site.iter().find(|f| f.name == name).unwrap();
    std::str::from_utf8(&f.bytes).unwrap()
}

/// Every text the public must not see: review notes, the year's record, participants, place.
fn private_texts(s: &Session) -> Vec<String> {
    let mut out: Vec<String> = s.reviews.iter().filter_map(|r| r.note.clone()).collect();
    for y in &s.review_years {
        out.extend(y.body.clone());
        out.extend(y.summary.clone());
        out.extend(y.problems.iter().cloned());
    }
    out.extend(s.meta.participants.clone());
    out.extend(s.meta.place.clone());
    assert!(out.len() > 10, "the sample plan has notes and records to keep out");
    out
}

#[test]
fn the_site_shows_the_plan_its_progress_and_every_action() {
    let s = almendral();
    let site = site(&s, Lang::Es, TODAY, false);
    let names: Vec<&str> = site.iter().map(|f| f.name).collect();
    assert_eq!(names, ["index.html", "actions.html", "plan.csv", "plan.json", MARKER]);
    let index = file(&site, "index.html");
    let escaped = |x: &str| crate::export::html::escape(x);
    assert!(index.contains(&escaped(s.mission.as_deref().unwrap())));
    assert!(index.contains(&escaped(s.vision.as_deref().unwrap())));
    for v in &s.values {
        assert!(index.contains(&escaped(v)), "{v}");
    }
    // The plan's degree per year, as the report computes it, in the chart and its table.
    for y in s.reviewed_years() {
        let d = crate::export::report_build::pct(Lang::Es, s.progress_on(y, TODAY).degree.unwrap());
        assert!(index.matches(&d).count() >= 2, "{y} {d}");
    }
    assert_eq!(index.matches("<svg").count(), 2);
    assert!(index.contains("<title id=\"chart-plan-t\">") && index.contains("<desc id=\"chart-axes-d\">"));
    let actions = file(&site, "actions.html");
    for (_, a) in s.actions_in_plan_order() {
        assert!(actions.contains(&format!("id=\"accion-{}\"", a.id)), "{}", a.id);
        assert!(actions.contains(&escaped(&a.text)));
        if let Some(o) = &a.owner {
            assert!(actions.contains(&escaped(o)));
        }
    }
    for axis in &s.axes {
        assert!(index.contains(&format!("actions.html#eje-{}", axis.id)));
        assert!(actions.contains(&format!("id=\"eje-{}\"", axis.id)));
    }
    assert!(actions.contains("<html lang=\"es\">") && actions.contains("Buscar acciones"));
    // Without scripts the search box stays hidden and the list is whole.
    assert!(actions.contains("<div role=\"search\" id=\"search\" hidden>"));
    assert_eq!(actions.matches("<li class=\"action\"").count(), s.actions_in_plan_order().len());
}

#[test]
fn notes_meeting_records_and_participants_stay_out_unless_asked_for() {
    let s = almendral();
    let public = site(&s, Lang::Es, TODAY, false);
    for f in &public {
        let text = String::from_utf8_lossy(&f.bytes);
        for private in private_texts(&s) {
            // Each as it would be written: escaped in HTML, as is in CSV and JSON.
            let forms = [private.clone(), crate::export::html::escape(&private)];
            assert!(!forms.iter().any(|p| text.contains(p.as_str())), "{} leaks {private:?}", f.name);
        }
    }
    let internal = site(&s, Lang::Es, TODAY, true);
    let all: String = internal.iter().map(|f| String::from_utf8_lossy(&f.bytes).into_owned()).collect();
    for private in private_texts(&s).into_iter().filter(|p| Some(p) != s.meta.place.as_ref()) {
        assert!(all.contains(&crate::export::html::escape(&private)) || all.contains(&private), "{private}");
    }
    assert!(file(&internal, "index.html").contains("información interna"));
}

#[test]
fn the_downloads_hold_the_same_data_as_the_report() {
    let s = almendral();
    let site = site(&s, Lang::En, TODAY, false);
    let mut csv = ::csv::Reader::from_reader(file(&site, "plan.csv").as_bytes());
    let rows: Vec<::csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let years = crate::export::report_rows::row_years(&s);
    assert_eq!(rows.len(), s.actions_in_plan_order().len() * years.len());
    // The IDs as the English site shows them, as `dafo export --format csv` writes them.
    let ids: Vec<&str> = rows.iter().map(|r| &r[3]).collect();
    assert!(ids.contains(&"CF1") && !ids.contains(&"AF1"), "{ids:?}");
    for r in &rows {
        let year: i16 = r[0].parse().unwrap();
        let review = s.action_review(&crate::i18n::stored_id(&r[3]), year);
        assert_eq!(r[5].parse::<u8>().ok(), review.map(|r| r.degree.get()), "{r:?}");
        assert_eq!(&r[8], "", "no notes in the public CSV");
    }
    let json: serde_json::Value = serde_json::from_str(file(&site, "plan.json")).unwrap();
    assert_eq!(json["plan"]["mission"], s.mission.clone().unwrap());
    let reviewed = s.reviewed_years();
    assert_eq!(json["progress"]["years"].as_array().unwrap().len(), reviewed.len());
    for (j, y) in json["progress"]["years"].as_array().unwrap().iter().zip(&reviewed) {
        let d = s.progress_on(*y, TODAY).degree.unwrap();
        assert!((j["degree"].as_f64().unwrap() - d).abs() < 0.051, "{y}");
        assert!(j["summary"].is_null() && j["problems"].as_array().unwrap().is_empty());
    }
    assert!(file(&site, "index.html").contains("<html lang=\"en\">"));
}

const HOSTILE: [&str; 5] = [
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "x\u{1b}]52;c;ZWNobyBoaQ==\u{7}y\u{1b}[2J",
    "a\u{202e}b\u{0}c\u{85}d\re",
    "</title><style>*{display:none}</style>&amp;",
];

fn hostile() -> Session {
    let mut s = almendral();
    let h = |i: usize| HOSTILE[i % HOSTILE.len()].to_owned();
    s.meta.title = h(0);
    s.mission = Some(h(1));
    s.vision = Some(h(2));
    s.values = (0..5).map(h).collect();
    for (i, a) in s.axes.iter_mut().enumerate() {
        a.text = h(i + 1);
    }
    for (i, l) in s.lines.iter_mut().enumerate() {
        l.text = h(i + 2);
    }
    for (i, a) in s.maintain.iter_mut().chain(s.correct.iter_mut()).chain(s.exploit.iter_mut()).enumerate() {
        a.text = h(i);
        a.owner = Some(h(i + 3));
    }
    for (i, ind) in s.indicators.iter_mut().enumerate() {
        ind.name = h(i + 4);
        ind.unit = Some(h(i));
    }
    for (i, r) in s.reviews.iter_mut().enumerate() {
        r.note = Some(h(i));
    }
    s.meta.participants = Some(h(1));
    s
}

#[test]
fn hostile_texts_stay_text_and_no_control_character_reaches_the_site() {
    let s = hostile();
    for internal in [false, true] {
        for f in site(&s, Lang::Es, TODAY, internal) {
            let text = String::from_utf8(f.bytes.clone()).unwrap();
            let bad = text.chars().find(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}'));
            assert_eq!(bad, None, "{} holds {bad:?}", f.name);
            if !f.name.ends_with(".html") {
                continue;
            }
            // The only script is the site's own search, the only style its own sheet.
            assert_eq!(text.matches("<script").count(), usize::from(f.name == "actions.html"), "{}", f.name);
            assert_eq!(text.matches("<style").count(), 1, "{}", f.name);
            assert_eq!(text.matches("<title").count(), 3 - usize::from(f.name == "actions.html") * 2, "{}", f.name);
            for tag in ["<img", "onerror=alert(1)>", "alert('x')</script>", "</title><style>"] {
                assert!(!text.contains(tag), "{}: {tag}", f.name);
            }
            assert!(text.contains("&lt;script&gt;alert("), "{}", f.name);
            assert!(text.contains("&lt;img src=x onerror=alert(1)&gt;"), "{}", f.name);
            assert!(text.contains("&amp;amp;"), "{}", f.name);
        }
    }
}

/// A chart's title is drawn in the picture: its caption only points to the
/// table (a trial saw every title twice, above and inside the drawing).
#[test]
fn a_charts_title_is_not_repeated_under_it() {
    let s = almendral();
    let site = site(&s, Lang::Es, TODAY, false);
    let index = file(&site, "index.html");
    let note = Lang::Es.text().publish.chart_note;
    let captions: Vec<&str> =
        index.split("<figcaption>").skip(1).filter_map(|c| c.split("</figcaption>").next()).collect();
    assert!(!captions.is_empty(), "the site has charts");
    for caption in captions {
        assert_eq!(caption, note);
    }
}

#[test]
fn a_plan_not_yet_reviewed_says_so() {
    let mut s = almendral();
    s.reviews.clear();
    s.review_years.clear();
    s.indicator_values.clear();
    let site = site(&s, Lang::Ca, TODAY, false);
    assert!(
        file(&site, "index.html").contains("Encara no s&#x27;ha revisat cap any.")
            || file(&site, "index.html").contains("Encara no s'ha revisat cap any.")
    );
    assert!(!file(&site, "index.html").contains("<svg"));
    let json: serde_json::Value = serde_json::from_str(file(&site, "plan.json")).unwrap();
    assert_eq!(json["progress"]["years"].as_array().map(Vec::len), Some(0));
}

/// WCAG's contrast ratio of a `#rrggbb` colour against white.
fn contrast_on_white(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[test]
fn chart_colours_keep_their_contrast_on_the_white_page() {
    // Text 4.5:1 (WCAG 1.4.3), bars 3:1 (1.4.11): axe cannot always measure SVG text.
    assert!(contrast_on_white(crate::export::chart::svg::INK) >= 4.5);
    for c in crate::export::chart::svg::COLOURS {
        assert!(contrast_on_white(c) >= 3.0, "{c}: {}", contrast_on_white(c));
    }
    assert!(contrast_on_white("#bbbbbb") < 3.0, "the measure tells a pale colour");
}

#[test]
fn a_year_without_a_review_shows_where_the_action_stood_in_brackets() {
    let s = almendral();
    let years = s.reviewed_years();
    let (first, last) = (years[0], years[years.len() - 1]);
    let a = s
        .actions_in_plan_order()
        .into_iter()
        .map(|(_, a)| a)
        .find(|a| s.action_review(&a.id, first).is_some() && s.action_review(&a.id, last).is_none())
        .unwrap();
    let degree = s.action_review(&a.id, first).unwrap().degree.get();
    let site = site(&s, Lang::Es, TODAY, false);
    let page = file(&site, "actions.html");
    let start = page.find(&format!("id=\"accion-{}\"", a.id)).unwrap();
    let item = &page[start..start + page[start..].find("</li>").unwrap()].replace('\u{a0}', " ");
    let pct = |d: u8| crate::export::report_build::pct(Lang::Es, f64::from(d));
    assert!(
        item.contains(&format!("<td class=\"n\">{}</td><td class=\"n\">({})</td>", pct(degree), pct(degree))),
        "{item}"
    );
    // After the last year reviewed, nothing is known yet.
    let after = crate::export::report_rows::row_years(&s).into_iter().filter(|&y| y > last).count();
    assert!(after > 0 && item.matches("<td class=\"n\">—</td>").count() == 2 * after, "{item}");
}

#[test]
fn the_sessions_texts_say_their_language_on_a_site_in_another() {
    let s = almendral();
    assert_eq!(s.meta.language, "es");
    let en = site(&s, Lang::En, TODAY, true);
    let index = file(&en, "index.html");
    assert!(index.contains("<html lang=\"en\">"));
    let marked = |text: &str| format!("<span lang=\"es\">{}</span>", crate::export::html::escape(text));
    assert!(index.contains(&format!("<h1>{}</h1>", marked(&s.meta.title))), "{index}");
    assert!(index.contains(&marked(s.mission.as_deref().unwrap())));
    let actions = file(&en, "actions.html");
    for (_, a) in s.actions_in_plan_order() {
        assert!(actions.contains(&marked(&a.text)), "{}", a.id);
    }
    // The site's own words are not marked; on a Spanish site nothing is.
    assert!(!index.contains(&marked("Degree of implementation")));
    let es = site(&s, Lang::Es, TODAY, true);
    assert!(es.iter().all(|f| !String::from_utf8_lossy(&f.bytes).contains("<span lang=")));
}

/// The levels of a page's headings, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h").filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10)).map(|d| d as u8).collect()
}

#[test]
fn headings_never_skip_a_level_with_or_without_ejes() {
    let mut s = almendral();
    // One action with no línea, and a plan with no ejes at all.
    s.correct[0].line = None;
    let mut flat = s.clone();
    flat.axes.clear();
    flat.lines.clear();
    for session in [&s, &flat] {
        for f in site(session, Lang::Es, TODAY, true).iter().filter(|f| f.name.ends_with(".html")) {
            let levels = heading_levels(std::str::from_utf8(&f.bytes).unwrap());
            assert_eq!(levels.first(), Some(&1), "{}", f.name);
            for pair in levels.windows(2) {
                assert!(pair[1] <= pair[0] + 1, "{}: h{} after h{} in {levels:?}", f.name, pair[1], pair[0]);
            }
        }
    }
    let page = site(&s, Lang::Es, TODAY, false);
    let actions = file(&page, "actions.html");
    assert!(actions.contains(&format!("<h3>{} · ", s.correct[0].id)), "the unplaced action under its h2");
}
