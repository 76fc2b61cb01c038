//! The published site in a real browser: headless Chromium opens it from disk
//! (`file://`), follows a link, uses the search and the keyboard, finds the
//! CSV the link names, makes no request outside the site, and axe-core
//! (tests/browser, from npm) finds no WCAG 2.1 A/AA violation on any page.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cli_publish::almendral_site;
use crate::common;
use crate::common::webdriver::Browser;

const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// axe-core's script, installed by `npm ci` in tests/browser when missing.
pub(crate) fn axe_source() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let file = dir.join("node_modules/axe-core/axe.min.js");
    if !file.exists() {
        if !common::needs(common::Tool::Node) {
            return None;
        }
        let ci = std::process::Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).output();
        assert!(ci.as_ref().is_ok_and(|o| o.status.success()), "npm ci in tests/browser: {ci:?}");
    }
    Some(std::fs::read_to_string(file).unwrap())
}

/// The violations axe-core finds on the page open now (WCAG 2.0/2.1 A and AA, and best practices).
pub(crate) fn violations(b: &Browser, axe: &str) -> Vec<String> {
    b.run(&format!("{axe}\nreturn true;"), json!([]));
    let found = b.run_async(
        "var done = arguments[arguments.length - 1];
         axe.run(document, {preload: false, resultTypes: ['violations'],
                 runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
           .then(function (r) {
               // Contrast axe could not decide is a failure too, but for the charts' own
               // SVG text (colours fixed in chart.rs, checked by its unit test).
               var undecided = r.incomplete.filter(function (v) { return v.id === 'color-contrast'; }).map(function (v) {
                   v.nodes = v.nodes.filter(function (n) { return n.html.indexOf('<text') !== 0; });
                   return v;
               }).filter(function (v) { return v.nodes.length > 0; });
               done(r.violations.concat(undecided).map(function (v) {
               return v.id + ' (' + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' ') + ' ' + n.any.concat(n.all).map(function (c) { return c.message; }).join(' '); }).join(', ');
           })); })
           .catch(function (e) { done(['axe failed: ' + e]); });",
        json!([]),
    );
    found.as_array().unwrap().iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect()
}

/// A session full of markup and escape sequences (and an action with no línea), published.
fn hostile_site(tmp: &Path) -> PathBuf {
    let mut s = dafo::storage::load(Path::new(ALMENDRAL)).unwrap();
    let h = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "x\u{1b}[2Jy\u{202e}z"];
    s.meta.title = h[0].to_owned();
    s.mission = Some(h[1].to_owned());
    for (i, a) in s.correct.iter_mut().enumerate() {
        a.text = format!("{} {}", a.text, h[i % 3]);
        a.owner = Some(h[(i + 1) % 3].to_owned());
    }
    for (i, axis) in s.axes.iter_mut().enumerate() {
        axis.text = h[i % 3].to_owned();
    }
    // And one action with no línea, listed apart.
    s.correct[0].line = None;
    let file = tmp.join("hostil.ron");
    dafo::storage::save(&file, &s).unwrap();
    let out = tmp.join("hostil");
    let run = common::dafo_command(&["publish", file.to_str().unwrap(), "-o", out.to_str().unwrap()]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    out
}

#[test]
fn axe_finds_no_violation_on_any_page_of_the_site() {
    let Some(b) = Browser::start() else { return };
    let Some(axe) = axe_source() else { return };
    let (_a, public) = almendral_site(&[]);
    let (_b, internal) = almendral_site(&["--include-internal", "--lang", "en"]);
    let tmp = tempfile::tempdir().unwrap();
    let hostile = hostile_site(tmp.path());
    let mut pages = 0;
    for site in [&public, &internal, &hostile] {
        for page in ["index.html", "actions.html"] {
            b.goto(&url(&site.join(page)));
            let found = violations(&b, &axe);
            assert!(found.is_empty(), "{}: {found:#?}", site.join(page).display());
            pages += 1;
        }
        // Nothing written by a hostile text ran: no alert, no image.
        assert_eq!(b.run("return document.images.length;", json!([])), json!(0));
    }
    assert_eq!(pages, 6);
    // The same run finds what it should on a page that breaks the rules.
    let bad = tmp.path().join("bad.html");
    std::fs::write(&bad, "<!DOCTYPE html><html><body><p style=\"color:#bbb\">x</p><input></body></html>").unwrap();
    b.goto(&url(&bad));
    let found = violations(&b, &axe).join("\n");
    for rule in ["html-has-lang", "document-title", "color-contrast", "label"] {
        assert!(found.contains(rule), "{rule} not found in {found}");
    }
    stays_on_disk(&b, &[&public, &internal, &hostile, tmp.path()]);
}

