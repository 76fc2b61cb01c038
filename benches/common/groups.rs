//! Generated focus groups for the merge bench and the merge's equivalence test:
//! each group's factors are drawn from one pool of plausible Spanish statements
//! about a town's social services, often reworded (an article added, a word
//! dropped or swapped, a typo) and now and then placed in another quadrant, as
//! real groups say the same things in their own words. Plain `std`, no `dafo`
//! types, so that the library's unit tests can include it too.

/// One generated group: its name and its factors as (quadrant 0..4, text, votes).
pub struct Group {
    pub name: String,
    pub factors: Vec<(usize, String, u32)>,
}

const SUBJECTS: &[&str] = &[
    "Listas de espera",
    "Falta de personal",
    "Sobrecarga de casos",
    "Escasa coordinación",
    "Buena coordinación",
    "Red de centros",
    "Programa consolidado",
    "Fondos europeos",
    "Brecha digital",
    "Envejecimiento acelerado",
    "Aumento de la demanda",
    "Financiación insuficiente",
    "Voluntariado activo",
    "Equipo con experiencia",
    "Difusión escasa",
    "Nueva ley autonómica",
    "Transporte público deficiente",
    "Vivienda asequible escasa",
    "Participación vecinal",
    "Colaboración con entidades",
    "Rotación de profesionales",
    "Tramitación lenta",
    "Plataforma de teleasistencia",
    "Soledad no deseada",
];

const TOPICS: &[&str] = &[
    "en la valoración de la dependencia",
    "en atención primaria",
    "de ayuda a domicilio",
    "para personas mayores",
    "con los centros de salud",
    "de los servicios sociales",
    "en los barrios periféricos",
    "para la inclusión social",
    "de intervención familiar",
    "para la infancia y la adolescencia",
    "en el medio rural",
    "de las personas cuidadoras",
    "de la renta mínima",
    "para la juventud",
    "en la atención a la discapacidad",
    "con el tercer sector",
    "de la oficina municipal",
    "para el empleo de mujeres",
];

const TAILS: &[&str] = &[
    "",
    "",
    "",
    "desde hace años",
    "sin recursos suficientes",
    "en todos los distritos",
    "según las familias",
    "por la crisis de vivienda",
    "con horario ampliado",
    "tras la pandemia",
];

const SWAPS: &[(&str, &str)] = &[
    ("Falta", "Carencia"),
    ("Escasa", "Poca"),
    ("personas mayores", "mayores"),
    ("servicios", "recursos"),
    ("lenta", "muy lenta"),
    ("Red", "Buena red"),
    ("en la", "en"),
];

/// A small deterministic generator (xorshift64*), so every run sees the same groups.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Says `text` in another group's words.
fn reword(text: &str, rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => {
            let (from, to) = SWAPS[rng.below(SWAPS.len())];
            text.replacen(from, to, 1)
        }
        1 => {
            // A word dropped.
            let words: Vec<&str> = text.split(' ').collect();
            let gone = 1 + rng.below(words.len().saturating_sub(1).max(1));
            words.iter().enumerate().filter(|(i, _)| *i != gone).map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
        }
        2 => format!("{text} en el municipio"),
        3 => {
            // A typo: two letters swapped.
            let mut chars: Vec<char> = text.chars().collect();
            if chars.len() > 4 {
                let i = 1 + rng.below(chars.len() - 3);
                chars.swap(i, i + 1);
            }
            chars.into_iter().collect()
        }
        _ => text.replacen(" de ", " de la ", 1),
    }
}

/// `groups` groups of about `per_group` factors each, the same for the same `seed`.
pub fn groups(groups: usize, per_group: usize, seed: u64) -> Vec<Group> {
    let mut rng = Rng(seed.max(1));
    // The pool the groups draw from: statements with the quadrant most groups give them.
    let pool: Vec<(usize, String)> = (0..per_group * 4)
        .map(|_| {
            let s = SUBJECTS[rng.below(SUBJECTS.len())];
            let t = TOPICS[rng.below(TOPICS.len())];
            let tail = TAILS[rng.below(TAILS.len())];
            let text = if tail.is_empty() { format!("{s} {t}") } else { format!("{s} {t} {tail}") };
            (rng.below(4), text)
        })
        .collect();
    (0..groups)
        .map(|g| {
            let n = per_group - per_group / 10 + rng.below(per_group / 5 + 1);
            let factors = (0..n)
                .map(|_| {
                    let (q, text) = &pool[rng.below(pool.len())];
                    let text = if rng.chance(40) { reword(text, &mut rng) } else { text.clone() };
                    let q = if rng.chance(5) { rng.below(4) } else { *q };
                    (q, text, rng.below(8) as u32)
                })
                .collect();
            Group { name: format!("grupo {}", g + 1), factors }
        })
        .collect()
}
