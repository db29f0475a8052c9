//! Fetching pages politely and safely over http(s): timeouts, at most 10
//! redirects, a streamed size cap, HTML only, robots.txt (cached per host),
//! a delay per host (or its Crawl-delay) and a global concurrency limit,
//! retries with backoff on 5xx and 429 (honouring Retry-After), conditional
//! requests, and — unless allowed — no loopback, private, link-local or
//! multicast addresses, checked after DNS and on every redirect.

use super::robots::Robots;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, Semaphore};

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Timeout between reads of the body.
    pub read_timeout: Duration,
    /// Timeout for a whole request, body included.
    pub total_timeout: Duration,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Largest body accepted (decompressed), bytes.
    pub max_bytes: u64,
    /// Contact (URL or e-mail) added to the User-Agent.
    pub contact: Option<String>,
    /// Honour robots.txt.
    pub robots: bool,
    /// Allow loopback, private, link-local and multicast addresses.
    pub allow_private: bool,
    /// Least time between two requests to one host (unless its robots.txt
    /// asks for more).
    pub host_delay: Duration,
    /// Requests in flight at most.
    pub concurrency: usize,
    /// Retries after a 5xx, a 429 or a network error.
    pub retries: u32,
    /// First backoff; doubled on each retry.
    pub backoff: Duration,
    /// Longest Retry-After honoured.
    pub max_retry_after: Duration,
    /// Requests in flight at most to one host.
    pub host_concurrency: usize,
    /// Delay and concurrency for particular hosts (by host name), instead
    /// of `host_delay` and `host_concurrency`.
    pub hosts: HashMap<String, HostPolicy>,
}

/// How politely to treat one host.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HostPolicy {
    /// Least time between two requests (robots.txt may ask for more).
    pub delay: Option<Duration>,
    /// Requests in flight at most.
    pub concurrency: Option<usize>,
}

/// What is fetched: the body types accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// An HTML page (anything else is refused as not HTML).
    Page,
    /// A feed or a sitemap: XML or JSON.
    Feed,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(60),
            max_redirects: 10,
            max_bytes: super::files::DEFAULT_MAX_BYTES,
            contact: None,
            robots: true,
            allow_private: false,
            host_delay: Duration::from_secs(1),
            concurrency: 4,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(120),
            host_concurrency: 2,
            hosts: HashMap::new(),
        }
    }
}

/// Validators remembered from an earlier fetch of a URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag`.
    pub etag: Option<String>,
    /// `Last-Modified`.
    pub last_modified: Option<String>,
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for.
    pub requested: String,
    /// The URL the page came from, after redirects.
    pub url: String,
    /// The Content-Type.
    pub content_type: Option<String>,
    /// The body (empty when not modified).
    pub body: Vec<u8>,
    /// The server said 304 Not Modified.
    pub not_modified: bool,
    /// Validators to send next time.
    pub validators: Validators,
}

/// Why a URL was not fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute http(s) URL.
    #[error("{url}: not an http or https URL")]
    BadUrl {
        /// The URL.
        url: String,
    },
    /// The host resolves to an address refused by default.
    #[error(
        "{url}: refused: {host} is a {kind} address ({addr}); give --allow-private to fetch from it"
    )]
    Private {
        /// The URL.
        url: String,
        /// Its host.
        host: String,
        /// The address.
        addr: IpAddr,
        /// loopback, private, link-local, multicast…
        kind: &'static str,
    },
    /// robots.txt disallows the URL.
    #[error("{url}: disallowed by {robots} (give --ignore-robots to fetch anyway)")]
    Robots {
        /// The URL.
        url: String,
        /// The robots.txt URL.
        robots: String,
    },
    /// Not HTML or XHTML.
    #[error("{url}: skipped: Content-Type {content_type} is not HTML")]
    NotHtml {
        /// The URL.
        url: String,
        /// What it was.
        content_type: String,
    },
    /// Larger than the cap.
    #[error("{url}: refused: body larger than {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: u64,
    },
    /// An HTTP error status (after retries, for 5xx and 429).
    #[error("{url}: HTTP {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
    },
    /// A 429 or 5xx whose Retry-After asks for longer than claimgraph
    /// waits in a pass: not waited for, so the pass goes on.
    #[error(
        "{url}: HTTP {status}, and the server asks to come back in {after} s, more than the {limit} s a pass waits: left for a later pass"
    )]
    Busy {
        /// The URL.
        url: String,
        /// The status.
        status: u16,
        /// Seconds the server asked for.
        after: u64,
        /// Seconds a pass waits at most.
        limit: u64,
    },
    /// Too slow: connecting, waiting for the response or reading the body
    /// (after retries, for the first two).
    #[error("{url}: timed out {during}")]
    Timeout {
        /// The URL.
        url: String,
        /// When, and the limits.
        during: String,
    },
    /// A compressed body (Content-Encoding gzip, deflate or br) that could
    /// not be decompressed: truncated or corrupt.
    #[error(
        "{url}: the body could not be decompressed ({cause}): its Content-Encoding stream is truncated or corrupt"
    )]
    Decode {
        /// The URL.
        url: String,
        /// The decompressor's complaint.
        cause: String,
    },
    /// Network, TLS or redirect failure.
    #[error("{url}: {message}")]
    Network {
        /// The URL.
        url: String,
        /// What happened.
        message: String,
    },
}

