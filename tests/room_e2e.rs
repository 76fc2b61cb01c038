//! The room with the real binary in tmux (issue 28): `--room` shows the QR code,
//! the address and the code; a kill of dafo during a storm of submissions loses
//! nothing that was acknowledged, and the next start lists it again.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dafo::domain::Session;

use crate::common::room::Participant;
use crate::common::{Tmux, dafo_bin, sh_quote};

/// The address and the join code on the room pane.
fn address_and_code(screen: &str) -> (SocketAddr, String) {
    let url = screen.split("http://").nth(1).and_then(|r| r.split('/').next()).expect("the address on screen");
    let code = screen.split("Código: ").nth(1).and_then(|r| r.split_whitespace().next()).expect("the code on screen");
    (url.parse().expect("an address"), code.to_owned())
}

fn start(path: &std::path::Path, dir: &std::path::Path) -> Option<Tmux> {
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let t = Tmux::start(&cmd, dir, 120, 44)?;
    t.wait_for("Bandeja");
    Some(t)
}

#[test]
fn the_room_pane_shows_the_code_and_an_item_accepted_becomes_a_factor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let Some(t) = start(&path, dir.path()) else { return };
    let screen = t.wait_for("Código: ");
    assert!(screen.contains('█') && screen.contains('▀'), "the QR code is drawn:\n{screen}");
    assert!(
        !screen.contains("Cómo empezar") && !screen.contains("pulsa a para añadir"),
        "nothing shows through:\n{screen}"
    );
    println!("{screen}");
    let (addr, code) = address_and_code(&screen);
    let p = Participant::join(addr, &code, "");
    t.press("f");
    t.wait_for("Fase: escribir");
    assert_eq!(p.send(addr, 1, "Falta de relevo \u{1b}[2J en la junta").status, 200);
    let screen = t.wait_for("Falta de relevo");
    assert!(screen.contains("Bandeja (1)") && screen.contains("1 en espera"), "{screen}");
    println!("{screen}");
    t.press("a");
    t.press("Escape");
    let screen = t.wait_for("Falta de relevo en la junta");
    assert!(screen.contains("0 en espera"), "{screen}");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    let saved = dafo::storage::load(&path).unwrap();
    assert_eq!(saved.weaknesses[0].text, "Falta de relevo en la junta");
    assert_eq!(saved.weaknesses[0].sources, ["sala"]);
    assert!(!dafo::sala::inbox::inbox_path(&path).exists());
}

#[test]
fn at_80_columns_the_selected_item_is_read_whole_before_it_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    let (addr, code) = address_and_code(&t.wait_for("Código: "));
    let p = Participant::join(addr, &code, "");
    t.press("f");
    t.wait_for("Fase: escribir");
    let text = "Falta de relevo en la junta directiva de casi todas las asociaciones de vecinos \
                de los barrios altos, que dependen de dos o tres personas mayores sin sustituto";
    assert_eq!(p.send(addr, 1, text).status, 200);
    // The inbox line is cut with `…`; the whole text shows below it, to its last word.
    let screen = t.wait_for("sustituto");
    println!("{screen}");
    assert!(screen.contains("participante 1: Falta d") && screen.contains("…│"), "{screen}");
    for word in text.split_whitespace() {
        assert!(screen.contains(word), "{word:?} is not on screen:\n{screen}");
    }
    t.press("a");
    t.wait_for("0 en espera");
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(dafo::storage::load(&path).unwrap().weaknesses[0].text, text);
}

