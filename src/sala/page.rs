//! The participant's page: a few kB of HTML and CSS in the session's language,
//! and a small script, all served from the binary. Every word is HTML-escaped;
//! texts from other participants are only ever set with `textContent`.

use serde_json::json;

use super::http::Page;
use crate::i18n::Lang;
use crate::i18n::sala_words::PageWords;

/// The page's script.
pub const SCRIPT: &str = include_str!("app.js");

const STYLE: &str = "body{font:1.05rem/1.45 system-ui,sans-serif;margin:0;background:#fff;color:#111}\
main{max-width:34rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.2rem 0 .6rem}\
h2{font-size:1.1rem;margin:1rem 0 .3rem}label{display:block;font-weight:600;margin:.6rem 0 .2rem}\
input,select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:2px solid #444;border-radius:.3rem}\
button{font:inherit;padding:.5rem .9rem;margin:.5rem .3rem 0 0;border:2px solid #0b3d91;background:#0b3d91;color:#fff;border-radius:.3rem}\
li button{padding:.2rem .7rem;background:#fff;color:#0b3d91}ul{padding-left:1.1rem}li{margin:.35rem 0}\
#msg{font-weight:600;color:#8a1c00;min-height:1.4em}#phase{font-weight:600}\
:focus-visible{outline:3px solid #c60;outline-offset:2px}";

fn esc(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// The page in `lang`.
pub fn page(lang: Lang) -> Page {
    let text = lang.text();
    let w: &PageWords = &text.sala.page;
    let quadrants = text.domain.quadrants;
    let options: String =
        quadrants.iter().enumerate().map(|(i, q)| format!("<option value=\"{i}\">{}</option>", esc(q))).collect();
    let words = json!({
        "codes": PageWords::ERRORS, "errors": w.errors, "phases": w.phases,
        "phase_keys": ["lobby", "write", "reveal", "vote", "closed"],
        "fates": w.fates, "fate_keys": ["waiting", "accepted", "rejected"],
        "quadrants": quadrants, "sent": w.sent, "remaining": w.remaining, "votes": w.votes,
        "vote_up": w.vote_up, "vote_down": w.vote_down,
    });
    // Nothing in the words may close the script element that holds them.
    let words = words.to_string().replace('<', "\\u003c");
    let html = format!(
        "<!doctype html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{STYLE}</style></head>\
<body><main><h1>{title}</h1><p>{intro}</p><p id=\"phase\" role=\"status\" aria-live=\"polite\"></p>\
<p id=\"msg\" role=\"alert\"></p>\
<form id=\"join\"><label for=\"code\">{code}</label><input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" required>\
<label id=\"name-label\" for=\"name\">{name}</label><input id=\"name\" name=\"name\" maxlength=\"60\" autocomplete=\"nickname\"><button type=\"submit\">{join}</button></form>\
<form id=\"write\" hidden><label for=\"q\">{quadrant}</label><select id=\"q\" name=\"q\">{options}</select>\
<label for=\"text\">{item}</label><textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"10000\" required></textarea>\
<button type=\"submit\">{send}</button></form>\
<section id=\"minebox\" hidden><h2>{mine}</h2><ul id=\"mine\"></ul></section>\
<section id=\"boardbox\" hidden><h2>{board}</h2><p id=\"remaining\"></p><ul id=\"board\"></ul></section>\
</main><script id=\"words\" type=\"application/json\">{words}</script><script src=\"/app.js\"></script></body></html>",
        tag = text.tag,
        title = esc(w.title),
        intro = esc(w.intro),
        code = esc(w.code),
        name = esc(w.name),
        join = esc(w.join),
        quadrant = esc(w.quadrant),
        item = esc(w.item),
        send = esc(w.send),
        mine = esc(w.mine),
        board = esc(w.board),
    );
    Page { html, script: SCRIPT }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::i18n::sala_words::PageWords;

    /// The codes `(status, "code")` a source gives a participant's page.
    fn codes(source: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (at, _) in source.match_indices(", \"") {
            let status = source.get(at.saturating_sub(4)..at).unwrap_or_default();
            let (open, digits) = status.split_at(1.min(status.len()));
            if open != "(" || digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let code: String = source[at + 3..].chars().take_while(|c| *c != '"').collect();
            out.push(code);
        }
        out
    }

    #[test]
    fn every_code_the_room_can_answer_has_words_in_each_language() {
        let sources = [
            include_str!("http.rs"),
            include_str!("state.rs"),
            include_str!("mod.rs"),
            include_str!("inbox.rs"),
            include_str!("../app/sala.rs"),
            include_str!("../app/mod.rs"),
        ];
        // What the code answers, not its tests.
        let found: Vec<String> = sources.iter().flat_map(|s| codes(s.split("mod tests {").next().unwrap())).collect();
        for code in ["slow", "disk", "busy", "token", "bad", "utf8", "too_long"] {
            assert!(found.iter().any(|c| c == code), "the scan finds {code:?}: {found:?}");
        }
        for code in &found {
            assert!(PageWords::ERRORS.contains(&code.as_str()), "{code:?} has no words for the page");
        }
        for &lang in Lang::ALL {
            let words = &lang.text().sala.page.errors;
            let mut distinct = words.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), words.len(), "{lang:?}: two codes said alike");
            assert!(words.iter().all(|w| !w.is_empty()), "{lang:?}");
        }
    }
}