impl FetchError {
    /// A short name of the kind of error, for summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::BadUrl { .. } => "bad-url",
            FetchError::Private { .. } => "private-address",
            FetchError::Robots { .. } => "robots",
            FetchError::NotHtml { .. } => "not-html",
            FetchError::TooLarge { .. } => "too-large",
            FetchError::Status { .. } | FetchError::Busy { .. } => "http-status",
            FetchError::Timeout { .. } => "timeout",
            FetchError::Decode { .. } => "decode",
            FetchError::Network { .. } => "network",
        }
    }
}

/// What kind of address is refused by default, if it is one.
pub fn refused_kind(addr: IpAddr) -> Option<&'static str> {
    match addr {
        IpAddr::V4(a) => {
            if a.is_loopback() {
                Some("loopback")
            } else if a.is_private() || a.octets()[0] == 100 && (a.octets()[1] & 0xC0) == 64 {
                Some("private")
            } else if a.is_link_local() {
                Some("link-local")
            } else if a.is_multicast() || a.is_broadcast() {
                Some("multicast")
            } else if a.is_unspecified() || a.octets()[0] == 0 {
                Some("unspecified")
            } else {
                None
            }
        }
        IpAddr::V6(a) => {
            if let Some(v4) = a.to_ipv4_mapped() {
                return refused_kind(IpAddr::V4(v4));
            }
            let first = a.segments()[0];
            if a.is_loopback() {
                Some("loopback")
            } else if a.is_unspecified() {
                Some("unspecified")
            } else if a.is_multicast() {
                Some("multicast")
            } else if first & 0xFFC0 == 0xFE80 {
                Some("link-local")
            } else if first & 0xFE00 == 0xFC00 {
                Some("private")
            } else {
                None
            }
        }
    }
}

/// Resolves names for reqwest, refusing addresses of the refused kinds (so
/// the check holds after DNS and for every redirect's host).
struct GuardedResolver;

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if let Some((addr, kind)) = addrs
                .iter()
                .find_map(|a| refused_kind(a.ip()).map(|k| (a.ip(), k)))
            {
                return Err(Box::new(Refused { host, addr, kind })
                    as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[derive(Debug)]
struct Refused {
    host: String,
    addr: IpAddr,
    kind: &'static str,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} resolves to a {} address ({})",
            self.host, self.kind, self.addr
        )
    }
}

impl std::error::Error for Refused {}

/// A fetcher: one HTTP client, robots.txt per host, politeness state.
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    robots: Mutex<HashMap<String, Arc<tokio::sync::OnceCell<Arc<Robots>>>>>,
    next_slot: Mutex<HashMap<String, Instant>>,
    slots: Semaphore,
    host_slots: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// The product token robots.txt groups are matched against.
pub const PRODUCT: &str = "claimgraph";

