//! The room's inbox file, beside the session (`.NAME.inbox`): one JSON line per
//! item a participant sent, and one per item the facilitator settled. Each line
//! is written and synced to disk before the participant's page says "sent";
//! on start the items not settled come back to the inbox. A torn last line (a
//! crash mid-write, never acknowledged) is passed over; any other line that does
//! not read stops the room with its file:line:column, and the file is kept.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use serde::{Deserialize, Serialize};

use super::state::{Pending, Reply};
use crate::app::event::AppEventSender;
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// Where the inbox of `session` lives.
pub fn inbox_path(session: &Path) -> PathBuf {
    session.with_file_name(crate::storage::name_with(session, ".", ".inbox"))
}

/// The highest item number a line may hold: the number goes to the participant's
/// page as a JSON number, which JavaScript reads exactly only up to 2^53 - 1. Far
/// above any room's count, and numbers after it never overflow a `u64`.
pub const MAX_SEQ: u64 = (1 << 53) - 1;

/// One line of the file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Line {
    Item {
        /// A number over [`MAX_SEQ`] (a hand-edited file) makes the line one that does not read.
        #[serde(deserialize_with = "item_number")]
        n: u64,
        who: u32,
        name: Option<String>,
        q: Quadrant,
        text: String,
        at: jiff::Timestamp,
    },
    Done {
        done: u64,
    },
}

fn item_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let n = u64::deserialize(d)?;
    if n > MAX_SEQ {
        return Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Unsigned(n),
            &"an item number up to 2^53 - 1",
        ));
    }
    Ok(n)
}

/// Reads the inbox file: the items not settled, in order, and the next number to
/// give. No file is an empty inbox; a FIFO, a device or a file over the session
/// files' limit is refused (in `lang`) without blocking or reading it all.
pub fn replay(path: &Path, lang: Lang) -> Result<(Vec<Pending>, u64), String> {
    let text = match crate::storage::bounded::read_regular(path, crate::storage::SESSION_FILE_LIMIT) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok((Vec::new(), 1)),
        Err(e) => return Err(e.message(lang)),
    };
    let words = &lang.text().sala;
    let text = String::from_utf8(text).map_err(|e| {
        let (line, column) = crate::storage::utf8_error_at(e.as_bytes(), &e.utf8_error());
        format!("{}:{line}:{column}: {}", path.display(), words.inbox_not_utf8)
    })?;
    let (mut items, mut next) = (Vec::<Pending>::new(), 1);
    let complete = text.ends_with('\n');
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(raw) {
            Ok(line) => line,
            // The last line, cut by a crash before its sync: it was never acknowledged.
            Err(_) if i + 1 == lines.len() && !complete => break,
            Err(e) => return Err(format!("{}:{}:{}: {}", path.display(), i + 1, e.column(), words.inbox_bad_line)),
        };
        match line {
            Line::Item { n, who, name, q, text, at } => {
                next = next.max(n + 1);
                items.push(Pending { seq: n, who, name, quadrant: q, text, at });
            }
            Line::Done { done } => items.retain(|p| p.seq != done),
        }
    }
    Ok((items, next))
}

/// Work for the inbox's writer thread.
pub enum Job {
    /// Write the item, sync, then send the reply to the participant's request.
    Append(Pending, Sender<Reply>, Reply),
    /// The item was settled.
    Done(u64),
    /// An item settled in the file waits again (its accepting was undone): its
    /// line once more, so a crash lists it again. Nobody waits for an answer.
    Again(Pending),
}

/// Items whose write failed: each with its participant's request waiting for
/// an answer and the answer it would have had, and why the file could not be
/// written. The event loop takes them back out of the room, then answers.
#[derive(Debug)]
pub struct Lost {
    pub items: Vec<(u64, Sender<Reply>, Reply)>,
    pub error: io::Error,
}

/// The writer thread: writes what comes, syncs once per batch, then answers;
/// what it could not write goes back to the event loop as [`Lost`].
pub struct Writer {
    jobs: Option<Sender<Job>>,
    lost: Receiver<Lost>,
    thread: Option<std::thread::JoinHandle<()>>,
    path: PathBuf,
}

impl Writer {
    /// Opens (or creates) the file for appending and starts the thread, which
    /// wakes the event loop through `events` when a write fails.
    pub fn start(path: PathBuf, events: Option<AppEventSender>, lang: Lang) -> Result<Writer, String> {
        let shown = |e: io::Error| format!("{}: {}", path.display(), crate::i18n::os_error(&e, lang));
        let mut file = OpenOptions::new().create(true).read(true).append(true).open(&path).map_err(shown)?;
        let len = mend_tail(&mut file).map_err(shown)?;
        Writer::on(file, len, path, events).map_err(|e| crate::i18n::os_error(&e, lang))
    }

