//! The share prompt under an article: plain links to each network's own "share this" URL, built
//! from the page's canonical URL and title, so sharing needs no script and no third-party
//! button that would track every reader.

use serde::Serialize;

/// One share link as the templates see it (`page.share`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareLink {
    /// Network key: email, bluesky, linkedin, hackernews, reddit, x.
    pub key: &'static str,
    /// What the link says, e.g. "Hacker News".
    pub label: &'static str,
    /// The full share URL, already percent-encoded (the template escapes it for HTML).
    pub url: String,
}

/// The share links for the page at `url` titled `title`, in the order the prompt shows them.
pub(crate) fn share_links(url: &str, title: &str) -> Vec<ShareLink> {
    let u = encode(url);
    let t = encode(title);
    let both = encode(&format!("{title} {url}"));
    vec![
        ShareLink { key: "email", label: "Email", url: format!("mailto:?subject={t}&body={u}") },
        ShareLink { key: "bluesky", label: "Bluesky", url: format!("https://bsky.app/intent/compose?text={both}") },
        ShareLink {
            key: "linkedin",
            label: "LinkedIn",
            url: format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        },
        ShareLink {
            key: "hackernews",
            label: "Hacker News",
            url: format!("https://news.ycombinator.com/submitlink?u={u}&t={t}"),
        },
        ShareLink { key: "reddit", label: "Reddit", url: format!("https://www.reddit.com/submit?url={u}&title={t}") },
        ShareLink { key: "x", label: "X", url: format!("https://x.com/intent/post?url={u}&text={t}") },
    ]
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a title with `&`, `#`
/// or `?` cannot end the query parameter it sits in.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_urls_cannot_break_out_of_their_parameter() {
        let links = share_links("https://example.org/a?b=1&c=2#x", "Rock & \"Roll\" <now> 100% Café");
        let hn = links.iter().find(|l| l.key == "hackernews").unwrap();
        assert_eq!(
            hn.url,
            "https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1%26c%3D2%23x\
             &t=Rock%20%26%20%22Roll%22%20%3Cnow%3E%20100%25%20Caf%C3%A9"
        );
        for link in &links {
            let query = link.url.split_once('?').unwrap().1;
            assert!(!query.contains(['"', '<', '>', ' ', '#']), "{}: {query}", link.key);
            assert!(link.url.starts_with("https://") || link.url.starts_with("mailto:"), "{}", link.url);
        }
        assert_eq!(
            links.iter().map(|l| l.label).collect::<Vec<_>>(),
            ["Email", "Bluesky", "LinkedIn", "Hacker News", "Reddit", "X"]
        );
    }
}
