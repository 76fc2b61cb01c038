//! Texts of editing the plan in the TUI (issue 13): the plan view's keys, its
//! forms (an action's plan fields, an indicator, the session's metadata), its
//! pickers and messages, in one table per language. `KeymapText::plan` and
//! `Catalogue::plan_ui` point at a language's table.

/// The plan editing texts of one language.
#[derive(Debug)]
pub struct PlanUi {
    // ---- Keymap: help lines, and the shorter footer hints (`*_hint`) ----
    pub next_pane: &'static str,
    pub prev_pane: &'static str,
    /// Both, as one help row.
    pub panes_pair: &'static str,
    pub edit_band: &'static str,
    pub edit_hint: &'static str,
    pub add_value: &'static str,
    pub add_value_hint: &'static str,
    pub delete_band: &'static str,
    pub add_challenge: &'static str,
    pub add_challenge_hint: &'static str,
    pub edit_challenge: &'static str,
    pub delete_challenge: &'static str,
    pub link_challenge: &'static str,
    pub link_challenge_hint: &'static str,
    pub edit_tree: &'static str,
    pub move_line: &'static str,
    pub move_line_hint: &'static str,
    pub link_indicators: &'static str,
    pub link_indicators_hint: &'static str,
    pub action_form: &'static str,
    pub action_form_hint: &'static str,
    pub edit_action: &'static str,
    pub add_indicator: &'static str,
    pub add_indicator_hint: &'static str,
    pub edit_indicator: &'static str,
    pub delete_indicator: &'static str,
    pub edit_meta: &'static str,
    pub edit_meta_hint: &'static str,
    // ---- Forms ----
    /// Hints after the labels: a date, a list, a direction, a horizon.
    pub date_hint: &'static str,
    pub list_hint: &'static str,
    pub direction_hint: &'static str,
    pub horizon_hint: &'static str,
    /// Metadata labels: title, date, place, participants, group.
    pub meta_fields: [&'static str; 5],
    pub meta_title: &'static str,
    pub new_indicator: &'static str,
    // ---- Pickers and input lines ----
    pub pick_sources: &'static str,
    pub pick_indicators: &'static str,
    pub pick_axis: &'static str,
    pub new_value: &'static str,
    pub new_challenge: &'static str,
    /// The indicators pane's word before what an indicator measures.
    pub measures: &'static str,
    // ---- Messages ----
    pub bad_number: &'static str,
    pub bad_amount: &'static str,
    pub bad_direction: &'static str,
    pub bad_horizon: &'static str,
    pub empty_title: &'static str,
    pub no_indicators: &'static str,
    pub no_other_axis: &'static str,
    pub no_sources: &'static str,
    pub strategy_has_no_form: &'static str,
    // ---- Deleting what holds actions; what undo names (issue 24) ----
    /// An eje or línea holding actions: its ID, how many, the key that confirms.
    pub delete_holds: fn(&str, usize, &str) -> String,
    /// Deleted: its ID, how many went back to the tray, the undo key.
    pub deleted_to_tray: fn(&str, usize, &str) -> String,
    /// What undo names for a change of the session's details.
    pub undo_meta: &'static str,
    /// Enter on a crossed strategy in the tray: strategies are not placed in líneas.
    pub strategy_not_placed: &'static str,
    // ---- The plan's keys say what they do (issue 24) ----
    /// A key that does nothing where it was pressed: the key.
    pub key_does_nothing: fn(&str) -> String,
    /// The input line of `A`.
    pub new_axis: &'static str,
    /// The input line of `a`: the eje the línea goes in.
    pub new_line_in: fn(&str) -> String,
}

pub const ES: PlanUi = PlanUi {
    next_pane: "siguiente panel del plan",
    prev_pane: "panel anterior del plan",
    panes_pair: "panel siguiente / anterior del plan",
    edit_band: "editar la misión, la visión o el valor elegido",
    edit_hint: "editar",
    add_value: "añadir un valor",
    add_value_hint: "valor",
    delete_band: "borrar el valor (o vaciar la misión o la visión)",
    add_challenge: "añadir un reto",
    add_challenge_hint: "reto",
    edit_challenge: "editar el texto del reto",
    delete_challenge: "borrar el reto",
    link_challenge: "de qué factores, acciones o estrategias viene el reto",
    link_challenge_hint: "viene de",
    edit_tree: "editar el texto del eje o de la línea",
    move_line: "mover la línea a otro eje (conserva su ID)",
    move_line_hint: "mover",
    link_indicators: "indicadores que la miden",
    link_indicators_hint: "indicadores",
    action_form: "ficha de la acción: responsable, fechas, recursos, socios",
    action_form_hint: "ficha",
    edit_action: "editar el texto de la acción",
    add_indicator: "añadir un indicador",
    add_indicator_hint: "indicador",
    edit_indicator: "editar el indicador",
    delete_indicator: "borrar el indicador",
    edit_meta: "datos de la sesión: título, fecha, lugar, participantes, grupo, horizonte",
    edit_meta_hint: "datos",
    date_hint: "AAAA-MM-DD",
    list_hint: "separados por comas",
    direction_hint: "sube / baja / mantener",
    horizon_hint: "p. ej. 2023-2026",
    meta_fields: ["Título", "Fecha", "Lugar", "Participantes", "Grupo"],
    meta_title: "Datos de la sesión",
    new_indicator: "Nuevo indicador",
    pick_sources: "Viene de",
    pick_indicators: "Indicadores de",
    pick_axis: "Mover la línea al eje",
    new_value: "Nuevo valor",
    new_challenge: "Nuevo reto",
    measures: "mide",
    bad_number: "no es un número",
    bad_amount: "no es un importe en euros (de 0 a 1 000 000 000, en céntimos enteros)",
    bad_direction: "la dirección es «sube», «baja» o «mantener»",
    bad_horizon: "horizonte no válido: escribe dos años, p. ej. 2023-2026",
    empty_title: "el título no puede quedar vacío",
    no_indicators: "todavía no hay indicadores: añádelos en su panel",
    no_other_axis: "no hay otro eje al que moverla",
    no_sources: "no hay factores, acciones ni estrategias que elegir",
    strategy_has_no_form: "las estrategias cruzadas no tienen ficha ni indicadores",
    // ---- Deleting what holds actions; what undo names (issue 24) ----
    delete_holds: |id, n, key| {
        let n = if n == 1 { "1 acción".to_owned() } else { format!("{n} acciones") };
        format!("{id} contiene {n}: {key} otra vez lo borra y las devuelve a la bandeja")
    },
    deleted_to_tray: |id, n, key| {
        let n = if n == 1 { "1 acción vuelve".to_owned() } else { format!("{n} acciones vuelven") };
        format!("Borrado {id}: {n} a la bandeja ({key} para deshacer)")
    },
    undo_meta: "datos de la sesión",
    strategy_not_placed: "las estrategias cruzadas no van en líneas: escribe en CAME la acción que la lleva a cabo y coloca esa acción",
    key_does_nothing: |key| format!("{key} no hace nada aquí (nada ha cambiado)"),
    new_axis: "Nuevo eje",
    new_line_in: |axis| format!("Nueva línea en {axis}"),
};

pub const EN: PlanUi = PlanUi {
    next_pane: "next pane of the plan",
    prev_pane: "previous pane of the plan",
    panes_pair: "next / previous pane of the plan",
    edit_band: "edit the mission, the vision or the chosen value",
    edit_hint: "edit",
    add_value: "add a value",
    add_value_hint: "value",
    delete_band: "delete the value (or clear the mission or vision)",
    add_challenge: "add a challenge",
    add_challenge_hint: "challenge",
    edit_challenge: "edit the challenge's text",
    delete_challenge: "delete the challenge",
    link_challenge: "which factors, actions or strategies the challenge comes from",
    link_challenge_hint: "from",
    edit_tree: "edit the text of the axis or line",
    move_line: "move the line to another axis (keeps its ID)",
    move_line_hint: "move",
    link_indicators: "indicators that measure it",
    link_indicators_hint: "indicators",
    action_form: "action sheet: owner, dates, resources, partners",
    action_form_hint: "sheet",
    edit_action: "edit the action's text",
    add_indicator: "add an indicator",
    add_indicator_hint: "indicator",
    edit_indicator: "edit the indicator",
    delete_indicator: "delete the indicator",
    edit_meta: "session details: title, date, place, participants, group, horizon",
    edit_meta_hint: "details",
    date_hint: "YYYY-MM-DD",
    list_hint: "comma separated",
    direction_hint: "up / down / keep",
    horizon_hint: "e.g. 2023-2026",
    meta_fields: ["Title", "Date", "Place", "Participants", "Group"],
    meta_title: "Session details",
    new_indicator: "New indicator",
    pick_sources: "Comes from",
    pick_indicators: "Indicators of",
    pick_axis: "Move the line to axis",
    new_value: "New value",
    new_challenge: "New challenge",
    measures: "measures",
    bad_number: "is not a number",
    bad_amount: "is not an amount of euros (0 to 1,000,000,000, in whole cents)",
    bad_direction: "the direction is \"up\", \"down\" or \"keep\"",
    bad_horizon: "not a horizon: write two years, e.g. 2023-2026",
    empty_title: "the title cannot be empty",
    no_indicators: "no indicators yet: add them in their pane",
    no_other_axis: "there is no other axis to move it to",
    no_sources: "no factors, actions or strategies to choose from",
    strategy_has_no_form: "crossed strategies have no sheet and no indicators",
    // ---- Deleting what holds actions; what undo names (issue 24) ----
    delete_holds: |id, n, key| {
        let n = if n == 1 { "1 action".to_owned() } else { format!("{n} actions") };
        format!("{id} holds {n}: {key} again deletes it and puts them back in the tray")
    },
    deleted_to_tray: |id, n, key| {
        let n = if n == 1 { "1 action goes".to_owned() } else { format!("{n} actions go") };
        format!("Deleted {id}: {n} back to the tray ({key} to undo)")
    },
    undo_meta: "session details",
    strategy_not_placed: "crossed strategies do not go in líneas: write the action that carries it out in CAME and place that action",
    key_does_nothing: |key| format!("{key} does nothing here (nothing changed)"),
    new_axis: "New axis",
    new_line_in: |axis| format!("New line in {axis}"),
};

pub const CA: PlanUi = PlanUi {
    next_pane: "següent panell del pla",
    prev_pane: "panell anterior del pla",
    panes_pair: "panell següent / anterior del pla",
    edit_band: "editar la missió, la visió o el valor triat",
    edit_hint: "editar",
    add_value: "afegir un valor",
    add_value_hint: "valor",
    delete_band: "esborrar el valor (o buidar la missió o la visió)",
    add_challenge: "afegir un repte",
    add_challenge_hint: "repte",
    edit_challenge: "editar el text del repte",
    delete_challenge: "esborrar el repte",
    link_challenge: "de quins factors, accions o estratègies ve el repte",
    link_challenge_hint: "ve de",
    edit_tree: "editar el text de l'eix o de la línia",
    move_line: "moure la línia a un altre eix (conserva el seu ID)",
    move_line_hint: "moure",
    link_indicators: "indicadors que la mesuren",
    link_indicators_hint: "indicadors",
    action_form: "fitxa de l'acció: responsable, dates, recursos, socis",
    action_form_hint: "fitxa",
    edit_action: "editar el text de l'acció",
    add_indicator: "afegir un indicador",
    add_indicator_hint: "indicador",
    edit_indicator: "editar l'indicador",
    delete_indicator: "esborrar l'indicador",
    edit_meta: "dades de la sessió: títol, data, lloc, participants, grup, horitzó",
    edit_meta_hint: "dades",
    date_hint: "AAAA-MM-DD",
    list_hint: "separats per comes",
    direction_hint: "puja / baixa / mantindre",
    horizon_hint: "p. ex. 2023-2026",
    meta_fields: ["Títol", "Data", "Lloc", "Participants", "Grup"],
    meta_title: "Dades de la sessió",
    new_indicator: "Nou indicador",
    pick_sources: "Ve de",
    pick_indicators: "Indicadors de",
    pick_axis: "Moure la línia a l'eix",
    new_value: "Nou valor",
    new_challenge: "Nou repte",
    measures: "mesura",
    bad_number: "no és un nombre",
    bad_amount: "no és un import en euros (de 0 a 1 000 000 000, en cèntims sencers)",
    bad_direction: "la direcció és «puja», «baixa» o «mantindre»",
    bad_horizon: "horitzó no vàlid: escriu dos anys, p. ex. 2023-2026",
    empty_title: "el títol no pot quedar buit",
    no_indicators: "encara no hi ha indicadors: afegeix-los al seu panell",
    no_other_axis: "no hi ha cap altre eix on moure-la",
    no_sources: "no hi ha factors, accions ni estratègies per triar",
    strategy_has_no_form: "les estratègies creuades no tenen fitxa ni indicadors",
    // ---- Deleting what holds actions; what undo names (issue 24) ----
    delete_holds: |id, n, key| {
        let n = if n == 1 { "1 acció".to_owned() } else { format!("{n} accions") };
        format!("{id} conté {n}: {key} una altra vegada l'esborra i les torna a la safata")
    },
    deleted_to_tray: |id, n, key| {
        let n = if n == 1 { "1 acció torna".to_owned() } else { format!("{n} accions tornen") };
        format!("Esborrat {id}: {n} a la safata ({key} per a desfer)")
    },
    undo_meta: "dades de la sessió",
    strategy_not_placed: "les estratègies creuades no van en línies: escriu en CAME l'acció que la porta a terme i col·loca eixa acció",
    key_does_nothing: |key| format!("{key} no fa res aquí (no ha canviat res)"),
    new_axis: "Nou eix",
    new_line_in: |axis| format!("Nova línia a {axis}"),
};

impl super::Lang {
    /// The plan editing texts of this language.
    pub fn plan_ui(self) -> &'static PlanUi {
        self.text().keymap.plan
    }
}
