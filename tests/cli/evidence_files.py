"""Small real files for the receipt tests, made without any image library."""
import struct
import zlib


def make_png(width=160, height=90):
    """A real RGB PNG: blue and orange stripes with a dark frame, so a screenshot shows it."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type: none
        for x in range(width):
            if x < 3 or y < 3 or x >= width - 3 or y >= height - 3:
                row += bytes((30, 30, 30))
            elif (x // 20) % 2 == 0:
                row += bytes((30, 90, 200))
            else:
                row += bytes((240, 140, 30))
        rows.append(bytes(row))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def make_pdf():
    """The start of a PDF (enough for libmagic), with NUL and high bytes as real PDFs have."""
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"stream\n\x00\x01\x02\xff\xfe\x00binary\x00\nendstream\n%%EOF\n")


def make_jpeg():
    """A JFIF header followed by filler bytes."""
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + bytes(range(256)) * 4 + b"\xff\xd9")