impl Fetcher {
    /// A fetcher with `options`.
    pub fn new(options: FetchOptions) -> Result<Self, FetchError> {
        let agent = match &options.contact {
            Some(c) => format!("{PRODUCT}/{} (+{c})", env!("CARGO_PKG_VERSION")),
            None => format!("{PRODUCT}/{}", env!("CARGO_PKG_VERSION")),
        };
        let max_redirects = options.max_redirects;
        let allow_private = options.allow_private;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                return attempt.error(format!("more than {max_redirects} redirects"));
            }
            let url = attempt.url();
            if !matches!(url.scheme(), "http" | "https") {
                let scheme = url.scheme().to_owned();
                return attempt.error(format!("redirect to a {scheme}: URL refused"));
            }
            if !allow_private && let Some(kind) = literal_ip(url).and_then(refused_kind) {
                let url = url.to_string();
                return attempt.error(format!("redirect to {url} refused: a {kind} address"));
            }
            attempt.follow()
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(agent)
            .connect_timeout(options.connect_timeout)
            .read_timeout(options.read_timeout)
            .timeout(options.total_timeout)
            .redirect(policy);
        if !options.allow_private {
            builder = builder.dns_resolver(Arc::new(GuardedResolver));
        }
        let client = builder.build().map_err(|e| FetchError::Network {
            url: String::new(),
            message: format!("cannot build the HTTP client: {e}"),
        })?;
        Ok(Self {
            slots: Semaphore::new(options.concurrency.max(1)),
            client,
            options,
            robots: Mutex::new(HashMap::new()),
            next_slot: Mutex::new(HashMap::new()),
            host_slots: Mutex::new(HashMap::new()),
        })
    }

    /// Fetches one page, with the validators of an earlier fetch if any.
    pub async fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        self.fetch_as(url, validators, Want::Page).await
    }

    /// The policy for a URL's host.
    fn policy(&self, url: &reqwest::Url) -> HostPolicy {
        url.host_str()
            .and_then(|h| self.options.hosts.get(h))
            .copied()
            .unwrap_or_default()
    }

    /// The semaphore limiting requests in flight to one host.
    async fn host_slot(&self, host: &str, concurrency: usize) -> Arc<Semaphore> {
        Arc::clone(
            self.host_slots
                .lock()
                .await
                .entry(host.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(concurrency.max(1)))),
        )
    }

    /// Fetches one document of the kind wanted.
    pub async fn fetch_as(
        &self,
        url: &str,
        validators: &Validators,
        want: Want,
    ) -> Result<Fetched, FetchError> {
        let parsed = reqwest::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
            .ok_or_else(|| FetchError::BadUrl { url: url.into() })?;
        if !self.options.allow_private
            && let Some(addr) = literal_ip(&parsed)
            && let Some(kind) = refused_kind(addr)
        {
            return Err(FetchError::Private {
                url: url.into(),
                host: parsed.host_str().unwrap_or_default().into(),
                addr,
                kind,
            });
        }
        let host = host_key(&parsed);
        let robots = if self.options.robots {
            let robots = self.robots_for(&parsed, &host).await;
            let path = match parsed.query() {
                Some(q) => format!("{}?{q}", parsed.path()),
                None => parsed.path().to_owned(),
            };
            if !robots.allowed(&path) {
                return Err(FetchError::Robots {
                    url: url.into(),
                    robots: robots_url(&parsed),
                });
            }
            Some(robots)
        } else {
            None
        };
        let policy = self.policy(&parsed);
        let delay = robots
            .as_ref()
            .and_then(|r| r.crawl_delay)
            .map(|s| Duration::from_secs_f64(s.min(60.0)))
            .unwrap_or_default()
            .max(policy.delay.unwrap_or(self.options.host_delay));
        let host_slot = self
            .host_slot(
                &host,
                policy.concurrency.unwrap_or(self.options.host_concurrency),
            )
            .await;
        let mut attempt = 0;
        loop {
            let response = {
                let _host = host_slot.acquire().await.expect("semaphore never closed");
                let _slot = self.slots.acquire().await.expect("semaphore never closed");
                self.wait_turn(&host, delay).await;
                self.get(url, validators, want).await
            };
            match response {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let retryable = status == 429 || (500..600).contains(&status);
                    let asked = retryable.then(|| retry_after(&r)).flatten();
                    // An hour's Retry-After would hold the whole pass.
                    if let Some(after) = asked.filter(|a| *a > self.options.max_retry_after) {
                        return Err(FetchError::Busy {
                            url: url.into(),
                            status,
                            after: after.as_secs(),
                            limit: self.options.max_retry_after.as_secs(),
                        });
                    }
                    if retryable && attempt < self.options.retries {
                        let wait = asked.unwrap_or(self.options.backoff * 2u32.pow(attempt));
                        attempt += 1;
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    return self.read(url, r, want).await;
                }
                Err(e) => {
                    let refused = find_refused(&e);
                    if let Some(r) = refused {
                        return Err(FetchError::Private {
                            url: url.into(),
                            host: r.host.clone(),
                            addr: r.addr,
                            kind: r.kind,
                        });
                    }
                    let retryable = (e.is_timeout() || e.is_connect()) && !e.is_redirect();
                    if retryable && attempt < self.options.retries {
                        tokio::time::sleep(self.options.backoff * 2u32.pow(attempt)).await;
                        attempt += 1;
                        continue;
                    }
                    if e.is_timeout() {
                        let during = if e.is_connect() {
                            format!("connecting (limit {})", secs(self.options.connect_timeout))
                        } else {
                            format!(
                                "waiting for the response (limit {})",
                                secs(self.options.total_timeout)
                            )
                        };
                        return Err(FetchError::Timeout {
                            url: url.into(),
                            during: if attempt > 0 {
                                format!("{during}, {} attempts", attempt + 1)
                            } else {
                                during
                            },
                        });
                    }
                    return Err(FetchError::Network {
                        url: url.into(),
                        message: describe(&e),
                    });
                }
            }
        }
    }

    async fn get(
        &self,
        url: &str,
        validators: &Validators,
        want: Want,
    ) -> reqwest::Result<reqwest::Response> {
        let accept = match want {
            Want::Page => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            Want::Feed => {
                "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1"
            }
        };
        let mut request = self.client.get(url).header(reqwest::header::ACCEPT, accept);
        if let Some(etag) = &validators.etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        request.send().await
    }

    async fn read(
        &self,
        url: &str,
        mut r: reqwest::Response,
        want: Want,
    ) -> Result<Fetched, FetchError> {
        let header = |r: &reqwest::Response, name: reqwest::header::HeaderName| {
            r.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let validators = Validators {
            etag: header(&r, reqwest::header::ETAG),
            last_modified: header(&r, reqwest::header::LAST_MODIFIED),
        };
        let final_url = r.url().to_string();
        let status = r.status().as_u16();
        if status == 304 {
            return Ok(Fetched {
                requested: url.into(),
                url: final_url,
                content_type: None,
                body: Vec::new(),
                not_modified: true,
                validators,
            });
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.into(),
                status,
            });
        }
        let content_type = header(&r, reqwest::header::CONTENT_TYPE);
        if want == Want::Page
            && let Some(mime) = content_type.as_deref().and_then(super::extract::not_html)
        {
            return Err(FetchError::NotHtml {
                url: url.into(),
                content_type: mime,
            });
        }
        let limit = self.options.max_bytes;
        if r.content_length().is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge {
                url: url.into(),
                limit,
            });
        }
        let mut body = Vec::new();
        loop {
            match r.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() as u64 + chunk.len() as u64 > limit {
                        return Err(FetchError::TooLarge {
                            url: url.into(),
                            limit,
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return Err(self.body_error(url, &e)),
            }
        }
        Ok(Fetched {
            requested: url.into(),
            url: final_url,
            content_type,
            body,
            not_modified: false,
            validators,
        })
    }

    /// What went wrong while reading a body. reqwest reports every body
    /// error as "error decoding response body"; beneath it is a timeout, the
    /// connection's error (hyper's), or the decompressor's `io::Error`.
    fn body_error(&self, url: &str, e: &reqwest::Error) -> FetchError {
        if e.is_timeout() {
            return FetchError::Timeout {
                url: url.into(),
                during: format!(
                    "reading the body (limits: {} between reads, {} in all)",
                    secs(self.options.read_timeout),
                    secs(self.options.total_timeout)
                ),
            };
        }
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            if s.is::<reqwest::Error>() {
                source = s.source();
                continue;
            }
            if s.is::<std::io::Error>() || s.to_string().contains("decompressed") {
                return FetchError::Decode {
                    url: url.into(),
                    cause: s.to_string(),
                };
            }
            break;
        }
        let mut message = describe(e);
        for generic in [
            "error decoding response body: ",
            "request or response body error: ",
        ] {
            message = message.replacen(generic, "", 1);
        }
        FetchError::Network {
            url: url.into(),
            message: format!("the connection failed while reading the body: {message}"),
        }
    }

    /// Sleeps until this host may be asked again, and books the next slot.
    async fn wait_turn(&self, host: &str, delay: Duration) {
        let wait = {
            let mut slots = self.next_slot.lock().await;
            let now = Instant::now();
            let at = slots.get(host).copied().unwrap_or(now).max(now);
            slots.insert(host.to_owned(), at + delay);
            at - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// The host's robots.txt, fetched once per host even when many of its
    /// URLs start at the same time.
    async fn robots_for(&self, url: &reqwest::Url, host: &str) -> Arc<Robots> {
        let cell = Arc::clone(self.robots.lock().await.entry(host.to_owned()).or_default());
        let robots = cell
            .get_or_init(|| async {
                let robots_url = robots_url(url);
                let robots = match self.client.get(&robots_url).send().await {
                    Ok(r) if r.status().is_success() => {
                        let text = r.text().await.unwrap_or_default();
                        Robots::parse(&text, PRODUCT)
                    }
                    // RFC 9309: a server error means disallow all; any 4xx,
                    // or no answer, means no rules.
                    Ok(r) if r.status().is_server_error() => Robots::disallow_all(),
                    Ok(_) | Err(_) => Robots::allow_all(),
                };
                Arc::new(robots)
            })
            .await;
        Arc::clone(robots)
    }
}

fn host_key(url: &reqwest::Url) -> String {
    format!(
        "{}://{}:{}",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(0)
    )
}

fn robots_url(url: &reqwest::Url) -> String {
    let mut r = url.clone();
    r.set_path("/robots.txt");
    r.set_query(None);
    r.set_fragment(None);
    r.to_string()
}

fn literal_ip(url: &reqwest::Url) -> Option<IpAddr> {
    match url.host()? {
        url::Host::Ipv4(a) => Some(IpAddr::V4(a)),
        url::Host::Ipv6(a) => Some(IpAddr::V6(a)),
        url::Host::Domain(_) => None,
    }
}

fn retry_after(r: &reqwest::Response) -> Option<Duration> {
    let value = r
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?;
    if let Ok(secs) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value.trim()).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

fn find_refused(e: &reqwest::Error) -> Option<&Refused> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(r) = s.downcast_ref::<Refused>() {
            return Some(r);
        }
        source = s.source();
    }
    None
}