#[test]
fn the_site_opens_from_disk_follows_links_searches_and_offers_the_csv() {
    let Some(b) = Browser::start() else { return };
    let session = dafo::storage::load(Path::new(ALMENDRAL)).unwrap();
    let (_tmp, site) = almendral_site(&[]);
    b.goto(&url(&site.join("index.html")));
    let title = b.run("return document.title;", json!([]));
    assert!(title.as_str().unwrap().contains(&session.meta.title), "{title}");
    // The keyboard: the first Tab reaches the skip link, Enter jumps to the content.
    b.press("\u{E004}");
    assert_eq!(b.run("return document.activeElement.className;", json!([])), json!("skip"));
    b.press("\u{E007}");
    assert!(b.url().ends_with("index.html#main"), "{}", b.url());
    // From an eje's link to its actions.
    let axis = &session.axes[0].id;
    b.click(&format!("a[href='actions.html#eje-{axis}']"));
    assert!(b.url().ends_with(&format!("actions.html#eje-{axis}")), "{}", b.url());
    // The search: an owner's name keeps that owner's actions.
    let owner = "Recursos Humanos";
    let total = session.actions_in_plan_order().len();
    let expected = session
        .actions_in_plan_order()
        .iter()
        .filter(|(_, a)| {
            let text = dafo::domain::text::fold(&format!("{} {}", a.text, a.owner.clone().unwrap_or_default()));
            text.contains(&dafo::domain::text::fold(owner))
        })
        .count();
    assert!(expected > 0 && expected < total);
    b.type_into("#q", &dafo::domain::text::fold(owner).to_uppercase());
    let shown = b.run("return document.querySelectorAll('li.action:not([hidden])').length;", json!([]));
    assert_eq!(shown, json!(expected));
    let said = b.run("return document.getElementById('shown').textContent;", json!([]));
    assert_eq!(said, json!((dafo::i18n::Lang::Es.text().publish.shown)(expected, total)));
    // A word no action has: nothing shows, no empty eje or línea is left standing.
    b.type_into("#q", " zzzz");
    let left = b.run(
        "return document.querySelectorAll('li.action:not([hidden]), section.group:not([hidden])').length;",
        json!([]),
    );
    assert_eq!(left, json!(0));
    // The CSV the link names is there, with the report's columns and a row per action and year.
    let href = b.run("return document.querySelector('a[href$=\".csv\"]').href;", json!([]));
    let path = PathBuf::from(href.as_str().unwrap().strip_prefix("file://").unwrap());
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with("year,axis,line,id,action,degree,status,late,note"), "{csv}");
    let years = dafo::export::report_rows::row_years(&session).len();
    assert_eq!(csv.lines().count(), 1 + total * years);
    // On a phone's width nothing runs off the side of either page.
    b.resize(390, 844);
    for page in ["index.html", "actions.html"] {
        b.goto(&url(&site.join(page)));
        let widths = b.run("return [document.documentElement.scrollWidth, window.innerWidth];", json!([]));
        assert!(widths[0].as_u64() <= widths[1].as_u64(), "{page}: {widths}");
    }
    stays_on_disk(&b, &[&site]);
}

/// No request went over the network: each one was a file of one of `sites`
/// (or the browser's own pages, `chrome://` and `data:`, of its empty first tab).
fn stays_on_disk(b: &Browser, sites: &[&Path]) {
    let requests = b.requests();
    let of_site = |r: &str| sites.iter().any(|s| r.starts_with(&format!("{}/", url(s))));
    let outside: Vec<&String> =
        requests.iter().filter(|r| !(of_site(r) || r.starts_with("chrome://") || r.starts_with("data:"))).collect();
    assert!(outside.is_empty(), "{outside:#?}");
    assert!(requests.iter().filter(|r| of_site(r)).count() >= 2, "{requests:#?}");
}
