//! End-to-end tests of issue 22's hardening through the built binary: files that
//! must not hang or exhaust dafo (FIFOs, devices), outputs that must not replace an
//! input, plans that must be one plan, and hostile names kept off the terminal.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs dafo with `args` and `env`, killed (and the test failed) after 20 s.
fn dafo_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = crate::common::dafo_command(args);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("dafo {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn dafo(args: &[&str]) -> Output {
    dafo_env(args, &[])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[test]
fn a_fifo_keys_file_does_not_hang_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    mkfifo(&keys);
    let out = dafo(&["--lang", "en", "--keys", p(&keys), "keys"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("keys.ron: not a regular file"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_keys_file_linked_to_dev_zero_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.ron");
    std::os::unix::fs::symlink("/dev/zero", &keys).unwrap();
    let out = dafo(&["--lang", "ca", "--keys", p(&keys), "keys"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("no és un fitxer normal"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_device_config_does_not_hang_start_up() {
    for target in ["fifo", "/dev/zero"] {
        let dir = tempfile::tempdir().unwrap();
        let conf = dir.path().join("dafo");
        std::fs::create_dir(&conf).unwrap();
        if target == "fifo" {
            mkfifo(&conf.join("config.ron"));
        } else {
            std::os::unix::fs::symlink(target, conf.join("config.ron")).unwrap();
        }
        let out = dafo_env(&["--lang", "es", "keys"], &[("XDG_CONFIG_HOME", p(dir.path()))]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("no es un archivo normal"), "{target}: {}", stderr(&out));
        assert!(!stdout(&out).is_empty());
    }
}

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";

/// A copy of the sample plan in `dir` under `name`.
fn plan_copy(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy(PLAN, &path).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn export_and_report_never_overwrite_what_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let before = std::fs::read(&plan).unwrap();
    let hard = dir.path().join("hard.ron");
    std::fs::hard_link(&plan, &hard).unwrap();
    let soft = dir.path().join("soft.ron");
    std::os::unix::fs::symlink(&plan, &soft).unwrap();
    for out in [&plan, &hard, &soft] {
        let o = dafo(&["--lang", "en", "export", p(&plan), "--format", "md", "-o", p(out), "--force"]);
        assert!(!o.status.success(), "export onto {out:?} was allowed");
        assert!(stderr(&o).contains("is one of the files read"), "{}", stderr(&o));
        let o = dafo(&["report", p(&plan), "--all", "--format", "md", "-o", p(out), "--force"]);
        assert!(!o.status.success(), "report onto {out:?} was allowed");
        assert!(stderr(&o).contains("es uno de los archivos que se leen"), "{}", stderr(&o));
        assert_eq!(std::fs::read(&plan).unwrap(), before);
    }
    // Another name still works, --force included.
    let other = dir.path().join("informe.md");
    std::fs::write(&other, "old").unwrap();
    let o = dafo(&["report", p(&plan), "--all", "--format", "md", "-o", p(&other), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // merge refuses a hard link to one of its inputs too.
    let o = dafo(&["--lang", "en", "merge", p(&plan), PALENCIA, "-o", p(&hard), "--force"]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

const PALENCIA: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";

#[test]
fn report_refuses_files_of_two_unrelated_plans() {
    let dir = tempfile::tempdir().unwrap();
    // Another plan: same IDs, other words (as two councils' plans would be).
    let other = std::fs::read_to_string(PLAN).unwrap().replace("text: \"", "text: \"otro plan: ");
    let other_path = dir.path().join("otro.ron");
    std::fs::write(&other_path, other).unwrap();
    let o = dafo(&["--lang", "en", "report", PLAN, p(&other_path), "--all", "--format", "md"]);
    assert!(!o.status.success(), "{}", stdout(&o));
    assert!(stderr(&o).contains("are not versions of one plan"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    // A year carried over from the plan is a version of it.
    let next =
        dafo::commands::carry_over(&dafo::storage::load(Path::new(PLAN)).unwrap(), "2025", jiff::Timestamp::now());
    let next_path = dir.path().join("next.ron");
    dafo::storage::save(&next_path, &next).unwrap();
    let o = dafo(&["report", PLAN, p(&next_path), "--all", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// What reached the terminal holds no escape or control character but line ends.
fn assert_clean(o: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
        assert!(bad.is_empty(), "{what}: {stream} holds {bad:?}: {text}");
    }
}

const HOSTILE: &str = "x\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m";

#[test]
fn merge_review_git_setup_and_the_driver_keep_hostile_names_off_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().join(format!("dir{HOSTILE}"));
    std::fs::create_dir(&dir).unwrap();
    // merge: a group named with escape sequences, files and output named so too.
    let mut a = dafo::storage::load(Path::new(PALENCIA)).unwrap();
    a.meta.group = Some(format!("grupo{HOSTILE}"));
    let a_path = dir.join(format!("a{HOSTILE}.ron"));
    dafo::storage::save(&a_path, &a).unwrap();
    let b_path = dir.join(format!("b{HOSTILE}.ron"));
    std::fs::copy(PALENCIA, &b_path).unwrap();
    let out = dir.join(format!("out{HOSTILE}.ron"));
    let o = dafo(&["merge", p(&a_path), p(&b_path), "-o", p(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("grupo"), "{}", stdout(&o));
    assert_clean(&o, "merge");
    let o = dafo(&["merge", p(&a_path), p(&b_path), "-o", p(&out), "--format", "md", "--force"]);
    assert_clean(&o, "merge --format md");
    // review: the path is printed back.
    let plan = plan_copy(&dir, &format!("plan{HOSTILE}.ron"));
    let o = dafo(&["review", p(&plan), "--year", "2024", "C1=50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "review");
    let o = dafo(&["review", p(&plan), "--year", "2024", "C1=50"]);
    assert_clean(&o, "review with nothing to change");
    // The merge driver: a clash and a side that does not read, under a hostile name.
    let mut base = dafo::domain::Session::new("s", jiff::Timestamp::from_second(0).unwrap());
    let e = base.add_factor(dafo::domain::Quadrant::Strengths, "uno").unwrap();
    base.apply(e).unwrap();
    let side = |text: &str, name: &str| {
        let path = dir.join(name);
        std::fs::write(&path, dafo::storage::to_ron(&base).replace("\"uno\"", &format!("\"{text}\""))).unwrap();
        path
    };
    let (o_path, a_side, b_side) = (side("uno", "o.ron"), side("dos", "a.ron"), side("tres", "b.ron"));
    let name = format!("sesión{HOSTILE}.ron");
    let o = dafo(&["merge-driver", p(&o_path), p(&a_side), p(&b_side), &name]);
    assert!(!o.status.success());
    assert!(!stderr(&o).is_empty());
    assert_clean(&o, "merge-driver conflict");
    std::fs::write(&b_side, format!("(roto{HOSTILE}")).unwrap();
    let o = dafo(&["merge-driver", p(&o_path), p(&a_side), p(&b_side), &name]);
    // Merged as text (`git merge-file`), a conflict for git: the hostile bytes are
    // in the file, never in what is said; `check` then refuses it, cleanly too.
    assert_eq!(o.status.code(), Some(1));
    assert_clean(&o, "merge-driver unreadable side");
    let o = dafo(&["check", p(&a_side)]);
    assert!(!o.status.success());
    assert_clean(&o, "check of a text merge");
    // git-setup inside a repository whose path holds escape sequences.
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(&dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    };
    git(&["init", "-q"]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dafo"));
    let o = cmd
        .arg("git-setup")
        .current_dir(&dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(".gitattributes"), "{}", stdout(&o));
    assert_clean(&o, "git-setup");
}

#[test]
fn import_and_the_drivers_plan_clashes_keep_hostile_names_off_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(format!("dir{HOSTILE}"));
    std::fs::create_dir(&dir).unwrap();
    // import: a list whose name and title hold escape sequences, into a folder where
    // the title's file name is taken (the "saved as" line), and into -o.
    let md = dir.join(format!("lista{HOSTILE}.md"));
    std::fs::write(&md, format!("# Taller{HOSTILE}\n\n## Fortalezas\n- Red{HOSTILE}\n")).unwrap();
    for _ in 0..2 {
        let o = dafo(&["import", p(&md), "--dir", p(&dir)]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_clean(&o, "import --dir");
    }
    let o = dafo(&["import", p(&md), "-o", p(&dir.join(format!("out{HOSTILE}.ron")))]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "import -o");
    // The merge driver: a metadata field (kept as a plan clash) changed on both sides.
    let base = dafo::domain::Session::new("s", jiff::Timestamp::from_second(0).unwrap());
    let side = |title: &str, name: &str| {
        let mut s = base.clone();
        s.meta.title = title.to_owned();
        let path = dir.join(name);
        dafo::storage::save(&path, &s).unwrap();
        path
    };
    let (o_path, a_side, b_side) =
        (side("s", "o.ron"), side(&format!("a{HOSTILE}"), "a.ron"), side(&format!("b{HOSTILE}"), "b.ron"));
    let name = format!("sesión{HOSTILE}.ron");
    let o = dafo(&["merge-driver", p(&o_path), p(&a_side), p(&b_side), &name]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("meta.title"), "{}", stderr(&o));
    assert_clean(&o, "merge-driver plan clash");
    // list and diff print titles and texts read from the files.
    let o = dafo(&["list", p(&dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_clean(&o, "list");
    let mut later = dafo::storage::load(&a_side).unwrap();
    let e = later.add_factor(dafo::domain::Quadrant::Threats, &format!("nueva{HOSTILE}")).unwrap();
    later.apply(e).unwrap();
    let later_path = dir.join("later.ron");
    dafo::storage::save(&later_path, &later).unwrap();
    for format in ["txt", "md"] {
        let o = dafo(&["diff", p(&a_side), p(&later_path), "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("nueva"), "{}", stdout(&o));
        assert_clean(&o, &format!("diff --format {format}"));
    }
}

/// How many times a run of dafo opened `path` (strace counts the `openat` calls).
fn opens_of(args: &[&str], path: &Path) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("trace");
    let o = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=openat,open", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_dafo"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent/dafo-test-config")
        .env(dafo::clipboard::NO_CLIPBOARD_ENV, "1")
        .output()
        .unwrap();
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    let quoted = format!("\"{}\"", p(path));
    std::fs::read_to_string(&log).unwrap().lines().filter(|l| l.contains(&quoted) && !l.contains("ENOENT")).count()
}

#[test]
fn commands_read_the_session_once() {
    if !crate::common::needs(crate::common::Tool::Strace) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let old = plan_copy(dir.path(), "old.ron");
    let out = dir.path().join("out.md");
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", p(&plan)],
        vec!["show", p(&plan), "--format", "md"],
        vec!["export", p(&plan), "-o", p(&out)],
        vec!["diff", p(&old), p(&plan)],
    ];
    for args in cases {
        assert_eq!(opens_of(&args, &plan), 1, "{args:?}");
    }
}

#[test]
fn check_refuses_bad_ids_with_line_and_column_and_keeps_them_off_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(PLAN).unwrap();
    let line = good.lines().position(|l| l.contains("(id: \"F2\"")).unwrap() + 1;
    for (bad, said) in [
        ("\"D7\"", "no es de esta lista"),
        ("\"\"", "no es letras y un número"),
        ("\"F \u{1b}[2J\"", "no es letras y un número"),
        ("\"F12345678901234567890\"", "no es letras y un número"),
        ("\"F1\"", "está repetido"),
    ] {
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, good.replacen("(id: \"F2\"", &format!("(id: {bad}"), 1)).unwrap();
        let o = dafo(&["check", p(&path)]);
        assert!(!o.status.success(), "{bad} loaded");
        assert!(stderr(&o).contains(&format!("plan.ron:{line}:10: ")), "{bad}: {}", stderr(&o));
        assert!(stderr(&o).contains(said), "{bad}: {}", stderr(&o));
        assert_clean(&o, bad);
    }
}

#[test]
fn texts_over_their_limit_are_refused_by_the_loader_and_the_importers_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(PLAN).unwrap();
    // The loader: a factor of 10,001 characters, a misión of 100,001.
    let line = good.lines().position(|l| l.contains("(id: \"F2\"")).unwrap() + 1;
    let long = "é".repeat(10_001);
    let path = dir.path().join("plan.ron");
    let at = good.find("(id: \"F2\", text: \"").unwrap() + "(id: \"F2\", text: \"".len();
    std::fs::write(&path, format!("{}{long}{}", &good[..at], &good[at..])).unwrap();
    let o = dafo(&["check", p(&path)]);
    assert!(!o.status.success());
    let said = stderr(&o);
    assert!(said.contains(&format!("plan.ron:{line}:10: el texto de F2 tiene 10.0")), "{said}");
    assert!(said.contains("el máximo es 10.000"), "{said}");
    let o = dafo(&["--lang", "en", "show", p(&path)]);
    assert!(stderr(&o).contains("the text of F2 has"), "{}", stderr(&o));
    let mission_line = good.lines().position(|l| l.trim_start().starts_with("mission:")).unwrap() + 1;
    let mission = format!("    mission: \"{}\",", "m".repeat(100_001));
    let text: Vec<String> = good
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == mission_line { mission.clone() } else { l.to_owned() })
        .collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    let o = dafo(&["--lang", "ca", "check", p(&path)]);
    assert!(!o.status.success());
    let said = stderr(&o);
    assert!(said.contains(&format!("plan.ron:{mission_line}:5: el text de la missió té 100.001 caràcters")), "{said}");
    // The importers: a Markdown list and a CSV row, refused with their line.
    let md = dir.path().join("lista.md");
    std::fs::write(&md, format!("# Taller\n\n## Fortalezas\n\n- Red\n- {}\n", "x".repeat(10_001))).unwrap();
    let out = dir.path().join("out.ron");
    let o = dafo(&["import", p(&md), "-o", p(&out)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("lista.md:6: el texto de F2 tiene 10.001 caracteres"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written");
    let csv = dir.path().join("t.csv");
    let exported = dafo(&["export", PLAN, "-o", p(&csv)]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&csv).unwrap().replacen(
        "Largas esperas en la valoración de la dependencia",
        &"y".repeat(10_001),
        1,
    );
    let row = text.lines().position(|l| l.contains("yyyy")).unwrap() + 1;
    std::fs::write(&csv, text).unwrap();
    let o = dafo(&["--lang", "en", "import", p(&csv), "-o", p(&out)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains(&format!("t.csv:{row}: the text of")), "{}", stderr(&o));
    // A file to import that is a FIFO is refused, not waited on.
    let fifo = dir.path().join("fifo.md");
    mkfifo(&fifo);
    let o = dafo(&["import", p(&fifo), "-o", p(&out)]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no es un archivo normal"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn a_session_that_is_a_fifo_or_a_device_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for path in [&fifo, &zero] {
        for cmd in ["check", "show", "recover"] {
            let o = dafo(&["--lang", "en", cmd, p(path)]);
            assert!(!o.status.success(), "{cmd} {path:?}");
            assert!(stderr(&o).contains("not a regular file"), "{cmd}: {}", stderr(&o));
        }
    }
}

#[cfg(unix)]
#[test]
fn returned_sheets_that_are_a_fifo_a_device_or_too_large_are_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let before = std::fs::read(&plan).unwrap();
    let fifo = dir.path().join("fifo.csv");
    mkfifo(&fifo);
    let zero = dir.path().join("zero.xlsx");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    // One byte over the limit, without writing it (a sparse file).
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge).unwrap().set_len(dafo::sheets::read::MAX_BYTES + 1).unwrap();
    let today = [("DAFO_TODAY", "2026-02-01")];
    for (sheet, said) in
        [(&fifo, "not a regular file"), (&zero, "not a regular file"), (&huge, "too large (over 64 MB)")]
    {
        let o = dafo_env(&["--lang", "en", "review", p(&plan), "--year", "2025", "--from-sheets", p(sheet)], &today);
        assert!(!o.status.success(), "{sheet:?}");
        assert!(stderr(&o).contains(&format!("{}: {said}", p(sheet))), "{sheet:?}: {}", stderr(&o));
        assert_eq!(std::fs::read(&plan).unwrap(), before);
    }
}

/// Runs dafo with `args`, its stdout a pipe nobody reads any more (`dafo keys | true`).
fn dafo_into_a_closed_pipe(args: &[&str], env: &[(&str, &str)]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut cmd = crate::common::dafo_command(args);
    cmd.stdin(Stdio::null()).stdout(writer).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap().wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly_as_show_does() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let demo = dir.path().join("demo");
    let runs: [&[&str]; 5] =
        [&["show", p(&plan)], &["keys"], &["check", p(&plan)], &["recover", p(&plan)], &["--dir", p(&demo), "demo"]];
    for args in runs {
        let o = dafo_into_a_closed_pipe(args, &[]);
        assert!(!stderr(&o).contains("panicked"), "{args:?}: {}", stderr(&o));
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    // What check finds still decides its status.
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replacen("themes: [\"servicios sociales\"]", "themes: [\"inventado\"]", 1)).unwrap();
    let o = dafo_into_a_closed_pipe(&["check", p(&plan)], &[]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn export_and_report_sweep_the_temp_files_a_killed_run_left() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let plant = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, "half").unwrap();
        path
    };
    // A killed run's lock went with it; a run in flight holds its temp file's.
    let strays = [plant(".out.md.a1B2c3.tmp"), plant(".informe.md.Zz9yX8.tmp")];
    let in_flight = plant(".out.md.q7W8e9.tmp");
    let held = std::fs::File::open(&in_flight).unwrap();
    held.lock().unwrap();
    let other = plant(".plan.ron.k1L2m3.tmp");
    let out = dir.path().join("out.md");
    assert!(dafo(&["export", p(&plan), "-o", p(&out)]).status.success());
    let informe = dir.path().join("informe.md");
    assert!(dafo(&["report", p(&plan), "--all", "-o", p(&informe)]).status.success());
    for stray in &strays {
        assert!(!stray.exists(), "{stray:?} left");
    }
    // Another run's temp file in flight stays, however young; another file's is not ours.
    assert!(in_flight.exists() && other.exists());
    drop(held);
}

#[test]
fn review_refuses_a_date_outside_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let before = std::fs::read(&plan).unwrap();
    let o = dafo(&["--lang", "en", "review", p(&plan), "--year", "2025", "C1=50", "--date", "2031-01-01"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("the date 2031-01-01 is not between 2025 and 2027"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    // The date as the language writes dates (it said 2024-12-31 in Spanish).
    let o = dafo(&["review", p(&plan), "--year", "2025", "C1=50", "--date", "2024-12-31"]);
    assert!(stderr(&o).contains("la fecha 31/12/2024 no cae entre 2025 y 2027"), "{}", stderr(&o));
    let o = dafo(&["--lang", "ca", "review", p(&plan), "--year", "2025", "C1=50", "--date", "2020-03-01"]);
    assert!(stderr(&o).contains("la data 01/03/2020 no cau entre 2025 i 2027"), "{}", stderr(&o));
    // Before any date a session holds: not a date at all, said as the record form says it.
    let o = dafo(&["--lang", "ca", "review", p(&plan), "--year", "2025", "C1=50", "--date", "1800-01-01"]);
    assert!(stderr(&o).contains("data no vàlida") && stderr(&o).contains("1800-01-01"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    // The last year's review, written early the next year, is fine.
    let o = dafo(&["review", p(&plan), "--year", "2026", "C1=50", "--date", "2027-02-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `--date` reads as the session's language writes dates (or `YYYY-MM-DD`), and a
/// date that is no date is refused in that language's words, not jiff's English.
#[test]
fn review_reads_a_date_the_language_s_way_and_refuses_one_in_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    // Spanish (the sample's language): the screen's `31/12/2025`, and ISO.
    let o = dafo(&["review", p(&plan), "--year", "2025", "--date", "31/12/2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&plan).unwrap().contains("(year: 2025, date: \"2025-12-31\""));
    let o = dafo(&["review", p(&plan), "--year", "2025", "--date", "2025-11-30"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = std::fs::read(&plan).unwrap();
    for (lang, bad, said) in [
        ("es", "2025-13-01", "fecha no válida (DD/MM/AAAA"),
        ("es", "2025-02-30", "fecha no válida (DD/MM/AAAA"),
        ("ca", "31/13/2025", "data no vàlida (DD/MM/AAAA"),
        ("ca", "30/02/2025", "data no vàlida (DD/MM/AAAA"),
        ("en", "31/12/2025", "not a date (YYYY-MM-DD"),
        ("en", "2025-13-01", "not a date (YYYY-MM-DD"),
    ] {
        let o = dafo(&["--lang", lang, "review", p(&plan), "--year", "2025", "C1=50", "--date", bad]);
        assert_eq!(o.status.code(), Some(1), "{lang} {bad}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.starts_with(&format!("dafo: {}: {said}", p(&plan))) && e.contains(bad), "{lang} {bad}: {e}");
        for english in ["failed", "parse", "invalid", "digit", "expected"] {
            assert!(!e.contains(english), "{lang} {bad}: {english:?} in {e}");
        }
        assert_eq!(std::fs::read(&plan).unwrap(), before, "{lang} {bad}: nothing changes");
    }
}

#[test]
fn twenty_reviews_at_once_wait_for_each_other_and_all_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_copy(dir.path(), "plan.ron");
    let runs: Vec<_> = (0..20)
        .map(|i| {
            let note = format!("C1=nota {i}");
            let args = ["review", p(&plan), "--year", "2025", "--note", &note].map(str::to_owned);
            std::thread::spawn(move || dafo(&args.each_ref().map(String::as_str)))
        })
        .collect();
    for run in runs {
        let o = run.join().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let s = dafo::storage::load(&plan).unwrap();
    let note = s.reviews.iter().find(|r| r.action == "C1" && r.year == 2025).and_then(|r| r.note.clone());
    assert!(note.is_some_and(|n| n.starts_with("nota ")));
}

/// `dafo merge` compared inputs of one size byte for byte before loading them:
/// a FIFO or a device (size 0, as an empty file) was read there, unbounded: a
/// FIFO hung the merge, /dev/zero filled the memory.
#[cfg(unix)]
/// `dafo merge-driver` run by hand on a FIFO or a device: the version that is
/// not a regular file is refused, and it is not merged as text either (git
/// would wait on the FIFO for ever); ours is left as it was.
#[test]
fn the_merge_driver_refuses_a_fifo_or_a_device_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("ours.ron");
    std::fs::copy("sessions/grupos/tecnicos.ron", &ours).unwrap();
    let before = std::fs::read(&ours).unwrap();
    let base = dir.path().join("base.ron");
    std::fs::copy("sessions/grupos/tecnicos.ron", &base).unwrap();
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for odd in [&fifo, &zero] {
        let mut driver = std::process::Command::new(env!("CARGO_BIN_EXE_dafo"));
        driver
            .args(["--lang", "en", "merge-driver", p(&base), p(&ours), p(odd), "tecnicos.ron"])
            .env_remove("DAFO_DIR");
        let o = crate::common::output_within(&mut driver, 20, &format!("dafo merge-driver with {odd:?}"));
        let said = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{odd:?}: {said}");
        assert!(said.contains("not a regular file"), "{odd:?}: {said}");
        assert_eq!(std::fs::read(&ours).unwrap(), before, "{odd:?}: ours is left as it was");
    }
}

#[test]
fn a_merge_input_that_is_a_fifo_or_a_device_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let group = dir.path().join("tecnicos.ron");
    std::fs::copy("sessions/grupos/tecnicos.ron", &group).unwrap();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let fifo = dir.path().join("fifo.ron");
    mkfifo(&fifo);
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let out = dir.path().join("out.ron");
    for odd in [&fifo, &zero] {
        let mut merge = std::process::Command::new(env!("CARGO_BIN_EXE_dafo"));
        merge.args(["--lang", "en", "merge", p(&group), p(odd), p(&empty), "-o", p(&out)]).env_remove("DAFO_DIR");
        let o = crate::common::output_within(&mut merge, 20, &format!("dafo merge with {odd:?}"));
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{odd:?}: {said}");
        assert!(said.contains("not a regular file"), "{odd:?}: {said}");
        assert!(!out.exists());
    }
}
