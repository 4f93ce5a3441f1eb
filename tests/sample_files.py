"""Small real files for upload tests: a PDF that parses (optionally made larger by a stream of
filler bytes that nothing references), a PNG and a JPEG that decode."""

from __future__ import annotations

import io

from PIL import Image


def pdf(filler: bytes = b"") -> bytes:
    """The smallest real PDF: catalogue, page tree, one page, cross-reference table; `filler`
    goes into an unreferenced stream, so the file grows and stays a PDF."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 3 3]>>",
    ]
    if filler:
        objects.append(b"<</Length %d>>stream\n%s\nendstream" % (len(filler), filler))
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj%sendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n"
    return data + trailer % (len(objects) + 1, xref)


def image(kind: str) -> bytes:
    """A 2 × 2 grey image as PNG or JPEG."""
    buffer = io.BytesIO()
    Image.new("L", (2, 2), 128).save(buffer, kind)
    return buffer.getvalue()


PDF = pdf()
PNG = image("PNG")
JPEG = image("JPEG")
