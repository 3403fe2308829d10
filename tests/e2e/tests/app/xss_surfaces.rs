//! One XSS corpus through every surface of the app (issue 6, item 5): draft titles and
//! subtitles (Drafts list, editor header, window title), tags, search snippets, the table of
//! contents, author names and bios (Authors dialog, metadata panel), the export head (title,
//! description, Open Graph, JSON-LD) and pasted HTML. For each: the armed payloads never set
//! `window.__pwned`, leave no handler attribute or script in the main document or the preview,
//! and plain-text fields show exactly what the writer typed.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::window_title::native_titles;
use byline_e2e::xss_corpus::{collapsed, representative};
use byline_e2e::{with_app, App, Library};
use serde_json::{json, Value};

/// How many one-line payloads go through the per-draft surfaces.
const PAYLOADS: usize = 24;

/// A seeded draft: its slug and the payload in every one of its fields.
#[derive(Clone, Debug)]
struct Seeded {
    slug: String,
    payload: String,
    /// The word only this draft's body contains, next to the payload (for search).
    word: String,
    /// The name (a payload too) of the author the draft credits.
    author: String,
}

/// The seeded authors as typed: name and bio.
type Authors = Vec<(String, String)>;

/// The body: the payload as a heading (the table of contents), beside a findable word, and more
/// headings so the export, which drops the title heading and shows a table of contents from
/// three headings on, has one.
fn body(payload: &str, word: &str) -> String {
    format!("# {payload}\n\n{word} {payload}\n\n## {payload}\n\n### Plain section\n\nText.\n\n## Closing section\n\nMore text.\n")
}

/// Authors named with payloads (bio: another payload), then drafts titled, subtitled and
/// tagged with one payload each and credited to those authors.
fn seed(library: &Library, payloads: &[String]) -> Result<(Vec<Seeded>, Authors)> {
    let mut authors = Vec::new();
    for (index, name) in payloads.iter().take(4).enumerate() {
        let bio = &payloads[(index + 5) % payloads.len()];
        let slug =
            library.byline(&["author", "add", "--name", name, "--bio", bio, "--slug", &format!("hostile-{index}")])?;
        authors.push((name.clone(), bio.clone()));
        ensure!(slug.trim() == format!("hostile-{index}"), "author slug {slug:?}");
    }
    let mut drafts = Vec::new();
    for (index, payload) in payloads.iter().enumerate() {
        let word = format!("zebrafind{index}x");
        let credited = index % authors.len();
        let author = format!("hostile-{credited}");
        let args = [
            "new",
            payload,
            "--subtitle",
            payload,
            "--tag",
            payload,
            "--tag",
            "plain",
            "--author",
            &author,
            "--body-file",
            "-",
        ];
        let slug = library.byline_with_input(&args, Some(&body(payload, &word)))?.trim().to_string();
        drafts.push(Seeded { slug, payload: payload.clone(), word, author: authors[credited].0.clone() });
    }
    Ok((drafts, authors))
}

/// Fails when a payload ran or left handler attributes or scripts behind.
async fn assert_inert(app: &App, surface: &str) -> Result<()> {
    let sentinel = app.sentinel().await?;
    ensure!(sentinel.untouched(), "{surface}: a payload ran: {sentinel:?}");
    let hostile = app.hostile_markup().await?;
    ensure!(hostile.is_empty(), "{surface}: hostile markup in the window: {hostile:#?}");
    Ok(())
}

/// `textContent` of every element matching `selector`, whitespace collapsed.
async fn texts(app: &App, selector: &str) -> Result<Vec<String>> {
    let found = app
        .js(
            "return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.textContent);",
            vec![json!(selector)],
        )
        .await?;
    Ok(serde_json::from_value::<Vec<String>>(found)?.iter().map(|t| collapsed(t)).collect())
}

#[tokio::test]
async fn xss_corpus_through_titles_tags_search_toc_authors_and_window_title() -> Result<()> {
    let payloads = representative(PAYLOADS)?;
    ensure!(payloads.len() >= 15, "only {} payloads", payloads.len());
    let library = Library::empty()?;
    let (drafts, authors) = seed(&library, &payloads)?;
    with_app("xss_surfaces", &library.path(), |app| async move {
        app.wait_ready().await?;
        // The Drafts list: every title and subtitle, shown as typed.
        let titles = texts(&app, ".draft-title").await?;
        let subtitles = texts(&app, ".draft-subtitle").await?;
        for draft in &drafts {
            let typed = collapsed(&draft.payload);
            ensure!(titles.contains(&typed), "the Drafts list does not show the title {typed:?} as typed: {titles:#?}");
            ensure!(subtitles.contains(&typed), "the Drafts list does not show the subtitle {typed:?} as typed");
        }
        assert_inert(&app, "Drafts list").await?;

        for draft in &drafts {
            open_and_check(&app, draft).await.with_context(|| format!("payload {:?}", draft.payload))?;
        }
        check_search(&app, &drafts).await?;
        check_authors_dialog(&app, &authors).await?;
        Ok(())
    })
    .await
}

