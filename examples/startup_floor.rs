//! The start-up floor for `cargo bench --bench startup`: the least a program must
//! do to show a session as dafo's first frame does, and nothing more. It parses its
//! command line with clap, takes the session's lock file, reads and parses the
//! same RON file with serde (the fields the grid shows), draws the four quadrants
//! in the same wrapped 2x2 grid (title, quadrants with their counts, factors with
//! their votes and impact, totals, footer) once, and quits. dafo's first frame is
//! timed against this one.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use serde::Deserialize;

#[derive(Parser)]
struct Args {
    /// The session to show.
    file: PathBuf,
}

#[derive(Deserialize)]
struct Meta {
    title: String,
}

#[derive(Deserialize)]
struct Factor {
    id: String,
    text: String,
    #[serde(default)]
    votes: u32,
    #[serde(default)]
    impact: Option<u8>,
}

#[derive(Deserialize)]
struct Session {
    meta: Meta,
    #[serde(default)]
    strengths: Vec<Factor>,
    #[serde(default)]
    weaknesses: Vec<Factor>,
    #[serde(default)]
    opportunities: Vec<Factor>,
    #[serde(default)]
    threats: Vec<Factor>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let name = args.file.file_name().ok_or("no file name")?.to_string_lossy();
    let lock_path = args.file.with_file_name(format!(".{name}.lock"));
    let mut lock = File::options().create(true).truncate(false).write(true).open(&lock_path)?;
    lock.try_lock()?;
    writeln!(lock, "{}", std::process::id())?;
    let session: Session = ron::from_str(&std::fs::read_to_string(&args.file)?)?;

    let quadrants = [
        ("▲ Fortalezas", Color::Green, &session.strengths),
        ("▼ Debilidades", Color::Red, &session.weaknesses),
        ("◆ Oportunidades", Color::Blue, &session.opportunities),
        ("⚠ Amenazas", Color::Yellow, &session.threats),
    ];
    let mut terminal = ratatui::init();
    let result = terminal.draw(|f| {
        let [title, grid, counts, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(f.area());
        f.render_widget(Paragraph::new(format!("DAFO · {} ✓ guardado", session.meta.title)), title);
        let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(grid);
        let cells = [top, bottom].map(|row| Layout::horizontal([Constraint::Fill(1); 2]).areas::<2>(row));
        for (n, ((name, colour, items), area)) in quadrants.iter().zip(cells.iter().flatten()).enumerate() {
            let style = Style::new().fg(*colour).add_modifier(Modifier::BOLD);
            let heading = format!("{} {name} ({})", n + 1, items.len());
            let block = Block::bordered().border_type(BorderType::Rounded).title(heading).title_style(style);
            // Only what fits: a line per row at most.
            let text: Vec<Line> = items
                .iter()
                .take(usize::from(area.height))
                .map(|i| {
                    let mut line = format!("{} {}", i.id, i.text);
                    if i.votes > 0 {
                        line.push_str(&format!(" ●{}", i.votes));
                    }
                    if let Some(impact) = i.impact {
                        line.push_str(&format!(" ★{impact}"));
                    }
                    Line::from(line)
                })
                .collect();
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), *area);
        }
        let [s, w, o, t] = quadrants.map(|q| q.2.len());
        f.render_widget(Paragraph::new(format!("▲ {s}  ▼ {w}  ◆ {o}  ⚠ {t}  {} factores", s + w + o + t)), counts);
        f.render_widget(Paragraph::new("a añadir  e editar  m mover  u deshacer  c CAME  ? ayuda  q salir"), footer);
    });
    ratatui::restore();
    drop(lock);
    std::fs::remove_file(&lock_path)?;
    result.map(|_| ())?;
    Ok(())
}
