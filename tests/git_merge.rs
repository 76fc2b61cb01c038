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
