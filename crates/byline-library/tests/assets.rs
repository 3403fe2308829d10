//! Assets: content sniffing, dedupe by hash, draft links.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{sniff_mime, Error};

#[test]
fn image_types_are_recognised_from_their_bytes_not_their_names() {
    let avif = [&[0, 0, 0, 0x1c][..], b"ftypavif", &[0, 0, 0, 0], b"avifmif1miaf"].concat();
    let avif_compatible = [&[0, 0, 0, 0x18][..], b"ftypmif1", &[0, 0, 0, 0], b"miafavif"].concat();
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (common::png(b""), "image/png"),
        (vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg"),
        (b"GIF89a\x01\x00".to_vec(), "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ".to_vec(), "image/webp"),
        (avif, "image/avif"),
        (avif_compatible, "image/avif"),
        (b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(), "image/svg+xml"),
        (b"  <svg viewBox=\"0 0 1 1\"></svg>".to_vec(), "image/svg+xml"),
    ];
    for (bytes, mime) in cases {
        assert_eq!(sniff_mime(&bytes), Some(mime), "{bytes:?}");
    }
    for bytes in [&b""[..], b"hello", b"BM\x00\x00", b"<html><body/></html>", b"RIFF\0\0\0\0WAVE"] {
        assert_eq!(sniff_mime(bytes), None, "{bytes:?}");
    }
}

#[test]
fn the_same_bytes_are_stored_once() {
    let mut f = common::fixture();
    let bytes = common::png(b"photo");
    let first = f.lib.add_asset(&bytes, "photo.png").unwrap();
    let again = f.lib.add_asset(&bytes, "copy-of-photo.png").unwrap();
    assert_eq!(first, again);
    assert_eq!(first.file_name, "photo.png");
    assert_eq!((first.mime.as_str(), first.size), ("image/png", bytes.len()));
    assert_eq!(first.hash.len(), 64);
    assert_eq!(f.lib.stats().unwrap().assets, 1);
    assert_eq!(f.lib.asset_bytes(&first.hash).unwrap(), bytes);
    assert_eq!(f.lib.asset(&first.hash.to_uppercase()).unwrap(), first);
}

#[test]
fn unsupported_files_are_refused_by_name() {
    let mut f = common::fixture();
    let err = f.lib.add_asset(b"BM\x00\x00bitmap", "scan.bmp").unwrap_err();
    assert!(matches!(&err, Error::UnsupportedAsset { file_name, .. } if file_name == "scan.bmp"), "{err:?}");
    assert!(err.to_string().starts_with("`scan.bmp` is not a supported image"), "{err}");
    assert!(matches!(f.lib.asset("0000"), Err(Error::AssetNotFound(_))));
    assert_eq!(f.lib.stats().unwrap().assets, 0);
}

#[test]
fn drafts_link_assets_by_the_path_their_markdown_uses() {
    let mut f = common::fixture();
    let a = f.lib.add_asset(&common::png(b"a"), "a.png").unwrap();
    let b = f.lib.add_asset(b"GIF89a..", "b.gif").unwrap();
    let one = f.lib.create_draft(common::draft("One", "![a](images/a.png)")).unwrap();
    let two = f.lib.create_draft(common::draft("Two", "")).unwrap();
    f.lib.attach_asset(&one.slug, "images/a.png", &a.hash).unwrap();
    f.lib.attach_asset(&one.slug, "./images/b.gif", &b.hash).unwrap();
    f.lib.attach_asset(&two.slug, "a.png", &a.hash).unwrap();

    let linked = f.lib.draft_assets(&one.slug).unwrap();
    assert_eq!(
        linked.iter().map(|l| (l.path.as_str(), l.asset.file_name.as_str())).collect::<Vec<_>>(),
        [("images/a.png", "a.png"), ("images/b.gif", "b.gif")]
    );
    // Re-attaching a path points it at the new asset.
    f.lib.attach_asset(&one.slug, "images/a.png", &b.hash).unwrap();
    assert_eq!(f.lib.draft_assets(&one.slug).unwrap()[0].asset, b);

    // A reference outside the draft's folder is a lookup key like any other (regression: `../`
    // images made import refuse whole folders); absolute paths and URLs are not local assets.
    f.lib.attach_asset(&one.slug, "../shared/x.png", &a.hash).unwrap();
    assert!(matches!(f.lib.attach_asset(&one.slug, "/etc/x.png", &a.hash), Err(Error::InvalidInput(_))));
    assert!(matches!(f.lib.attach_asset(&one.slug, "x.png", "feed"), Err(Error::AssetNotFound(_))));
    assert!(matches!(f.lib.attach_asset("ghost", "x.png", &a.hash), Err(Error::DraftNotFound(_))));

    // Emptying the trash drops blobs only the destroyed draft used.
    f.lib.trash_draft(&one.slug).unwrap();
    f.lib.empty_trash().unwrap();
    assert!(matches!(f.lib.asset(&b.hash), Err(Error::AssetNotFound(_))));
    assert_eq!(f.lib.asset(&a.hash).unwrap(), a);
    assert!(f.lib.integrity_check().unwrap().is_empty());
}
