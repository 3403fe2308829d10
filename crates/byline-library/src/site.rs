//! A writer's static site on disk: which generator it is (from its config file), where its
//! content lives, which files are content, and where a root-relative image (`/images/x.png`)
//! really is. Byline reads and writes only inside the content; config, templates, archetypes and
//! build output are never touched.

use std::path::{Path, PathBuf};

use byline_frontmatter::SiteKind;

/// Folders of a Jekyll site that hold no pages of their own.
const JEKYLL_NOT_CONTENT: [&str; 5] = ["_site", "_layouts", "_includes", "_sass", "_data"];
/// Folders no generator reads content from.
const NEVER_CONTENT: [&str; 3] = ["node_modules", "vendor", "public"];

/// A site found on disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Site {
    /// The generator, as told by its config file.
    pub kind: SiteKind,
    /// The folder holding the config file.
    pub root: PathBuf,
    /// Where pages live: `content/` for Hugo and Zola, the root for Jekyll.
    pub content: PathBuf,
    /// The section new drafts go to (Hugo and Zola: the site's main section, else `posts`).
    pub main_section: String,
}

impl Site {
    /// The site that `path` (a site's root, its content folder or any folder inside it) belongs
    /// to, looking upwards for a generator's config file.
    pub fn containing(path: &Path) -> Option<Site> {
        let start = path.canonicalize().ok()?;
        let start = if start.is_file() { start.parent()?.to_path_buf() } else { start };
        start.ancestors().find_map(Site::at_root)
    }

    /// The site whose config is in `root`, if any.
    pub fn at_root(root: &Path) -> Option<Site> {
        let (kind, config) = detect(root)?;
        let content = match kind {
            SiteKind::Jekyll => root.to_path_buf(),
            SiteKind::Hugo => {
                root.join(text_key(&config, &["contentDir", "contentdir"]).unwrap_or_else(|| "content".into()))
            }
            SiteKind::Zola => root.join("content"),
        };
        let main_section =
            main_section(&config).or_else(|| first_section(&content)).unwrap_or_else(|| "posts".to_owned());
        Some(Site { kind, root: root.to_path_buf(), content, main_section })
    }

    /// Whether a file found under the content folder is a page the generator builds; `path` is
    /// relative to the content folder.
    pub fn is_content(&self, path: &Path) -> bool {
        let folders: Vec<String> = path
            .parent()
            .map(|p| p.iter().map(|part| part.to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        if folders.iter().any(|f| NEVER_CONTENT.contains(&f.as_str()) || f.starts_with('.')) {
            return false;
        }
        match self.kind {
            // Underscore folders are Jekyll's own, except posts, drafts and collections.
            SiteKind::Jekyll => folders.iter().all(|f| {
                !f.starts_with('_') || f == "_posts" || f == "_drafts" || !JEKYLL_NOT_CONTENT.contains(&f.as_str())
            }),
            SiteKind::Hugo | SiteKind::Zola => true,
        }
    }

    /// The file a root-relative reference (`/images/kiln.png`) names: Hugo and Zola serve
    /// `static/` at the site's root, Jekyll the root itself.
    pub fn root_relative_file(&self, reference: &str) -> Option<PathBuf> {
        let relative = reference.strip_prefix('/')?;
        if relative.split('/').any(|part| part == "..") {
            return None;
        }
        let base = match self.kind {
            SiteKind::Jekyll => self.root.clone(),
            SiteKind::Hugo | SiteKind::Zola => self.root.join("static"),
        };
        Some(base.join(relative))
    }
}

/// The generator whose config is in `root`, with that config read as JSON.
fn detect(root: &Path) -> Option<(SiteKind, serde_json::Value)> {
    for name in ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"] {
        if let Some(config) = read_config(&root.join(name)) {
            return Some((SiteKind::Hugo, config));
        }
    }
    if let Some(config) = read_config(&root.join("_config.yml")).or_else(|| read_config(&root.join("_config.yaml"))) {
        return Some((SiteKind::Jekyll, config));
    }
    // `config.toml` is Zola's name and Hugo's old one: Zola says `base_url`, Hugo `baseURL`.
    for name in ["config.toml", "config.yaml", "config.yml"] {
        let Some(config) = read_config(&root.join(name)) else { continue };
        if config.get("base_url").is_some() {
            return Some((SiteKind::Zola, config));
        }
        if text_key(&config, &["baseURL", "baseurl", "baseUrl"]).is_some() || root.join("content").is_dir() {
            return Some((SiteKind::Hugo, config));
        }
    }
    None
}

fn read_config(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    match extension {
        "toml" => toml::from_str::<serde_json::Value>(&text).ok(),
        "json" => serde_json::from_str(&text).ok(),
        // A config that does not parse still says which generator the site is for.
        _ => serde_yaml_ng::from_str::<serde_json::Value>(&text).ok().or(Some(serde_json::Value::Null)),
    }
}

fn text_key(config: &serde_json::Value, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| config.get(*key)?.as_str().map(str::to_owned))
}

/// Hugo's `mainSections` (top level or under `params`), first entry.
fn main_section(config: &serde_json::Value) -> Option<String> {
    let sections = config
        .get("mainSections")
        .or_else(|| config.get("params").and_then(|p| p.get("mainSections").or_else(|| p.get("mainsections"))))?;
    match sections {
        serde_json::Value::String(one) => Some(one.clone()),
        serde_json::Value::Array(items) => items.first()?.as_str().map(str::to_owned),
        _ => None,
    }
}

/// The content folder's first section that has pages, in name order.
fn first_section(content: &Path) -> Option<String> {
    let mut sections: Vec<String> = std::fs::read_dir(content)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with(['.', '_']))
        .collect();
    sections.sort();
    sections.into_iter().next()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn config_files_tell_the_generators_apart() {
        let hugo = site(&[("config.toml", "baseURL = 'https://a.org/'\n"), ("content/posts/a.md", "x")]);
        let zola = site(&[("config.toml", "base_url = 'https://a.org'\n")]);
        let jekyll = site(&[("_config.yml", "title: A\n")]);
        let modern = site(&[("hugo.yaml", "params:\n  mainSections: [notes]\n")]);
        assert_eq!(Site::at_root(hugo.path()).unwrap().kind, SiteKind::Hugo);
        assert_eq!(Site::at_root(hugo.path()).unwrap().main_section, "posts");
        assert_eq!(Site::at_root(zola.path()).unwrap().kind, SiteKind::Zola);
        assert_eq!(Site::at_root(jekyll.path()).unwrap().kind, SiteKind::Jekyll);
        assert_eq!(Site::at_root(modern.path()).unwrap().main_section, "notes");
        assert!(Site::at_root(&hugo.path().join("content")).is_none());
        let inner = Site::containing(&hugo.path().join("content/posts")).unwrap();
        assert_eq!(inner.content, hugo.path().canonicalize().unwrap().join("content"));
    }

    #[test]
    fn jekyll_layouts_and_build_output_are_not_content() {
        let jekyll = site(&[("_config.yml", "title: A\n")]);
        let site = Site::at_root(jekyll.path()).unwrap();
        assert!(site.is_content(Path::new("_posts/2020-01-01-a.md")));
        assert!(site.is_content(Path::new("about.md")));
        assert!(!site.is_content(Path::new("_layouts/post.md")));
        assert!(!site.is_content(Path::new("_site/about/index.md")));
        assert!(!site.is_content(Path::new("vendor/bundle/readme.md")));
        assert_eq!(site.root_relative_file("/assets/a.png"), Some(jekyll.path().join("assets/a.png")));
        assert_eq!(site.root_relative_file("/../etc/passwd"), None);
    }
}
