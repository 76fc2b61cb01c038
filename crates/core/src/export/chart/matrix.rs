//! The internal-external (IE) matrix: the classic 3x3 grid, EFI weighted
//! total across (4,0 strong on the left to 1,0 weak on the right), EFE total
//! up (4,0 high at the top), nine cells I-IX in three strategies, and the
//! organisation's two totals as a point.

use crate::i18n::Lang;

use super::{Chart, Kind, Scale};
use crate::export::doc::{Cell, Column, Table};

/// The grid and where the organisation stands in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// The EFI scale, drawn from 4 (left) to 1 (right).
    pub x: Scale,
    /// The EFE scale, 1 (bottom) to 4 (top).
    pub y: Scale,
    /// The bands of each axis, first strong/high: columns left to right, rows top to bottom.
    pub columns: [String; 3],
    pub rows: [String; 3],
    /// Each cell's numeral and strategy, row by row from the top left: ("I", 0).
    pub cells: [(String, usize); 9],
    /// The three strategies, for the key.
    pub strategies: [String; 3],
    /// The EFI and EFE totals.
    pub point: (f64, f64),
    /// The point's label: "La organización (2,75; 2,10)".
    pub point_label: String,
}

const NUMERALS: [&str; 9] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

/// The band of a total: 0 for 3,0 and over, 1 for 2,0 to 2,99, 2 under 2,0.
pub fn band(total: f64) -> usize {
    if total >= 3.0 {
        0
    } else if total >= 2.0 {
        1
    } else {
        2
    }
}

/// The strategy of the cell in band `row` (EFE) and `column` (EFI): grow
/// and build (I, II, IV), hold and maintain (III, V, VII), harvest or divest.
pub fn strategy(row: usize, column: usize) -> usize {
    match row + column {
        0 | 1 => 0,
        2 => 1,
        _ => 2,
    }
}

/// The matrix chart of the EFI total `internal` and the EFE total `external`.
pub fn chart(internal: f64, external: f64, lang: Lang) -> Chart {
    let w = lang.chart_words();
    let n = |x: f64| lang.number(x, 2);
    let scale = |label: &str| Scale {
        label: label.to_owned(),
        min: 1.0,
        max: 4.0,
        ticks: [1.0, 2.0, 3.0, 4.0].into_iter().map(|x| (x, lang.number(x, 1))).collect(),
    };
    let cells = std::array::from_fn(|i| (NUMERALS[i].to_owned(), strategy(i / 3, i % 3)));
    let (row, column) = (band(external), band(internal));
    let cell = row * 3 + column;
    let strategy = w.strategies[strategy(row, column)];
    let matrix = Matrix {
        x: scale(w.matrix_x),
        y: scale(w.matrix_y),
        columns: w.internal_bands.map(str::to_owned),
        rows: w.external_bands.map(str::to_owned),
        cells,
        strategies: w.strategies.map(str::to_owned),
        point: (internal, external),
        point_label: format!("{} ({}; {})", w.organisation, n(internal), n(external)),
    };
    // Each row named in the first column: the two matrices, then the cell's numeral.
    let text_row = |id: &str, label: &str, value: Cell| vec![Cell::from(id), Cell::from(label), value];
    let table = Table {
        columns: vec![
            Column::new("", Some(6)),
            Column::new(w.measure, None),
            Column::new(w.value, Some(30)).numeric(6),
        ],
        rows: vec![
            text_row(lang.matrix(crate::domain::Matrix::Efi), w.matrix_x, Cell::Fixed(internal, 2)),
            text_row(lang.matrix(crate::domain::Matrix::Efe), w.matrix_y, Cell::Fixed(external, 2)),
            text_row(NUMERALS[cell], w.cell, Cell::Text(strategy.to_owned())),
        ],
        total_label: String::new(),
        totals: Vec::new(),
    };
    Chart {
        id: "grafico-matriz-ie".to_owned(),
        title: w.matrix_title.to_owned(),
        kind: Kind::Matrix(Box::new(matrix)),
        table,
        figures_above: false,
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_totals_fall_in_the_classic_cells() {
        // Strong inside, high outside: cell I, grow. Average and average: V, hold.
        assert_eq!((band(3.2), band(3.0), band(2.99), band(2.0), band(1.99)), (0, 0, 1, 1, 2));
        let cell = |i: f64, e: f64| {
            let (r, c) = (band(e), band(i));
            (NUMERALS[r * 3 + c], strategy(r, c))
        };
        assert_eq!(cell(3.5, 3.5), ("I", 0));
        assert_eq!(cell(2.5, 3.5), ("II", 0));
        assert_eq!(cell(3.5, 2.5), ("IV", 0));
        assert_eq!(cell(1.5, 3.5), ("III", 1));
        assert_eq!(cell(2.5, 2.5), ("V", 1));
        assert_eq!(cell(3.5, 1.5), ("VII", 1));
        assert_eq!(cell(1.5, 2.5), ("VI", 2));
        assert_eq!(cell(2.5, 1.5), ("VIII", 2));
        assert_eq!(cell(1.0, 1.0), ("IX", 2));
    }

    #[test]
    fn the_table_says_both_totals_and_the_cell_in_the_language() {
        let c = chart(2.75, 2.1, Lang::Es);
        let shown = |row: usize| crate::export::cell::shown(&c.table.rows[row], Lang::Es);
        assert_eq!(shown(0), ["EFI", "Total ponderado EFI (factores internos)", "2,75"]);
        assert_eq!(shown(1)[2], "2,10");
        assert_eq!(shown(2), ["V", "Celda", "Conservar y mantener"]);
        // No empty first column: every row is named there (the trial found it blank).
        assert!(c.table.rows.iter().all(|r| !r[0].is_empty()));
        let c = chart(3.1, 1.2, Lang::En);
        assert_eq!(crate::export::cell::shown(&c.table.rows[2], Lang::En), ["VII", "Cell", "Hold and maintain"]);
        let said = c.describe();
        assert!(said.contains("IFE weighted total (internal factors): Value 3.10"), "{said}");
    }
}
