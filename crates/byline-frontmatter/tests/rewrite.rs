//! Property tests of writing a file's head back: unchanged metadata gives the head back byte for
//! byte; one changed field changes one line and reads back as the new value, for generated YAML
//! and TOML front matter in the styles other tools write.
#![allow(clippy::unwrap_used)]

use byline_frontmatter::{parse, rewrite_head, Origin, SiteKind};
use proptest::prelude::*;

/// Titles that need quoting in one style or another.
fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Night Trains".to_owned()),
        Just("Yes".to_owned()),
        Just("Rust: a field guide".to_owned()),
        Just("It's \"done\"".to_owned()),
        Just("Café — naïve".to_owned()),
        "[A-Za-z][A-Za-z0-9 ,.!?-]{0,30}",
    ]
}

fn yaml_scalar(text: &str, style: u8) -> String {
    match style % 3 {
        0 => format!("{text:?}"),
        1 => format!("'{}'", text.replace('\'', "''")),
        _ => {
            let plain_safe = text.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
                && !matches!(
                    text.to_ascii_lowercase().as_str(),
                    "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n"
                )
                && !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.chars().all(|c| c.is_ascii_digit());
            if plain_safe {
                text.to_owned()
            } else {
                format!("{text:?}")
            }
        }
    }
}

const YAML_DATES: [&str; 5] = [
    "2019-03-04",
    "2018-01-02 11:21:40 +0100",
    "2020-05-06T07:08:09Z",
    "2021-06-07 08:09:10",
    "\"2023-01-29 18:30:22 -0800\"",
];
const TOML_DATES: [&str; 4] = ["2023-04-05", "2021-03-01T09:30:00+01:00", "2024-01-01T10:00:00Z", "\"2020-02-02\""];

prop_compose! {
    fn yaml_head()(title in title(), quote in 0u8..3, date in 0usize..YAML_DATES.len(), flow in any::<bool>(),
                   comment in any::<bool>(), crlf in any::<bool>(), order in any::<bool>(), extra in "[a-z]{1,8}")
                   -> (String, String) {
        let tags = if flow { "tags: [rust, notes]".to_owned() } else { "tags:\n  - rust\n  - notes".to_owned() };
        let title_line = format!("title: {}", yaml_scalar(&title, quote));
        let mut lines = vec![title_line, format!("date: {}", YAML_DATES[date]), tags, format!("custom_key: {extra}")];
        if order {
            lines.reverse();
        }
        if comment {
            lines.insert(1, "# written by another tool".to_owned());
        }
        let eol = if crlf { "\r\n" } else { "\n" };
        let block: String = lines.join("\n").lines().map(|l| format!("{l}{eol}")).collect();
        (format!("---{eol}{block}---{eol}{eol}"), title)
    }
}

prop_compose! {
    fn toml_head()(title in title(), date in 0usize..TOML_DATES.len(), extra_table in any::<bool>(),
                   comment in any::<bool>(), crlf in any::<bool>()) -> (String, String) {
        let mut lines = vec![format!("title = {title:?}"), format!("date = {}", TOML_DATES[date])];
        if comment {
            lines.insert(0, "# front matter by hand".to_owned());
        }
        lines.push(String::new());
        lines.push("[taxonomies]".to_owned());
        lines.push("tags = [\"garden\", \"frost\"]".to_owned());
        if extra_table {
            lines.push(String::new());
            lines.push("[extra]".to_owned());
            lines.push("hero = \"green\" # the banner colour".to_owned());
        }
        let eol = if crlf { "\r\n" } else { "\n" };
        let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
        (format!("+++{eol}{block}+++{eol}{eol}"), title)
    }
}

fn origin_of(text: &str, site: Option<SiteKind>) -> (Origin, byline_frontmatter::FrontMatter) {
    let doc = parse(text).unwrap();
    let origin = Origin { head: doc.head.clone(), base: doc.front.clone(), site, path: "posts/a.md".into() };
    (origin, doc.front)
}

