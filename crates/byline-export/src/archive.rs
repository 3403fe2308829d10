//! The zip container of DOCX and EPUB files: entries in the order written, every timestamp the
//! same fixed date, so one library state always exports byte-identical archives.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::ExportError;

/// A zip archive being built in memory.
pub(crate) struct Archive {
    writer: ZipWriter<Cursor<Vec<u8>>>,
}

impl Archive {
    pub(crate) fn new() -> Archive {
        Archive { writer: ZipWriter::new(Cursor::new(Vec::new())) }
    }

    /// Adds an uncompressed entry (EPUB's `mimetype` must be stored, and first).
    pub(crate) fn stored(&mut self, path: &str, bytes: &[u8]) -> Result<(), ExportError> {
        self.add(path, bytes, CompressionMethod::Stored)
    }

    /// Adds a deflated entry.
    pub(crate) fn deflated(&mut self, path: &str, bytes: &[u8]) -> Result<(), ExportError> {
        self.add(path, bytes, CompressionMethod::Deflated)
    }

    /// The archive's bytes.
    pub(crate) fn finish(self) -> Result<Vec<u8>, ExportError> {
        self.writer.finish().map(Cursor::into_inner).map_err(|err| ExportError::Archive(err.to_string()))
    }

    fn add(&mut self, path: &str, bytes: &[u8], method: CompressionMethod) -> Result<(), ExportError> {
        // 1980-01-01, zip's earliest date: the real export time would make every export differ.
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(DateTime::DEFAULT)
            .unix_permissions(0o644);
        self.writer.start_file(path, options).map_err(|err| ExportError::Archive(err.to_string()))?;
        self.writer.write_all(bytes).map_err(|err| ExportError::Archive(err.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_entries_give_the_same_bytes() {
        let build = || {
            let mut archive = Archive::new();
            archive.stored("mimetype", b"application/epub+zip").unwrap();
            archive.deflated("a/b.xml", b"<x/>").unwrap();
            archive.finish().unwrap()
        };
        let first = build();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(first, build());
        // The stored entry's name and bytes sit right after the first local header, as EPUB readers expect.
        assert_eq!(&first[30..38], b"mimetype");
        assert_eq!(&first[38..58], b"application/epub+zip");
    }
}
