//! Round trips that must give back what was written: random sessions (any
//! printable Unicode, the exports' own markers and separators in every field,
//! a plan with ejes, líneas, retos, indicators and placed strategies, yearly
//! reviews of the actions, which the CSV carries) are
//! exported as Markdown (the informe final) and as CSV, in Spanish, English
//! and Catalan, and imported again: every field the format carries comes back
//! the same.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;

use dafo::domain::meetings::{Count, Meeting, MergeRecord};
use dafo::domain::text::clean_text;
use dafo::domain::{
    ActionReview, Axis, Came, CameAction, Challenge, Crossed, Degree, Direction, Euros, Factor, Horizon, Indicator,
    IndicatorValue, Line, Milestone, Quadrant, Session, Source, Status, Strategy as CrossedStrategy, YearReview,
};
use dafo::export::{Format, bytes_on};
use dafo::i18n::Lang;
use jiff::Timestamp;
use jiff::civil::{Date, date};
use proptest::prelude::*;

const DAY: Date = date(2026, 1, 15);

/// Pieces that exports and importers treat as structure, mixed into texts.
const TRICKY: &[&str] = &[
    " · ",
    "·",
    "Inicio: 01/01/2020",
    " · Recursos: 999.999 €",
    "Responsable: X",
    ", ",
    ";",
    "; ",
    "(",
    ")",
    "(12.000 €)",
    " (3 €)",
    "*(3 votos · impacto 4)*",
    "*(2 votes)*",
    "[T·P]",
    " [AB]",
    "↻",
    " ↻",
    "⚠ 01/02/2024",
    "(D1, F2)",
    "(F1 × O1)",
    "(I1)",
    "(L1, I2)",
    "acción A1",
    "**F1**",
    "<br>",
    "&#183;",
    "&amp;",
    "\\",
    "\\*",
    "|",
    "`x`",
    "# ",
    "- ",
    "1.1 ",
    "~~",
    "_x_",
    "€",
    ":",
    "?",
];