fn changed_lines(a: &str, b: &str) -> usize {
    assert_eq!(a.lines().count(), b.lines().count(), "{a}\n---\n{b}");
    a.lines().zip(b.lines()).filter(|(x, y)| x != y).count()
}

proptest! {
    #[test]
    fn unchanged_metadata_gives_the_head_back_byte_for_byte(
        (yaml, _) in yaml_head(),
        (toml, _) in toml_head(),
        site in prop_oneof![Just(None), Just(Some(SiteKind::Hugo)), Just(Some(SiteKind::Jekyll)), Just(Some(SiteKind::Zola))],
    ) {
        for head in [&yaml, &toml] {
            let text = format!("{head}Body text.\n");
            let (origin, front) = origin_of(&text, site);
            prop_assert_eq!(&rewrite_head(&origin, &front), head);
        }
    }

    #[test]
    fn a_new_title_changes_one_line_and_reads_back(
        (yaml, old) in yaml_head(),
        (toml, _) in toml_head(),
        new_title in title(),
    ) {
        prop_assume!(new_title != old);
        for (head, site) in [(&yaml, Some(SiteKind::Hugo)), (&toml, Some(SiteKind::Zola))] {
            let text = format!("{head}Body text.\n");
            let (origin, front) = origin_of(&text, site);
            let changed = byline_frontmatter::FrontMatter { title: Some(new_title.clone()), ..front.clone() };
            let written = rewrite_head(&origin, &changed);
            if front.title == changed.title {
                continue;
            }
            prop_assert_eq!(changed_lines(head, &written), 1, "{}", written);
            let back = parse(&format!("{written}Body text.\n")).unwrap();
            prop_assert_eq!(back.front.title.as_deref(), Some(new_title.as_str()));
            prop_assert_eq!(back.body, "Body text.\n");
            prop_assert_eq!(&back.front.tags, &front.tags);
            prop_assert_eq!(back.front.date, front.date);
            prop_assert_eq!(&back.front.extra, &front.extra);
        }
    }
}

#[test]
fn a_discuss_link_is_edited_in_place_or_added_where_the_generator_keeps_custom_keys() {
    let yaml = "---\ntitle: T\ndiscuss_url: https://forum.example.com/t/1 # the thread\ntags: [a]\n---\n\n";
    let (origin, front) = origin_of(&format!("{yaml}Body\n"), None);
    assert_eq!(rewrite_head(&origin, &front), yaml, "unchanged: byte for byte");
    let moved = byline_frontmatter::FrontMatter { discuss_url: Some("https://forum.example.com/t/2".into()), ..front };
    let written = rewrite_head(&origin, &moved);
    assert_eq!(changed_lines(yaml, &written), 1, "{written}");
    assert_eq!(
        parse(&format!("{written}Body\n")).unwrap().front.discuss_url.as_deref(),
        Some("https://forum.example.com/t/2")
    );

    for (head, site, key) in [
        ("---\ntitle: T\n---\n\n", None, "\ndiscuss_url: https://forum.example.com/t/9\n"),
        ("---\ntitle: T\n---\n\n", Some(SiteKind::Hugo), "params:\n  discuss_url: https://forum.example.com/t/9\n"),
        (
            "+++\ntitle = \"T\"\n+++\n\n",
            Some(SiteKind::Zola),
            "[extra]\ndiscuss_url = \"https://forum.example.com/t/9\"\n",
        ),
    ] {
        let (origin, front) = origin_of(&format!("{head}Body\n"), site);
        let added =
            byline_frontmatter::FrontMatter { discuss_url: Some("https://forum.example.com/t/9".into()), ..front };
        let written = rewrite_head(&origin, &added);
        assert!(written.contains(key), "{site:?}: {written}");
        let back = parse(&format!("{written}Body\n")).unwrap().front;
        assert_eq!(back.discuss_url.as_deref(), Some("https://forum.example.com/t/9"), "{written}");
    }
}
