//! A tiny HTTP/1.1 server on 127.0.0.1 for fetch tests: each request is
//! answered by a handler from its path and headers; the server counts
//! requests and body bytes sent per path and stops when dropped. Bodies can
//! be sent whole, generated as they are streamed (so a 50 MB page costs no
//! memory and stops when the client hangs up), or cut short and left hanging.
//! No internet is ever reached.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A response: status, headers, body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

/// How a body is sent.
pub enum Body {
    /// Whole, with its Content-Length.
    Full(Vec<u8>),
    /// `piece` again and again, `total` bytes in all, chunked (no
    /// Content-Length), made as it is sent; stops when the client hangs up.
    Repeat { piece: Vec<u8>, total: u64 },
    /// A Content-Length of `claimed` bytes but only `sent` sent; then, if
    /// `hang`, nothing until the client hangs up (or 10 s), else the
    /// connection is closed.
    Short {
        sent: Vec<u8>,
        claimed: u64,
        hang: bool,
    },
}

impl Reply {
    pub fn new(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            body: Body::Full(body.into()),
        }
    }

    /// A body of `piece` repeated to `total` bytes, streamed chunked.
    pub fn repeated(headers: &[(&str, &str)], piece: &[u8], total: u64) -> Self {
        Self {
            body: Body::Repeat {
                piece: piece.to_vec(),
                total,
            },
            ..Self::new(200, headers, "")
        }
    }

    /// Headers promising `claimed` bytes, then `sent`, then silence.
    pub fn stalled(headers: &[(&str, &str)], sent: &[u8], claimed: u64) -> Self {
        Self {
            body: Body::Short {
                sent: sent.to_vec(),
                claimed,
                hang: true,
            },
            ..Self::new(200, headers, "")
        }
    }

    /// Headers promising `claimed` bytes, then `sent`, then the connection
    /// closed.
    pub fn cut(headers: &[(&str, &str)], sent: &[u8], claimed: u64) -> Self {
        Self {
            body: Body::Short {
                sent: sent.to_vec(),
                claimed,
                hang: false,
            },
            ..Self::new(200, headers, "")
        }
    }

    pub fn html(body: &str) -> Self {
        Self::new(200, &[("Content-Type", "text/html; charset=utf-8")], body)
    }
}

type Handler = dyn Fn(&str, &HashMap<String, String>, usize) -> Reply + Send + Sync;

type Counts<T> = Arc<Mutex<HashMap<String, T>>>;

pub struct Server {
    pub port: u16,
    hits: Counts<usize>,
    sent: Counts<u64>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server; `handler(path, lower-cased headers, nth request to
    /// this path starting at 0)`.
    pub fn start(
        handler: impl Fn(&str, &HashMap<String, String>, usize) -> Reply + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let hits: Counts<usize> = Arc::default();
        let sent: Counts<u64> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let hits = Arc::clone(&hits);
            let sent = Arc::clone(&sent);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let hits = Arc::clone(&hits);
                            let sent = Arc::clone(&sent);
                            let handler = Arc::clone(&handler);
                            std::thread::spawn(move || serve(stream, &*handler, &hits, &sent));
                        }
                        Err(_) => std::thread::sleep(std::time::Duration::from_millis(5)),
                    }
                }
            })
        };
        Self {
            port,
            hits,
            sent,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Requests served for `path` so far.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// Body bytes written for `path` so far (all requests).
    pub fn sent(&self, path: &str) -> u64 {
        self.sent.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    stream: TcpStream,
    handler: &Handler,
    hits: &Mutex<HashMap<String, usize>>,
    sent: &Mutex<HashMap<String, u64>>,
) {
    stream.set_nonblocking(false).ok();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .ok();
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .to_owned();
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
            }
        }
        let nth = {
            let mut hits = hits.lock().unwrap();
            let n = hits.entry(path.clone()).or_insert(0);
            *n += 1;
            *n - 1
        };
        let reply = handler(&path, &headers, nth);
        let mut head = format!("HTTP/1.1 {} X\r\n", reply.status);
        match &reply.body {
            Body::Full(body) => head.push_str(&format!("Content-Length: {}\r\n", body.len())),
            Body::Repeat { .. } => head.push_str("Transfer-Encoding: chunked\r\n"),
            Body::Short { claimed, .. } => head.push_str(&format!("Content-Length: {claimed}\r\n")),
        }
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let count = |n: usize| *sent.lock().unwrap().entry(path.clone()).or_insert(0) += n as u64;
        match reply.body {
            Body::Full(body) => {
                if stream.write_all(&body).is_err() {
                    return;
                }
                count(body.len());
            }
            Body::Repeat { piece, total } => {
                let mut left = total;
                while left > 0 {
                    let n = piece.len().min(left as usize);
                    let chunk = [format!("{n:x}\r\n").as_bytes(), &piece[..n], b"\r\n"].concat();
                    if stream.write_all(&chunk).is_err() {
                        return;
                    }
                    count(n);
                    left -= n as u64;
                }
                if stream.write_all(b"0\r\n\r\n").is_err() {
                    return;
                }
            }
            Body::Short { sent, hang, .. } => {
                if stream.write_all(&sent).is_err() {
                    return;
                }
                count(sent.len());
                if hang {
                    // Wait for the client to give up: a read returns when
                    // it closes the connection.
                    stream
                        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                        .ok();
                    let _ = reader.read(&mut [0; 1]);
                }
                // Closing the connection ends a body left short.
                return;
            }
        }
    }
}

/// An answer read by [`request`].
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: String,
}

/// One HTTP/1.1 request to a server on 127.0.0.1 (`url` is
/// `http://127.0.0.1:PORT/path?query`), the connection closed after it.
pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let rest = url.strip_prefix("http://").expect("an http URL");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut stream = TcpStream::connect(host).expect("connect to the test server");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .ok();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let body = if headers
        .get("transfer-encoding")
        .is_some_and(|t| t == "chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// `application/x-www-form-urlencoded` of one pair.
pub fn form(key: &str, value: &str) -> String {
    let mut out = format!("{key}=");
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
