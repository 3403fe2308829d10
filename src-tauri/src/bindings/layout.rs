//! The declarations ts-rs writes, laid out for reading: one field per line, indented, with its
//! doc comment above it. ts-rs writes each object type on one run of text, its field docs
//! unindented between the fields.

/// One field of an object type: its doc comment's lines and its `name?: type` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The doc comment, a line per entry, without `/**`, ` * ` and `*/`.
    pub doc: Vec<String>,
    /// `name: type`, `name?: type | null`…
    pub text: String,
}

impl Field {
    /// The key the field stands for.
    pub fn name(&self) -> &str {
        let name = self.text.split_once(':').map_or(self.text.as_str(), |(name, _)| name);
        name.trim().trim_end_matches('?')
    }
}

/// The fields of the object type `decl` declares (`type X = { a: string, b?: number };`), or
/// None when it declares something else: a union, an intersection, a string enum.
pub fn object_fields(decl: &str) -> Option<Vec<Field>> {
    let (_, value) = decl.split_once(" = ")?;
    let body = value.trim_end().strip_suffix(';')?.trim();
    let inner = body.strip_prefix('{')?.strip_suffix('}')?;
    let mut fields = Vec::new();
    let mut doc = Vec::new();
    let mut text = String::new();
    let mut depth = 0usize;
    let mut rest = inner;
    while let Some(c) = rest.chars().next() {
        if let Some(comment) = rest.strip_prefix("/*") {
            let end = comment.find("*/")?;
            doc = doc_lines(&comment[..end]);
            rest = &comment[end + 2..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '{' | '[' | '(' | '<' => depth += 1,
            // A closing brace at depth 0 ends the object early: `{ a } | { b }` is a union.
            '}' | ']' | ')' | '>' => depth = depth.checked_sub(1)?,
            ',' if depth == 0 => {
                fields.push(Field { doc: std::mem::take(&mut doc), text: text.trim().to_owned() });
                text.clear();
                continue;
            }
            _ => {}
        }
        text.push(c);
    }
    if !text.trim().is_empty() {
        fields.push(Field { doc, text: text.trim().to_owned() });
    }
    Some(fields)
}

/// The text of a `/** … */` comment's body, a line per entry.
pub fn doc_lines(comment: &str) -> Vec<String> {
    comment
        .trim_start_matches('*')
        .lines()
        .map(|line| line.trim().trim_start_matches('*').trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

/// `decl` laid out for reading; declarations other than object types are left as they are.
pub fn laid_out(decl: &str) -> String {
    let (Some(fields), Some((head, _))) = (object_fields(decl), decl.split_once(" = ")) else {
        return decl.to_owned();
    };
    let mut out = format!("{head} = {{\n");
    for field in fields {
        out.push_str(&doc_comment(&field.doc, "  "));
        out.push_str(&format!("  {};\n", field.text));
    }
    out.push_str("};");
    out
}

/// A doc comment of `lines` at `indent`: on one line when it has one.
pub fn doc_comment(lines: &[String], indent: &str) -> String {
    match lines {
        [] => String::new(),
        [line] => format!("{indent}/** {line} */\n"),
        lines => {
            let body: String = lines.iter().map(|line| format!("{indent} * {line}\n")).collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_type_gets_a_field_per_line_with_its_doc_above_it() {
        let decl = "type A = { \n/**\n * The id.\n */\nid: number, \n/**\n * Line one,\n * line two (b).\n */\nm?: { [key in string]: string } | null, n: Array<B>, };";
        assert_eq!(
            laid_out(decl),
            "type A = {\n  /** The id. */\n  id: number;\n  /**\n   * Line one,\n   * line two (b).\n   */\n  m?: { [key in string]: string } | null;\n  n: Array<B>;\n};"
        );
    }

    #[test]
    fn unions_and_enums_are_left_as_ts_rs_wrote_them() {
        for decl in [
            r#"type R = { "kind": "resync" } | { "kind": "rendered" } & U;"#,
            r#"type S = "idea" | "draft";"#,
            r#"type P = { a: string } | { b: string };"#,
        ] {
            assert_eq!(laid_out(decl), decl);
        }
    }

    #[test]
    fn field_names_drop_the_optional_mark() {
        let fields = object_fields("type A = { a?: string | null, b: number, };").unwrap_or_default();
        assert_eq!(fields.iter().map(Field::name).collect::<Vec<_>>(), ["a", "b"]);
    }
}
