//! The words of the charts in the informe, the follow-up report and the
//! public site (titles, axis labels, the internal-external matrix's bands and
//! strategies), one table per language (Spanish, English, Catalan).

/// The charts' words in one language.
#[derive(Debug, Clone, Copy)]
pub struct ChartWords {
    /// Under a chart in HTML: the table beside it holds the same figures.
    pub note: &'static str,
    /// The same, when the table is the one before the chart.
    pub note_above: &'static str,
    /// Degree of implementation per eje and year: title, scale, groups.
    pub axes_title: &'static str,
    pub degree_scale: &'static str,
    pub axis: &'static str,
    /// The plan's degree across the years: title and the years' axis.
    pub trend_title: &'static str,
    pub year: &'static str,
    /// The indicators against baseline (0 %) and target (100 %).
    pub indicators_title: &'static str,
    pub indicators_scale: &'static str,
    pub indicator: &'static str,
    /// The internal-external matrix: title, axes, bands, the point, strategies.
    pub matrix_title: &'static str,
    pub matrix_x: &'static str,
    pub matrix_y: &'static str,
    /// Bands of the internal total, strong to weak (3,0-4,0; 2,0-2,99; 1,0-1,99).
    pub internal_bands: [&'static str; 3],
    /// Bands of the external total, high to low.
    pub external_bands: [&'static str; 3],
    /// Grow and build (I, II, IV), hold and maintain (III, V, VII), harvest or divest (VI, VIII, IX).
    pub strategies: [&'static str; 3],
    /// The point's name in the legend and the table's row of its cell.
    pub organisation: &'static str,
    pub cell: &'static str,
    /// Planned against executed budget per eje: the title (then the year) and the scale.
    pub budget_title: &'static str,
    pub budget_scale: &'static str,
    /// The matrix table's columns.
    pub measure: &'static str,
    pub value: &'static str,
}

pub static ES: ChartWords = ChartWords {
    note: "La tabla siguiente da las mismas cifras.",
    note_above: "La tabla anterior da las mismas cifras.",
    axes_title: "Grado de ejecución por eje y año",
    degree_scale: "Grado de ejecución (%)",
    axis: "Eje",
    trend_title: "Evolución del grado de ejecución del plan",
    year: "Año",
    indicators_title: "Indicadores: valor de cada año entre la línea de base y la meta",
    indicators_scale: "Avance desde la línea de base (0 %) hasta la meta (100 %)",
    indicator: "Indicador",
    matrix_title: "Matriz interna-externa (EFI × EFE)",
    matrix_x: "Total ponderado EFI (factores internos)",
    matrix_y: "Total ponderado EFE (factores externos)",
    internal_bands: ["Fuerte", "Medio", "Débil"],
    external_bands: ["Alto", "Medio", "Bajo"],
    strategies: ["Crecer y construir", "Conservar y mantener", "Cosechar o desinvertir"],
    organisation: "La organización",
    cell: "Celda",
    budget_title: "Presupuesto previsto y ejecutado por eje,",
    budget_scale: "Euros",
    measure: "Medida",
    value: "Valor",
};

pub static EN: ChartWords = ChartWords {
    note: "The table below gives the same figures.",
    note_above: "The table above gives the same figures.",
    axes_title: "Degree of implementation per axis and year",
    degree_scale: "Degree of implementation (%)",
    axis: "Axis",
    trend_title: "The plan's degree of implementation over the years",
    year: "Year",
    indicators_title: "Indicators: each year's value between baseline and target",
    indicators_scale: "Progress from baseline (0%) to target (100%)",
    indicator: "Indicator",
    matrix_title: "Internal-external matrix (IFE × EFE)",
    matrix_x: "IFE weighted total (internal factors)",
    matrix_y: "EFE weighted total (external factors)",
    internal_bands: ["Strong", "Average", "Weak"],
    external_bands: ["High", "Medium", "Low"],
    strategies: ["Grow and build", "Hold and maintain", "Harvest or divest"],
    organisation: "The organisation",
    cell: "Cell",
    budget_title: "Planned and executed budget per axis,",
    budget_scale: "Euros",
    measure: "Measure",
    value: "Value",
};

pub static CA: ChartWords = ChartWords {
    note: "La taula següent dona les mateixes xifres.",
    note_above: "La taula anterior dona les mateixes xifres.",
    axes_title: "Grau d'execució per eix i any",
    degree_scale: "Grau d'execució (%)",
    axis: "Eix",
    trend_title: "Evolució del grau d'execució del pla",
    year: "Any",
    indicators_title: "Indicadors: valor de cada any entre la línia de base i la meta",
    indicators_scale: "Avanç des de la línia de base (0 %) fins a la meta (100 %)",
    indicator: "Indicador",
    matrix_title: "Matriu interna-externa (EFI × EFE)",
    matrix_x: "Total ponderat EFI (factors interns)",
    matrix_y: "Total ponderat EFE (factors externs)",
    internal_bands: ["Fort", "Mitjà", "Feble"],
    external_bands: ["Alt", "Mitjà", "Baix"],
    strategies: ["Créixer i construir", "Conservar i mantenir", "Collir o desinvertir"],
    organisation: "L'organització",
    cell: "Cel·la",
    budget_title: "Pressupost previst i executat per eix,",
    budget_scale: "Euros",
    measure: "Mesura",
    value: "Valor",
};

impl super::Lang {
    /// The chart words of this language.
    pub fn chart_words(self) -> &'static ChartWords {
        match self {
            super::Lang::Es => &ES,
            super::Lang::En => &EN,
            super::Lang::Ca => &CA,
        }
    }
}
