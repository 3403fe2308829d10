//! Tests of the YAML editor, one file per topic; the helpers and sample blocks here are shared.

mod collections;
mod in_place;
mod keys;
mod property;
mod scalars;

use serde_json::Value;

use super::apply;
use crate::edit::{Edit, EditError, NewValue};

fn path(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}
fn set(keys: &[&str], value: Value) -> Edit {
    Edit { path: path(keys), value: Some(NewValue::Json(value)) }
}
fn date(keys: &[&str], text: &str) -> Edit {
    Edit { path: path(keys), value: Some(NewValue::Date(text.to_owned())) }
}
fn remove(keys: &[&str]) -> Edit {
    Edit { path: path(keys), value: None }
}
fn edit(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(out) => out,
        Err(e) => panic!("{e} for block {block:?}"),
    }
}
fn refused(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(out) => panic!("edited {block:?} into {out:?}"),
        Err(EditError(reason)) => reason,
    }
}
/// The text `value` gets for `key` in a one-key block whose old value was `old`.
fn restyled(old: &str, value: Value) -> String {
    edit(&format!("k: {old}\n"), &[set(&["k"], value)])
}

const HUGO: &str = "\
# Written by hugo new
title: \"Moving to Hugo\"
date: 2018-01-02 11:21:40 +0100
draft: false
description: >-
  A long summary that the theme
  shows under the title.

# taxonomy
tags: [hugo, \"static sites\"]
categories:
  - web
  - tools
author:
  name: Jane Doe   # display name
  url: https://example.com
weight: 10
summary:
series: ~
";

fn jekyll() -> String {
    [
        "layout: post",
        "date: \"2023-01-29 18:30:22 2023 -0800\"",
        "title: 'Jekyll''s way'",
        "tags:",
        "- ruby",
        "- 'static'",
        "permalink: /blog/jekyll/",
        "",
    ]
    .join("\r\n")
}
