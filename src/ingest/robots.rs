//! robots.txt (RFC 9309): the group for our product token, else `*`; the
//! longest matching Allow/Disallow rule wins (Allow on a tie); `*` and `$`
//! wildcards; `Crawl-delay` read as seconds.

/// One group of a robots.txt: its user agents, rules and crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<f64>);

/// The rules that apply to us on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, path pattern), in file order.
    rules: Vec<(bool, String)>,
    /// Seconds between requests the host asks for.
    pub crawl_delay: Option<f64>,
    /// Everything disallowed (robots.txt unreachable with a server error).
    disallow_all: bool,
}

impl Robots {
    /// No rules: everything allowed.
    pub fn allow_all() -> Self {
        Self::default()
    }

    /// Everything disallowed (RFC 9309 §2.3.1.4: a server error on robots.txt).
    pub fn disallow_all() -> Self {
        Self {
            disallow_all: true,
            ..Self::default()
        }
    }

    /// Parses robots.txt for the product `token` (e.g. `claimgraph`).
    pub fn parse(text: &str, token: &str) -> Self {
        let token = token.to_ascii_lowercase();
        // Groups: (agents, rules, delay).
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new(), None));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !value.is_empty()
                    {
                        g.1.push((key == "allow", value.to_owned()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        g.2 = value
                            .parse()
                            .ok()
                            .filter(|d: &f64| d.is_finite() && *d >= 0.0);
                    }
                }
                _ => in_agents = false,
            }
        }
        let ours = |agent: &String| agent != "*" && token.starts_with(agent.as_str());
        let pick = |f: &dyn Fn(&String) -> bool| {
            let mut rules = Vec::new();
            let mut delay = None;
            let mut found = false;
            for (agents, r, d) in &groups {
                if agents.iter().any(f) {
                    found = true;
                    rules.extend(r.iter().cloned());
                    delay = delay.or(*d);
                }
            }
            found.then_some((rules, delay))
        };
        let (rules, crawl_delay) = pick(&ours)
            .or_else(|| pick(&|a: &String| a == "*"))
            .unwrap_or_default();
        Self {
            rules,
            crawl_delay,
            disallow_all: false,
        }
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    pub fn allowed(&self, path: &str) -> bool {
        if self.disallow_all {
            return path == "/robots.txt";
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Whether a robots.txt path pattern matches `path` (prefix match, `*` any
/// run, `$` end).
fn matches(pattern: &str, path: &str) -> bool {
    let anchored = pattern.ends_with('$');
    let pattern = pattern.trim_end_matches('$');
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            at = part.len();
        } else if i == parts.len() - 1 && anchored {
            return path.len() >= at + part.len() && path[at..].ends_with(part);
        } else {
            match path[at..].find(part) {
                Some(found) => at += found + part.len(),
                None => return false,
            }
        }
    }
    !anchored || at == path.len() || (parts.len() > 1 && parts.last() == Some(&""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "User-agent: *\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 2\n\n\
        User-agent: claimgraph\nUser-agent: otherbot\nDisallow: /news/drafts\nDisallow: /*.pdf$\nCrawl-delay: 0.5\n";

    #[test]
    fn our_group_wins_and_the_longest_rule_decides() {
        let ours = Robots::parse(FILE, "claimgraph");
        assert_eq!(ours.crawl_delay, Some(0.5));
        assert!(ours.allowed("/private/x"), "our group has no /private rule");
        assert!(!ours.allowed("/news/drafts/1"));
        assert!(!ours.allowed("/files/a.pdf"));
        assert!(ours.allowed("/files/a.pdf?x=1"));
        let other = Robots::parse(FILE, "somebot");
        assert_eq!(other.crawl_delay, Some(2.0));
        assert!(!other.allowed("/private/x"));
        assert!(other.allowed("/private/open/y"));
        assert!(other.allowed("/"));
    }

    #[test]
    fn odd_files() {
        assert!(Robots::parse("", "claimgraph").allowed("/a"));
        assert!(Robots::parse("garbage\n\0\nDisallow /x", "claimgraph").allowed("/x"));
        let all = Robots::parse("User-agent: *\nDisallow: /\n", "claimgraph");
        assert!(!all.allowed("/"));
        assert!(!Robots::disallow_all().allowed("/a"));
        assert!(Robots::parse("User-agent: *\nDisallow: /*/x$\n", "claimgraph").allowed("/a/x/y"));
        assert!(!Robots::parse("User-agent: *\nDisallow: /*/x$\n", "claimgraph").allowed("/a/x"));
    }
}