/// A duration for messages: `1 s`, `2.5 s`.
fn secs(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

/// The error and its causes on one line.
fn describe(e: &reqwest::Error) -> String {
    if e.is_connect() && !e.is_timeout() {
        // reqwest's own text repeats the URL; the innermost cause says why.
        let mut cause = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            cause = s.to_string();
            source = s.source();
        }
        return format!("could not connect: {cause}");
    }
    let mut parts = vec![if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_redirect() {
        "redirect failed".to_owned()
    } else {
        e.to_string()
    }];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_address_kinds() {
        for (addr, kind) in [
            ("127.0.0.1", Some("loopback")),
            ("10.1.2.3", Some("private")),
            ("192.168.0.1", Some("private")),
            ("172.16.5.4", Some("private")),
            ("100.64.0.1", Some("private")),
            ("169.254.169.254", Some("link-local")),
            ("224.0.0.1", Some("multicast")),
            ("0.0.0.0", Some("unspecified")),
            ("::1", Some("loopback")),
            ("fe80::1", Some("link-local")),
            ("fd00::1", Some("private")),
            ("::ffff:127.0.0.1", Some("loopback")),
            ("93.184.216.34", None),
            ("2606:2800:220:1::", None),
        ] {
            assert_eq!(refused_kind(addr.parse().unwrap()), kind, "{addr}");
        }
    }
}
