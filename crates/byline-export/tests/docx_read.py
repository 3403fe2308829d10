#!/usr/bin/env python3
"""Reads a .docx back with python-docx, a reader independent of Byline's writer, and prints what
a writer would look at as JSON: paragraph styles and texts in order, tables, footnotes, images
and core properties. Every XML part is parsed too, so a malformed one fails here.

Exit status 3 means python-docx is not installed (run scripts/setup-test.sh)."""

import json
import sys
import zipfile
import xml.etree.ElementTree as ET

try:
    import docx
except ImportError:
    print("python-docx is not installed; run scripts/setup-test.sh", file=sys.stderr)
    sys.exit(3)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnote_texts(archive):
    """python-docx has no footnotes API: read word/footnotes.xml, skipping the separators."""
    root = ET.fromstring(archive.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(t.text or "" for t in note.iter(W + "t"))
        notes.append({"id": int(note.get(W + "id")), "text": text.strip()})
    return notes


def main(path):
    with zipfile.ZipFile(path) as archive:
        parsed_parts = []
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(archive.read(name))
                parsed_parts.append(name)
        footnotes = footnote_texts(archive)
        media = sorted(n for n in archive.namelist() if n.startswith("word/media/"))
        document_xml = archive.read("word/document.xml").decode("utf-8")

    document = docx.Document(path)
    paragraphs = [{"style": p.style.name, "text": p.text} for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    header_rows = [sum(1 for row in table.rows if row._tr.trPr is not None
                       and row._tr.trPr.find(W + "tblHeader") is not None) for table in document.tables]
    core = document.core_properties
    print(json.dumps({
        "parsed_parts": parsed_parts,
        "paragraphs": paragraphs,
        "tables": tables,
        "table_header_rows": header_rows,
        "footnotes": footnotes,
        "footnote_references": document_xml.count("<w:footnoteReference "),
        "media": media,
        "inline_shapes": len(document.inline_shapes),
        "inline_shape_sizes": [[s.width, s.height] for s in document.inline_shapes],
        "core": {
            "title": core.title,
            "author": core.author,
            "subject": core.subject,
            "keywords": core.keywords,
            "language": core.language,
            "created": core.created.isoformat() if core.created else None,
            "modified": core.modified.isoformat() if core.modified else None,
        },
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