    /// The thread writing to `file` (`len` bytes long), which is at `path`.
    pub(crate) fn on(
        file: impl Sink + Send + 'static,
        len: u64,
        path: PathBuf,
        events: Option<AppEventSender>,
    ) -> io::Result<Writer> {
        let (jobs, rx) = channel();
        let (lost_tx, lost) = channel();
        let thread = std::thread::Builder::new().name("dafo-inbox".to_owned()).spawn(move || {
            write_loop(file, len, &rx, |l| {
                let _ = lost_tx.send(l);
                if let Some(events) = &events {
                    events.wake();
                }
            });
        })?;
        Ok(Writer { jobs: Some(jobs), lost, thread: Some(thread), path })
    }

    /// Hands a job to the thread; false if it has stopped.
    pub fn send(&self, job: Job) -> bool {
        self.jobs.as_ref().is_some_and(|j| j.send(job).is_ok())
    }

    /// The items whose write failed since last asked.
    pub fn lost(&self) -> Vec<Lost> {
        self.lost.try_iter().collect()
    }

    /// Stops the thread (after what it was given) and removes the file when no
    /// item waits any more.
    pub fn finish(mut self, empty: bool) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        if empty {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn line_of(job: &Job) -> Option<String> {
    let line = match job {
        Job::Append(p, ..) | Job::Again(p) => {
            Line::Item { n: p.seq, who: p.who, name: p.name.clone(), q: p.quadrant, text: p.text.clone(), at: p.at }
        }
        Job::Done(seq) => Line::Done { done: *seq },
    };
    serde_json::to_string(&line).ok().map(|s| s + "\n")
}

/// Deals with a last line a crash left without its end as [`replay`] read it: one
/// that reads gets its end, a torn one is cut off; either way what is appended next
/// starts a line of its own (after a torn line it would make a line that does not
/// read, and is not the last). The file's length then.
fn mend_tail(file: &mut File) -> io::Result<u64> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let tail = &bytes[start..];
    if tail.is_empty() {
        return Ok(bytes.len() as u64);
    }
    if serde_json::from_slice::<Line>(tail).is_ok() {
        file.write_all(b"\n")?;
        file.sync_data()?;
        return Ok(bytes.len() as u64 + 1);
    }
    file.set_len(start as u64)?;
    file.sync_data()?;
    Ok(start as u64)
}

/// What the writer thread appends to: the inbox file (opened for appending), or
/// in tests one whose writes fail.
pub(crate) trait Sink: Write {
    fn sync_data(&mut self) -> io::Result<()>;
    fn set_len(&mut self, len: u64) -> io::Result<()>;
}

impl Sink for File {
    fn sync_data(&mut self) -> io::Result<()> {
        File::sync_data(self)
    }