/// Any text a facilitator could type: words, any printable Unicode, the tricky pieces.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-ZáéíóúñçÀ-ÿ0-9]{1,8}",
        2 => "\\PC{1,4}",
        3 => prop::sample::select(TRICKY).prop_map(str::to_owned),
        1 => Just(" ".to_owned()),
    ];
    prop::collection::vec(piece, 1..6)
        .prop_map(|p| clean_text(&p.concat()))
        .prop_filter("a text that is not empty", |t| !t.is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn day() -> impl Strategy<Value = Date> {
    (2020i16..2031, 1i8..13, 1i8..29).prop_map(|(y, m, d)| date(y, m, d))
}

/// Everything of a random session, before IDs are given.
#[derive(Debug, Clone)]
struct Plan {
    title: String,
    place: Option<String>,
    participants: Option<String>,
    mission: Option<String>,
    vision: Option<String>,
    values: Vec<String>,
    factors: Vec<(usize, String, u32, Option<u8>)>,
    actions: Vec<ActionGen>,
    strategies: Vec<(usize, String, u32, usize, usize, usize)>,
    axes: Vec<(String, Vec<String>)>,
    indicators: Vec<IndicatorGen>,
    challenges: Vec<(String, Vec<usize>)>,
    /// Yearly reviews: action, year, degree, status, note, cents committed and paid.
    reviews: Vec<ReviewGen>,
    /// The participation process: its sessions and the merge's numbers.
    meetings: Vec<Meeting>,
    merge: Option<MergeRecord>,
    tags: TagsGen,
    follow: FollowGen,
}

/// The follow-up beyond the actions' reviews: the years' records (year, who
/// reviewed, date, summary, problems) and the indicators' values (indicator,
/// year, value).
type FollowGen = (Vec<(i16, Option<String>, Option<Date>, Option<String>, Vec<String>)>, Vec<(usize, i16, f64)>);

fn follow() -> impl Strategy<Value = FollowGen> {
    (
        prop::collection::vec(
            (2023i16..2027, opt_text(), prop::option::of(day()), opt_text(), prop::collection::vec(text(), 0..3)),
            0..3,
        ),
        prop::collection::vec((0usize..100, 2023i16..2027, -1e9f64..1e9), 0..4),
    )
}

/// Themes and impacts: the session's own lists (else the Spanish defaults), and
/// per factor and per action a subset of them (bits), taken in the list's order.
#[derive(Debug, Clone)]
struct TagsGen {
    themes: Option<Vec<String>>,
    impacts: Option<Vec<String>>,
    factor_bits: Vec<u16>,
    action_bits: Vec<(u16, u16)>,
}

fn tags() -> impl Strategy<Value = TagsGen> {
    let list = || prop::option::of(prop::collection::vec(text(), 1..5));
    (list(), list(), prop::collection::vec(any::<u16>(), 0..10), prop::collection::vec(any::<(u16, u16)>(), 0..8))
        .prop_map(|(themes, impacts, factor_bits, action_bits)| TagsGen { themes, impacts, factor_bits, action_bits })
}

/// The names of `list` whose bit is set, in the list's order.
fn subset(list: &[String], bits: u16) -> Vec<String> {
    list.iter().enumerate().filter(|(i, _)| bits & (1 << (i % 16)) != 0).map(|(_, n)| n.clone()).collect()
}

fn unique(names: &[String]) -> Vec<String> {
    names.iter().fold(Vec::new(), |mut all, n| {
        if !all.contains(n) {
            all.push(n.clone());
        }
        all
    })
}

/// A label of attendees as the `M` form reads it (no `,` or `;`): `mujeres`, `18-29`.
fn counts() -> impl Strategy<Value = Vec<Count>> {
    prop::collection::vec(("[a-zA-Záéñ0-9-]{1,6}( [a-zà-ÿ]{1,5})?", 0u32..500), 0..3)
        .prop_map(|c| c.into_iter().map(|(label, count)| Count { label, count }).collect())
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (text(), prop::option::of(day()), opt_text(), opt_text()),
        (prop::option::of(0u32..10_000), counts(), counts(), opt_text()),
    )
        .prop_map(|((group, date, place, participants), (attendees, by_sex, by_age, technique))| Meeting {
            group,
            date,
            place,
            participants,
            attendees,
            by_sex,
            by_age,
            technique,
        })
}

fn participation() -> impl Strategy<Value = (Vec<Meeting>, Option<MergeRecord>)> {
    (
        prop::collection::vec(meeting(), 0..4),
        prop::option::of((0u32..300, 0u32..50, 0u32..20, 0u32..20)).prop_map(|m| {
            m.map(|(read, joined, disagreements, grey)| MergeRecord { read, joined, disagreements, grey })
        }),
    )
}

type ReviewGen = (usize, i16, u8, usize, Option<String>, Option<u64>, Option<u64>);

/// An indicator: name, unit, baseline and target in hundredths, its direction
/// (up, down, keep), and hitos (year after 2023, value in hundredths).
type IndicatorGen = (String, Option<String>, Option<u32>, Option<u32>, usize, Vec<(i16, u32)>);

#[derive(Debug, Clone)]
struct ActionGen {
    came: usize,
    text: String,
    links: Vec<usize>,
    owner: Option<String>,
    start: Option<Date>,
    due: Option<Date>,
    resources: Option<String>,
    amount: Option<u64>,
    partners: Vec<String>,
    line: usize,
    indicators: Vec<usize>,
    indicator: Option<String>,
    status: usize,
    votes: u32,
    /// The plan financiero: cents per year (2023 + offset) and a funding source.
    budget: Vec<(i16, u64)>,
    funding: Option<String>,
}

