//! Weighted evaluation (matrices EFI and EFE): weight × rating per factor, totals per matrix.

use super::quadrant::Quadrant;
use super::session::Session;

/// EFI weighs internal factors (F, D); EFE external ones (O, A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matrix {
    Efi,
    Efe,
}

impl Matrix {
    pub const ALL: [Matrix; 2] = [Matrix::Efi, Matrix::Efe];

    /// The two quadrants this matrix weighs.
    pub fn quadrants(self) -> [Quadrant; 2] {
        match self {
            Matrix::Efi => [Quadrant::Strengths, Quadrant::Weaknesses],
            Matrix::Efe => [Quadrant::Opportunities, Quadrant::Threats],
        }
    }
}

/// The sums of one matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Sum of the weights given; must be 1.0.
    pub weight_sum: f64,
    /// Sum of weight × rating: 1.0 (weak) to 4.0 (strong), 2.5 is the average.
    pub total: f64,
    /// Factors with a weight, and with both a weight and a rating.
    pub weighted: usize,
    pub rated: usize,
}

impl Evaluation {
    /// Whether the weights sum to 1.0 (to two decimals, as on paper).
    pub fn balanced(&self) -> bool {
        (self.weight_sum - 1.0).abs() < 0.005
    }
}

impl Session {
    /// EFI or EFE sums of this session.
    pub fn evaluate(&self, m: Matrix) -> Evaluation {
        let mut e = Evaluation { weight_sum: 0.0, total: 0.0, weighted: 0, rated: 0 };
        for f in m.quadrants().iter().flat_map(|&q| self.factors(q)) {
            if let Some(w) = f.weight {
                e.weight_sum += w;
                e.weighted += 1;
                if let Some(r) = f.rating {
                    e.total += w * f64::from(r);
                    e.rated += 1;
                }
            }
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn efi_total_is_weight_times_rating() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        for (q, t, w, r) in [
            (Quadrant::Strengths, "a", 0.3, 4),
            (Quadrant::Strengths, "b", 0.2, 3),
            (Quadrant::Weaknesses, "c", 0.5, 1),
            (Quadrant::Threats, "d", 0.9, 2),
        ] {
            let e = s.add_factor(q, t).unwrap();
            s.apply(e).unwrap();
            let i = s.factors(q).len() - 1;
            let e = s
                .change_factor(q, i, |f| {
                    f.weight = Some(w);
                    f.rating = Some(r);
                })
                .unwrap();
            s.apply(e).unwrap();
        }
        let efi = s.evaluate(Matrix::Efi);
        assert!(efi.balanced());
        assert!((efi.total - (1.2 + 0.6 + 0.5)).abs() < 1e-9);
        let efe = s.evaluate(Matrix::Efe);
        assert!(!efe.balanced());
        assert_eq!((efe.weighted, efe.rated), (1, 1));
    }

    #[test]
    fn values_out_of_range_are_refused_not_clamped() {
        let mut s = Session::new("t", Timestamp::UNIX_EPOCH);
        let e = s.add_factor(Quadrant::Strengths, "a").unwrap();
        s.apply(e).unwrap();
        for change in [
            (|f: &mut crate::domain::Factor| f.weight = Some(7.0)) as fn(&mut crate::domain::Factor),
            |f| f.rating = Some(9),
            |f| f.impact = Some(0),
            |f| f.weight = Some(f64::NAN),
        ] {
            assert!(s.change_factor(Quadrant::Strengths, 0, change).is_none());
        }
        let e = s.change_factor(Quadrant::Strengths, 0, |f| f.weight = Some(1.0)).unwrap();
        s.apply(e).unwrap();
        assert_eq!(s.strengths[0].weight, Some(1.0));
    }
}
