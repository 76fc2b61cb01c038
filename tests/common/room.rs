//! The room (issue 28) for tests: a session's app on its own thread, answering
//! participants' requests as the event loop does, with the room listening on
//! 127.0.0.1; and a plain HTTP client for the participants.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use dafo::app::App;
use dafo::app::event::{AppEvent, AppEventSender};

type Job = Box<dyn FnOnce(&mut App) + Send>;

/// A session with its room open, served by a thread that plays the event loop.
pub struct Room {
    pub addr: SocketAddr,
    pub path: PathBuf,
    jobs: Sender<(Job, Instant, Sender<Duration>)>,
    /// Wakes the loop for a job at once, as a key wakes the real one.
    wake: AppEventSender,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Room {
    /// A session holding `factors` strengths, its room open on 127.0.0.1.
    pub fn open(factors: &[&str]) -> Room {
        Room::open_in(factors, dafo::i18n::Lang::Es)
    }

    /// [`Room::open`] with the screen in `lang`.
    pub fn open_in(factors: &[&str], lang: dafo::i18n::Lang) -> Room {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut session = dafo::domain::Session::new("Sala", jiff::Timestamp::UNIX_EPOCH);
        if let Some(edit) = session.add_factors(dafo::domain::Quadrant::Strengths, factors.iter().copied()) {
            session.apply(edit).unwrap();
        }
        dafo::storage::save(&path, &session).unwrap();
        Room::on(path, dir, lang)
    }

    fn on(path: PathBuf, dir: tempfile::TempDir, lang: dafo::i18n::Lang) -> Room {
        let (jobs, jobs_rx) = channel::<(Job, Instant, Sender<Duration>)>();
        let (addr_tx, addr_rx) = channel();
        let file = path.clone();
        let thread = std::thread::spawn(move || {
            let mut app = App::open(&file, lang).unwrap().with_sala(Some([127, 0, 0, 1].into()), true);
            let (events, rx) = AppEventSender::channel();
            app.connect(events.clone());
            let events_for_test = move |_: &App| Some(events.clone());
            let addr = match &app.screen {
                dafo::app::Screen::Editor(e) => e.sala().and_then(|l| l.addr()),
                _ => None,
            };
            addr_tx.send((addr, events_for_test(&app))).unwrap();
            serve(&mut app, &rx, &jobs_rx);
            app.flush();
        });
        let (addr, wake) = addr_rx.recv().unwrap();
        let (addr, wake) = (addr.expect("the room opened"), wake.expect("connected"));
        Room { addr, path, jobs, wake, thread: Some(thread), _dir: dir }
    }

    /// Runs `f` on the app, between requests as the loop would; returns how long
    /// it waited for its turn and took (a keystroke's latency, for `f` a key).
    pub fn with(&self, f: impl FnOnce(&mut App) + Send + 'static) -> Duration {
        let (tx, rx) = channel();
        self.jobs.send((Box::new(f), Instant::now(), tx)).unwrap();
        self.wake.wake();
        rx.recv().unwrap()
    }

    /// A key action, as the facilitator presses it.
    pub fn press(&self, action: dafo::app::Action) -> Duration {
        self.with(move |app| app.handle(action))
    }

    /// Reads something off the app.
    pub fn read<T: Send + 'static>(&self, f: impl FnOnce(&App) -> T + Send + 'static) -> T {
        let (tx, rx) = channel();
        self.with(move |app| tx.send(f(app)).unwrap());
        rx.recv().unwrap()
    }

    /// Stops the loop (the room closes, the session is saved); the folder stays
    /// while the `TempDir` given back is held.
    pub fn close(mut self) -> (PathBuf, tempfile::TempDir) {
        let path = self.path.clone();
        let (jobs, _) = channel();
        drop(std::mem::replace(&mut self.jobs, jobs));
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
        let dir = std::mem::replace(&mut self._dir, tempfile::tempdir().unwrap());
        (path, dir)
    }
}

fn serve(app: &mut App, rx: &Receiver<AppEvent>, jobs: &Receiver<(Job, Instant, Sender<Duration>)>) {
    loop {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(AppEvent::Sala(call)) => app.sala_call(*call),
            Ok(_) | Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(_) => return,
        }
        app.tick(Instant::now());
        loop {
            match jobs.try_recv() {
                Ok((job, asked, done)) => {
                    job(app);
                    let _ = done.send(asked.elapsed());
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => return,
            }
        }
    }
}

/// An answer: status, headers (lower-case names), body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The token the `Set-Cookie` header gives.
    pub fn token(&self) -> Option<String> {
        let c = self.header("set-cookie")?;
        c.strip_prefix("dafo=").map(|t| t.split(';').next().unwrap_or_default().to_owned())
    }
}

/// Sends `raw` bytes and reads the whole answer.
pub fn raw(addr: SocketAddr, raw: &[u8]) -> Option<Answer> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(15))).ok()?;
    s.write_all(raw).ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).ok()?;
    parse(&out)
}

fn parse(out: &[u8]) -> Option<Answer> {
    let text = String::from_utf8_lossy(out);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let mut lines = head.lines();
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Some(Answer { status, headers, body: body.to_owned() })
}

/// A request as a browser on the page sends it.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&serde_json::Value>,
) -> Answer {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let cookie = token.map(|t| format!("Cookie: dafo={t}\r\n")).unwrap_or_default();
    let kind = if method == "POST" { "Content-Type: application/json\r\n" } else { "" };
    let text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n{cookie}{kind}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    raw(addr, text.as_bytes()).expect("an answer")
}

/// A participant who joined: the cookie's token and the form's.
pub struct Participant {
    pub token: String,
    pub csrf: String,
}

impl Participant {
    pub fn join(addr: SocketAddr, code: &str, name: &str) -> Participant {
        let a = request(addr, "POST", "/join", None, Some(&serde_json::json!({ "code": code, "name": name })));
        assert_eq!(a.status, 200, "{}", a.body);
        let token = a.token().expect("a cookie");
        let state = request(addr, "GET", "/state", Some(&token), None).json();
        Participant { token, csrf: state["csrf"].as_str().expect("csrf").to_owned() }
    }

    pub fn send(&self, addr: SocketAddr, q: u8, text: &str) -> Answer {
        let body = serde_json::json!({ "q": q, "text": text, "csrf": self.csrf });
        request(addr, "POST", "/item", Some(&self.token), Some(&body))
    }

    pub fn vote(&self, addr: SocketAddr, id: &str, up: bool) -> Answer {
        let body = serde_json::json!({ "id": id, "up": up, "csrf": self.csrf });
        request(addr, "POST", "/vote", Some(&self.token), Some(&body))
    }

    pub fn state(&self, addr: SocketAddr) -> serde_json::Value {
        request(addr, "GET", "/state", Some(&self.token), None).json()
    }
}

/// Sends an item; `None` when the server is gone (killed) mid-request.
pub fn try_send(p: &Participant, addr: SocketAddr, q: u8, text: &str) -> Option<Answer> {
    let body = serde_json::json!({ "q": q, "text": text, "csrf": p.csrf }).to_string();
    let req = format!(
        "POST /item HTTP/1.1\r\nHost: {addr}\r\nCookie: dafo={}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        p.token,
        body.len()
    );
    raw(addr, req.as_bytes())
}

/// The room's join code, read off the app.
pub fn code(room: &Room) -> String {
    room.read(|app| match &app.screen {
        dafo::app::Screen::Editor(e) => e.sala().map(|l| l.code_shown()).unwrap_or_default(),
        _ => String::new(),
    })
}
