//! Keystroke-to-preview in the real window on the `make bench` article and book (figures are
//! printed and, for `make bench`, written as JSON rows; never asserted: benches report, tests
//! assert behaviour). What is asserted: every typed character reaches the editor and the
//! preview follows.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::bench_inputs::{self, approximate_words};
use byline_e2e::figures::Figure;
use byline_e2e::typing_probe::{render_breakdown, type_and_measure, TypingSamples};
use byline_e2e::{with_app, App, Library};

/// Fifty characters, typed one at a time (a fast typist's 40 ms apart).
const TYPED: &str = " Fifty characters typed one at a time, for timing!";

/// Opens `slug`, waits for its `code_blocks` code blocks in the preview, types [`TYPED`] at
/// the end, and reports the figures as `app/*_{name}`.
async fn measure_typing(app: &App, slug: &str, code_blocks: usize, name: &str, input: &str) -> Result<TypingSamples> {
    app.wait_ready().await?;
    app.open_draft(&slug).await?;
    app.wait_in_preview(
        "the long draft in the preview",
        &format!("return doc.querySelectorAll('pre').length >= {code_blocks} ? true : null;"),
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let samples = type_and_measure(app, TYPED, Duration::from_millis(40), Duration::from_secs(10)).await?;
    ensure!(!samples.to_preview.is_empty(), "no keystroke-to-preview samples were recorded on the {name}");
    let preview_text = app.in_preview("return doc.body.textContent.includes('for timing!');").await?;
    ensure!(preview_text == Some(true.into()), "the preview does not show the text typed into the {name}");
    Figure::report_app_ms(name, input, &samples.by_metric())?;
    let breakdown = render_breakdown(app, 5).await?;
    Figure::report_app_ms(
        name,
        input,
        &[
            ("render_command_unchanged_text", &breakdown.full),
            ("render_command_one_word", &breakdown.tiny),
            ("json_stringify_text", &breakdown.stringify),
        ],
    )?;
    Ok(samples)
}

#[tokio::test]
async fn keystroke_to_preview_on_the_bench_article() -> Result<()> {
    let article = bench_inputs::article()?;
    let words = approximate_words(&article);
    ensure!((4500..=6500).contains(&words), "the bench article has {words} words");
    let library = Library::empty()?;
    let slug = library.new_draft("Measuring the preview", &article)?;
    let input = format!("article, {words} words, 12 code blocks");
    with_app("perf-article", &library.path(), |app| async move {
        measure_typing(&app, &slug, 12, "article", &input).await?;
        match byline_e2e::memory::app_memory(&app.library) {
            Ok(report) => println!("with the article open, {report}"),
            Err(error) => println!("memory: not measured ({error:#})"),
        }
        Ok(())
    })
    .await
}

#[tokio::test]
async fn keystroke_to_preview_on_the_bench_book() -> Result<()> {
    let book = bench_inputs::book()?;
    let words = approximate_words(&book);
    ensure!(words >= 90_000, "the bench book has {words} words");
    let library = Library::empty()?;
    let slug = library.new_draft("The book", &book)?;
    let input = format!("book, {words} words, 60 code blocks");
    with_app("perf-book", &library.path(), |app| async move {
        measure_typing(&app, &slug, 60, "book", &input).await?;
        Ok(())
    })
    .await
}
