//! A small WebDriver client for the browser tests: starts `chromedriver` on
//! 127.0.0.1 with headless Chromium (a scratch profile, no network: every
//! request outside the page goes to a closed local proxy) and speaks the W3C
//! protocol over plain HTTP/1.1 with `serde_json`. Only what the tests use:
//! open a URL, run a script, find, click and type, keys, screenshots and the
//! performance log.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a failure is the test's.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A browser session; the driver (and its browser) ends on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _scratch: tempfile::TempDir,
    /// One browser at a time in the test binary: two Chromiums starting together
    /// on a loaded 2-core machine made chromedriver drop a connection.
    _turn: std::sync::MutexGuard<'static, ()>,
}

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP request to 127.0.0.1:`port`; the response's status and body.
/// One read; a signal that cuts it (a socket read with a timeout is not restarted,
/// signal(7)) is read again, as `read_to_end` would.
fn read_some(stream: &mut TcpStream, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match stream.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            read => return read,
        }
    }
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open: read the head, then Content-Length bytes.
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    let head_end = loop {
        let n = read_some(&mut stream, &mut buf)?;
        if n == 0 {
            break raw.len();
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end.min(raw.len())]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let length =
        head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|n| n.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let have = raw.len() - head_end.min(raw.len());
        let complete = match length {
            Some(n) => have >= n,
            None => chunked && raw.ends_with(b"0\r\n\r\n"),
        };
        if complete {
            break;
        }
        let n = read_some(&mut stream, &mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let body = String::from_utf8_lossy(&raw[head_end.min(raw.len())..]).into_owned();
    Ok((status, if chunked { unchunk(&body) } else { body }))
}

/// A chunked body, put back together.
fn unchunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || tail.len() < n {
            break;
        }
        out.push_str(&tail[..n]);
        rest = tail[n..].trim_start_matches("\r\n");
    }
    out
}

impl Browser {
    /// Starts chromedriver and a headless Chromium; `None` (the test skipped)
    /// when they are not installed, a failure under `CI`.
    pub fn start() -> Option<Browser> {
        if !super::needs(super::Tool::Chromium) {
            return None;
        }
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let scratch = tempfile::tempdir().unwrap();
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .env("HOME", scratch.path())
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !http(port, "GET", "/status", None).is_ok_and(|(s, b)| s == 200 && b.contains("\"ready\":true")) {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = scratch.path().join("profile");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"performance": "ALL"},
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--proxy-server=http://127.0.0.1:9", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
        }}});
        let mut browser = Browser { driver, port, session: String::new(), _scratch: scratch, _turn: turn };
        let created = browser.call("POST", "/session", Some(caps));
        browser.session = created["sessionId"].as_str().unwrap().to_owned();
        browser.post("timeouts", json!({"script": 60_000, "pageLoad": 30_000}));
        Some(browser)
    }

    /// A command; its `value`, or a panic with the driver's error.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, text) = http(self.port, method, path, body.as_ref()).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert!(status == 200, "{method} {path}: {status} {text}");
        v["value"].clone()
    }

    fn post(&self, what: &str, body: Value) -> Value {
        self.call("POST", &format!("/session/{}/{what}", self.session), Some(body))
    }

    /// Opens `url` and waits for it to load.
    pub fn goto(&self, url: &str) {
        self.post("url", json!({"url": url}));
    }

    /// The page's URL now.
    pub fn url(&self) -> String {
        self.call("GET", &format!("/session/{}/url", self.session), None).as_str().unwrap_or_default().to_owned()
    }

    /// Runs `script` (a function body; `arguments` are `args`) and gives what it returns.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.post("execute/sync", json!({"script": script, "args": args}))
    }

    /// Runs `script`, which calls its last argument with the result.
    pub fn run_async(&self, script: &str, args: Value) -> Value {
        self.post("execute/async", json!({"script": script, "args": args}))
    }

    fn element(&self, css: &str) -> String {
        let v = self.post("element", json!({"using": "css selector", "value": css}));
        v.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).unwrap().to_owned()
    }

    /// Clicks the first element `css` finds.
    pub fn click(&self, css: &str) {
        // A page that redraws a list between the find and the click (the room's
        // board refreshes itself) leaves a stale element: find it again.
        for _ in 0..20 {
            let id = self.element(css);
            let path = format!("/session/{}/element/{id}/click", self.session);
            let (status, text) = http(self.port, "POST", &path, Some(&json!({}))).unwrap();
            if status == 200 {
                return;
            }
            assert!(text.contains("stale element reference"), "POST {path}: {status} {text}");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("{css} went stale twenty times in a row");
    }

    /// Types `text` into the first element `css` finds.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css);
        self.post(&format!("element/{id}/value"), json!({"text": text}));
    }

    /// Presses and releases one key (a WebDriver key code such as `\u{E004}`, Tab).
    pub fn press(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key},
        ]}]});
        self.post("actions", actions);
    }

    /// Resizes the window (a phone's width, say).
    pub fn resize(&self, width: u32, height: u32) {
        self.post("window/rect", json!({"width": width, "height": height}));
    }

    /// A phone's screen: 390x844 CSS pixels at twice the density, touch and mobile layout.
    pub fn phone(&self) {
        let params = json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true});
        self.post("goog/cdp/execute", json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": params}));
    }

    /// The page printed to PDF on A4 (WebDriver's print), as the print CSS lays it out.
    pub fn print_pdf(&self) -> Vec<u8> {
        use base64::Engine as _;
        let page = json!({"page": {"width": 21.0, "height": 29.7}, "background": true});
        let b64 = self.post("print", page);
        base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap()
    }

    /// The viewport as a PNG.
    pub fn screenshot(&self) -> Vec<u8> {
        use base64::Engine as _;
        let b64 = self.call("GET", &format!("/session/{}/screenshot", self.session), None);
        base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap()).unwrap()
    }

    /// Every URL the browser requested since the last call (the performance log).
    pub fn requests(&self) -> Vec<String> {
        let log = self.post("se/log", json!({"type": "performance"}));
        log.as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let message: Value = serde_json::from_str(entry["message"].as_str()?).ok()?;
                let m = &message["message"];
                let url = m["params"]["request"]["url"].as_str().map(str::to_owned);
                (m["method"] == "Network.requestWillBeSent").then_some(url)?
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(self.port, "DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
