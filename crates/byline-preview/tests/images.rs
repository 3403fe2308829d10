//! The preview of a draft with images: URLs resolved per block under the image set's identity,
//! so typing keeps the one-paragraph fast path, and the result is what a whole render gives.

#![allow(clippy::unwrap_used)]

use byline_preview::{Preview, PreviewOptions, Urls};
use byline_render::{RenderOptions, Renderer};

const PNG: &str = "data:image/png;base64,iVBORw0KGgo=";

fn draft() -> String {
    let mut doc = String::from("# Trip\n\n![Beach](images/beach.png)\n\n");
    for i in 0..30 {
        doc.push_str(&format!("Paragraph {i} with *some* text and [a link](notes.md).\n\n"));
    }
    doc.push_str("![Hill](images/hill.png \"The hill\")\n");
    doc
}

fn resolve(url: &str) -> Option<String> {
    url.starts_with("images/").then(|| PNG.to_owned())
}

fn other(url: &str) -> Option<String> {
    (url == "images/beach.png").then(|| "data:image/gif;base64,R0lGODlh".to_owned())
}

fn whole(markdown: &str, resolve: &(dyn Fn(&str) -> Option<String> + Sync)) -> String {
    Renderer::shared().render_whole(markdown, &RenderOptions { resolve_url: Some(resolve), ..Default::default() }).html
}

#[test]
fn typing_in_a_draft_with_images_takes_the_fast_path() {
    let preview = Preview::new();
    let options =
        PreviewOptions { urls: Some(Urls { identity: "beach+hill", resolve: &resolve }), ..Default::default() };
    let doc = draft();
    let first = preview.render_with(&doc, &options).html;
    assert!(first.contains(&format!("<img src=\"{PNG}\" alt=\"Beach\">")), "{first}");
    assert_eq!(first, whole(&doc, &resolve));
    let before = preview.block_cache_stats();
    let edited = doc.replace("Paragraph 20 with", "Paragraph 20 now with");
    let html = preview.render_with(&edited, &options).html;
    let after = preview.block_cache_stats();
    assert_eq!(after.misses - before.misses, 1, "only the edited paragraph is sanitized again");
    assert_eq!(after.hits - before.hits, 0, "the paragraph was patched into the last render");
    assert_eq!(html, whole(&edited, &resolve));

    // Enter typed: the lines after it move, the images' data URIs with them.
    let split = edited.replace("Paragraph 10 with", "Paragraph 10\nwith");
    let html = preview.render_with(&split, &options).html;
    assert_eq!(preview.block_cache_stats().hits, after.hits, "patched again");
    assert_eq!(html, whole(&split, &resolve));
}

#[test]
fn changing_the_image_set_renders_in_full() {
    let preview = Preview::new();
    let doc = draft();
    let one = PreviewOptions { urls: Some(Urls { identity: "one", resolve: &resolve }), ..Default::default() };
    let two = PreviewOptions { urls: Some(Urls { identity: "two", resolve: &other }), ..Default::default() };
    preview.render_with(&doc, &one);
    let edited = doc.replace("Paragraph 3 with", "Paragraph 3 now with");
    assert_eq!(preview.render_with(&edited, &two).html, whole(&edited, &other), "another image set");
    assert_eq!(preview.render_with(&edited, &one).html, whole(&edited, &resolve), "and back");
    assert_eq!(preview.render(&edited), Renderer::shared().render_whole(&edited, &RenderOptions::default()));
}

#[test]
fn an_author_bio_render_does_not_evict_the_preview_s_last_render() {
    // The export renders author bios through the shared renderer: the preview's last render is
    // its own, so the next keystroke still patches one paragraph.
    let preview = Preview::new();
    let doc = draft();
    preview.render(&doc);
    let bio = RenderOptions { omit_source_lines: true, ..Default::default() };
    byline_render::render("A *short* bio.", &bio);
    let before = preview.block_cache_stats();
    let edited = doc.replace("Paragraph 7 with", "Paragraph 7 now with");
    let html = preview.render(&edited).html;
    let after = preview.block_cache_stats();
    assert_eq!((after.misses - before.misses, after.hits - before.hits), (1, 0), "the fast path");
    assert_eq!(html, Renderer::shared().render_whole(&edited, &RenderOptions::default()).html);
}
