//! `export-site`: every ready or published draft laid out as a static site, staged beside the
//! target folder and swapped in whole, so a failed or interrupted export leaves the previous site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use byline_export::{ArticleContext, AuthorContext, SiteContext};

use super::related::RelatedIndex;
use super::{
    article_context, exporter, publish_time, smartened_if, AssetSink, ImageMode, PageInputs, SiteOptions, SiteSummary,
};
use crate::fs_atomic::StagedDir;
use crate::placement::{check_placement, FolderRole};
use crate::{Draft, DraftFilter, Error, Library, Result, Status};

/// Lists the files an export wrote, so the next export can tell its own stale pages (replaced or
/// removed) from files the writer added to the folder (kept).
const MANIFEST: &str = ".byline-site";
const MANIFEST_HEADER: &str =
    "# Written by `byline export-site`: the next export replaces these files and keeps any others.";

impl Library {
    /// Exports every ready or published draft as a static site into `out_dir`, replacing the
    /// site a previous export wrote there; files the writer added to the folder are kept.
    pub fn export_site(
        &self,
        out_dir: &Path,
        options: &SiteOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<SiteSummary> {
        check_placement(out_dir, self.dir(), FolderRole::SiteOutput)?;
        let (site_files, article_count) = self.site_files(options)?;
        let mut staged = StagedDir::begin(out_dir)?;
        let total = site_files.len();
        for (done, (relative, bytes)) in site_files.iter().enumerate() {
            staged.write(relative, bytes)?;
            progress(done + 1, total);
        }
        staged.write(MANIFEST, manifest(site_files.keys()).as_bytes())?;
        keep_writers_files(&mut staged)?;
        staged.commit()?;
        Ok(SiteSummary { articles: article_count, files: total })
    }

    /// Every file of the site by relative path, and how many articles it holds.
    fn site_files(&self, options: &SiteOptions) -> Result<(BTreeMap<String, Vec<u8>>, usize)> {
        let exporter = exporter(options.template_dir.as_deref())?;
        let drafts: Vec<Draft> =
            self.publishable_drafts()?.into_iter().map(|draft| smartened_if(draft, options.smart)).collect();
        let related = RelatedIndex::load(&self.conn)?;
        let mut site_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut inputs = Vec::new();
        for draft in &drafts {
            // Article pages sit two folders deep (articles/<slug>/index.html).
            let mut assets = AssetSink::new(self, ImageMode::Folder, "../../assets");
            assets.avatars_inline = true;
            // site() turns bare slugs into links relative to each page.
            inputs.push(self.page_inputs(draft, &mut assets, false, related.related(draft, str::to_owned))?);
            for (path, bytes) in assets.files {
                site_files.insert(path.trim_start_matches("../../").to_owned(), bytes);
            }
        }
        let articles = render_in_parallel(&inputs);
        let mut authors: BTreeMap<String, AuthorContext> = BTreeMap::new();
        for author in articles.iter().flat_map(|article| &article.authors) {
            authors.entry(author.slug.clone()).or_insert_with(|| author.clone());
        }
        let site = SiteContext {
            title: options.title.clone().unwrap_or_else(|| "Articles".to_owned()),
            description: format!("{} articles", articles.len()),
            base_url: options.base_url.clone(),
            language: articles.first().map(|a| a.language.clone()).unwrap_or_else(|| "en".into()),
            updated: articles
                .iter()
                .map(|a| a.modified)
                .max()
                .unwrap_or_else(|| chrono::DateTime::UNIX_EPOCH.fixed_offset()),
            articles,
            authors: authors.into_values().collect(),
        };
        let article_count = site.articles.len();
        for file in exporter.site(&site).map_err(|err| Error::Export(err.to_string()))? {
            site_files.insert(file.path, file.contents);
        }
        Ok((site_files, article_count))
    }

    /// Ready and published drafts, newest first.
    fn publishable_drafts(&self) -> Result<Vec<Draft>> {
        let mut drafts = Vec::new();
        for status in [Status::Published, Status::Ready] {
            for summary in self.list_drafts(&DraftFilter { status: Some(status), ..DraftFilter::default() })? {
                drafts.push(self.draft(&summary.slug)?);
            }
        }
        drafts.sort_by(|a, b| publish_time(b).cmp(&publish_time(a)).then_with(|| a.slug.cmp(&b.slug)));
        Ok(drafts)
    }
}

/// Renders every article, in order, on as many threads as there are cores: Markdown rendering
/// is most of a site export's work once the pages' inputs are read.
fn render_in_parallel(inputs: &[PageInputs<'_>]) -> Vec<ArticleContext> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let chunk = inputs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = inputs
            .chunks(chunk)
            .map(|chunk| scope.spawn(move || chunk.iter().map(article_context).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

fn manifest<'a>(paths: impl Iterator<Item = &'a String>) -> String {
    let mut text = format!("{MANIFEST_HEADER}\n");
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// Carries into the new site whatever the folder holds besides the previous export's own files
/// (a CNAME, a robots.txt, a folder of downloads). Without a manifest (a site from an older
/// version, or a folder that was never a site) everything not overwritten is kept, as before.
fn keep_writers_files(staged: &mut StagedDir) -> Result<()> {
    let target = staged.target().to_path_buf();
    if !target.is_dir() {
        return Ok(());
    }
    let previous = previous_manifest(&target)?;
    // Folders the previous export created: kept only as far as kept files need them, so the
    // folder of a removed article goes with it.
    let previous_dirs: BTreeSet<&Path> = previous.iter().flat_map(|file| Path::new(file).ancestors().skip(1)).collect();
    for entry in walkdir::WalkDir::new(&target).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|err| {
            let path = err.path().unwrap_or(&target).to_path_buf();
            Error::Io { path, source: err.into() }
        })?;
        let Ok(relative) = entry.path().strip_prefix(&target) else { continue };
        let key = relative.to_string_lossy().replace('\\', "/");
        let byline_owned = if entry.file_type().is_dir() {
            previous_dirs.contains(relative)
        } else {
            key == MANIFEST || previous.contains(&key)
        };
        if !byline_owned {
            staged.keep_existing(relative)?;
        }
    }
    Ok(())
}

/// The files the previous export wrote, from its manifest (none without one).
fn previous_manifest(target: &Path) -> Result<BTreeSet<String>> {
    let path = target.join(MANIFEST);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            Ok(text.lines().filter(|line| !line.is_empty() && !line.starts_with('#')).map(str::to_owned).collect())
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(source) => Err(Error::Io { path, source }),
    }
}