#[test]
fn at_80_columns_the_notice_of_the_room_opened_gives_the_whole_address() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    let screen = t.wait_for("Código: ");
    let (addr, _) = address_and_code(&screen);
    // The room's counts do not cover the end of the address (a wrong port on the projector).
    let status = screen.lines().rev().nth(1).unwrap_or_default();
    assert!(status.contains(&format!("http://{addr}/")), "{screen}");
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn at_80x24_the_room_settings_show_under_the_inbox_when_the_code_takes_the_height() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 80, 24) else { return };
    t.wait_for("Código: ");
    // Who sees names and the vote budget, which the facilitator sets before voting.
    t.press("c");
    // Waited for what `c` says: the settings below are on the screen before it.
    let screen = t.wait_for("no se admite más gente");
    println!("{screen}");
    assert!(screen.contains("Nombres: a nadie") && screen.contains("Fase: espera"), "{screen}");
    assert!(screen.contains("5 votos por persona, 3 como mucho por factor"), "{screen}");
    // `c` closed joining: said too.
    assert!(screen.contains("no se admite más gente"), "{screen}");
    t.press("Escape");
    t.press("q");
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn a_kill_during_a_storm_of_submissions_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let Some(t) = start(&path, dir.path()) else { return };
    let (addr, code) = address_and_code(&t.wait_for("Código: "));
    let people: Vec<Participant> = (0..20).map(|_| Participant::join(addr, &code, "")).collect();
    t.press("f");
    t.wait_for("Fase: escribir");
    let pid = t.child_pid("dafo").expect("dafo runs");
    let acked = Arc::new(Mutex::new(Vec::new()));
    let people = Arc::new(people);
    let threads: Vec<_> = (0..people.len())
        .map(|n| {
            let (people, acked) = (Arc::clone(&people), Arc::clone(&acked));
            std::thread::spawn(move || {
                for i in 0..10 {
                    let text = format!("Idea {i} de {n}");
                    let Some(a) = crate::common::room::try_send(&people[n], addr, (i % 4) as u8, &text) else { return };
                    if a.status == 200 {
                        acked.lock().unwrap().push(text);
                    }
                }
            })
        })
        .collect();
    // Killed while items come in: once some were acknowledged, before all were.
    let deadline = Instant::now() + Duration::from_secs(10);
    while acked.lock().unwrap().len() < 40 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(2));
    }
    std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap();
    for th in threads {
        th.join().unwrap();
    }
    let acked = acked.lock().unwrap().clone();
    assert!(!acked.is_empty() && acked.len() < 200, "killed during the storm: {} acknowledged", acked.len());
    let (items, _) = dafo::sala::inbox::replay(&dafo::sala::inbox::inbox_path(&path), dafo::i18n::Lang::En).unwrap();
    let lost: Vec<&String> = acked.iter().filter(|a| !items.iter().any(|i| i.text == **a)).collect();
    println!(
        "room kill: {} acknowledged before the kill, {} in the inbox file, lost {}",
        acked.len(),
        items.len(),
        lost.len()
    );
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    drop(t);
    // The next start lists them again (the lock the kill left is taken over).
    let cmd = format!("{} {} --room --room-bind 127.0.0.1", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 44) else { return };
    let screen = t.wait_for(&format!("Bandeja ({})", items.len()));
    assert!(screen.contains("Idea"), "{screen}");
}

/// The "LAN" of a network namespace the test makes (needs root): 10.99.0.1 on a
/// veth pair, a default route through it, nothing reaching the real network.
const LAN: &str = "ip link set lo up && ip link add v0 type veth peer name v1 && ip addr add 10.99.0.1/24 dev v0 \
                   && ip link set v0 up && ip link set v1 up && ip route add default dev v0";

#[test]
fn without_room_bind_the_room_listens_on_the_lan_address() {
    let lan_made = std::process::Command::new("unshare").args(["-n", "sh", "-c", LAN]).status();
    if !lan_made.is_ok_and(|s| s.success()) {
        // Not root, or no unshare: nothing to test against here.
        assert!(std::env::var_os("CI").is_none(), "CI runs as root with unshare");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taller.ron");
    dafo::storage::save(&path, &Session::new("Taller", jiff::Timestamp::UNIX_EPOCH)).unwrap();
    let dafo = format!("{} {} --room", dafo_bin(), sh_quote(&path.to_string_lossy()));
    let cmd = format!("unshare -n sh -c {}", sh_quote(&format!("{LAN} && exec {dafo}")));
    let Some(t) = Tmux::start(&cmd, dir.path(), 120, 44) else { return };
    let screen = t.wait_for("Código: ");
    assert!(screen.contains("http://10.99.0.1:"), "{screen}");
}
