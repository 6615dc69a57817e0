"""The document language in a PDF's catalog (`/Lang`), which Qt's PDF writer never sets.

Screen readers and PDF/UA checkers read the language from the catalog's `/Lang` entry, not
from the XMP metadata. The catalog is rewritten by an incremental update (PDF 1.7, section
7.5.6): the new catalog object, a cross-reference section for it alone and a trailer pointing
back at the previous one are appended; nothing already written changes.
"""

from __future__ import annotations

import re
from pathlib import Path

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_ROOT = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_LANG_VALUE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class PdfLanguageError(ValueError):
    """The file is not laid out as Qt writes PDFs; nothing was changed."""


def add_language(path: Path, language: str) -> None:
    """Append an update to the PDF at `path` whose catalog says `/Lang (language)`."""
    if not _LANG_VALUE.match(language):
        raise PdfLanguageError(f"not a language tag: {language!r}")
    data = Path(path).read_bytes()
    end = _STARTXREF.search(data)
    trailers = list(_TRAILER.finditer(data))
    if end is None or not trailers:
        raise PdfLanguageError("no trailer")
    trailer = trailers[-1].group(1)
    root, size = _ROOT.search(trailer), _SIZE.search(trailer)
    if root is None or size is None:
        raise PdfLanguageError("trailer without /Root or /Size")
    number, generation = int(root.group(1)), int(root.group(2))
    catalog = re.search(
        rb"(?<![0-9])%d %d obj\s*<<(.*?)>>\s*endobj" % (number, generation), data, re.S
    )
    if catalog is None or b"/Catalog" not in catalog.group(1):
        raise PdfLanguageError("catalog not found")
    entries = re.sub(rb"/Lang\s*\([^)]*\)", b"", catalog.group(1)).strip()
    update = bytearray(b"\n" if not data.endswith(b"\n") else b"")
    offset = len(data) + len(update)
    update += b"%d %d obj\n<<\n%s\n/Lang (%s)\n>>\nendobj\n" % (
        number,
        generation,
        entries,
        language.encode("ascii"),
    )
    xref = len(data) + len(update)
    # Every other trailer entry (/Info, /ID, /Size) stays; /Prev chains to the old section.
    kept = re.sub(rb"/Prev\s+\d+", b"", trailer).strip()
    update += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d %05d n \n" % (
        number,
        offset,
        generation,
    )
    update += b"trailer\n<<\n%s\n/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        kept,
        end.group(1),
        xref,
    )
    with Path(path).open("ab") as handle:
        handle.write(bytes(update))
