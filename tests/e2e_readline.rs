//! Layer 3: the readline keys on the input line (issue 16, bug 6), typed into
//! the real binary through tmux: Ctrl-w, Ctrl-u, Ctrl-a, Ctrl-e, Alt-b, Alt-f.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};
use dafo::domain::Session;
use dafo::storage;

#[test]
fn readline_keys_edit_the_input_line() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.ron");
    storage::save(&path, &Session::new("Review", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} --lang en {}", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 100, 30) else { return };
    t.wait_for("How to begin");
    t.press("Space"); // any key closes the first-start card, Space too
    t.wait_for("a add");
    t.press("a");
    t.type_text("alpha beta gamma");
    t.press("C-w"); // the word before the cursor
    t.type_text("delta");
    t.wait_for("alpha beta delta");
    t.press("C-a"); // start of the line
    t.press("M-f"); // one word forward: the end of "alpha" (readline)
    t.type_text("Q");
    t.press("C-e"); // end of the line
    t.type_text("Z");
    t.press("M-b"); // one word back: the start of "deltaZ"
    t.type_text("Y");
    t.wait_for("alphaQ beta YdeltaZ");
    t.press("Enter");
    t.type_text("words to drop");
    t.press("C-u"); // everything before the cursor
    t.type_text("kept");
    t.press("Enter");
    t.press("Escape");
    t.wait_for("kept");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let texts: Vec<String> = storage::load(&path).unwrap().strengths.iter().map(|f| f.text.clone()).collect();
    assert_eq!(texts, ["alphaQ beta YdeltaZ", "kept"]);
}