fn action() -> impl Strategy<Value = ActionGen> {
    (
        (0usize..4, text(), prop::collection::vec(0usize..100, 0..3), opt_text()),
        (prop::option::of(day()), prop::option::of(day()), opt_text(), prop::option::of(0u64..2_000_000_000)),
        (prop::collection::vec(text(), 0..3), 0usize..100, prop::collection::vec(0usize..100, 0..3), opt_text()),
        (0usize..4, 0u32..20, prop::collection::vec((0i16..4, 0u64..2_000_000_000), 0..3), opt_text()),
    )
        .prop_map(
            |(
                (came, text, links, owner),
                (start, due, resources, amount),
                (partners, line, indicators, indicator),
                (status, votes, budget, funding),
            )| {
                ActionGen {
                    came,
                    text,
                    links,
                    owner,
                    start,
                    due,
                    resources,
                    amount,
                    partners,
                    line,
                    indicators,
                    indicator,
                    status,
                    votes,
                    budget,
                    funding,
                }
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (text(), opt_text(), opt_text(), opt_text(), opt_text(), prop::collection::vec(text(), 0..3)),
        prop::collection::vec((0usize..4, text(), 0u32..30, prop::option::of(1u8..6)), 4..10),
        prop::collection::vec(action(), 1..8),
        prop::collection::vec((0usize..4, text(), 0u32..10, 0usize..100, 0usize..100, 0usize..100), 0..3),
        prop::collection::vec((text(), prop::collection::vec(text(), 0..3)), 1..3),
        prop::collection::vec(
            (
                text(),
                opt_text(),
                prop::option::of(0u32..1_000_000),
                prop::option::of(0u32..1_000_000),
                0usize..3,
                prop::collection::vec((0i16..4, 0u32..1_000_000), 0..3),
            ),
            1..3,
        ),
        prop::collection::vec((text(), prop::collection::vec(0usize..100, 0..3)), 0..3),
        prop::collection::vec(
            (
                0usize..100,
                2023i16..2027,
                0u8..=100,
                0usize..4,
                opt_text(),
                prop::option::of(0u64..100_000_000),
                prop::option::of(0u64..100_000_000),
            ),
            0..4,
        ),
        (participation(), tags(), follow()),
    )
        .prop_map(
            |(
                (title, place, participants, mission, vision, values),
                factors,
                actions,
                strategies,
                axes,
                indicators,
                challenges,
                reviews,
                ((meetings, merge), tags, follow),
            )| Plan {
                title,
                place,
                participants,
                mission,
                vision,
                values,
                factors,
                actions,
                strategies,
                axes,
                indicators,
                challenges,
                reviews,
                meetings,
                merge,
                tags,
                follow,
            },
        )
}

/// The session a [`Plan`] describes, with IDs given in order.
fn session(p: &Plan) -> Session {
    let mut s = Session::new(&p.title, Timestamp::UNIX_EPOCH);
    (s.meta.place, s.meta.participants) = (p.place.clone(), p.participants.clone());
    s.meta.horizon = Some(Horizon::new(2023, 2026).unwrap());
    (s.mission, s.vision, s.values) = (p.mission.clone(), p.vision.clone(), p.values.clone());
    (s.meta.meetings, s.meta.merge) = (p.meetings.clone(), p.merge.clone());
    for (q, text, votes, impact) in &p.factors {
        let q = Quadrant::ALL[*q];
        let mut f = Factor::new(s.next_id(q.prefix()), text.clone());
        (f.votes, f.impact) = (*votes, *impact);
        match q {
            Quadrant::Strengths => s.strengths.push(f),
            Quadrant::Weaknesses => s.weaknesses.push(f),
            Quadrant::Opportunities => s.opportunities.push(f),
            Quadrant::Threats => s.threats.push(f),
        }
    }
    let factor_ids: Vec<String> =
        Quadrant::ALL.iter().flat_map(|&q| s.factors(q).iter().map(|f| f.id.clone()).collect::<Vec<_>>()).collect();
    for (text, lines) in &p.axes {
        let id = s.next_id("EJ");
        s.axes.push(Axis { id: id.clone(), text: text.clone() });
        for line in lines {
            let line_id = s.next_id("L");
            s.lines.push(Line { id: line_id, axis: id.clone(), text: line.clone(), indicators: Vec::new() });
        }
    }
    for (name, unit, baseline, target, direction, hitos) in &p.indicators {
        let id = s.next_id("I");
        // An action outside any línea names its indicators in the informe's CAME
        // table: two of one name cannot be told apart there (a known limit, in
        // docs/exports.md), so the generated names differ.
        let name = if s.indicators.iter().any(|i| i.name.trim() == name.trim()) {
            format!("{name} {id}")
        } else {
            name.clone()
        };
        s.indicators.push(Indicator {
            id,
            name,
            unit: unit.clone(),
            baseline: baseline.map(|b| f64::from(b) / 100.0),
            target: target.map(|t| f64::from(t) / 100.0),
            direction: [Direction::Up, Direction::Down, Direction::Keep][*direction % 3],
            milestones: {
                let mut m: Vec<Milestone> = Vec::new();
                for (offset, v) in hitos {
                    if !m.iter().any(|x| x.year == 2023 + offset) {
                        m.push(Milestone { year: 2023 + offset, target: f64::from(*v) / 100.0 });
                    }
                }
                m.sort_by_key(|x| x.year);
                m
            },
        });
    }
    let pick = |list: &[String], n: usize| list.get(n % list.len().max(1)).cloned();
    let line_ids: Vec<String> = s.lines.iter().map(|l| l.id.clone()).collect();
    let indicator_ids: Vec<String> = s.indicators.iter().map(|i| i.id.clone()).collect();
    for (i, line) in s.lines.iter_mut().enumerate() {
        if i % 2 == 0 {
            line.indicators = pick(&indicator_ids, i).into_iter().collect();
        }
    }
    for g in &p.actions {
        let c = Came::ALL[g.came];
        let n = s.actions(c).len() + 1;
        let mut links: Vec<String> = g.links.iter().filter_map(|&l| pick(&factor_ids, l)).collect();
        links.dedup();
        let mut a = CameAction::new(format!("{}{n}", c.prefix()), g.text.clone(), links);
        (a.owner, a.start, a.due, a.resources) = (g.owner.clone(), g.start, g.due, g.resources.clone());
        a.amount = g.amount.map(|cents| Euros::try_from(cents as f64 / 100.0).unwrap());
        a.partners = g.partners.clone();
        a.line = pick(&line_ids, g.line).filter(|_| g.line % 3 != 0);
        let mut inds: Vec<String> = g.indicators.iter().filter_map(|&i| pick(&indicator_ids, i)).collect();
        inds.sort();
        inds.dedup();
        a.indicators = inds;
        a.indicator = g.indicator.clone();
        a.status = Status::ALL[g.status];
        a.votes = g.votes;
        for (offset, cents) in &g.budget {
            if !a.budget.iter().any(|y| y.year == 2023 + offset) {
                let amount = Euros { cents: *cents };
                a.budget.push(dafo::domain::YearAmount { year: 2023 + offset, amount });
            }
        }
        a.budget.sort_by_key(|y| y.year);
        // The TUI keeps no `;` in a source's name (`clean_source`), but a file
        // written by hand may: the informe's list of sources escaped none, and
        // `Fondos propios; remanente` came back as two sources.
        a.funding = g.funding.as_deref().map(clean_text).filter(|f| !f.is_empty());
        if let Some(f) = &a.funding
            && !s.funding.contains(f)
        {
            s.funding.push(f.clone());
        }
        match c {
            Came::Maintain => s.maintain.push(a),
            Came::Correct => s.correct.push(a),
            Came::Exploit => s.exploit.push(a),
            Came::Confront => s.confront.push(a),
        }
    }
    let action_ids: Vec<String> = s.all_actions().map(|(_, a)| a.id.clone()).collect();
    for (k, text, votes, i, e, line) in &p.strategies {
        let kind = Crossed::ALL[*k];
        let [iq, eq] = kind.quadrants();
        let (Some(fi), Some(fe)) = (
            pick(&s.factors(iq).iter().map(|f| f.id.clone()).collect::<Vec<_>>(), *i),
            pick(&s.factors(eq).iter().map(|f| f.id.clone()).collect::<Vec<_>>(), *e),
        ) else {
            continue;
        };
        let id = s.next_id(kind.prefix());
        let line = pick(&line_ids, *line).filter(|_| line % 2 == 0);
        s.strategies.push(CrossedStrategy {
            id,
            kind,
            factors: [fi, fe],
            text: text.clone(),
            votes: *votes,
            line,
            conflict: None,
        });
    }
    let strategy_ids: Vec<String> = s.strategies.iter().map(|st| st.id.clone()).collect();
    for (text, from) in &p.challenges {
        let id = s.next_id("R");
        let from = from
            .iter()
            .filter_map(|&n| match n % 3 {
                0 => pick(&factor_ids, n).map(Source::Factor),
                1 => pick(&action_ids, n).map(Source::Action),
                _ => pick(&strategy_ids, n).map(Source::Strategy),
            })
            .collect();
        s.challenges.push(Challenge { id, text: text.clone(), from });
    }
    for (action, year, degree, status, note, committed, paid) in &p.reviews {
        let Some(action) = pick(&action_ids, *action) else { continue };
        if s.reviews.iter().any(|r| r.action == action && r.year == *year) {
            continue;
        }
        let degree = Degree::new(*degree).unwrap();
        s.reviews.push(ActionReview {
            action,
            year: *year,
            degree,
            status: Status::ALL[*status],
            note: note.clone(),
            committed: committed.map(|cents| Euros { cents }),
            paid: paid.map(|cents| Euros { cents }),
        });
    }
    s.reviews.sort_by_key(|r| r.year);
    for (year, body, date, summary, problems) in &p.follow.0 {
        if !s.review_years.iter().any(|r| r.year == *year) {
            let (body, summary, problems) = (body.clone(), summary.clone(), problems.clone());
            s.review_years.push(YearReview { year: *year, body, date: *date, summary, problems });
        }
    }
    s.review_years.sort_by_key(|r| r.year);
    for &(i, year, actual) in &p.follow.1 {
        let Some(indicator) = pick(&indicator_ids, i) else { continue };
        if !s.indicator_values.iter().any(|v| v.indicator == indicator && v.year == year) {
            s.indicator_values.push(IndicatorValue { indicator, year, actual });
        }
    }
    s.indicator_values.sort_by_key(|v| v.year);
    let words = Lang::Es.text().keymap.themes;
    let defaults = |d: &[&str]| d.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    s.meta.themes = p.tags.themes.as_deref().map(unique).unwrap_or_default();
    s.meta.impacts = p.tags.impacts.as_deref().map(unique).unwrap_or_default();
    let themes = if s.meta.themes.is_empty() { defaults(words.themes) } else { s.meta.themes.clone() };
    let impacts = if s.meta.impacts.is_empty() { defaults(words.impacts) } else { s.meta.impacts.clone() };
    let mut bits = p.tags.factor_bits.iter().cycle();
    for f in [&mut s.strengths, &mut s.weaknesses, &mut s.opportunities, &mut s.threats].into_iter().flatten() {
        f.themes = subset(&themes, *bits.next().unwrap_or(&0));
    }
    let mut bits = p.tags.action_bits.iter().cycle();
    for a in [&mut s.maintain, &mut s.correct, &mut s.exploit, &mut s.confront].into_iter().flatten() {
        let (t, i) = bits.next().copied().unwrap_or((0, 0));
        (a.themes, a.impacts) = (subset(&themes, t), subset(&impacts, i));
    }
    s
}

/// What both formats carry, in a form to compare: actions and strategies by ID.
/// `with_meta`: place and participants; `with_reviews`: the follow-up (CSV): the actions'
/// yearly reviews, the years' records and the indicators' values.
fn carried(s: &Session, with_meta: bool, with_reviews: bool) -> String {
    let mut actions: Vec<(Came, &CameAction)> = s.all_actions().collect();
    actions.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let actions: Vec<String> = actions
        .iter()
        .map(|(c, a)| {
            format!(
                "{c:?} {:?} {:?} links={:?} owner={:?} start={:?} due={:?} res={:?} amount={:?} partners={:?} line={:?} inds={:?} ind={:?} {:?} votes={} budget={:?} funding={:?} themes={:?} impacts={:?}",
                a.id, a.text, a.links, a.owner, a.start, a.due, a.resources, a.amount, a.partners, a.line, a.indicators, a.indicator, a.status, a.votes, a.budget, a.funding, a.themes, a.impacts
            )
        })
        .collect();
    let mut strategies: Vec<String> = s
        .strategies
        .iter()
        .map(|st| {
            format!("{:?} {:?} {:?} {:?} votes={} line={:?}", st.id, st.kind, st.factors, st.text, st.votes, st.line)
        })
        .collect();
    strategies.sort();
    let factors: Vec<String> = Quadrant::ALL
        .iter()
        .flat_map(|&q| {
            s.factors(q).iter().map(move |f| {
                format!("{q:?} {:?} {:?} votes={} impact={:?} themes={:?}", f.id, f.text, f.votes, f.impact, f.themes)
            })
        })
        .collect();
    let meta = if with_meta { format!("{:?} {:?}", s.meta.place, s.meta.participants) } else { String::new() };
    let mut reviews: Vec<String> = s.reviews.iter().map(|r| format!("{r:?}")).collect();
    reviews.sort();
    let meta = if with_reviews {
        format!("{meta}\nreviews={reviews:#?}\nyears={:#?}\nvalues={:#?}", s.review_years, s.indicator_values)
    } else {
        meta
    };
    let meta = format!(
        "{meta}\nmeetings={:#?}\nmerge={:?}\nthemes={:?}\nimpacts={:?}",
        s.meta.meetings, s.meta.merge, s.meta.themes, s.meta.impacts
    );
    format!(
        "title={:?} {meta} horizon={:?} funding={:?}\nmission={:?}\nvision={:?}\nvalues={:?}\nfactors={factors:#?}\nactions={actions:#?}\nstrategies={strategies:#?}\naxes={:#?}\nlines={:#?}\nindicators={:#?}\nchallenges={:#?}",
        s.meta.title,
        s.meta.horizon,
        s.funding,
        s.mission,
        s.vision,
        s.values,
        s.axes,
        s.lines,
        s.indicators,
        s.challenges
    )
}

fn markdown_back(s: &Session, lang: Lang) -> (String, Session) {
    let md = String::from_utf8(bytes_on(s, lang, Format::Md, DAY)).unwrap();
    let (back, _) = dafo::export::plan_import::import(&md, Path::new("informe.md"), None, "x", Timestamp::UNIX_EPOCH)
        .unwrap_or_else(|e| panic!("{e}\n{md}"));
    (md, back)
}

fn csv_back(s: &Session, lang: Lang) -> (String, Session) {
    let csv = String::from_utf8(bytes_on(s, lang, Format::Csv, DAY)).unwrap();
    let imported = dafo::export::import::csv(&csv, Path::new("s.csv")).unwrap_or_else(|e| panic!("{e}\n{csv}"));
    let title = imported.title.clone().unwrap_or_default();
    (csv, dafo::export::import::build(imported, &title, Timestamp::UNIX_EPOCH))
}

proptest! {
    // A fixed seed: CI must not fail at random (the regressions file keeps what
    // earlier random runs found).
    #![proptest_config(ProptestConfig {
        cases: 64,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20261206),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_informe_in_markdown_gives_back_the_same_session(p in plan(), lang in prop::sample::select(Lang::ALL.to_vec())) {
        let s = session(&p);
        let (md, back) = markdown_back(&s, lang);
        prop_assert_eq!(carried(&back, true, false), carried(&s, true, false), "{}", md);
    }

    #[test]
    fn the_csv_gives_back_the_same_session(p in plan(), lang in prop::sample::select(Lang::ALL.to_vec())) {
        let s = session(&p);
        let (csv, back) = csv_back(&s, lang);
        prop_assert_eq!(carried(&back, true, true), carried(&s, true, true), "{}", csv);
    }
}

