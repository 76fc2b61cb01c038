//! End-to-end tests of the git merge driver with a real `git` in a temporary
//! repository: `dafo git-setup`, a clean merge of two branches, and a real
//! conflict that git reports while the file still opens. HOME and the global
//! git config point into the temporary directory, so the user's are untouched.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dafo::domain::{Quadrant, Session};

struct Repo {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    home: PathBuf,
}

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_dafo")).parent().unwrap().to_owned()
}

impl Repo {
    fn new() -> Repo {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        let dir = tmp.path().join("repo");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        let repo = Repo { _tmp: tmp, dir, home };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Prueba"]);
        repo.git(&["config", "user.email", "prueba@example.org"]);
        repo
    }

    fn env(&self, cmd: &mut Command) {
        let path = std::env::join_paths(
            std::iter::once(bin_dir()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
        )
        .unwrap();
        cmd.current_dir(&self.dir)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_GLOBAL", self.home.join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", path)
            .env_remove("DAFO_DIR")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let mut cmd = Command::new(program);
        cmd.args(args);
        self.env(&mut cmd);
        cmd.output().unwrap()
    }

    fn git(&self, args: &[&str]) -> Output {
        let out = self.run("git", args);
        assert!(out.status.success() || args[0] == "merge", "git {args:?}: {}", text(&out.stderr));
        out
    }

    fn dafo(&self, args: &[&str]) -> Output {
        self.run(env!("CARGO_BIN_EXE_dafo"), args)
    }

    fn file(&self) -> PathBuf {
        self.dir.join("taller.ron")
    }

