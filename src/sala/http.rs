//! The room's HTTP server: plain `std::net` with `httparse`, kept thin. Each
//! request becomes an [`AppEvent::Sala`] for the event loop, which decides and
//! answers on the request's own channel. Bounded everywhere: a fixed pool of
//! workers (a full queue is answered 503 at once), a deadline for the whole
//! request (slow or half-open connections are cut), a head and a body size.

use std::io::{Read as _, Write as _};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, TrySendError, channel, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::state::{Ask, Reply, Request};
use crate::app::event::{AppEvent, AppEventSender};
use crate::domain::Quadrant;

/// The most bytes of a request's line and headers.
pub const MAX_HEAD: usize = 8 * 1024;
/// The most bytes of a request's body (an item's 10,000 characters, escaped, fit).
pub const MAX_BODY: usize = 64 * 1024;
/// The whole request must arrive within this time (slowloris).
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(3);
/// How long a worker waits for the event loop's answer.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);
/// Workers, and connections waiting for one.
const WORKERS: usize = 16;
const QUEUE: usize = 64;

/// A request on its way to the event loop, with the channel its answer goes back on.
#[derive(Debug)]
pub struct Call {
    pub request: Request,
    pub reply: Sender<Reply>,
}

/// The page and its script, made once in the session's language.
#[derive(Debug)]
pub struct Page {
    pub html: String,
    pub script: &'static str,
}

/// A running server; stopped on drop.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Listens on `bind` (port 0: a free one) and serves until stopped.
    pub fn start(bind: SocketAddr, events: AppEventSender, page: Page) -> std::io::Result<Server> {
        let listener = TcpListener::bind(bind)?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let (queue, rx) = sync_channel::<(TcpStream, Instant)>(QUEUE);
        let rx = Arc::new(Mutex::new(rx));
        let page = Arc::new(page);
        for n in 0..WORKERS {
            let (rx, events, page) = (Arc::clone(&rx), events.clone(), Arc::clone(&page));
            std::thread::Builder::new().name(format!("dafo-sala-{n}")).spawn(move || work(&rx, &events, &page))?;
        }
        let flag = Arc::clone(&stop);
        let accept =
            std::thread::Builder::new().name("dafo-sala".to_owned()).spawn(move || accept(&listener, &queue, &flag))?;
        Ok(Server { addr, stop, accept: Some(accept) })
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        // A connection of its own wakes the accepting thread to see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
        if let Some(thread) = self.accept.take() {
            let _ = thread.join();
        }
    }
}

fn accept(listener: &TcpListener, queue: &SyncSender<(TcpStream, Instant)>, stop: &AtomicBool) {
    for stream in listener.incoming() {
        if stop.load(Ordering::Acquire) {
            break;
        }
        let Ok(stream) = stream else {
            // Out of descriptors, say: wait a moment rather than spin on the error.
            std::thread::sleep(Duration::from_millis(20));
            continue;
        };
        // The request's deadline runs from now: waiting in the queue counts.
        match queue.try_send((stream, Instant::now() + REQUEST_DEADLINE)) {
            Ok(()) => {}
            Err(TrySendError::Full((mut stream, _))) => {
                let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
                let _ = respond(&mut stream, &Reply::refused(503, "busy"));
            }
            Err(TrySendError::Disconnected(_)) => break,
        }
    }
    // Dropping the queue ends the workers once they finish what they hold.
}

fn work(rx: &Mutex<Receiver<(TcpStream, Instant)>>, events: &AppEventSender, page: &Page) {
    loop {
        let next = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((mut stream, deadline)) = next else { return };
        serve(&mut stream, deadline, events, page);
        let _ = stream.shutdown(Shutdown::Both);
    }
}

/// A request as read off the socket.
struct Raw {
    method: String,
    path: String,
    cookie: Option<String>,
    json: bool,
    cross_site: bool,
    body: Vec<u8>,
}

