//! The Export dialog writes PDF, Word and EPUB files: the writer picks the format, the dialog
//! shows only that format's options, and each file is the real thing (read back here).

use anyhow::{ensure, Context, Result};
use byline_e2e::{with_app, Library};

#[tokio::test]
async fn export_dialog_writes_pdf_docx_and_epub() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft(
        "Harbour Log",
        "# Harbour Log\n\nThe tide came in at noon.\n\n| Boat | Crew |\n|---|---|\n| Wren | 3 |\n",
    )?;
    std::fs::create_dir_all(library.scratch("export"))?;
    let targets: Vec<(&str, std::path::PathBuf)> = ["PDF", "Word (DOCX)", "EPUB"]
        .iter()
        .zip(["pdf", "docx", "epub"])
        .map(|(label, ext)| (*label, library.scratch(&format!("export/harbour-log.{ext}"))))
        .collect();
    let targets_in = targets.clone();
    with_app("documents_export", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.wait_for("the draft to open", byline_e2e::ui::FIND_TIMEOUT, || async {
            Ok(app.current_slug().await?.filter(|s| *s == slug))
        })
        .await?;
        app.click("button", "Export").await?;
        let export = app.by_name("dialog", "Export").await?;
        for (label, path) in &targets_in {
            app.set_value("combobox", "Format", label).await?;
            // Only PDF is printed on paper; only HTML has a share prompt or separate image files.
            ensure!(
                app.exists("combobox", "Paper size", Some(&export)).await? == (*label == "PDF"),
                "the Paper size field shows for PDF only ({label})"
            );
            ensure!(!app.exists("checkbox", "Share links", Some(&export)).await?, "no share option for {label}");
            let field = app.by_name_in("textbox", "Destination", Some(&export)).await?;
            field.clear().await?;
            field.send_keys(&path.to_string_lossy()).await?;
            app.by_name_in("button", "Export article", Some(&export)).await?.click().await?;
            app.wait_for(&format!("the {label} file"), byline_e2e::ui::FIND_TIMEOUT, || async {
                Ok(path.is_file().then_some(()))
            })
            .await?;
        }
        Ok(())
    })
    .await?;

    let read = |path: &std::path::Path| std::fs::read(path).with_context(|| format!("reading {}", path.display()));
    let pdf = read(&targets[0].1)?;
    ensure!(pdf.starts_with(b"%PDF-"), "the PDF file is a PDF");
    let text = std::process::Command::new("pdftotext").arg(&targets[0].1).arg("-").output()?;
    ensure!(String::from_utf8_lossy(&text.stdout).contains("The tide came in at noon."), "the PDF has the body");
    for (label, path) in &targets[1..] {
        let bytes = read(path)?;
        ensure!(bytes.starts_with(b"PK\x03\x04"), "the {label} file is a zip package");
    }
    let epub = read(&targets[2].1)?;
    ensure!(&epub[30..38] == b"mimetype", "the EPUB starts with its stored mimetype entry");
    Ok(())
}