    fn edit(&self, f: impl FnOnce(&mut Session)) {
        let mut s = dafo::storage::load(&self.file()).unwrap();
        f(&mut s);
        dafo::storage::save(&self.file(), &s).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn add(s: &mut Session, q: Quadrant, t: &str) {
    let e = s.add_factor(q, t).unwrap();
    s.apply(e).unwrap();
}

/// A repository set up with `dafo git-setup` and one committed session.
fn setup() -> Repo {
    let repo = Repo::new();
    let out = repo.dafo(&["git-setup"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("añadido «*.ron merge=dafo»"), "{said}");
    assert!(said.contains("merge.dafo.driver = «dafo merge-driver %O %A %B %P»"), "{said}");
    let again = text(&repo.dafo(&["git-setup"]).stdout);
    assert!(again.contains("ya tiene") && !again.contains("añadido") && !again.contains(" = «"), "{again}");
    let attributes = std::fs::read_to_string(repo.dir.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.ron merge=dafo\n");
    let ignore = std::fs::read_to_string(repo.dir.join(".gitignore")).unwrap();
    assert_eq!(ignore, ".dafo-backups/\n", "backups are not history");
    assert!(!text(&out.stderr).contains("PATH"), "dafo is on PATH here: {}", text(&out.stderr));
    let mut s = Session::new("Taller", jiff::Timestamp::UNIX_EPOCH);
    add(&mut s, Quadrant::Weaknesses, "Listas de espera");
    add(&mut s, Quadrant::Weaknesses, "Poca coordinación");
    add(&mut s, Quadrant::Strengths, "Red de centros de día");
    dafo::storage::save(&repo.file(), &s).unwrap();
    repo.commit("sesión");
    repo
}

#[test]
fn two_branches_merge_cleanly() {
    let repo = setup();
    repo.git(&["checkout", "-q", "-b", "otra"]);
    repo.edit(|s| {
        add(s, Quadrant::Weaknesses, "Edificios sin accesibilidad");
        s.weaknesses[0].impact = Some(5);
    });
    repo.commit("otra rama");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(|s| {
        add(s, Quadrant::Weaknesses, "Personal temporal");
        s.weaknesses[0].text = "Listas de espera de más de un año".into();
    });
    repo.commit("rama principal");
    let out = repo.git(&["merge", "-q", "--no-edit", "otra"]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let s = dafo::storage::load(&repo.file()).unwrap();
    let texts: Vec<&str> = s.weaknesses.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Listas de espera de más de un año", "Poca coordinación", "Personal temporal", "Edificios sin accesibilidad"]
    );
    assert_eq!(s.weaknesses[0].impact, Some(5));
    let ids: Vec<&str> = s.weaknesses.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["D1", "D2", "D3", "D4"]);
    let raw = std::fs::read_to_string(repo.file()).unwrap();
    assert!(!raw.contains("<<<<<<<") && !raw.contains(">>>>>>>"), "{raw}");
    // The textconv of docs/git.md: `git diff` shows sessions as text.
    repo.git(&["config", "diff.dafo.textconv", "dafo show --format txt"]);
    std::fs::write(repo.dir.join(".gitattributes"), "*.ron merge=dafo diff=dafo\n").unwrap();
    let diff = text(&repo.git(&["diff", "HEAD~2", "--", "taller.ron"]).stdout);
    assert!(diff.contains("DEBILIDADES") && diff.contains("+  D4  Edificios sin accesibilidad"), "{diff}");
}

#[test]
fn a_real_conflict_is_reported_and_the_file_still_opens() {
    let repo = setup();
    repo.git(&["checkout", "-q", "-b", "otra"]);
    repo.edit(|s| s.weaknesses[0].text = "Listas de espera de seis meses".into());
    repo.commit("otra rama");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(|s| s.weaknesses[0].text = "Listas de espera de un año".into());
    repo.commit("rama principal");
    let out = repo.git(&["merge", "-q", "--no-edit", "otra"]);
    assert!(!out.status.success(), "git must report the conflict");
    let unmerged = text(&repo.git(&["diff", "--name-only", "--diff-filter=U"]).stdout);
    assert_eq!(unmerged.trim(), "taller.ron");
    let raw = std::fs::read_to_string(repo.file()).unwrap();
    assert!(!raw.contains("<<<<<<<") && !raw.contains(">>>>>>>"), "{raw}");
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(!check.status.success());
    let said = text(&check.stdout);
    assert!(said.contains("2 conflictos ⚠ por resolver"), "{said}");
    assert!(said.contains("⚠ D1 «Listas de espera de un año» (otra versión: D3)"), "{said}");
    assert!(said.contains("⚠ D3 «Listas de espera de seis meses» (otra versión: D1)"), "{said}");
    // Keeping one version resolves it.
    repo.edit(|s| {
        let e = s.keep_version("D3").unwrap();
        s.apply(e).unwrap();
    });
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let s = dafo::storage::load(&repo.file()).unwrap();
    let texts: Vec<&str> = s.weaknesses.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Listas de espera de seis meses", "Poca coordinación"]);
}

#[test]
fn git_setup_ignores_backups_and_warns_when_dafo_is_not_on_path() {
    let repo = Repo::new();
    std::fs::write(repo.dir.join(".gitignore"), "/target").unwrap();
    let git = Path::new("/usr/bin");
    let out = Command::new(env!("CARGO_BIN_EXE_dafo"))
        .arg("git-setup")
        .current_dir(&repo.dir)
        .env("HOME", &repo.home)
        .env("GIT_CONFIG_GLOBAL", repo.home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("PATH", git)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!git.join("dafo").exists(), "the test needs a PATH without dafo");
    let said = text(&out.stderr);
    assert!(said.contains("«dafo» no está en el PATH") && said.contains("dafo: not found"), "{said}");
    assert_eq!(std::fs::read_to_string(repo.dir.join(".gitignore")).unwrap(), "/target\n.dafo-backups/\n");
    // The editor's backups beside a session are not taken by `git add -A`.
    dafo::storage::save(&repo.file(), &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    std::fs::create_dir(repo.dir.join(".dafo-backups")).unwrap();
    std::fs::write(repo.dir.join(".dafo-backups/taller.ron.20261127T050301.879Z.bak"), "(version: 4)").unwrap();
    repo.commit("sesión");
    let tracked = text(&repo.git(&["ls-files"]).stdout);
    assert!(!tracked.contains(".dafo-backups"), "{tracked}");
}

/// A `.gitattributes` that named another merge driver for `*.ron`: dafo's
/// line, added after it, is the one git uses, and the report said only
/// "añadido". It says which line it takes the place of.
#[test]
fn git_setup_says_which_merge_driver_it_takes_the_place_of() {
    let repo = Repo::new();
    std::fs::write(repo.dir.join(".gitattributes"), "*.md text\n*.ron merge=union\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dafo"))
        .arg("git-setup")
        .current_dir(&repo.dir)
        .env("HOME", &repo.home)
        .env("GIT_CONFIG_GLOBAL", repo.home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("añadido «*.ron merge=dafo» (en lugar de «*.ron merge=union»"), "{said}");
    let attributes = std::fs::read_to_string(repo.dir.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.md text\n*.ron merge=union\n*.ron merge=dafo\n");
    let check = repo.git(&["check-attr", "merge", "--", "taller.ron"]);
    assert!(text(&check.stdout).contains("merge: dafo"), "{}", text(&check.stdout));
}

#[test]
fn git_setup_outside_a_repository_fails_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dafo"))
        .arg("git-setup")
        .current_dir(tmp.path())
        .env("HOME", tmp.path())
        .env("GIT_CONFIG_GLOBAL", tmp.path().join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CEILING_DIRECTORIES", tmp.path().parent().unwrap())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!tmp.path().join(".gitattributes").exists());
}

// ---- Attack scripts for the plan and the follow-up (issue 22) ----

/// A repository with a committed plan 2023-2026: actions C1-C4, indicator I1,
/// a misión and one valor.
fn setup_plan() -> Repo {
    let repo = setup();
    repo.edit(|s| {
        s.meta.horizon = Some(dafo::domain::Horizon::new(2023, 2026).unwrap());
        for t in ["Ventanilla única", "Mesa de coordinación", "Bolsa de respiro", "Grupo de apoyo"] {
            let e = s.add_action(dafo::domain::Came::Correct, t, vec!["D1".into()]).unwrap();
            s.apply(e).unwrap();
        }
        s.indicators.push(dafo::domain::Indicator {
            id: "I1".into(),
            name: "Personas atendidas".into(),
            unit: None,
            baseline: None,
            target: None,
            direction: Default::default(),
            milestones: Vec::new(),
        });
        s.mission = Some("Cuidar a quien cuida".into());
        s.values = vec!["Cercanía".into()];
        s.normalise_ids();
    });
    repo.commit("plan");
    repo
}

/// Runs `dafo review taller.ron --year YEAR ARGS…`, which must succeed.
fn review(repo: &Repo, year: &str, args: &[&str]) {
    let mut all = vec!["review", "taller.ron", "--year", year];
    all.extend_from_slice(args);
    let out = repo.dafo(&all);
    assert!(out.status.success(), "dafo review {args:?}: {}{}", text(&out.stdout), text(&out.stderr));
}

/// Edits on a branch `otra` and on main, then `git merge otra`; whether git
/// called the merge clean.
fn branches(repo: &Repo, theirs: impl FnOnce(&Repo), ours: impl FnOnce(&Repo)) -> bool {
    repo.git(&["checkout", "-q", "-b", "otra"]);
    theirs(repo);
    repo.commit("otra rama");
    repo.git(&["checkout", "-q", "main"]);
    ours(repo);
    repo.commit("rama principal");
    repo.git(&["merge", "-q", "--no-edit", "otra"]).status.success()
}

fn reviews(s: &Session) -> Vec<(String, i16, u8, Option<String>)> {
    s.reviews.iter().map(|r| (r.action.clone(), r.year, r.degree.get(), r.note.clone())).collect()
}

#[test]
fn two_people_reviewing_different_actions_and_years_merge_cleanly() {
    let repo = setup_plan();
    let clean = branches(
        &repo,
        |r| review(r, "2025", &["C4=60", "--note", "C4=segunda nota", "--value", "I1=35"]),
        |r| {
            review(r, "2025", &["C2=90"]);
            review(r, "2024", &["C4=20", "--value", "I1=30"]);
        },
    );
    assert!(clean, "different reviews do not clash");
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert_eq!(
        reviews(&s),
        [
            ("C4".into(), 2024, 20, None),
            ("C2".into(), 2025, 90, None),
            ("C4".into(), 2025, 60, Some("segunda nota".into()))
        ]
    );
    assert_eq!((s.indicator_value("I1", 2024), s.indicator_value("I1", 2025)), (Some(30.0), Some(35.0)));
}

#[test]
fn the_same_review_and_the_mision_changed_on_both_sides_are_kept_and_refused_by_check() {
    let repo = setup_plan();
    let clean = branches(
        &repo,
        |r| {
            review(r, "2025", &["C2=60", "--note", "C2=segunda nota", "--paid", "C2=26000"]);
            r.edit(|s| s.mission = Some("Acompañar a las familias cuidadoras".into()));
        },
        |r| {
            review(r, "2025", &["C2=90", "--paid", "C2=27000"]);
            r.edit(|s| s.mission = Some("Cuidar a quien cuida, cerca".into()));
        },
    );
    assert!(!clean, "git must report the conflict");
    let raw = std::fs::read_to_string(repo.file()).unwrap();
    assert!(!raw.contains("<<<<<<<"), "{raw}");
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(!check.status.success(), "dafo check must refuse: {}", text(&check.stdout));
    let said = text(&check.stdout);
    assert!(said.contains("2 conflictos ⚠ por resolver"), "{said}");
    assert!(
        said.contains("⚠ Misión «Cuidar a quien cuida, cerca» (otra versión: «Acompañar a las familias cuidadoras»)"),
        "{said}"
    );
    // The versions differ in what they paid too: each leads with its own amount.
    assert!(
        said.contains(
            "⚠ C2 2025 «pagado 27.000 € · 90 % · segunda nota» (otra versión: «pagado 26.000 € · 60 % · segunda nota»)"
        ),
        "{said}"
    );
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert_eq!(s.reviews.len(), 1);
    // The TUI says so on opening, with the key that lists them.
    let app = dafo::app::App::open(&repo.file(), dafo::i18n::Lang::Es).unwrap();
    let said = app.notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(said.contains("⚠ 2 conflictos de fusión en el plan o el seguimiento: R los muestra"), "{said}");
}

#[test]
fn valores_and_actions_added_on_both_sides_keep_their_reviews_and_values() {
    let repo = setup_plan();
    let add_on = |r: &Repo, action: &str, valor: &str, indicator: &str| {
        r.edit(|s| {
            let e = s.add_action(dafo::domain::Came::Correct, action, vec![]).unwrap();
            s.apply(e).unwrap();
            s.values.push(valor.into());
            let mut i = s.indicators[0].clone();
            i.id = "I2".into();
            i.name = indicator.into();
            s.indicators.push(i);
        });
    };
    let clean = branches(
        &repo,
        |r| {
            add_on(r, "Formación a familias", "Participación", "Familias formadas");
            review(r, "2025", &["C5=50", "--note", "C5=de la otra rama", "--value", "I2=12"]);
        },
        |r| {
            add_on(r, "Teleasistencia", "Transparencia", "Altas en teleasistencia");
            review(r, "2024", &["C5=10", "--value", "I2=300"]);
        },
    );
    assert!(clean);
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let s = dafo::storage::load(&repo.file()).unwrap();
    let actions: Vec<(&str, &str)> = s.correct.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    assert_eq!(&actions[4..], [("C5", "Teleasistencia"), ("C6", "Formación a familias")]);
    assert_eq!(
        reviews(&s),
        [("C5".into(), 2024, 10, None), ("C6".into(), 2025, 50, Some("de la otra rama".into()))],
        "the other branch's review follows its renumbered action"
    );
    let names: Vec<(&str, &str)> = s.indicators.iter().map(|i| (i.id.as_str(), i.name.as_str())).collect();
    assert_eq!(&names[1..], [("I2", "Altas en teleasistencia"), ("I3", "Familias formadas")]);
    assert_eq!((s.indicator_value("I2", 2024), s.indicator_value("I3", 2025)), (Some(300.0), Some(12.0)));
    assert_eq!(s.indicator_value("I2", 2025), None);
    assert_eq!(s.values, ["Cercanía", "Transparencia", "Participación"]);
}

#[test]
fn an_action_deleted_on_one_side_and_reviewed_on_the_other_stays_marked() {
    let repo = setup_plan();
    // Already under way: the new review leaves the action itself unchanged.
    review(&repo, "2024", &["C3=40"]);
    repo.commit("revisión 2024");
    let clean = branches(
        &repo,
        |r| review(r, "2025", &["C3=70", "--note", "C3=avanza"]),
        |r| {
            r.edit(|s| {
                let e = s.delete_action(dafo::domain::Came::Correct, 2).unwrap();
                s.apply(e).unwrap();
            })
        },
    );
    assert!(!clean, "a delete against a review is a conflict");
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(!check.status.success());
    let said = text(&check.stdout);
    // This branch (main) deleted it; the other reviewed it.
    assert!(said.contains("⚠ C3 «Bolsa de respiro» (borrado en esta rama)"), "{said}");
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert!(s.correct.iter().any(|a| a.id == "C3"), "the reviewed action is kept");
    assert_eq!(reviews(&s), [("C3".into(), 2024, 40, None), ("C3".into(), 2025, 70, Some("avanza".into()))]);
}

#[test]
fn a_title_changed_on_both_sides_is_kept_twice_and_refused_by_check() {
    let repo = setup_plan();
    let clean = branches(
        &repo,
        |r| r.edit(|s| s.meta.title = "Plan municipal de cuidados".into()),
        |r| r.edit(|s| s.meta.title = "Plan de cuidados 2025".into()),
    );
    assert!(!clean, "git must report the conflict");
    let check = repo.dafo(&["check", "taller.ron"]);
    let said = text(&check.stdout);
    assert!(!check.status.success(), "dafo check must refuse: {said}");
    assert!(
        said.contains("⚠ meta.title «Plan de cuidados 2025» (otra versión: «Plan municipal de cuidados»)"),
        "{said}"
    );
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert_eq!(s.meta.title, "Plan de cuidados 2025");
}

#[test]
fn a_mision_clash_is_resolved_with_keys_in_the_tui_and_check_then_passes() {
    use crate::common::{Tmux, dafo_bin, sh_quote};
    if !crate::common::needs(crate::common::Tool::Tmux) {
        return;
    }
    let repo = setup_plan();
    let clean = branches(
        &repo,
        |r| r.edit(|s| s.mission = Some("Acompañar a las familias cuidadoras".into())),
        |r| r.edit(|s| s.mission = Some("Cuidar a quien cuida, cerca".into())),
    );
    assert!(!clean, "git must report the conflict");
    assert!(!repo.dafo(&["check", "taller.ron"]).status.success(), "the clash is refused before");
    let open = format!(
        "env XDG_CONFIG_HOME=/nonexistent/dafo-test-config {} --lang es {}",
        dafo_bin(),
        sh_quote(&repo.file().to_string_lossy())
    );
    let Some(t) = Tmux::start(&open, &repo.dir, 100, 30) else { return };
    t.wait_for("R lo muestra");
    t.type_text("R");
    let list = t.wait_for("1 conflicto de fusión");
    assert!(list.contains("1 esta rama: Cuidar a quien cuida, cerca"), "{list}");
    assert!(list.contains("2 otra versión: Acompañar a las familias cuidadoras"), "{list}");
    t.type_text("3");
    t.wait_for("No queda ninguno");
    t.type_text("q");
    assert_eq!(t.wait_exit(), 0);
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "dafo check: {}{}", text(&check.stdout), text(&check.stderr));
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert_eq!(s.mission.as_deref(), Some("Cuidar a quien cuida, cerca / Acompañar a las familias cuidadoras"));
    assert!(s.clashes.is_empty());
}

/// Main deletes the misión, the other branch edits it: the labels said the
/// other branch had deleted it, and keeping this branch kept the other's text.
#[test]
fn a_mision_deleted_on_this_branch_and_edited_on_the_other_is_labelled_so_and_kept_deleted_by_1() {
    use crate::common::{Tmux, dafo_bin, sh_quote};
    let repo = setup_plan();
    let clean = branches(
        &repo,
        |r| r.edit(|s| s.mission = Some("Acompañar a las familias".into())),
        |r| r.edit(|s| s.mission = None),
    );
    assert!(!clean, "git must report the conflict");
    let check = repo.dafo(&["check", "taller.ron"]);
    let said = text(&check.stdout);
    assert!(said.contains("⚠ Misión «Acompañar a las familias» (borrado en esta rama)"), "{said}");
    if !crate::common::needs(crate::common::Tool::Tmux) {
        return;
    }
    let open = format!(
        "env XDG_CONFIG_HOME=/nonexistent/dafo-test-config {} --lang es {}",
        dafo_bin(),
        sh_quote(&repo.file().to_string_lossy())
    );
    let Some(t) = Tmux::start(&open, &repo.dir, 100, 30) else { return };
    t.wait_for("R lo muestra");
    t.type_text("R");
    let list = t.wait_for("1 conflicto de fusión");
    assert!(list.contains("1 borrado en esta rama"), "{list}");
    assert!(list.contains("2 otra versión: Acompañar a las familias"), "{list}");
    t.type_text("1");
    t.wait_for("No queda ninguno");
    t.type_text("q");
    assert_eq!(t.wait_exit(), 0);
    let s = dafo::storage::load(&repo.file()).unwrap();
    assert_eq!((s.mission.as_deref(), s.clashes.len()), (None, 0), "this branch's deletion is kept");
}

// ---- `dafo merge-driver` on the Almendral sample ----

fn almendral() -> Session {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/almendral-plan-servicios-sociales-2023-2026.ron");
    dafo::storage::load(&sample).unwrap()
}

/// The Almendral sample edited two ways, merged by `dafo merge-driver` as git
/// calls it (`%O %A %B %P`): its exit status and words, the merged session, and
/// `dafo check` of it.
fn drive_almendral(ours: impl FnOnce(&mut Session), theirs: impl FnOnce(&mut Session)) -> (Output, Session, Output) {
    let tmp = tempfile::tempdir().unwrap();
    let (base, a, b) = (tmp.path().join("base.ron"), tmp.path().join("ours.ron"), tmp.path().join("theirs.ron"));
    let s = almendral();
    dafo::storage::save(&base, &s).unwrap();
    let (mut x, mut y) = (s.clone(), s);
    ours(&mut x);
    theirs(&mut y);
    dafo::storage::save(&a, &x).unwrap();
    dafo::storage::save(&b, &y).unwrap();
    let dafo = |args: &[&Path]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dafo"));
        cmd.args(["--lang", "es"]).args(args).env_remove("DAFO_DIR").output().unwrap()
    };
    let out = dafo(&[Path::new("merge-driver"), &base, &a, &b, Path::new("almendral.ron")]);
    let merged = dafo::storage::load(&a).unwrap();
    let check = dafo(&[Path::new("check"), &a]);
    (out, merged, check)
}

/// Sets action `id`'s status as the CAME view's key does: by hand, no review.
fn set_status(s: &mut Session, id: &str, status: dafo::domain::Status) {
    let (c, i) = s.find_action(id).unwrap();
    let e = s.change_action(c, i, |a| a.status = status).unwrap();
    s.apply(e).unwrap();
}

fn status_of(s: &Session, id: &str) -> dafo::domain::Status {
    let (c, i) = s.find_action(id).unwrap();
    s.actions(c)[i].status
}

#[test]
fn a_status_set_by_hand_survives_the_merge_driver_though_the_action_has_reviews() {
    use dafo::domain::Status;
    let c2_reviews = almendral().reviews.iter().filter(|r| r.action == "C2").count();
    assert_eq!((status_of(&almendral(), "C2"), c2_reviews), (Status::InProgress, 2), "the sample's C2 is under way");
    let done = |s: &mut Session| set_status(s, "C2", Status::Done);
    let other = |s: &mut Session| {
        let (c, i) = s.find_action("C3").unwrap();
        let e = s.change_action(c, i, |a| a.text = "Plan de choque de valoraciones".into()).unwrap();
        s.apply(e).unwrap();
    };
    for (out, s, check) in [drive_almendral(done, other), drive_almendral(other, done)] {
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(status_of(&s, "C2"), Status::Done, "the status set by hand is kept");
        let (c, i) = s.find_action("C3").unwrap();
        assert_eq!(s.actions(c)[i].text, "Plan de choque de valoraciones", "the other branch's edit too");
        assert!(check.status.success(), "{}", text(&check.stdout));
    }
    // Set differently on both branches: both kept, and check refuses the file.
    let (out, s, check) = drive_almendral(done, |s| set_status(s, "C2", Status::Dropped));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let kept: Vec<Status> = s.correct.iter().filter(|a| a.text.starts_with("Cita previa")).map(|a| a.status).collect();
    assert_eq!(kept, [Status::Done, Status::Dropped]);
    let said = text(&check.stdout);
    assert!(!check.status.success(), "{said}");
    assert!(said.contains("⚠ C2 «Cita previa en 48 horas") && said.contains("(otra versión: C"), "{said}");
}

#[test]
fn an_item_deleted_on_one_branch_and_newly_referred_to_on_the_other_is_kept_and_refused_by_check() {
    use dafo::domain::Came;
    // Theirs deletes factor D3 (and unlinks it from M3); ours links C1 to it.
    let delete_d3 = |s: &mut Session| {
        let (q, i) = s.find_factor("D3").unwrap();
        let e = s.delete_factor(q, i).unwrap();
        s.apply(e).unwrap();
        let i = s.actions(Came::Maintain).iter().position(|a| a.id == "M3").unwrap();
        let e = s.change_action(Came::Maintain, i, |a| a.links.retain(|l| l != "D3")).unwrap();
        s.apply(e).unwrap();
    };
    let link_d3 = |s: &mut Session| {
        let e = s.change_action(Came::Correct, 0, |a| a.links.push("D3".into())).unwrap();
        s.apply(e).unwrap();
    };
    // Theirs deletes línea L6 (its actions go back to the tray); ours places E2 in it.
    let delete_l6 = |s: &mut Session| {
        let e = s.delete_line(s.find_line("L6").unwrap()).unwrap();
        s.apply(e).unwrap();
    };
    let place_e2 = |s: &mut Session| {
        let i = s.actions(Came::Exploit).iter().position(|a| a.id == "E2").unwrap();
        let e = s.place_action(Came::Exploit, i, Some("L6")).unwrap();
        s.apply(e).unwrap();
    };
    let d3 = "⚠ D3 «Sin cuadro de indicadores ni memoria pública del servicio»";
    let l6 = "⚠ L6 «Evaluación y transparencia»";
    let (there, here) = ("(borrado en la otra rama)", "(borrado en esta rama)");
    let runs = [
        (drive_almendral(link_d3, delete_d3), format!("{d3} {there}")),
        (drive_almendral(delete_d3, link_d3), format!("{d3} {here}")),
        (drive_almendral(place_e2, delete_l6), format!("{l6} {there}")),
        (drive_almendral(delete_l6, place_e2), format!("{l6} {here}")),
    ];
    for ((out, s, check), said) in runs {
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let check_said = text(&check.stdout);
        assert!(!check.status.success(), "{check_said}");
        assert!(check_said.contains(&said), "{check_said}");
        assert!(s.find_factor("D3").is_some() && s.find_line("L6").is_some(), "what is referred to is kept");
    }
}

/// A byte that is not UTF-8 in ours (or theirs) was read with
/// `from_utf8_lossy`: the words got U+FFFD, ours was overwritten with them,
/// and `check`, which refuses the original, then passed. Then the driver
/// refused at the line and column and left ours as it was, so `check` passed
/// on our version while theirs was only in git's index. Now such a side is
/// merged as text, as git would without the driver: both versions' bytes are
/// in the file, and `check` refuses it until someone chooses.
#[test]
fn a_side_that_is_not_utf8_is_merged_as_text_with_both_versions_kept() {
    for bad_side in ["ours", "theirs"] {
        let tmp = tempfile::tempdir().unwrap();
        let (base, a, b) = (tmp.path().join("base.ron"), tmp.path().join("ours.ron"), tmp.path().join("theirs.ron"));
        let s = almendral();
        dafo::storage::save(&base, &s).unwrap();
        let mut edited = s.clone();
        edited.weaknesses[1].text = "Listas de espera (otra rama)".into();
        let latin1 = |s: &Session| {
            let text = dafo::storage::to_ron(s);
            let at = text.find(&s.strengths[0].text).unwrap();
            let mut bytes = text.into_bytes();
            bytes.splice(at..at, b"Le\xf3n y Ca\xf1ada ".iter().copied());
            bytes
        };
        let (ours, theirs) = if bad_side == "ours" {
            (latin1(&s), dafo::storage::to_ron(&edited).into_bytes())
        } else {
            (dafo::storage::to_ron(&edited).into_bytes(), latin1(&s))
        };
        std::fs::write(&a, &ours).unwrap();
        std::fs::write(&b, &theirs).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["--lang", "es", "merge-driver"])
            .args([&base, &a, &b])
            .arg("almendral.ron")
            .env_remove("DAFO_DIR")
            .output()
            .unwrap();
        let said = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bad_side}: a conflict for git: {said}");
        assert!(said.contains("UTF-8") && said.contains("almendral.ron:"), "{bad_side}: {said}");
        assert!(said.contains("fusionado como texto"), "{bad_side}: {said}");
        let merged = std::fs::read(&a).unwrap();
        let has = |needle: &[u8]| merged.windows(needle.len()).any(|w| w == needle);
        assert!(
            has(b"Le\xf3n y Ca\xf1ada ") && has("Listas de espera (otra rama)".as_bytes()),
            "{bad_side}: both sides' words"
        );
        let check = Command::new(env!("CARGO_BIN_EXE_dafo"))
            .args(["--lang", "es", "check"])
            .arg(&a)
            .env_remove("DAFO_DIR")
            .output()
            .unwrap();
        assert!(!check.status.success(), "{bad_side}: check must refuse what is merged as text");
    }
}