/// Why a request was not read.
enum Unread {
    Status(u16, &'static str),
    /// The connection closed or went silent: nothing to answer.
    Gone,
}

fn serve(stream: &mut TcpStream, deadline: Instant, events: &AppEventSender, page: &Page) {
    let _ = stream.set_write_timeout(Some(REQUEST_DEADLINE));
    let Ok(peer) = stream.peer_addr().map(|a| a.ip()) else { return };
    let raw = match read_request(stream, deadline) {
        Ok(raw) => raw,
        Err(Unread::Status(status, code)) => {
            let _ = respond(stream, &Reply::refused(status, code));
            return;
        }
        Err(Unread::Gone) => return,
    };
    let ask = match (raw.method.as_str(), raw.path.as_str()) {
        ("GET", "/") => return send(stream, 200, "text/html; charset=utf-8", page.html.as_bytes(), None),
        ("GET", "/app.js") => return send(stream, 200, "text/javascript; charset=utf-8", page.script.as_bytes(), None),
        ("GET", "/state") => Ok((Ask::State, None)),
        ("GET", "/info") => Ok((Ask::Info, None)),
        ("POST", _) if raw.cross_site => Err((403, "token")),
        ("POST", _) if !raw.json => Err((415, "bad")),
        ("POST", path) => read_ask(path, &raw.body),
        _ => Err((404, "bad")),
    };
    let reply = match ask {
        Ok((ask, csrf)) => ask_loop(events, Request { ask, token: raw.cookie, csrf, peer }),
        Err((status, code)) => Reply::refused(status, code),
    };
    let _ = respond(stream, &reply);
}

/// Sends the request to the event loop and waits for its answer.
fn ask_loop(events: &AppEventSender, request: Request) -> Reply {
    let (tx, rx) = channel();
    if !events.send(AppEvent::Sala(Box::new(Call { request, reply: tx }))) {
        return Reply::refused(503, "busy");
    }
    rx.recv_timeout(ANSWER_WITHIN).unwrap_or_else(|_| Reply::refused(503, "busy"))
}

/// What a POST asks, and the form's token it carries.
fn read_ask(path: &str, body: &[u8]) -> Result<(Ask, Option<String>), (u16, &'static str)> {
    let text = std::str::from_utf8(body).map_err(|_| (400, "utf8"))?;
    let value: Value = serde_json::from_str(text).map_err(|_| (400, "bad"))?;
    let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_owned);
    let csrf = field("csrf");
    let ask = match path {
        "/join" => Ask::Join { code: field("code").unwrap_or_default(), name: field("name").unwrap_or_default() },
        "/item" => {
            let q = value.get("q").and_then(Value::as_u64).filter(|q| *q < 4).ok_or((400, "bad"))?;
            Ask::Item { quadrant: Quadrant::from_index(q as usize), text: field("text").ok_or((400, "bad"))? }
        }
        "/vote" => Ask::Vote {
            factor: field("id").ok_or((400, "bad"))?,
            up: value.get("up").and_then(Value::as_bool).ok_or((400, "bad"))?,
        },
        _ => return Err((404, "bad")),
    };
    Ok((ask, csrf))
}

fn read_request(stream: &mut TcpStream, deadline: Instant) -> Result<Raw, Unread> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut req = httparse::Request::new(&mut headers);
        match req.parse(&buf) {
            Ok(httparse::Status::Complete(head_len)) => {
                let raw = head_of(&req)?;
                let length = header(&req, "content-length").map_or(Ok(0), |v| v.trim().parse::<usize>());
                let length = length.map_err(|_| Unread::Status(400, "bad"))?;
                if length > MAX_BODY {
                    return Err(Unread::Status(413, "too_long"));
                }
                let mut body = buf[head_len..].to_vec();
                while body.len() < length {
                    let n = read_some(stream, &mut chunk, deadline)?;
                    body.extend_from_slice(&chunk[..n]);
                }
                body.truncate(length);
                return Ok(Raw { body, ..raw });
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => return Err(Unread::Status(431, "bad")),
            Err(_) => return Err(Unread::Status(400, "bad")),
        }
        if buf.len() >= MAX_HEAD {
            return Err(Unread::Status(431, "bad"));
        }
        let n = read_some(stream, &mut chunk, deadline)?;
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Reads what comes before the deadline; a closed connection is gone, a silent one too slow.
fn read_some(stream: &mut TcpStream, chunk: &mut [u8], deadline: Instant) -> Result<usize, Unread> {
    // Past the deadline only what already arrived is read (a request that waited
    // in the queue is whole in the socket); nothing more is waited for.
    loop {
        let left = deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
        stream.set_read_timeout(Some(left)).map_err(|_| Unread::Gone)?;
        return match stream.read(chunk) {
            Ok(0) => Err(Unread::Gone),
            Ok(n) => Ok(n),
            // A signal (the terminal's resize, say) cut the wait: a read with a
            // timeout is not restarted by the kernel, so it is asked again here.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                Err(Unread::Status(408, "slow"))
            }
            Err(_) => Err(Unread::Gone),
        };
    }
}

