//! Keystroke-to-preview time on a long draft, measured in the real window (printed, not
//! asserted: benches report, tests assert behaviour), and the app's idle memory.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, Library};
use fantoccini::key::Key;

const LANGUAGES: [(&str, &str); 6] = [
    ("rust", "fn total(xs: &[u32]) -> u32 {\n    xs.iter().sum()\n}"),
    ("python", "def total(xs):\n    return sum(xs)"),
    ("js", "const total = (xs) => xs.reduce((a, b) => a + b, 0);"),
    ("go", "func total(xs []int) int {\n\tn := 0\n\tfor _, x := range xs {\n\t\tn += x\n\t}\n\treturn n\n}"),
    ("sql", "SELECT author, count(*) FROM drafts GROUP BY author;"),
    ("bash", "for f in *.md; do wc -w \"$f\"; done"),
];

const WORDS: [&str; 16] = [
    "editor", "draft", "morning", "sentence", "revision", "library", "quiet", "paragraph",
    "reader", "notebook", "river", "careful", "simple", "evening", "margin", "coffee",
];

/// A deterministic ~5,000-word article with twelve fenced code blocks in six languages.
fn long_article() -> String {
    let mut text = String::from("# A long article for timing\n\n");
    let mut word = 0usize;
    for section in 0..12 {
        text.push_str(&format!("## Section {}\n\n", section + 1));
        for _paragraph in 0..6 {
            let sentence: Vec<&str> = (0..68).map(|_| { word += 1; WORDS[(word * 7 + word / 5) % WORDS.len()] }).collect();
            text.push_str(&sentence.join(" "));
            text.push_str(".\n\n");
        }
        let (lang, code) = LANGUAGES[section % LANGUAGES.len()];
        text.push_str(&format!("```{lang}\n{code}\n```\n\n"));
    }
    text
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::test]
async fn keystroke_to_preview_on_a_5000_word_draft() -> Result<()> {
    let article = long_article();
    let words = article.split_whitespace().count();
    ensure!((4500..=5600).contains(&words), "the generated article has {words} words");
    let library = Library::empty()?;
    let slug = library.new_draft("A long article for timing", &article)?;
    with_app("perf", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.js("window.__byline.openDraft(arguments[0]); return null;", vec![slug.into()]).await?;
        app.wait_in_preview("the long draft in the preview", "return doc.querySelectorAll('pre').length >= 12 ? true : null;").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        match byline_e2e::memory::app_memory(&app.library) {
            Ok(report) => println!("with the 5,000-word draft open, {report}"),
            Err(error) => println!("memory: not measured ({error:#})"),
        }

        let editor = app.editor().await?;
        editor.click().await?;
        editor.send_keys(&format!("{}{}", Key::Control, Key::End)).await?;
        let before = app.js("return window.__byline.perf.length;", vec![]).await?.as_u64().unwrap_or(0) as usize;
        const TYPED: &str = "Fifty characters typed one at a time, for timing!!";
        for ch in TYPED.chars() {
            editor.send_keys(&ch.to_string()).await?;
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
        app.wait_for("a keystroke-to-preview sample", FIND_TIMEOUT, || async {
            let count = app.js("return window.__byline.perf.length;", vec![]).await?.as_u64().unwrap_or(0) as usize;
            Ok((count > before).then_some(()))
        })
        .await?;
        // Let the last keystrokes' previews land.
        tokio::time::sleep(Duration::from_millis(800)).await;
        let all = app.js("return Array.from(window.__byline.perf);", vec![]).await?;
        let mut samples: Vec<f64> =
            all.as_array().into_iter().flatten().filter_map(|v| v.as_f64()).skip(before).collect();
        ensure!(!samples.is_empty(), "no keystroke-to-preview samples were recorded");
        ensure!(app.editor_text().await?.trim_end().ends_with(TYPED), "the editor lost typed characters");
        samples.sort_by(|a, b| a.total_cmp(b));
        println!(
            "keystroke-to-preview on a {words}-word draft with 12 code blocks: {} samples, p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            samples.len(),
            percentile(&samples, 50.0),
            percentile(&samples, 95.0),
            samples[samples.len() - 1]
        );
        Ok(())
    })
    .await
}
