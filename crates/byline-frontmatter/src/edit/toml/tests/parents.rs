//! Rule 2: a key is edited where it is, whatever form its table has.

use serde_json::json;

use super::*;

// --- Rule 2: the parent in any form ------------------------------------------------------------

#[test]
fn keys_in_a_table_header_are_edited_in_place() {
    let out = edited(ZOLA, &[set("extra.subtitle", json!("Another"))]);
    assert_eq!(out, replaced(ZOLA, "subtitle = \"A subtitle\"", "subtitle = \"Another\""));
    let out = edited(ZOLA, &[set("taxonomies.tags", json!(["rust", "wasm", "cli"]))]);
    assert_eq!(out, replaced(ZOLA, "tags = [\"rust\", \"wasm\"]", "tags = [\"rust\", \"wasm\", \"cli\"]"));
}

#[test]
fn keys_in_an_inline_table_are_edited_inside_the_braces() {
    let block = "title = \"x\"\ntaxonomies = { tags = [\"a\"], categories = [\"b\"] }\n";
    assert_eq!(
        edited(block, &[set("taxonomies.tags", json!(["a", "c"]))]),
        "title = \"x\"\ntaxonomies = { tags = [\"a\", \"c\"], categories = [\"b\"] }\n"
    );
    assert_eq!(
        edited(block, &[set("taxonomies.series", json!("s"))]),
        "title = \"x\"\ntaxonomies = { tags = [\"a\"], categories = [\"b\"], series = \"s\" }\n"
    );
    assert_eq!(edited(block, &[remove("taxonomies.tags")]), "title = \"x\"\ntaxonomies = { categories = [\"b\"] }\n");
    assert_eq!(edited(block, &[remove("taxonomies.categories")]), "title = \"x\"\ntaxonomies = { tags = [\"a\"] }\n");
    assert_eq!(edited("t = {}\n", &[set("t.a", json!(1))]), "t = { a = 1 }\n");
}

#[test]
fn keys_given_as_dotted_keys_stay_dotted_and_in_place() {
    let block = "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = true\n";
    assert_eq!(
        edited(block, &[set("extra.toc", json!(false))]),
        "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = false\n"
    );
    assert_eq!(
        edited(block, &[set("extra.image", json!("i.png"))]),
        "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = true\nextra.image = \"i.png\"\n"
    );
    assert_eq!(edited(block, &[remove("extra.subtitle")]), "title = \"x\"\ndraft = false\nextra.toc = true\n");
    let nested = "[extra]\nsocial.mastodon = \"@a\"\n";
    assert_eq!(
        edited(nested, &[set("extra.social.github", json!("a"))]),
        "[extra]\nsocial.mastodon = \"@a\"\nsocial.github = \"a\"\n"
    );
}
