//! Settings dafo passes over (issue 24, bug 15), in a real terminal: the TUI says
//! them on its first status line, where stderr would be drawn over.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use crate::common::{Tool, needs};

use common::{Tmux, dafo_bin, sh_quote};

#[test]
fn the_tui_says_which_settings_it_passed_over_and_what_it_uses() {
    if !needs(Tool::Tmux) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("conf");
    std::fs::create_dir_all(conf.join("dafo")).unwrap();
    std::fs::write(conf.join("dafo/config.ron"), "(theme: \"neon\")").unwrap();
    let sessions = dir.path().join("s");
    std::fs::create_dir_all(&sessions).unwrap();
    let cmd = format!(
        "XDG_CONFIG_HOME={} DAFO_LANG=xx LANG=ca_ES.UTF-8 {} {}",
        sh_quote(&conf.to_string_lossy()),
        dafo_bin(),
        sh_quote(&sessions.to_string_lossy())
    );
    let Some(t) = Tmux::start(&cmd, dir.path(), 200, 24) else { return };
    let screen = t.wait_for("DAFO_LANG: «xx» no és un idioma de dafo (es, en, ca); no es té en compte i s'usa ca");
    assert!(screen.contains("theme: «neon» no és un tema de dafo (dark, light, mono)"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}
