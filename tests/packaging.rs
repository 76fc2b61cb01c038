//! What `cargo package` ships: the licenses, the README and the sample sessions, and
//! none of the files a run leaves beside a session (backups, locks, journals).
#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::process::Command;

#[test]
fn the_package_ships_licenses_and_samples_but_no_backup_lock_or_journal() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "cargo package --list: {}", String::from_utf8_lossy(&out.stderr));
    let files: Vec<&str> = list.lines().collect();
    for needed in ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "sessions/palencia-ciudad-de-los-cuidados.ron"] {
        assert!(files.contains(&needed), "{needed} is not in the package:\n{list}");
    }
    let left_by_a_run = |f: &&&str| {
        let name = f.rsplit('/').next().unwrap_or(f);
        f.contains(".dafo-backups/")
            || name.ends_with(".bak")
            || (name.starts_with('.') && name.ends_with(".lock"))
            || name.contains(".journal")
            || name.contains(".damaged-")
    };
    let stray: Vec<&&str> = files.iter().filter(left_by_a_run).collect();
    assert!(stray.is_empty(), "the package ships files a run left behind: {stray:?}");
}