/// The issue's cases, by name: the samples' CAME links (11 of 11 in Almendral,
/// 9 of 9 in Palencia were lost), an owner that looks like more fields,
/// resources that end like a vote note, partners with `, ` and `;`, factor
/// texts that really end in `[T·P]` or `↻`; in Spanish, English and Catalan,
/// through the informe's Markdown and the CSV.
#[test]
fn the_samples_and_the_issues_texts_come_back_from_markdown_and_csv() {
    for sample in ["almendral-plan-servicios-sociales-2023-2026.ron", "palencia-ciudad-de-los-cuidados.ron"] {
        let mut s = dafo::storage::load(&Path::new("sessions").join(sample)).unwrap();
        s.strengths[0].text = "Equipo con sello de calidad [T·P]".into();
        s.strengths[1].text = "Ciclo de mejora ↻".into();
        let a = &mut s.correct[0];
        a.owner = Some("Concejalía · Inicio: 01/01/2020 · Recursos: 999.999 €".into());
        a.resources = Some("Local cedido *(3 votos · impacto 4)*".into());
        a.partners = vec!["Cáritas, Cruz Roja".into(), "Junta; Diputación".into(), "(5 €)".into()];
        for lang in Lang::ALL.iter().copied() {
            let (md, back) = markdown_back(&s, lang);
            assert_eq!(carried(&back, true, false), carried(&s, true, false), "{sample} in {lang:?}:\n{md}");
            let (csv, back) = csv_back(&s, lang);
            assert_eq!(carried(&back, true, true), carried(&s, true, true), "{sample} in {lang:?}:\n{csv}");
        }
        let links = s.all_actions().filter(|(_, a)| !a.links.is_empty()).count();
        assert!(links >= 9, "{sample}: the sample's actions answer factors ({links})");
    }
}

