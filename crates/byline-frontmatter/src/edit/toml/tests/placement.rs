//! Rules 4 to 6: where new keys go, what a removal takes, and what is an error.

use serde_json::json;

use super::*;

// --- Rule 4: where new keys go -----------------------------------------------------------------

#[test]
fn a_new_top_level_key_goes_after_the_last_top_level_key() {
    assert_eq!(
        edited(ZOLA, &[set("slug", json!("hello"))]),
        replaced(ZOLA, "aliases = [\"/old/\"]\n", "aliases = [\"/old/\"]\nslug = \"hello\"\n")
    );
}

#[test]
fn a_new_top_level_key_goes_above_the_first_header_and_its_comment() {
    let block = "# Page\n\n# Tags of the page\n[taxonomies]\ntags = []\n";
    assert_eq!(
        edited(block, &[set("title", json!("T"))]),
        "# Page\n\ntitle = \"T\"\n# Tags of the page\n[taxonomies]\ntags = []\n"
    );
    assert_eq!(edited("[extra]\na = 1\n", &[set("title", json!("T"))]), "title = \"T\"\n[extra]\na = 1\n");
}

#[test]
fn a_new_key_in_a_table_goes_after_its_last_entry_with_its_indentation() {
    assert_eq!(edited(ZOLA, &[set("extra.image", json!("cover.png"))]), format!("{ZOLA}image = \"cover.png\"\n"));
    assert_eq!(
        edited(ZOLA, &[set("taxonomies.series", json!(["a"]))]),
        replaced(ZOLA, "categories = [\"notes\"]\n", "categories = [\"notes\"]\nseries = [\"a\"]\n")
    );
    assert_eq!(edited(HUGO, &[set("params.subtitle", json!("Sub"))]), format!("{HUGO}  subtitle = \"Sub\"\n"));
    // An empty table gets its key right under the header, before the comments that follow.
    let block = "[extra]\n\n# other\n[more]\nx = 1\n";
    assert_eq!(edited(block, &[set("extra.a", json!(1))]), "[extra]\na = 1\n\n# other\n[more]\nx = 1\n");
}

#[test]
fn a_missing_table_is_created_at_the_end_after_a_blank_line() {
    let block = "title = \"x\"\ndate = 2023-04-05\n";
    assert_eq!(
        edited(block, &[set("extra.subtitle", json!("s")), set("taxonomies.tags", json!(["a"]))]),
        "title = \"x\"\ndate = 2023-04-05\n\n[extra]\nsubtitle = \"s\"\n\n[taxonomies]\ntags = [\"a\"]\n"
    );
    // A table known only from a deeper header gets a header of its own.
    let block = "[extra.social]\ngithub = \"a\"\n";
    assert_eq!(
        edited(block, &[set("extra.subtitle", json!("s"))]),
        "[extra.social]\ngithub = \"a\"\n\n[extra]\nsubtitle = \"s\"\n"
    );
}

// --- Rule 5: removing --------------------------------------------------------------------------

#[test]
fn a_removed_key_takes_only_its_own_lines() {
    assert_eq!(edited(ZOLA, &[remove("draft")]), replaced(ZOLA, "draft = true # not yet\n", ""));
    // The comment above `subtitle` stays: it may be about what follows too.
    assert_eq!(edited(ZOLA, &[remove("extra.subtitle")]), replaced(ZOLA, "subtitle = \"A subtitle\"\n", ""));
    let block = "tags = [\n  \"a\",\n  \"b\",\n]\ndraft = true\n";
    assert_eq!(edited(block, &[remove("tags")]), "draft = true\n");
    // Removing what is not there changes nothing.
    assert_eq!(edited(ZOLA, &[remove("nope"), remove("extra.nope")]), ZOLA);
}

#[test]
fn a_table_left_empty_goes_when_nothing_in_it_is_a_comment() {
    let block = "title = \"x\"\n\n[taxonomies]\ntags = [\"a\"]\n\n[extra]\nk = 1\n";
    assert_eq!(edited(block, &[remove("taxonomies.tags")]), "title = \"x\"\n\n[extra]\nk = 1\n");
    assert_eq!(edited(block, &[remove("extra.k")]), "title = \"x\"\n\n[taxonomies]\ntags = [\"a\"]\n");
    let inline = "title = \"x\"\ntaxonomies = { tags = [\"a\"] }\n";
    assert_eq!(edited(inline, &[remove("taxonomies.tags")]), "title = \"x\"\n");
}

#[test]
fn a_table_left_empty_stays_when_it_holds_a_comment() {
    // Comment inside the table, above the removed key.
    let removed = edited(ZOLA, &[remove("extra.subtitle"), remove("extra.toc")]);
    assert_eq!(removed, replaced(ZOLA, "subtitle = \"A subtitle\"\ntoc = true\n", ""));
    // Comment above the header, or on it.
    let above = "title = \"x\"\n\n# Zola wants this\n[extra]\nk = 1\n";
    assert_eq!(edited(above, &[remove("extra.k")]), "title = \"x\"\n\n# Zola wants this\n[extra]\n");
    let on = "[extra] # kept\nk = 1\n";
    assert_eq!(edited(on, &[remove("extra.k")]), "[extra] # kept\n");
}

#[test]
fn removing_a_whole_table_takes_its_header_body_and_separating_blank_line() {
    assert_eq!(
        edited(ZOLA, &[remove("taxonomies")]),
        replaced(ZOLA, "[taxonomies]\ntags = [\"rust\", \"wasm\"]\ncategories = [\"notes\"]\n\n", "")
    );
    assert_eq!(
        edited(ZOLA, &[remove("extra")]),
        replaced(ZOLA, "\n[extra]\n# shown under the title\nsubtitle = \"A subtitle\"\ntoc = true\n", "")
    );
    let dotted = "extra.a = 1\ntitle = \"x\"\nextra.b = 2\n";
    assert_eq!(edited(dotted, &[remove("extra")]), "title = \"x\"\n");
}

// --- Rule 6: errors ----------------------------------------------------------------------------

#[test]
fn a_path_through_a_value_is_an_error() {
    assert!(apply(ZOLA, &[set("title.sub", json!(1))]).is_err());
    assert!(apply(ZOLA, &[set("aliases.x", json!(1))]).is_err());
    assert!(apply(ZOLA, &[remove("weight.x")]).is_err());
}

#[test]
fn an_array_of_tables_is_an_error() {
    let block = "title = \"x\"\n[[extra.links]]\nurl = \"a\"\n";
    assert!(apply(block, &[set("extra.links.url", json!("b"))]).is_err());
    assert!(apply(block, &[set("extra.links", json!([]))]).is_err());
    assert!(apply(block, &[remove("extra.links")]).is_err());
    assert!(apply(block, &[remove("extra")]).is_err());
    // Elsewhere in the block it is no obstacle.
    assert_eq!(edited(block, &[set("title", json!("y"))]), "title = \"y\"\n[[extra.links]]\nurl = \"a\"\n");
}

#[test]
fn a_table_cannot_become_a_value() {
    assert!(apply(ZOLA, &[set("extra", json!("flat"))]).is_err());
}

#[test]
fn an_empty_path_is_an_error() {
    let edit = Edit { path: Vec::new(), value: Some(NewValue::Json(json!(1))) };
    assert!(apply(ZOLA, &[edit]).is_err());
}
