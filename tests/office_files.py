"""Real documents of the users' formats, written by the tests: HTML pages around an article,
Word files by python-docx, and PDFs written here by hand (no PDF writer is a dependency) with
a text layer in DejaVuSans (bundled with matplotlib) embedded as a Unicode font, so
Vietnamese text round-trips through pypdf as it would from a real PDF."""

from __future__ import annotations

import datetime as dt
import io
import zlib
from pathlib import Path

import matplotlib
from fontTools.ttLib import TTFont

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"

NAV = """<header><div class="logo">Báo Làng Nổi</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/dan-van">Dân vận khéo</a></li><li><a href="/lien-he">Liên hệ quảng cáo</a></li></ul></nav></header>"""
SIDEBAR = """<aside class="sidebar"><h3>Đọc nhiều nhất</h3><ul>
<li><a href="/a">Giá rau xanh ở chợ Cầu Mây tăng mạnh sau mưa lớn</a></li>
<li><a href="/b">Thời tiết cuối tuần: nắng nóng kéo dài khắp vùng Bãi Sậy</a></li></ul></aside>"""
FOOTER = """<footer><p>Cơ quan chủ quản: Hội Nhà báo Làng Nổi. Giấy phép số 99/GP-XYZ.</p>
<p>Địa chỉ: 7 đường Bờ Đê, phường Gò Mít. Điện thoại liên hệ tòa soạn: 0123 456 789.</p></footer>"""


def html_page(title: str, paragraphs: list[str], head: str = "", table: list[list[str]] | None = None) -> str:
    """A news page: navigation, the article, a sidebar and a footer; `head` holds the meta tags."""
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in table or [])
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + (f"<table>{rows}</table>" if rows else "")
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{title} | Báo Làng Nổi</title>"
            f"{head}</head><body>{NAV}<main><article><h1>{title}</h1>{body}</article></main>{SIDEBAR}{FOOTER}"
            "</body></html>")


def word_file(paragraphs: list[str], *, table: list[list[str | None]] | None = None, header: str = "", footer: str = "",
              title: str = "", created: dt.datetime | None = None, control: str = "") -> bytes:
    """A .docx: the paragraphs, then the table, then a closing paragraph, then `control` in a
    content control (a form field); header and footer set."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    document.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):  # None: the cell is merged into the one on its left
            for c, cell in enumerate(row):
                if cell is None:
                    grid.cell(r, c - 1).merge(grid.cell(r, c))
                else:
                    grid.cell(r, c).text = cell
        document.add_paragraph("Bảng trên do thôn tự tổng hợp.")
    if control:
        paragraph = document.add_paragraph(control)._p
        box, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        paragraph.addprevious(box)
        box.append(content)
        content.append(paragraph)
    document.core_properties.title = title
    if created:
        document.core_properties.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(pages: list[list[str]], *, title: str | None = None, image: bool = False) -> bytes:
    """A PDF with one page per list of lines, set top to bottom in 11-point DejaVuSans.

    An empty string leaves a blank line's space. `image` draws a small grey picture on every
    page (a scanned page is a picture and no text).
    """
    font = TTFont(FONT)
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    glyph = {name: i for i, name in enumerate(order)}
    used: dict[int, str] = {}

    def shown(text: str) -> str:
        ids = [glyph[cmap[ord(ch)]] for ch in text]
        used.update(zip(ids, text))
        return "<" + "".join(f"{g:04X}" for g in ids) + ">"

    objects: list[bytes] = [b"", b"", b""]  # catalogue, page tree, font: written last

    def add(body: bytes, stream: bytes | None = None) -> int:
        if stream is not None:
            body = body[:-2] + b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects.append(body)
        return len(objects)

    picture = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8 >>", bytes(range(0, 256, 4))) if image else 0
    kids = []
    for lines in pages:
        ops = [f"BT /F1 11 Tf 1 0 0 1 56 {790 - 16 * n} Tm {shown(line)} Tj ET" for n, line in enumerate(lines) if line]
        if image:
            ops.append("q 480 0 0 680 56 80 cm /Im1 Do Q")
        content = add(b"<< >>", "\n".join(ops).encode())
        images = f"/XObject << /Im1 {picture} 0 R >>" if image else ""
        kids.append(add(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                        f"/Resources << /Font << /F1 3 0 R >> {images} >> >>".encode()))
    data = FONT.read_bytes()
    file = add(b"<< /Length1 %d /Filter /FlateDecode >>" % len(data), zlib.compress(data))
    descriptor = add(f"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 1232] "
                     f"/ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 /FontFile2 {file} 0 R >>".encode())
    scale = 1000 / font["head"].unitsPerEm
    widths = " ".join(f"{g} [{round(font['hmtx'][order[g]][0] * scale)}]" for g in sorted(used))
    cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) "
              f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity "
              f"/W [{widths}] >>".encode())
    pairs = "\n".join(f"<{g:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for g, ch in sorted(used.items()))
    to_unicode = add(b"<< >>", (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        f"1 begincodespacerange <0000> <FFFF> endcodespacerange\n{len(used)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end").encode())
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    objects[2] = (f"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
                  f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>").encode()
    info = add(f"<< /Title <FEFF{title.encode('utf-16-be').hex()}> >>".encode()) if title else 0
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R {f'/Info {info} 0 R ' if info else ''}>>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypted(pdf: bytes, user_password: str, owner_password: str = "chu-so-huu") -> bytes:
    """The PDF locked by pypdf (AES-256): with an empty user password it opens without one."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