/// Opens one draft and checks the editor header, tags, authors, window title and preview.
async fn open_and_check(app: &App, draft: &Seeded) -> Result<()> {
    app.open_draft(&draft.slug).await?;
    let typed = collapsed(&draft.payload);
    app.wait_for("the draft in the editor header", FIND_TIMEOUT, || async {
        let open = app.current_slug().await?.as_deref() == Some(draft.slug.as_str());
        Ok((open && app.value_of("textbox", "Title").await? == typed).then_some(()))
    })
    .await?;
    let subtitle = app.value_of("textbox", "Subtitle").await?;
    ensure!(subtitle == typed, "Subtitle shows {subtitle:?}, typed {typed:?}");
    let tags = app.value_of("textbox", "Tags").await?;
    ensure!(tags.contains(&typed), "Tags show {tags:?}, typed {typed:?}");
    let credits = texts(app, ".author-credits").await?.join(" ");
    let author = collapsed(&draft.author);
    ensure!(
        credits.contains(&author),
        "the metadata panel's Authors list {credits:?} does not show {author:?} as typed"
    );
    let offered = texts(app, "select[aria-label='Add author'] option").await?;
    ensure!(!offered.is_empty(), "the Add author list is empty");

    let expected_title = format!("{typed} — Byline");
    let document_title = app.client.title().await?;
    ensure!(document_title == expected_title, "document.title is {document_title:?}, expected {expected_title:?}");
    let display = app.display.clone();
    let wanted = expected_title.clone();
    let native = app
        .wait_for("the native window title", FIND_TIMEOUT, || async {
            let titles = native_titles(&display)?;
            Ok(titles.contains(&wanted).then_some(titles))
        })
        .await?;
    ensure!(native.contains(&expected_title), "window titles {native:?}");

    // The table of contents is the preview's headings; the body renders around the payloads.
    app.wait_in_preview(
        "the preview of the draft",
        &format!("return doc.body.textContent.includes({}) || null;", json!(draft.word)),
    )
    .await?;
    let headings = app.in_preview("return Array.from(doc.querySelectorAll('h1,h2,h3')).map((h) => h.id);").await?;
    let ids: Vec<String> = serde_json::from_value(headings.unwrap_or(Value::Null)).unwrap_or_default();
    ensure!(
        ids.len() >= 3 && ids.iter().all(|id| !id.is_empty()),
        "the preview's headings (the table of contents) are {ids:?}"
    );
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_inert(app, "open draft (header, tags, authors, preview)").await
}

/// Each draft's unique word finds it; the snippet holds only `<mark>` elements and shows the
/// payload's characters as text.
async fn check_search(app: &App, drafts: &[Seeded]) -> Result<()> {
    let search = app.by_name("searchbox", "Search drafts").await?;
    for draft in drafts.iter().take(8) {
        search.clear().await?;
        search.send_keys(&draft.word).await?;
        let snippet = app
            .wait_for(&format!("a search hit for {}", draft.word), FIND_TIMEOUT, || async {
                // The list still shows the previous search's hit until this one answers.
                let found = app
                    .js(
                        "const s = Array.from(document.querySelectorAll('.draft-snippet'));
                         if (s.length !== 1 || !s[0].textContent.includes(arguments[0])) return null;
                         return { text: s[0].textContent, tags: Array.from(s[0].querySelectorAll('*')).map((e) => e.tagName) };",
                        vec![json!(draft.word)],
                    )
                    .await?;
                Ok((!found.is_null()).then_some(found))
            })
            .await?;
        let text = collapsed(snippet["text"].as_str().unwrap_or_default());
        let tags: Vec<String> = serde_json::from_value(snippet["tags"].clone())?;
        ensure!(tags.iter().all(|t| t == "MARK"), "the snippet holds elements other than <mark>: {tags:?} ({text:?})");
        let start: String = collapsed(&draft.payload).chars().take(6).collect();
        ensure!(text.contains(&start), "the snippet {text:?} does not show {start:?} as typed");
        assert_inert(app, "search snippets").await?;
    }
    search.clear().await?;
    Ok(())
}

/// The Authors dialog lists the names and shows name and bio as typed.
async fn check_authors_dialog(app: &App, authors: &[(String, String)]) -> Result<()> {
    app.click("button", "Authors").await?;
    let dialog = app.by_name("dialog", "Authors").await?;
    let names = texts(app, ".profile-name").await?;
    for (name, bio) in authors {
        let typed = collapsed(name);
        ensure!(names.contains(&typed), "the Authors dialog does not list {typed:?}: {names:?}");
        let button = app
            .js(
                "return Array.from(document.querySelectorAll('.profile-item')).find((b) => b.querySelector('.profile-name').textContent === arguments[0]) || null;",
                vec![json!(name)],
            )
            .await?;
        ensure!(!button.is_null(), "no profile button for {name:?}");
        app.js("arguments[0].click(); return null;", vec![button]).await?;
        let shown_name = app.value_of("textbox", "Name").await?;
        let shown_bio = app.value_of("textbox", "Short bio").await?;
        ensure!(
            shown_name == *name && shown_bio == *bio,
            "the form shows {shown_name:?} / {shown_bio:?}, typed {name:?} / {bio:?}"
        );
        assert_inert(app, "Authors dialog").await?;
    }
    app.by_name_in("button", "Close", Some(&dialog)).await?.click().await?;
    Ok(())
}

