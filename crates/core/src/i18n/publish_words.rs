//! The words of the public progress site (`dafo publish`) and of its command's
//! messages: their shape; each language's words are in its catalogue
//! (`Catalogue::publish`).

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
    /// `dafo publish`: DIR is there and is no folder (a file, a FIFO…): the site goes into a folder.
    pub not_a_folder: fn(&str) -> String,
}