/// A side that is not a session (a hand edit that broke the RON on one
/// branch) in a real `git merge`: the file holds both branches' lines, git
/// reports the conflict, `dafo check` names the marker's line and what to do,
/// and removing the markers by hand makes the session read again.
#[test]
fn a_branch_that_broke_the_file_is_merged_as_text_and_check_points_at_the_marker() {
    let repo = setup();
    repo.git(&["checkout", "-q", "-b", "otra"]);
    let raw = std::fs::read_to_string(repo.file()).unwrap();
    // A quote lost in a hand edit: the file no longer reads.
    let broken = raw.replace("\"Listas de espera\"", "\"Listas de espera de seis meses");
    assert_ne!(broken, raw);
    std::fs::write(repo.file(), &broken).unwrap();
    repo.commit("otra rama, editada a mano");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit(|s| s.weaknesses[0].text = "Listas de espera de un año".into());
    repo.commit("rama principal");
    let out = repo.git(&["merge", "-q", "--no-edit", "otra"]);
    assert!(!out.status.success(), "git must report the conflict");
    let said = text(&out.stderr);
    assert!(said.contains("taller.ron:") && said.contains("fusionado como texto"), "{said}");
    let unmerged = text(&repo.git(&["diff", "--name-only", "--diff-filter=U"]).stdout);
    assert_eq!(unmerged.trim(), "taller.ron");
    let merged = std::fs::read_to_string(repo.file()).unwrap();
    assert!(
        merged.contains("Listas de espera de un año") && merged.contains("Listas de espera de seis meses"),
        "{merged}"
    );
    let marker = merged.lines().position(|l| l.starts_with("<<<<<<< ")).unwrap() + 1;
    assert!(merged.contains("<<<<<<< nuestra versión") && merged.contains(">>>>>>> otra rama"), "{merged}");
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(!check.status.success());
    let said = text(&check.stderr) + &text(&check.stdout);
    assert!(said.contains(&format!("taller.ron:{marker}:1")) && said.contains("marca de conflicto de git"), "{said}");
    // Keeping our block and dropping the markers: the session reads again.
    let mut kept = Vec::new();
    let mut theirs = false;
    for line in merged.lines() {
        if line.starts_with("<<<<<<< ") || line.starts_with(">>>>>>> ") {
            theirs = false;
        } else if line == "=======" {
            theirs = true;
        } else if !theirs {
            kept.push(line);
        }
    }
    std::fs::write(repo.file(), kept.join("\n") + "\n").unwrap();
    let check = repo.dafo(&["check", "taller.ron"]);
    assert!(check.status.success(), "{}{}", text(&check.stdout), text(&check.stderr));
    assert_eq!(dafo::storage::load(&repo.file()).unwrap().weaknesses[0].text, "Listas de espera de un año");
}
