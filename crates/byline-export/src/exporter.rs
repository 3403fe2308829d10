//! The [`Exporter`]: a template environment (default theme plus overrides) and the standalone page.

use std::path::Path;

use minijinja::{context, Environment};

use crate::page::{PageMeta, SiteNav};
use crate::{templates, ArticleContext, ExportError, PageOptions, SiteContext, SiteFile};

/// Lays out pages from typed contexts with minijinja; holds the theme's templates.
pub struct Exporter {
    env: Environment<'static>,
}

impl Default for Exporter {
    fn default() -> Self {
        Exporter::new()
    }
}

impl Exporter {
    /// An exporter with the embedded default theme.
    pub fn new() -> Exporter {
        Exporter { env: templates::default_environment() }
    }

    /// The default theme with every file of `dir` overriding the template of the same relative name.
    pub fn with_template_dir(dir: &Path) -> Result<Exporter, ExportError> {
        let mut env = templates::default_environment();
        templates::add_overrides(&mut env, dir)?;
        Ok(Exporter { env })
    }

    /// A standalone article page.
    pub fn article_page(&self, article: &ArticleContext, options: &PageOptions) -> Result<String, ExportError> {
        let css = self.stylesheet()?;
        let page = PageMeta::article(article, options, &css, &|_| None);
        self.article_with(article, page, None)
    }

    /// Every file of a static site, in path order; identical input gives identical bytes.
    pub fn site(&self, site: &SiteContext) -> Result<Vec<SiteFile>, ExportError> {
        crate::site::build(self, site)
    }

    pub(crate) fn article_with(
        &self,
        article: &ArticleContext,
        page: PageMeta,
        site: Option<&SiteNav>,
    ) -> Result<String, ExportError> {
        self.render("article.html", context! { lang => &article.language, article, page, site })
    }

    /// The theme's CSS, code highlighting included.
    pub(crate) fn stylesheet(&self) -> Result<String, ExportError> {
        self.render("style.css", context! { highlight_css => byline_render::highlight_css() })
    }

    pub(crate) fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, ExportError> {
        let template = self.env.get_template(name).map_err(|e| ExportError::render(name, &e))?;
        template.render(ctx).map_err(|e| ExportError::render(name, &e))
    }
}
