//! Reading the Content Security Policy the app's document really runs under, and checking it
//! against the contract's rules (issue 6, item 4).

use std::collections::BTreeMap;

use anyhow::{anyhow, Result};
use serde_json::Value;

use crate::session::App;

/// Fetch directives that fall back to `default-src` when absent.
const FETCH_DIRECTIVES: &[&str] = &["script-src", "object-src", "img-src", "style-src", "frame-src", "connect-src"];

/// Triggers one CSP violation in the main window (a blocked `eval`) and reports the policy the
/// engine enforced, from the `securitypolicyviolation` event. `connect-src` forbids fetching the
/// page again to read its header, so the engine is asked instead: this is the policy in force,
/// whichever way (header or meta) it arrived.
const READ_POLICY: &str = r#"
const done = arguments[arguments.length - 1];
const seen = [];
const listener = (event) => seen.push({ policy: event.originalPolicy, directive: event.effectiveDirective, disposition: event.disposition });
document.addEventListener('securitypolicyviolation', listener);
let evalThrew = null;
try { eval('1'); evalThrew = false; } catch (error) { evalThrew = error && error.name; }
setTimeout(() => {
  document.removeEventListener('securitypolicyviolation', listener);
  const metas = Array.from(document.querySelectorAll('meta[http-equiv]'))
    .filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy')
    .map((m) => m.content);
  done({ seen, evalThrew, metas });
}, 300);
"#;

/// A parsed policy: directive name to its source list, as the browser reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The policy text it was parsed from.
    pub text: String,
    directives: BTreeMap<String, Vec<String>>,
}

impl Policy {
    /// Parses `text` the CSP way: `;`-separated directives, the first of a name wins.
    pub fn parse(text: &str) -> Self {
        let mut directives = BTreeMap::new();
        for directive in text.split(';') {
            let mut words = directive.split_ascii_whitespace();
            let Some(name) = words.next() else { continue };
            directives.entry(name.to_ascii_lowercase()).or_insert_with(|| words.map(str::to_string).collect());
        }
        Self { text: text.to_string(), directives }
    }

    /// The sources that govern `directive`, following the `default-src` fallback.
    pub fn sources(&self, directive: &str) -> Option<&[String]> {
        self.directives
            .get(directive)
            .or_else(|| FETCH_DIRECTIVES.contains(&directive).then(|| self.directives.get("default-src")).flatten())
            .map(Vec::as_slice)
    }

    /// Every way this policy falls short of the contract; empty when it is strict.
    pub fn weaknesses(&self) -> Vec<String> {
        let mut found = Vec::new();
        match self.sources("script-src") {
            None => found.push("no script-src (nor default-src): any script may run".to_string()),
            Some(sources) => {
                for source in sources {
                    let lower = source.to_ascii_lowercase();
                    if [
                        "'unsafe-eval'",
                        "'unsafe-inline'",
                        "'wasm-unsafe-eval'",
                        "data:",
                        "blob:",
                        "*",
                        "http:",
                        "https:",
                    ]
                    .contains(&lower.as_str())
                    {
                        found.push(format!("script-src allows {source}"));
                    }
                }
            }
        }
        for directive in ["object-src", "base-uri", "frame-ancestors"] {
            if self.sources(directive) != Some(&["'none'".to_string()][..]) {
                found.push(format!("{directive} is {:?}, not 'none'", self.sources(directive)));
            }
        }
        found
    }
}

/// What the main window reports about its policy.
#[derive(Debug)]
pub struct EnforcedPolicy {
    /// The policies the engine enforced (from violation reports), deduplicated.
    pub enforced: Vec<Policy>,
    /// Policies delivered as `<meta http-equiv>` in the document.
    pub meta: Vec<Policy>,
    /// What `eval('1')` threw (`EvalError`), or `None` if it ran.
    pub eval_error: Option<String>,
}

impl App {
    /// The Content Security Policy in force in the main window, read from the engine.
    pub async fn enforced_policy(&self) -> Result<EnforcedPolicy> {
        let report = self.js_async(READ_POLICY, vec![]).await?;
        let strings = |value: Option<&Value>| -> Vec<String> {
            value
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        };
        let seen =
            report.get("seen").and_then(Value::as_array).ok_or_else(|| anyhow!("no violation report: {report}"))?;
        let mut enforced: Vec<Policy> = Vec::new();
        for violation in seen {
            if violation["disposition"] != "enforce" {
                continue;
            }
            let Some(text) = violation["policy"].as_str() else { continue };
            if !enforced.iter().any(|p| p.text == text) {
                enforced.push(Policy::parse(text));
            }
        }
        let eval_error = match &report["evalThrew"] {
            Value::String(name) => Some(name.clone()),
            _ => None,
        };
        Ok(EnforcedPolicy {
            enforced,
            meta: strings(report.get("metas")).iter().map(|t| Policy::parse(t)).collect(),
            eval_error,
        })
    }
}
