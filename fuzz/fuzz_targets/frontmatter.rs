//! Front matter parsing of arbitrary text: `parse` answers Ok or an error on a line inside the
//! file, never panics; and whatever parses keeps the round-trip properties the crate states
//! (crates/byline-frontmatter/tests/roundtrip.rs): Byline's flavor loses nothing, Hugo keeps what
//! Hugo reads, Zola and Jekyll keep title, subtitle, summary, tags and date.

#![no_main]

use byline_frontmatter::{parse, write, Document, Flavor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = match parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let lines = text.lines().count().max(1);
            assert!((1..=lines).contains(&e.line), "error on line {} of a {lines}-line file: {e}\n{text:?}", e.line);
            return;
        }
    };
    // The round-trip properties are stated for front matter without a second alias of a known
    // field left in `extra` (`cover:` beside `image:`): the writers let the known field win
    // over it, and reading their output back may pick the other alias, or fail on it. Outside
    // that domain, writing must still not panic.
    if doc.front.extra.keys().any(|key| ALIASES.contains(&key.as_str())) {
        for flavor in [Flavor::Byline, Flavor::Hugo, Flavor::Zola, Flavor::Jekyll] {
            write(&doc.front, &doc.body, flavor);
        }
        return;
    }
    let byline = reparse(&doc, Flavor::Byline);
    assert_eq!(byline.body, doc.body, "Byline flavor changed the body of {text:?}");
    let hugo = reparse(&doc, Flavor::Hugo);
    assert_eq!(hugo.body, doc.body, "Hugo flavor changed the body of {text:?}");
    let others = [Flavor::Zola, Flavor::Jekyll].map(|flavor| (flavor, reparse(&doc, flavor)));
    assert_eq!(byline.front, doc.front, "Byline flavor lost front matter of {text:?}");

    let (back, front) = (&hugo.front, &doc.front);
    assert_eq!(
        (&back.title, &back.subtitle, &back.summary, &back.date, &back.updated),
        (&front.title, &front.subtitle, &front.summary, &front.date, &front.updated),
        "Hugo flavor lost a field of {text:?}"
    );
    assert_eq!(
        (&back.tags, &back.authors, &back.image, &back.canonical_url, &back.discuss_url),
        (&front.tags, &front.authors, &front.image, &front.canonical_url, &front.discuss_url),
        "Hugo flavor lost a field of {text:?}"
    );
    for (flavor, other) in &others {
        let back = &other.front;
        assert_eq!(
            (&back.title, &back.subtitle, &back.summary, &back.tags),
            (&front.title, &front.subtitle, &front.summary, &front.tags),
            "{flavor:?} flavor lost a field of {text:?}"
        );
        // Jekyll's documented date format has whole seconds, so its date is kept to the second.
        let whole_seconds = |date: &Option<chrono::DateTime<chrono::FixedOffset>>| {
            date.map(|d| {
                (
                    d.timestamp(),
                    d.offset().local_minus_utc(),
                    (*flavor != Flavor::Jekyll).then(|| d.timestamp_subsec_nanos()),
                )
            })
        };
        assert_eq!(
            whole_seconds(&back.date),
            whole_seconds(&front.date),
            "{flavor:?} flavor lost the date of {text:?}"
        );
    }
});

/// Every name `parse` reads a known field from (crates/byline-frontmatter/src/read.rs); the
/// crate's round-trip property test keeps them out of `extra` too.
const ALIASES: &[&str] = &[
    "title",
    "subtitle",
    "summary",
    "description",
    "excerpt",
    "date",
    "publishDate",
    "published",
    "updated",
    "lastmod",
    "last_modified_at",
    "modified",
    "draft",
    "slug",
    "status",
    "tags",
    "authors",
    "author",
    "image",
    "cover",
    "cover_image",
    "featured_image",
    "og_image",
    "images",
    "canonical_url",
    "canonicalURL",
    "canonical",
    "discuss_url",
    "lang",
    "language",
    "locale",
    "taxonomies",
    "extra",
];

/// Writes `doc` in `flavor` and parses it again; what Byline writes must always parse.
fn reparse(doc: &Document, flavor: Flavor) -> Document {
    let written = write(&doc.front, &doc.body, flavor);
    match parse(&written) {
        Ok(back) => back,
        Err(e) => panic!("{flavor:?} output does not parse again ({e}):\n{written}"),
    }
}
