//! The typst `World` of one export: the generated markup as the only source, the embedded fonts,
//! the images as virtual files, and a "today" that is the article's date, never the clock.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Duration, FixedOffset};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::PdfError;

/// The fonts typst-assets embeds, parsed once per process: a second export reuses them
/// (parsing every face costs tens of milliseconds, and the `LazyHash` keeps comemo's cache warm).
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// A file id in the project root; paths are ours (`/main.typ`, `/images/1.png`), never a writer's.
pub(crate) fn file_id(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path).map_err(|err| PdfError::Setup(format!("virtual path {path:?}: {err}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// One export's world.
pub(crate) struct ExportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: DateTime<FixedOffset>,
}

impl ExportWorld {
    /// `files` maps the virtual paths the markup names (images) to their bytes.
    pub(crate) fn new(
        markup: String,
        files: Vec<(String, Vec<u8>)>,
        today: DateTime<FixedOffset>,
    ) -> Result<ExportWorld, PdfError> {
        let main = Source::new(file_id("/main.typ")?, markup);
        let mut map = HashMap::with_capacity(files.len());
        for (path, bytes) in files {
            map.insert(file_id(&path)?, Bytes::new(bytes));
        }
        Ok(ExportWorld { main, files: map, today })
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(id.vpath().get_with_slash().into())
    }
}

impl World for ExportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if self.files.contains_key(&id) {
            Err(FileError::NotSource)
        } else {
            Err(Self::not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| Self::not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    /// The article's own date, so `datetime.today()` and anything built on it are reproducible.
    fn today(&self, offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        let date = match offset {
            Some(offset) => {
                let utc = self.today.naive_utc();
                (utc + Duration::try_seconds(offset.seconds().round() as i64)?).date()
            }
            None => self.today.date_naive(),
        };
        Datetime::from_ymd(date.year(), u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?)
    }
}
