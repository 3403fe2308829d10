//! Tests of the TOML editor, one file per rule of its contract; the helpers and sample pages
//! here are shared.

mod generate;
mod in_place;
mod parents;
mod placement;
mod property;
mod style;

use super::apply;
use crate::edit::{Edit, NewValue};

fn path(dotted: &str) -> Vec<String> {
    dotted.split('.').map(str::to_owned).collect()
}

fn set(key: &str, value: serde_json::Value) -> Edit {
    Edit { path: path(key), value: Some(NewValue::Json(value)) }
}

fn date(key: &str, text: &str) -> Edit {
    Edit { path: path(key), value: Some(NewValue::Date(text.to_owned())) }
}

fn remove(key: &str) -> Edit {
    Edit { path: path(key), value: None }
}

#[track_caller]
fn edited(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(text) => text,
        Err(e) => panic!("{e}\nblock:\n{block}"),
    }
}

/// `block` with the line `old` (exactly one) replaced by `new`.
#[track_caller]
fn replaced(block: &str, old: &str, new: &str) -> String {
    assert_eq!(block.matches(old).count(), 1, "`{old}` must occur once");
    block.replacen(old, new, 1)
}

/// A Zola page as written by hand over the years.
const ZOLA: &str = "\
# Imported from the old blog
title = \"Hello, Wörld\"
description = 'A first post'
date = 2023-04-05
updated = 2024-01-01T10:00:00Z
draft = true # not yet
weight = 5
aliases = [\"/old/\"]

[taxonomies]
tags = [\"rust\", \"wasm\"]
categories = [\"notes\"]

[extra]
# shown under the title
subtitle = \"A subtitle\"
toc = true
";

/// A Hugo page with TOML front matter: string dates, indented params.
const HUGO: &str = "\
title = 'Spring notes'
date = 2021-03-01T09:30:00+01:00
lastmod = \"2020-02-02\"
tags = ['go', 'hugo']

[params]
  author = 'Ann'
  # the cover image
  cover = 'img/a.png'
";