fn header<'a>(req: &httparse::Request<'_, 'a>, name: &str) -> Option<&'a str> {
    req.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).and_then(|h| std::str::from_utf8(h.value).ok())
}

fn head_of(req: &httparse::Request<'_, '_>) -> Result<Raw, Unread> {
    let method = req.method.unwrap_or_default().to_owned();
    let path = req.path.unwrap_or_default().split('?').next().unwrap_or_default().to_owned();
    let cookie = header(req, "cookie")
        .and_then(|c| c.split(';').filter_map(|kv| kv.trim().strip_prefix("dafo=")).next().map(str::to_owned));
    let json = header(req, "content-type").is_some_and(|t| t.trim().starts_with("application/json"));
    // A browser names the page that sent a write: another site's page is refused.
    let cross_site = match (header(req, "origin"), header(req, "host")) {
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, h)| h) != Some(host),
        (Some(_), None) => true,
        _ => header(req, "sec-fetch-site").is_some_and(|s| s == "cross-site"),
    };
    Ok(Raw { method, path, cookie, json, cross_site, body: Vec::new() })
}

fn respond(stream: &mut TcpStream, reply: &Reply) -> std::io::Result<()> {
    let body = reply.body.to_string();
    let cookie = reply.cookie.as_ref().map(|t| format!("dafo={t}; HttpOnly; SameSite=Strict; Path=/"));
    write_response(stream, reply.status, "application/json", body.as_bytes(), cookie.as_deref())
}

fn send(stream: &mut TcpStream, status: u16, kind: &str, body: &[u8], cookie: Option<&str>) {
    let _ = write_response(stream, status, kind, body, cookie);
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Service Unavailable",
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    cookie: Option<&str>,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\
         Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'\r\n",
        reason(status),
        body.len()
    );
    if let Some(cookie) = cookie {
        head.push_str(&format!("Set-Cookie: {cookie}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// The address of this machine on the local network: the one a UDP socket
/// "connected" towards an outside address would use (no packet is sent).
pub fn lan_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// A phone's request is not dropped when a signal reaches the thread reading it:
    /// the kernel does not restart a socket read that has a timeout, even for a
    /// handler installed with `SA_RESTART` (signal(7)), as the resize handler is.
    #[test]
    fn a_signal_during_a_read_does_not_drop_the_request() {
        let caught = Arc::new(AtomicBool::new(false));
        let id = signal_hook::flag::register(signal_hook::consts::SIGUSR2, Arc::clone(&caught)).unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut phone = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            // This thread's id, for `kill`: Linux hands a signal sent to a thread's id
            // to that thread when it can take it.
            let me = std::fs::read_link("/proc/thread-self").unwrap();
            tid_tx.send(me.file_name().unwrap().to_string_lossy().into_owned()).unwrap();
            let mut chunk = [0u8; 16];
            match read_some(&mut server, &mut chunk, Instant::now() + Duration::from_secs(20)) {
                Ok(n) => Ok(chunk[..n].to_vec()),
                Err(Unread::Gone) => Err("gone".to_owned()),
                Err(Unread::Status(status, _)) => Err(status.to_string()),
            }
        });
        let tid = tid_rx.recv().unwrap();
        for _ in 0..10 {
            std::thread::sleep(Duration::from_millis(20));
            let sent = std::process::Command::new("kill").args(["-USR2", &tid]).status().unwrap();
            assert!(sent.success());
        }
        phone.write_all(b"GET / HTTP/1.1").unwrap();
        let read = reader.join().unwrap();
        signal_hook::low_level::unregister(id);
        assert!(caught.load(Ordering::Relaxed), "no signal reached the handler");
        assert_eq!(read.as_deref(), Ok(&b"GET / HTTP/1.1"[..]));
    }
}
