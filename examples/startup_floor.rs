//! The start-up floor for `cargo bench --bench startup`: a minimal ratatui program
//! that draws the sample session's grid (title, four quadrants of items, footer)
//! once and quits. dafo's first frame is timed against this one.

use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, List, Paragraph};

const QUADRANTS: [(&str, Color, [&str; 4]); 4] = [
    (
        "1 ▲ Fortalezas",
        Color::Green,
        [
            "Amplia red de entidades y recursos sociosanitarios",
            "Voluntad política del Ayuntamiento",
            "Hospital de referencia provincial",
            "Experiencia en atención a personas mayores",
        ],
    ),
    (
        "2 ▼ Debilidades",
        Color::Red,
        [
            "Coordinación insuficiente entre lo social y lo sanitario",
            "Listas de espera en la dependencia",
            "Dificultad para retener profesionales",
            "Escasa digitalización de las entidades",
        ],
    ),
    (
        "3 ◆ Oportunidades",
        Color::Blue,
        [
            "Fondos europeos para el modelo de cuidados",
            "Crecimiento de la economía de los cuidados",
            "Estrategias de atención integrada",
            "Teleasistencia avanzada",
        ],
    ),
    (
        "4 ⚠ Amenazas",
        Color::Yellow,
        [
            "Envejecimiento y despoblación de la provincia",
            "Competencia de otras ciudades por los fondos",
            "Incertidumbre normativa",
            "Precariedad laboral en los cuidados",
        ],
    ),
];

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal.draw(|f| {
        let [title, grid, footer] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(f.area());
        f.render_widget(Paragraph::new("DAFO · Palencia, ciudad de los cuidados ✓ guardado"), title);
        let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(grid);
        let cells = [top, bottom].map(|row| Layout::horizontal([Constraint::Fill(1); 2]).areas::<2>(row));
        for ((name, colour, items), area) in QUADRANTS.iter().zip(cells.iter().flatten()) {
            let style = Style::new().fg(*colour).add_modifier(Modifier::BOLD);
            let block = Block::bordered().border_type(BorderType::Rounded).title(*name).title_style(style);
            f.render_widget(List::new(items.iter().map(|i| format!("• {i}"))).block(block), *area);
        }
        f.render_widget(Paragraph::new("a añadir · e editar · x borrar · ? ayuda · q salir"), footer);
    });
    ratatui::restore();
    result.map(|_| ())
}
