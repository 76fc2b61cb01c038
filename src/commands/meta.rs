//! `dafo completions SHELL` and `dafo man`: generated from the clap definitions.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

use super::{CommandError, print};

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode, CommandError> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dafo", &mut out);
    print(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page (roff): the main page, then one section per subcommand
/// (so it refers to no `dafo-diff(1)` page that does not exist), then the key
/// tables, `keys` being the table the keymap prints (`dafo keys`).
pub fn man(keys: &str) -> Result<ExitCode, CommandError> {
    print(&String::from_utf8_lossy(&man_page(keys).map_err(CommandError::Stdout)?))?;
    Ok(ExitCode::SUCCESS)
}

/// The roff text of [`man`].
pub fn man_page(keys: &str) -> Result<Vec<u8>, std::io::Error> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let top = clap_mangen::Man::new(cmd.clone());
    top.render_title(&mut out)?;
    top.render_name_section(&mut out)?;
    top.render_synopsis_section(&mut out)?;
    top.render_description_section(&mut out)?;
    top.render_options_section(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let name = sub.get_bin_name().map_or_else(|| format!("dafo {}", sub.get_name()), str::to_owned);
        out.extend_from_slice(format!(".SH \"{}\"\n", roff_text(&name.to_uppercase())).as_bytes());
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            out.extend_from_slice(format!("{}\n", roff_text(&about.to_string())).as_bytes());
        }
        // The global options (--dir, --lang...) are stated once, in OPTIONS above.
        let own = sub.clone().mut_args(|a| if a.is_global_set() { a.hide(true) } else { a });
        let page = clap_mangen::Man::new(own.clone());
        page.render_synopsis_section(&mut out)?;
        if own.get_arguments().any(|a| !a.is_hide_set()) {
            page.render_options_section(&mut out)?;
        }
    }
    out.extend_from_slice(
        b".SH KEYS\nThe keys of the interface, per context (the same table as \\fBdafo keys\\fR).\n.PP\n.nf\n",
    );
    for line in keys.lines() {
        out.extend_from_slice(format!("{}\n", roff_text(line)).as_bytes());
    }
    out.extend_from_slice(b".fi\n");
    out.extend_from_slice(ENVIRONMENT_FILES_EXIT.as_bytes());
    top.render_version_section(&mut out)?;
    Ok(out)
}

/// The ENVIRONMENT, FILES and EXIT STATUS sections (roff).
const ENVIRONMENT_FILES_EXIT: &str = r#".SH ENVIRONMENT
.TP
\fBDAFO_DIR\fR
The sessions directory, as \fB\-\-dir\fR (which wins over it).
.TP
\fBDAFO_LANG\fR
Language (es, en, ca) when neither \fB\-\-lang\fR nor the session says one.
.TP
\fBDAFO_THEME\fR
Colour theme, as \fB\-\-theme\fR (which wins over it); a value that names no theme is passed over with a warning.
.TP
\fBDAFO_TODAY\fR
The day (YYYY-MM-DD) overdue actions are judged by, instead of today.
.TP
\fBNO_COLOR\fR
Set to anything: no colours (the mono theme), whatever the theme.
.TP
\fBXDG_DATA_HOME\fR
Holds the default sessions directory, \fI$XDG_DATA_HOME/dafo/sessions\fR (without it, \fI~/.local/share/dafo/sessions\fR).
.TP
\fBXDG_CONFIG_HOME\fR
Holds \fIdafo/config.ron\fR and \fIdafo/keys.ron\fR (without it, \fI~/.config\fR).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
The locale, the last say on the language.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/dafo/config.ron\fR
Optional settings: default language and theme, e.g. (lang: "ca", theme: "light").
.TP
\fI$XDG_CONFIG_HOME/dafo/keys.ron\fR
Optional key remapping (see \fBdafo keys\fR).
.TP
\fI./sessions/\fR, else \fI$XDG_DATA_HOME/dafo/sessions/\fR
The sessions directory the browser, \fBnew\fR, \fBlist\fR, \fBimport\fR and \fBdemo\fR use without \fB\-\-dir\fR or \fBDAFO_DIR\fR.
.TP
\fINAME.ron\fR
A session, plain RON text, written atomically (a temp file renamed over it).
.TP
\fI.dafo-backups/NAME.ron.TIME.bak\fR
Backups of earlier versions, beside the session; \fBdafo recover\fR brings the newest good one back.
.TP
\fI.NAME.ron.journal\fR
Changes not yet saved, replayed after a crash; set aside as \fI.journal-TIME\fR when it no longer fits.
.TP
\fI.NAME.ron.lock\fR
Held while a dafo has the session open: a second dafo opens it read-only and says who holds it.
.SH "EXIT STATUS"
.TP
\fB0\fR
Success (\fBcheck\fR: the file reads and holds no merge conflict).
.TP
\fB1\fR
Failure, with a message naming the file (\fBcheck\fR: the file does not read, or holds merge conflicts; \fBreview \-\-from\-sheets\fR: answers left in conflict, the rest recorded).
.TP
\fB2\fR
The command line was not understood (unknown option, missing argument).
"#;

/// Text made literal for roff: backslashes escaped, and no line read as a request.
fn roff_text(text: &str) -> String {
    let t = text.replace('\\', "\\e");
    if t.starts_with(['.', '\'']) { format!("\\&{t}") } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_has_every_subcommand_and_the_keys_and_no_missing_pages() {
        let page = String::from_utf8(man_page("Grid\n  StartAdd  a  añadir\n.dot\n").unwrap()).unwrap();
        assert!(!page.contains("dafo-diff(1)") && !page.contains("-diff(1)"), "{page}");
        for sub in ["DAFO DIFF", "DAFO NEW", "DAFO SHOW", "DAFO IMPORT", "DAFO MAN"] {
            assert!(page.contains(&format!(".SH \"{sub}\"")), "no {sub}: {page}");
        }
        assert!(page.contains(".SH KEYS") && page.contains("StartAdd  a  añadir") && page.contains("\\&.dot"));
        assert!(!page.contains("HOLD-CLIPBOARD"), "hidden commands stay hidden");
        for section in [".SH ENVIRONMENT", ".SH FILES", ".SH \"EXIT STATUS\"", "DAFO_TODAY", ".lock", ".journal"] {
            assert!(page.contains(section), "no {section}");
        }
        // The global options are stated once, not under every subcommand.
        for option in ["\\fB\\-\\-lang\\fR \\fI<LANG>", "\\fB\\-\\-dir\\fR \\fI<DIR>"] {
            assert_eq!(page.matches(option).count(), 1, "{option} more than once:\n{page}");
        }
    }
}
