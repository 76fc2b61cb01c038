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
        let page = clap_mangen::Man::new(sub.clone());
        page.render_synopsis_section(&mut out)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
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
    top.render_version_section(&mut out)?;
    Ok(out)
}

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
    }
}