/// An English or Catalan Markdown export, the informe or a plan-less session's,
/// imports back in its language (that of its headings: it came back Spanish)
/// and with the content the other round trips give back.
#[test]
fn a_markdown_export_comes_back_in_its_language() {
    let s = dafo::storage::load(Path::new("sessions/almendral-plan-servicios-sociales-2023-2026.ron")).unwrap();
    let mut bare = Session::new("Taller", Timestamp::UNIX_EPOCH);
    for q in Quadrant::ALL {
        // Without themes: their section would make it read as a plan.
        *bare.factors_mut(q) = s.factors(q).iter().map(|f| Factor { themes: Vec::new(), ..f.clone() }).collect();
    }
    for lang in Lang::ALL.iter().copied() {
        let (md, back) = markdown_back(&s, lang);
        assert_eq!(back.meta.language, lang.tag(), "{md}");
        assert_eq!(carried(&back, true, false), carried(&s, true, false), "{lang:?}:\n{md}");
        let md = String::from_utf8(bytes_on(&bare, lang, Format::Md, DAY)).unwrap();
        assert!(!dafo::export::plan_import::is_plan(&md), "{md}");
        let imported = dafo::export::import::markdown(&md);
        let title = imported.title.clone().unwrap_or_default();
        let back = dafo::export::import::build(imported, &title, Timestamp::UNIX_EPOCH);
        assert_eq!(back.meta.language, lang.tag(), "{md}");
        assert_eq!(carried(&back, false, false), carried(&bare, false, false), "{lang:?}:\n{md}");
    }
}