    fn set_len(&mut self, len: u64) -> io::Result<()> {
        File::set_len(self, len)
    }
}

/// Writes each batch to `file` (`len` bytes long) and syncs it. A batch that fails
/// (a full disk, a failed sync) is cut off again, so the file is as it was: its
/// items go to `lost` with their requests unanswered, for the event loop to take
/// them back out of the room and tell their participants to send again (so an
/// item is not there twice). When even the cut fails, nothing more is written
/// after the torn line (replay passes over a torn last line) and every later
/// item is lost the same way. Every failed batch goes to `lost`, those without
/// an item waiting for its answer too, so that the screen says it.
fn write_loop(mut file: impl Sink, mut len: u64, rx: &Receiver<Job>, lost: impl Fn(Lost)) {
    let mut broken: Option<io::ErrorKind> = None;
    while let Ok(first) = rx.recv() {
        // Everything already waiting goes in the same write and sync.
        let batch: Vec<Job> = std::iter::once(first).chain(rx.try_iter()).collect();
        let text: String = batch.iter().filter_map(line_of).collect();
        let outcome = match broken {
            Some(kind) => Err(io::Error::from(kind)),
            None => file.write_all(text.as_bytes()).and_then(|()| file.sync_data()),
        };
        match &outcome {
            Ok(()) => len += text.len() as u64,
            Err(e) if broken.is_none() && file.set_len(len).is_err() => broken = Some(e.kind()),
            Err(_) => {}
        }
        let mut failed = Vec::new();
        for job in batch {
            if let Job::Append(item, tx, reply) = job {
                match outcome {
                    Ok(()) => {
                        let _ = tx.send(reply);
                    }
                    Err(_) => failed.push((item.seq, tx, reply)),
                }
            }
        }
        // Said even when no participant waits on the batch: a settled item's
        // line (`Done`) or an undone one's (`Again`) that did not reach the file
        // means a crash would list the first again and lose the second.
        if let Err(error) = outcome {
            lost(Lost { items: failed, error });
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn item(seq: u64, text: &str) -> Pending {
        Pending {
            seq,
            who: 1,
            name: None,
            quadrant: Quadrant::Threats,
            text: text.into(),
            at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn settled_items_do_not_come_back_and_a_torn_last_line_is_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = inbox_path(&dir.path().join("s.ron"));
        let writer = Writer::start(path.clone(), None, Lang::En).unwrap();
        let (tx, rx) = channel();
        for (n, t) in [(1, "uno"), (2, "dos"), (3, "tres")] {
            writer.send(Job::Append(item(n, t), tx.clone(), Reply::refused(200, "ok")));
        }
        writer.send(Job::Done(2));
        for _ in 0..3 {
            assert_eq!(rx.recv().unwrap().status, 200);
        }
        writer.finish(false);
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(b"{\"n\":9,\"who\":1,\"na").unwrap();
        let (items, next) = replay(&path, Lang::En).unwrap();
        assert_eq!(items.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["uno", "tres"]);
        assert_eq!(next, 4);
    }

    #[test]
    fn a_line_a_crash_left_without_its_end_does_not_run_into_the_next() {
        let dir = tempfile::tempdir().unwrap();
        // Torn: passed over, cut off. Whole but for its end (item 1 settled): kept.
        for (tail, texts) in [("{\"n\":9,\"who\":1,\"na", &["uno", "dos"][..]), ("{\"done\":1}", &["dos"])] {
            let path = dir.path().join(".s.ron.inbox");
            let first = line_of(&Job::Append(item(1, "uno"), channel().0, Reply::refused(200, "ok"))).unwrap();
            std::fs::write(&path, format!("{first}{tail}")).unwrap();
            let writer = Writer::start(path.clone(), None, Lang::En).unwrap();
            let (tx, rx) = channel();
            writer.send(Job::Append(item(2, "dos"), tx, Reply::refused(200, "ok")));
            assert_eq!(rx.recv().unwrap().status, 200);
            writer.finish(false);
            let (items, next) = replay(&path, Lang::En).unwrap();
            assert_eq!(items.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), texts, "after {tail:?}");
            assert_eq!(next, 3);
        }
    }

    #[test]
    fn a_hand_edited_item_number_too_large_is_a_bad_line_not_an_overflow() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        let line = |n: u64| {
            format!(
                "{{\"n\":{n},\"who\":1,\"name\":null,\"q\":\"Threats\",\"text\":\"x\",\"at\":\"1970-01-01T00:00:00Z\"}}\n"
            )
        };
        std::fs::write(&path, line(MAX_SEQ)).unwrap();
        assert_eq!(replay(&path, Lang::En).unwrap().1, MAX_SEQ + 1);
        std::fs::write(&path, format!("{}{{\"done\":1}}\n", line(u64::MAX))).unwrap();
        let err = replay(&path, Lang::En).unwrap_err();
        assert!(err.contains(".s.ron.inbox:1:"), "{err}");
        // An item restored with any number leaves a room that still counts on.
        let mut sala = crate::sala::state::Sala::new("ABCD1234".into(), 1);
        sala.restore(item(u64::MAX, "x"));
        assert_eq!(sala.inbox.len(), 1);
    }

    /// The inbox file, whose writes stop after `room` bytes (a full disk) and whose
    /// sync fails when `sync_fails`.
    pub(crate) struct Faulty {
        pub file: File,
        pub room: usize,
        pub sync_fails: bool,
    }

    impl Write for Faulty {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            let n = self.file.write(&buf[..buf.len().min(self.room)])?;
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.file.flush()
        }
    }

    impl Sink for Faulty {
        fn sync_data(&mut self) -> io::Result<()> {
            if self.sync_fails { Err(io::Error::other("sync failed")) } else { self.file.sync_data() }
        }

        fn set_len(&mut self, len: u64) -> io::Result<()> {
            self.file.set_len(len)
        }
    }

    /// Sends `texts` one batch each through a writer on `sink` and returns their
    /// statuses; a lost item is answered as the event loop does.
    fn statuses(sink: Faulty, len: u64, texts: &[(u64, &str)]) -> Vec<u16> {
        let (jobs, rx) = channel();
        let (tx, replies) = channel();
        let lost = |l: Lost| {
            for (_, tx, _) in l.items {
                tx.send(Reply::refused(503, "disk")).unwrap();
            }
        };
        let thread = std::thread::spawn(move || write_loop(sink, len, &rx, lost));
        let mut out = Vec::new();
        for &(n, t) in texts {
            jobs.send(Job::Append(item(n, t), tx.clone(), Reply::refused(200, "ok"))).unwrap();
            out.push(replies.recv().unwrap().status);
        }
        drop(jobs);
        thread.join().unwrap();
        out
    }

    #[test]
    fn a_write_cut_short_or_a_failed_sync_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        std::fs::write(&path, "{\"done\":7}\n").unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        let open = || OpenOptions::new().append(true).open(&path).unwrap();
        // The disk fills up 10 bytes into the second item's line.
        let line = line_of(&Job::Append(item(1, "uno"), channel().0, Reply::refused(200, "ok"))).unwrap();
        let sink = Faulty { file: open(), room: line.len() + 10, sync_fails: false };
        assert_eq!(statuses(sink, len, &[(1, "uno"), (2, "dos")]), [200, 503]);
        // Written whole, but its sync failed: refused, so it must not stay either.
        let len = std::fs::metadata(&path).unwrap().len();
        let sink = Faulty { file: open(), room: usize::MAX, sync_fails: true };
        assert_eq!(statuses(sink, len, &[(3, "tres")]), [503]);
        // The participants send again: the file reads, and holds each item once.
        let sink = Faulty { file: open(), room: usize::MAX, sync_fails: false };
        let len = std::fs::metadata(&path).unwrap().len();
        assert_eq!(statuses(sink, len, &[(2, "dos"), (3, "tres")]), [200, 200]);
        let (items, next) = replay(&path, Lang::En).unwrap();
        assert_eq!(items.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["uno", "dos", "tres"]);
        assert_eq!(next, 4);
    }

