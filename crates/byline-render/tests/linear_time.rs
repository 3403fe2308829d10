//! Pathological inputs that made parts of the pipeline quadratic: each must render (correctly)
//! in about linear time. The time bound is a ratio, not a duration: the same input shape at
//! eight times the size must take well under the 64 times quadratic code would, however slow
//! or loaded the machine is.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use byline_render::{plain_text, RenderOptions, Renderer};

fn render(markdown: &str) -> String {
    Renderer::new().render(markdown, &RenderOptions::default()).html
}

fn link(text: &str) -> String {
    format!("<a href=\"http://{text}\" rel=\"noopener noreferrer\">{text}</a>")
}

/// How much longer eight times the input may take: linear is 8, `n log n` about 10, quadratic 64.
const MAX_RATIO: f64 = 24.0;

/// One timing at a time, so a test's small and large runs see the same machine.
static TIMING: Mutex<()> = Mutex::new(());

/// Fails if `work` on `input(8 × n)` takes more than [`MAX_RATIO`] times as long as on
/// `input(n)`; each is the best of a few runs, which filters out the machine's noise.
fn assert_linear(n: usize, input: impl Fn(usize) -> String, work: impl Fn(&str)) {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let best = |text: &str| {
        (0..3)
            .map(|_| {
                let started = Instant::now();
                work(text);
                started.elapsed()
            })
            .min()
            .unwrap_or_default()
            // A timer's resolution is not a measurement.
            .max(Duration::from_micros(50))
    };
    let (small, large) = (input(n), input(8 * n));
    let (t_small, t_large) = (best(&small), best(&large));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    assert!(
        ratio < MAX_RATIO,
        "8× the input took {ratio:.1}× as long ({t_small:?} → {t_large:?}): the code is not linear any more"
    );
}

fn assert_renders_linearly(n: usize, input: impl Fn(usize) -> String) {
    assert_linear(n, input, |text| {
        Renderer::new().render(text, &RenderOptions::default());
    });
}

#[test]
fn bare_url_followed_by_many_closing_parens() {
    let parens = ")".repeat(100_000);
    let html = render(&format!("www.a.com{parens}"));
    assert!(html.contains(&format!("{}{parens}</p>", link("www.a.com"))), "{}", &html[..200]);
    assert_renders_linearly(12_500, |n| format!("www.a.com{}", ")".repeat(n)));
}

#[test]
fn bare_url_with_nested_parens() {
    let html = render(&format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(100_000)));
    let kept = format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(50_000));
    assert!(html.contains(&format!("{}{}</p>", link(&kept), ")".repeat(50_000))), "{}", &html[..200]);
    assert_renders_linearly(6_250, |n| format!("www.a.com{}{}", "(".repeat(n), ")".repeat(2 * n)));
}

#[test]
fn one_megabyte_bare_url() {
    let url = format!("www.example.com/{}", "ab/".repeat(350_000));
    let html = render(&url);
    assert!(html.contains(&link(&url)), "{}", &html[..200]);
    assert_renders_linearly(40_000, |n| format!("www.example.com/{}", "ab/".repeat(n)));
}

#[test]
fn many_url_candidates_in_one_word() {
    let html = render(&"(www.".repeat(100_000));
    assert!(!html.contains("<a"), "{}", &html[..200]);
    let html = render(&format!("{}a.b)", "_www.".repeat(100_000)));
    assert_eq!(html.matches("<a ").count(), 1, "{}", &html[..200]);
    assert_renders_linearly(12_500, |n| "(www.".repeat(n));
    assert_renders_linearly(12_500, |n| format!("{}a.b)", "_www.".repeat(n)));
}

#[test]
fn many_equal_headings() {
    let r = Renderer::new().render(&"# Same\n".repeat(50_000), &RenderOptions::default());
    assert_eq!(r.toc.last().map(|e| e.id.as_str()), Some("bl-same-49999"));
    assert_renders_linearly(6_250, |n| "# Same\n".repeat(n));
}

#[test]
fn many_text_pieces_and_paragraphs() {
    let html = render(&"a[".repeat(200_000));
    assert!(html.ends_with("a[</p>\n"), "{}", &html[html.len() - 50..]);
    let text = plain_text(&"word\n\n".repeat(200_000), usize::MAX);
    assert_eq!(text.matches("word").count(), 200_000);
    assert_renders_linearly(25_000, |n| "a[".repeat(n));
    assert_linear(
        25_000,
        |n| "word\n\n".repeat(n),
        |text| {
            plain_text(text, usize::MAX);
        },
    );
}

#[test]
fn many_template_openers_without_closers_on_one_line() {
    let html = render(&"{{ {% {{< {{% '\"".repeat(50_000));
    assert!(!html.contains("bl-template"), "{}", &html[..200]);
    assert_renders_linearly(6_250, |n| "{{ {% {{< {{% '\"".repeat(n));
}

#[test]
fn many_template_tags_with_quotes_that_pair_across_tags() {
    // From each `'`, the next `'` closes it three tags on: each tag spans three, and no scan
    // runs far past the tag it finds.
    let html = render(&"{{ ' }}{{< \" >}}".repeat(30_000));
    assert_eq!(html.matches("bl-template-tag").count(), 20_000, "{}", &html[..200]);
    assert_renders_linearly(3_750, |n| "{{ ' }}{{< \" >}}".repeat(n));
}

#[test]
fn many_highlight_openers_and_blocks() {
    // Openers that never close, then many small blocks: pairing and checking stay linear.
    let unclosed = "{{< highlight go >}}\n\n".repeat(20_000);
    assert_eq!(render(&unclosed).matches("bl-template-block").count(), 20_000);
    let blocks = "{% raw %}\nx\n{% endraw %}\n\n".repeat(20_000);
    let r = Renderer::new().render(&blocks, &RenderOptions::default());
    assert_eq!(r.html.matches("bl-template-pair").count(), 20_000);
    assert_eq!(r.stats, byline_render::text_stats(&blocks));
    assert_renders_linearly(2_500, |n| "{{< highlight go >}}\n\n".repeat(n));
    assert_renders_linearly(2_500, |n| "{% raw %}\nx\n{% endraw %}\n\n".repeat(n));
}

/// The guard itself: code that is quadratic fails it.
#[test]
#[should_panic(expected = "not linear")]
fn the_ratio_bound_catches_quadratic_work() {
    assert_linear(
        2_000,
        |n| "x".repeat(n),
        |text| {
            let mut pairs = 0u64;
            for (i, a) in text.bytes().enumerate() {
                for b in text.bytes().skip(i) {
                    pairs += u64::from(a == b);
                }
            }
            std::hint::black_box(pairs);
        },
    );
}