#[tokio::test]
async fn xss_corpus_through_the_export_head_and_pasted_html() -> Result<()> {
    let payloads = representative(PAYLOADS)?;
    let library = Library::empty()?;
    let (drafts, authors) = seed(&library, &payloads)?;
    let out_dir = library.scratch("export");
    std::fs::create_dir_all(&out_dir)?;
    with_app("xss_export_paste", &library.path(), |app| async move {
        app.wait_ready().await?;
        for draft in &drafts {
            let path = out_dir.join(format!("{}.html", draft.slug));
            app.invoke(
                "export_article",
                json!({"slug": draft.slug, "options": {"format": "html", "images": "embed", "includeEmail": false, "path": path}}),
            )
            .await?;
            let html = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let page = app.inspect_exported_page(&html).await?;
            check_export_head(&page, draft, &authors).with_context(|| format!("export of {:?}: {page:#}", draft.payload))?;
        }
        assert_inert(&app, "after exporting").await?;
        check_paste(&app, &drafts[0], &payloads).await
    })
    .await
}

/// The exported head shows the title as typed in `<title>`, og:title and JSON-LD, which still
/// parses as one object; the page holds no handler, script or `javascript:` URL.
fn check_export_head(page: &Value, draft: &Seeded, authors: &[(String, String)]) -> Result<()> {
    let typed = collapsed(&draft.payload);
    let hostile = page["hostile"].as_array().map(Vec::len).unwrap_or(1);
    ensure!(hostile == 0, "hostile markup in the exported page");
    let title = collapsed(page["title"].as_str().unwrap_or_default());
    ensure!(title.contains(&typed), "<title> is {title:?}, typed {typed:?}");
    ensure!(page["ogTitle"].as_str() == Some(draft.payload.as_str()), "og:title differs from the typed title");
    ensure!(page["jsonLdScripts"] == 1 && page["jsonLdError"].is_null(), "the JSON-LD block was broken out of");
    ensure!(
        page["jsonLd"]["headline"].as_str() == Some(draft.payload.as_str()),
        "JSON-LD headline differs from the title"
    );
    let description = page["description"].as_str().unwrap_or_default();
    ensure!(page["ogDescription"].as_str() == Some(description), "og:description differs from the description");
    let credited = &page["jsonLd"]["author"];
    let names: Vec<&str> = match credited {
        Value::Array(list) => list.iter().filter_map(|a| a["name"].as_str()).collect(),
        other => other["name"].as_str().into_iter().collect(),
    };
    ensure!(names.contains(&draft.author.as_str()), "JSON-LD credits {names:?}, not {:?} as typed", draft.author);
    ensure!(authors.iter().any(|(name, _)| *name == draft.author), "the draft's author was not seeded");
    let toc = page["tocLinks"].as_array().map(Vec::len).unwrap_or(0);
    ensure!(toc >= 2, "the exported table of contents has {toc} entries");
    Ok(())
}

/// A clipboard paste of HTML with handlers lands as inert text: nothing runs, no element of it
/// reaches the editor, the preview shows it sanitized.
async fn check_paste(app: &App, draft: &Seeded, payloads: &[String]) -> Result<()> {
    let pasted = payloads
        .iter()
        .find(|p| p.starts_with("<div onmouseover"))
        .context("the corpus has no pasted-HTML case")?
        .clone();
    app.open_draft(&draft.slug).await?;
    app.wait_for("the draft to open", FIND_TIMEOUT, || async {
        Ok((app.current_slug().await?.as_deref() == Some(draft.slug.as_str())).then_some(()))
    })
    .await?;
    app.editor().await?.click().await?;
    let outcome = app
        .js(
            "const [html] = arguments;
             const content = document.querySelector('.cm-content');
             const data = new DataTransfer();
             data.setData('text/html', html);
             data.setData('text/plain', html);
             const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
             content.dispatchEvent(event);
             const onlyHtml = new DataTransfer();
             onlyHtml.setData('text/html', html + '<script>top.__pwned=1</script>');
             content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: onlyHtml, bubbles: true, cancelable: true }));
             return { handled: event.defaultPrevented };",
            vec![json!(pasted)],
        )
        .await?;
    println!("paste outcome: {outcome}");
    app.wait_for("the pasted text in the editor", FIND_TIMEOUT, || async {
        let text = app.editor_text().await?;
        Ok(text.contains(&pasted).then_some(()))
    })
    .await?;
    app.wait_in_preview("the pasted text in the preview", "return doc.body.textContent.includes('pasted') || null;")
        .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let editor_elements = app
        .js("return Array.from(document.querySelectorAll('.cm-content img, .cm-content div[onmouseover], .cm-content b, .cm-content script')).length;", vec![])
        .await?;
    ensure!(editor_elements == 0, "pasted HTML became elements in the editor");
    assert_inert(app, "pasted HTML").await
}
