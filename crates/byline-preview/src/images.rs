//! The draft's images as the preview receives them: a URL resolver together with an identity
//! that says when two resolvers answer alike. The identity is what lets a render with images be
//! remembered and patched: the last render is reused only under the same identity.

use byline_render::ResolveUrl;

/// A resolver and its identity, for one render. Equal `identity` promises equal answers for
/// every URL, so HTML resolved under one identity may be reused under it.
#[derive(Clone, Copy)]
pub struct Urls<'a> {
    /// Names the image set (e.g. every attachment's path and content hash).
    pub identity: &'a str,
    /// Maps a relative URL to what the preview shows (e.g. a `data:` URI); None keeps it.
    pub resolve: ResolveUrl<'a>,
}

type Resolver = Box<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// A draft's images, owned, as the shell hands them to [`crate::PreviewSessions::update`].
#[derive(Default)]
pub struct Images {
    identity: String,
    resolve: Option<Resolver>,
}

impl Images {
    /// No images: URLs are left as written.
    pub fn none() -> Images {
        Images::default()
    }

    /// Images resolved by `resolve`, which must answer alike for equal `identity`.
    pub fn new(identity: String, resolve: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Images {
        Images { identity, resolve: Some(Box::new(resolve)) }
    }

    /// The resolver and its identity for one render; None without images.
    pub fn urls(&self) -> Option<Urls<'_>> {
        let resolve = self.resolve.as_deref()?;
        Some(Urls { identity: &self.identity, resolve })
    }
}