    #[test]
    fn a_settled_or_undone_item_whose_line_fails_is_said_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        let file = OpenOptions::new().create(true).append(true).open(&path).unwrap();
        let sink = Faulty { file, room: 0, sync_fails: false };
        let (jobs, rx) = channel();
        let (lost_tx, lost) = channel();
        let thread = std::thread::spawn(move || write_loop(sink, 0, &rx, |l| lost_tx.send(l).unwrap()));
        // Nobody waits for these two: the failure is said all the same, once each.
        let said = std::time::Duration::from_secs(10);
        jobs.send(Job::Done(1)).unwrap();
        let first = lost.recv_timeout(said).expect("a failed settled line is said");
        jobs.send(Job::Again(item(2, "dos"))).unwrap();
        let second = lost.recv_timeout(said).expect("a failed undone line is said");
        drop(jobs);
        thread.join().unwrap();
        for l in [&first, &second] {
            assert!(l.items.is_empty());
            assert_eq!(l.error.kind(), io::ErrorKind::StorageFull);
        }
        assert!(lost.try_recv().is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

    #[cfg(unix)]
    #[test]
    fn an_inbox_that_is_a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        let made = std::process::Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(made.success());
        let err = replay(&path, Lang::Es).unwrap_err();
        assert!(err.contains(".s.ron.inbox") && err.contains(Lang::Es.text().limits.not_regular), "{err}");
    }

    #[test]
    fn a_bad_line_in_the_middle_is_an_error_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        std::fs::write(&path, "{\"done\":1}\nnot json\n{\"done\":2}\n").unwrap();
        let err = replay(&path, Lang::En).unwrap_err();
        assert!(err.contains(".s.ron.inbox:2:"), "{err}");
    }

    #[test]
    fn an_inbox_that_does_not_read_is_said_in_the_session_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".s.ron.inbox");
        let es = &Lang::Es.text().sala;
        std::fs::write(&path, "{\"done\":1}\nnot json\n{\"done\":2}\n").unwrap();
        let err = replay(&path, Lang::Es).unwrap_err();
        assert!(err.contains(".s.ron.inbox:2:2: ") && err.ends_with(es.inbox_bad_line), "{err}");
        assert!(!err.contains("expected"), "{err}");
        std::fs::write(&path, b"{\"done\":1}\n{\"done\":\xff}\n").unwrap();
        let err = replay(&path, Lang::Es).unwrap_err();
        assert!(err.contains(".s.ron.inbox:2:9: ") && err.ends_with(es.inbox_not_utf8), "{err}");
        assert!(!err.contains("invalid utf-8"), "{err}");
        // A link to nowhere: the file cannot be made; the system's words come after dafo's.
        #[cfg(unix)]
        {
            let link = dir.path().join(".t.ron.inbox");
            std::os::unix::fs::symlink("/nonexistent/dir/x", &link).unwrap();
            let err = Writer::start(link, None, Lang::Es).err().expect("refused");
            let said = Lang::Es.text().errors.os_not_found;
            assert!(err.contains(&format!(".t.ron.inbox: {said}: ")), "{err}");
            assert!(!err.contains("os error"), "{err}");
        }
    }
}
