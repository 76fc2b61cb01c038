//! The words of the public progress site (`dafo publish`) and of its command's
//! messages, one table per language (Spanish, English, Catalan). Each
//! language's catalogue points at its table (`Catalogue::publish`).

/// The site's words in one language.
#[derive(Debug, Clone, Copy)]
pub struct PublishWords {
    /// "Seguimiento del plan", after the plan's title in each page's title.
    pub site: &'static str,
    /// The link that jumps over the navigation.
    pub skip: &'static str,
    /// The navigation's name, and its two pages.
    pub nav: &'static str,
    pub overview: &'static str,
    pub actions: &'static str,
    /// The degree of implementation: the progress section's heading.
    pub progress: &'static str,
    /// The charts' titles.
    pub chart_plan: &'static str,
    pub chart_axes: &'static str,
    /// Under each chart: the table beside it holds the same figures.
    pub chart_note: &'static str,
    /// No year reviewed yet: no degree to show.
    pub no_year: &'static str,
    /// The search box's label and its hint.
    pub search: &'static str,
    pub search_hint: &'static str,
    /// How many actions the search shows: "3 de 24 acciones".
    pub shown: fn(usize, usize) -> String,
    /// The downloads section and its two links.
    pub data: &'static str,
    pub csv: &'static str,
    pub json: &'static str,
    /// The actions page's lead: where each action stands.
    pub actions_lead: &'static str,
    /// How a year's cell reads when the action stands on an earlier review, or on none.
    pub earlier: &'static str,
    /// An action's current status, as of the last year reviewed.
    pub status_now: &'static str,
    /// The dates: "Inicio", "Fin".
    pub start: &'static str,
    pub due: &'static str,
    /// A banner on pages published with `--include-internal`.
    pub internal: &'static str,
    /// "Acta de la revisión" of a year (only with `--include-internal`).
    pub record: &'static str,
    /// `dafo publish`: DIR holds files and no marker of an earlier publish.
    pub not_ours: fn(&str, &str) -> String,
    /// `dafo publish`: DIR (or a name the site writes in it) is a link or not a plain file.
    pub not_plain: fn(&str) -> String,
}

pub static ES: PublishWords = PublishWords {
    site: "Seguimiento del plan",
    skip: "Saltar al contenido",
    nav: "Páginas del sitio",
    overview: "Resumen",
    actions: "Acciones",
    progress: "Grado de ejecución",
    chart_plan: "Grado de ejecución del plan por año",
    chart_axes: "Grado de ejecución por eje y año",
    chart_note: "La tabla siguiente da las mismas cifras.",
    no_year: "Aún no hay ningún año revisado.",
    search: "Buscar acciones",
    search_hint: "Filtra por texto, ID, responsable o estado.",
    shown: |n, total| format!("{n} de {total} acciones"),
    data: "Descargar los datos",
    csv: "Acciones por año (CSV)",
    json: "Plan y seguimiento (JSON)",
    actions_lead: "Cada acción con su estado, su grado de ejecución por año, responsable, fechas e indicadores.",
    earlier: "Entre paréntesis, lo que dijo la revisión de un año anterior; «—», sin revisar.",
    status_now: "Estado",
    start: "Inicio",
    due: "Fin",
    internal: "Esta publicación incluye información interna (notas, actas y participantes).",
    record: "Acta de la revisión",
    not_ours: |dir, marker| {
        format!(
            "{dir}: la carpeta no está vacía y no es una publicación anterior de dafo (falta {marker}); elige una carpeta nueva o vacía"
        )
    },
    not_plain: |path| format!("{path}: es un enlace o no es un archivo normal; dafo publish no escribe a través de él"),
};

pub static EN: PublishWords = PublishWords {
    site: "Plan progress",
    skip: "Skip to content",
    nav: "Site pages",
    overview: "Overview",
    actions: "Actions",
    progress: "Degree of implementation",
    chart_plan: "Degree of implementation of the plan per year",
    chart_axes: "Degree of implementation per axis and year",
    chart_note: "The table below gives the same figures.",
    no_year: "No year has been reviewed yet.",
    search: "Search actions",
    search_hint: "Filters by text, ID, owner or status.",
    shown: |n, total| format!("{n} of {total} actions"),
    data: "Download the data",
    csv: "Actions per year (CSV)",
    json: "Plan and follow-up (JSON)",
    actions_lead: "Each action with its status, its degree of implementation per year, owner, dates and indicators.",
    earlier: "In brackets, what an earlier year's review said; “—”, not reviewed.",
    status_now: "Status",
    start: "Start",
    due: "End",
    internal: "This publication includes internal information (notes, meeting records and participants).",
    record: "Review meeting record",
    not_ours: |dir, marker| {
        format!(
            "{dir}: the folder is not empty and is not an earlier dafo publish output ({marker} is missing); choose a new or empty folder"
        )
    },
    not_plain: |path| format!("{path}: is a link or not a plain file; dafo publish does not write through it"),
};

pub static CA: PublishWords = PublishWords {
    site: "Seguiment del pla",
    skip: "Salta al contingut",
    nav: "Pàgines del lloc",
    overview: "Resum",
    actions: "Accions",
    progress: "Grau d'execució",
    chart_plan: "Grau d'execució del pla per any",
    chart_axes: "Grau d'execució per eix i any",
    chart_note: "La taula següent dona les mateixes xifres.",
    no_year: "Encara no s'ha revisat cap any.",
    search: "Cerca accions",
    search_hint: "Filtra per text, ID, responsable o estat.",
    shown: |n, total| format!("{n} de {total} accions"),
    data: "Descarrega les dades",
    csv: "Accions per any (CSV)",
    json: "Pla i seguiment (JSON)",
    actions_lead: "Cada acció amb el seu estat, el grau d'execució per any, responsable, dates i indicadors.",
    earlier: "Entre parèntesis, el que va dir la revisió d'un any anterior; «—», sense revisar.",
    status_now: "Estat",
    start: "Inici",
    due: "Fi",
    internal: "Aquesta publicació inclou informació interna (notes, actes i participants).",
    record: "Acta de la revisió",
    not_ours: |dir, marker| {
        format!(
            "{dir}: la carpeta no és buida i no és una publicació anterior de dafo (hi falta {marker}); tria una carpeta nova o buida"
        )
    },
    not_plain: |path| format!("{path}: és un enllaç o no és un fitxer normal; dafo publish no hi escriu a través"),
};
