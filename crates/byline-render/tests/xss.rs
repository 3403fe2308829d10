//! The XSS corpus (tests/fixtures/xss.txt): every case rendered, every output checked for
//! scripts, event handlers, styles, foreign tags, dangerous URL schemes and unprefixed ids.

mod common;

use byline_render::{RenderOptions, Renderer};

const DELIMITER: &str = "~~~~~ case ~~~~~";

fn cases() -> Vec<String> {
    let corpus = include_str!("fixtures/xss.txt");
    let mut cases = vec![String::new()];
    for line in corpus.lines() {
        if line == DELIMITER {
            cases.push(String::new());
        } else if let Some(last) = cases.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    cases.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

#[test]
fn corpus_is_substantial() {
    assert!(cases().len() >= 60, "only {} cases", cases().len());
}

#[test]
fn no_case_survives_sanitization() {
    let renderer = Renderer::new();
    let resolve = |url: &str| Some(format!("assets/{url}"));
    let exported = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true };
    let mut failures = Vec::new();
    for case in cases() {
        for html in [renderer.render(&case).html, renderer.render_with(&case, &exported).html] {
            let found = common::violations(&html);
            if !found.is_empty() {
                failures.push(format!("case:\n{case}\noutput:\n{html}\nviolations: {found:?}\n"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn checker_catches_what_it_should() {
    assert!(!common::violations("<a href=\"java&#x09;script:x\">x</a>").is_empty());
    assert!(!common::violations("<img src=\"x\" onerror=\"alert(1)\">").is_empty());
    assert!(!common::violations("<p style=\"color:red\">x</p>").is_empty());
    assert!(!common::violations("<svg></svg>").is_empty());
    assert!(!common::violations("<a id=\"app\">x</a>").is_empty());
    assert!(!common::violations("<a href=\"#app\">x</a>").is_empty());
    assert!(common::violations("<a href=\"#bl-x\" rel=\"noopener\">x</a><img src=\"a.png\">").is_empty());
}

#[test]
fn language_injection_stays_inert() {
    let html = Renderer::new().render("```\"><script>alert(1)</script>\ncode\n```\n\n```rust onmouseover=alert(1)\nfn a() {}\n```\n").html;
    assert!(!html.contains("onmouseover"), "{html}");
    assert!(html.contains("data-lang=\"rust\""), "{html}");
    assert!(common::violations(&html).is_empty(), "{html}");
}

#[test]
fn id_clobbering_is_prevented() {
    let html = Renderer::new().render("<a id=\"app\">x</a> <form name=\"settings\"><input name=\"x\"></form> <img name=\"body\" src=\"a.png\">").html;
    assert!(html.contains("id=\"bl-app\""), "{html}");
    assert!(!html.contains("name="), "{html}");
}
