//! Property tests: Byline's own format loses nothing; the other flavors keep what their tools read.
#![allow(clippy::unwrap_used)]

use byline_frontmatter::{parse, write, Flavor, FrontMatter};
use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use serde_json::Value;

/// Text that tends to break naive YAML/TOML writers.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("yes".to_owned()),
        Just("no".to_owned()),
        Just("null".to_owned()),
        Just("~".to_owned()),
        Just("1.0".to_owned()),
        Just("0x1F".to_owned()),
        Just("---".to_owned()),
        Just("+++".to_owned()),
        Just("a: b".to_owned()),
        Just("#not a comment".to_owned()),
        Just("'single' \"double\"".to_owned()),
        Just("  leading spaces".to_owned()),
        Just("trailing  ".to_owned()),
        Just("line one\n---\nline three".to_owned()),
        Just("2024-05-01".to_owned()),
        Just("".to_owned()),
        "\\PC{0,30}",
        "[a-zA-Z0-9 :#'\"\\-\\[\\]{},&*!|>%@`]{0,30}",
    ]
}

fn date() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..4_000_000_000, -14i32 * 4..=14 * 4).prop_map(|(secs, quarter_hours)| {
        let offset = FixedOffset::east_opt(quarter_hours * 15 * 60).unwrap();
        offset.timestamp_opt(secs, 0).unwrap()
    })
}

fn extra_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        tricky_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{1,6}", inner), 0..3).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

const KNOWN: [&str; 29] = [
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
];

fn front_matter() -> impl Strategy<Value = FrontMatter> {
    let texts = (
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
        prop::option::of(tricky_text()),
    );
    let rest = (
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(any::<bool>()),
        prop::collection::vec(tricky_text(), 0..4),
        prop::collection::vec(tricky_text(), 0..3),
        prop::collection::vec(("[a-z_]{1,10}", extra_value()), 0..4),
    );
    (texts, rest).prop_map(
        |(
            (title, subtitle, summary, slug, status, image, canonical_url, discuss_url, language),
            (date, updated, draft, tags, authors, extra),
        )| {
            FrontMatter {
                title,
                subtitle,
                summary,
                date,
                updated,
                draft,
                slug,
                status,
                tags,
                authors,
                image,
                canonical_url,
                discuss_url,
                language,
                extra: extra
                    .into_iter()
                    .filter(|(k, _)| {
                        !KNOWN.contains(&k.as_str())
                            && !["language", "locale", "taxonomies", "extra"].contains(&k.as_str())
                    })
                    .collect(),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn byline_round_trips_exactly(front in front_matter(), body in "\\PC{0,40}") {
        let text = write(&front, &body, Flavor::Byline);
        let doc = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&doc.front, &front, "{}", text);
        prop_assert_eq!(doc.body, body);
    }

    #[test]
    fn hugo_keeps_what_hugo_reads(front in front_matter(), body in "\\PC{0,40}") {
        let text = write(&front, &body, Flavor::Hugo);
        let doc = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let back = doc.front;
        prop_assert_eq!(&back.title, &front.title);
        prop_assert_eq!(&back.subtitle, &front.subtitle);
        prop_assert_eq!(&back.summary, &front.summary);
        prop_assert_eq!(&back.date, &front.date);
        prop_assert_eq!(&back.updated, &front.updated);
        prop_assert_eq!(&back.tags, &front.tags);
        prop_assert_eq!(&back.authors, &front.authors);
        prop_assert_eq!(&back.image, &front.image);
        prop_assert_eq!(&back.canonical_url, &front.canonical_url);
        prop_assert_eq!(&back.discuss_url, &front.discuss_url);
        prop_assert_eq!(doc.body, body);
    }

    #[test]
    fn zola_and_jekyll_keep_title_tags_date_summary(front in front_matter()) {
        for flavor in [Flavor::Zola, Flavor::Jekyll] {
            let text = write(&front, "body", flavor);
            let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?.front;
            prop_assert_eq!(&back.title, &front.title, "{}", text);
            prop_assert_eq!(&back.tags, &front.tags, "{}", text);
            prop_assert_eq!(&back.date, &front.date, "{}", text);
            prop_assert_eq!(&back.summary, &front.summary, "{}", text);
            prop_assert_eq!(&back.subtitle, &front.subtitle, "{}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Whatever a writer (or a sync conflict) leaves in a file, parse answers Ok or Err, never panics,
    /// and an error always names a line inside the file.
    #[test]
    fn parse_never_panics(delimiter in prop_oneof![Just("---\n"), Just("+++\n"), Just("")],
                          block in "(\\PC|\\t|\\n|:|-|\\[|\\]|\\{|\\}|=|\"|'){0,80}",
                          close in prop_oneof![Just("\n---\n"), Just("\n+++\n"), Just("")]) {
        let text = format!("{delimiter}{block}{close}body");
        if let Err(e) = parse(&text) {
            prop_assert!(e.line >= 1 && e.line <= text.lines().count().max(1), "line {} for {:?}", e.line, text);
        }
    }
}
