//! The start-up floor for `cargo bench --bench startup`: a minimal ratatui program
//! that draws the sample session's grid as dafo's first frame shows it (title,
//! the four quadrants with the sample's 30 factors, wrapped, counts, footer) once
//! and quits. dafo's first frame is timed against this one.

use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

const QUADRANTS: [(&str, Color, &[&str]); 4] = [
    (
        "1 ▲ Fortalezas (8)",
        Color::Green,
        &[
            "F1 Amplia red de entidades y recursos sociosanitarios en una ciudad de tamaño medio ●5 ★5",
            "F2 Voluntad política del Ayuntamiento de impulsar el clúster ●4 ★4",
            "F3 Hospital de referencia provincial y centros de salud bien distribuidos ●3",
            "F4 Experiencia acumulada en atención a personas mayores y dependencia",
            "F5 Campus universitario con titulaciones de enfermería, educación y trabajo social ●2",
            "F6 Tejido asociativo activo de pacientes y familias",
            "F7 Calidad de vida, vivienda asequible y distancias cortas",
            "F8 Buena disposición de las entidades a participar en el diagnóstico",
        ],
    ),
    (
        "2 ▼ Debilidades (8)",
        Color::Red,
        &[
            "D1 Coordinación insuficiente entre los sistemas social y sanitario ●6 ★5",
            "D2 Listas de espera en la valoración de la dependencia ●4",
            "D3 Dificultad para atraer y retener profesionales cualificados ●3 ★4",
            "D4 Escasa digitalización de las entidades pequeñas",
            "D5 Poca visibilidad exterior del sector y de lo que ya se hace bien",
            "D6 Financiación dependiente de subvenciones anuales",
            "D7 Falta de datos compartidos para planificar y evaluar",
            "D8 Recursos concentrados en la capital, poca llegada al medio rural",
        ],
    ),
    (
        "3 ◆ Oportunidades (7)",
        Color::Blue,
        &[
            "O1 Fondos europeos para la transición del modelo de cuidados ●5 ★5",
            "O2 Crecimiento de la economía de los cuidados y del empleo asociado ●3",
            "O3 Estrategias autonómicas de atención integrada y desinstitucionalización",
            "O4 Teleasistencia avanzada y tecnologías para vivir en casa ●2",
            "O5 Interés de empresas del sector en ubicarse cerca de la universidad",
            "O6 Redes de ciudades amigables con las personas mayores",
            "O7 Retorno de población joven con formación sociosanitaria",
        ],
    ),
    (
        "4 ⚠ Amenazas (7)",
        Color::Yellow,
        &[
            "A1 Envejecimiento y despoblación acelerados de la provincia ●6 ★5",
            "A2 Competencia de otras ciudades por los mismos fondos y profesionales ●3",
            "A3 Incertidumbre normativa y cambios en la financiación pública",
            "A4 Precariedad laboral en el sector de los cuidados ●2 ★4",
            "A5 Aumento de la soledad no deseada y de la dependencia",
            "A6 Brecha digital de las personas mayores",
            "A7 Fragmentación de competencias entre administraciones",
        ],
    ),
];

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal.draw(|f| {
        let [title, grid, counts, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(f.area());
        f.render_widget(
            Paragraph::new("DAFO · Clúster sociosanitario «Palencia, ciudad de los cuidados» ✓ guardado"),
            title,
        );
        let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(grid);
        let cells = [top, bottom].map(|row| Layout::horizontal([Constraint::Fill(1); 2]).areas::<2>(row));
        for ((name, colour, items), area) in QUADRANTS.iter().zip(cells.iter().flatten()) {
            let style = Style::new().fg(*colour).add_modifier(Modifier::BOLD);
            let block = Block::bordered().border_type(BorderType::Rounded).title(*name).title_style(style);
            let text: Vec<_> = items.iter().map(|i| ratatui::text::Line::from(*i)).collect();
            f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).block(block), *area);
        }
        f.render_widget(Paragraph::new("▲ 8  ▼ 8  ◆ 7  ⚠ 7  30 factores"), counts);
        f.render_widget(Paragraph::new("a añadir  e editar  m mover  u deshacer  c CAME  ? ayuda  q salir"), footer);
    });
    ratatui::restore();
    result.map(|_| ())
}
