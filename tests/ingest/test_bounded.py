"""An article written on one line, or without sentence punctuation, costs what its size says.

The sentences and the people here are invented.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from danvan_qa.ingest.chunking import chunk_document, sentence_spans
from danvan_qa.ingest.corpus import parse_document
from danvan_qa.ingest.facts import extract
from danvan_qa.ingest.normalize import normalize_text
from danvan_qa.ingest.splitting import MAX_SENTENCE, MAX_TITLE, bounded

CHILD = Path(__file__).resolve().parents[1] / "indexer_child.py"
SENTENCES = [
    "Ngày 12/3/2021, tại hội trường Ủy ban nhân dân huyện, Ban Dân vận Huyện ủy phối hợp với Công an huyện "
    "tổ chức hội nghị ký kết Chương trình phối hợp số 05-CTr/BDV-CA giai đoạn 2021-2025.",
    "Tham dự hội nghị có đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy; "
    "Thượng tá Trần Thị Bình, Phó Trưởng Công an huyện.",
    "Phát biểu chỉ đạo, đồng chí Lê Minh Cường đề nghị các đơn vị tiếp tục xây dựng mô hình “dân vận khéo” "
    "ở cơ sở, bảo đảm an ninh trật tự trên địa bàn.",
    "Qua 5 năm, hai đơn vị đã vận động hơn 12.000 lượt người dân chấp hành tốt pháp luật!",
]


def one_line(size: int, punctuated: bool = True) -> str:
    """About `size` bytes of the sentences on one line; without punctuation when asked."""
    text = " ".join(SENTENCES)
    if not punctuated:
        text = text.translate(str.maketrans("", "", ".,;:!?“”"))
    return " ".join([text] * (size // len(text.encode()) + 1)).encode()[:size].decode(errors="ignore")


def test_a_long_text_is_cut_at_the_best_boundary_within_the_bound():
    clauses = "một hai ba, " * 50 + "bốn năm sáu " * 50 + "x" * 300
    spans = bounded(clauses, 0, len(clauses), 200)
    assert spans[0][0] == 0 and spans[-1][1] == len(clauses)
    assert all(a == previous_end for (a, _), (_, previous_end) in zip(spans[1:], spans))  # nothing lost
    assert all(100 <= b - a <= 200 for a, b in spans[:-1])
    ends = [b for _, b in spans[:-1]]
    assert [clauses[:b].endswith("ba,") for b in ends] == [True] * 3 + [False] * 4  # clause ends first
    assert all(clauses[b] == " " for b in ends[3:6]) and clauses[ends[6] - 1] == "x"  # then a word end, then the bound
    assert [b - a for a, b in bounded("x" * 450, 0, 450, 200)] == [200, 200, 50]  # then the bound


def test_sentences_without_punctuation_are_bounded_and_cover_the_text():
    text = one_line(200_000, punctuated=False)
    spans = sentence_spans(text)
    assert len(spans) > len(text) // MAX_SENTENCE
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    covered = "".join(text[a:b] + " " for a, b in spans).split()
    assert covered == text.split()  # every word, in order, once


def test_ordinary_sentences_are_not_cut():
    text = " ".join(SENTENCES)
    assert [text[a:b] for a, b in sentence_spans(text)] == SENTENCES


def test_one_line_article_title_is_bounded():
    doc = parse_document(Path("a.txt"), one_line(50_000).encode())
    assert doc.title == unicodedata.normalize("NFC", SENTENCES[0])
    bare = parse_document(Path("b.txt"), one_line(50_000, punctuated=False).encode())
    assert len(bare.title) <= MAX_TITLE and bare.text.startswith(bare.title + " ")


def test_one_line_article_reads_the_same_people_as_its_lines_and_quotes_them_exactly():
    lines = parse_document(Path("lines.txt"), ("\n".join(SENTENCES)).encode())
    line = parse_document(Path("line.txt"), (" ".join(SENTENCES) + "\n").encode())
    people = [(p.name, p.rank, p.role, p.acts) for p in extract([lines]).people]
    assert people and [(p.name, p.rank, p.role, p.acts) for p in extract([line]).people] == people
    long_doc = parse_document(Path("long.txt"), one_line(300_000, punctuated=False).encode())
    found = extract([long_doc]).people
    assert {p.name for p in found} >= {"Nguyễn Văn An", "Lê Minh Cường"}
    for p in found:
        start, end = long_doc.published_span(p.start, p.end)
        assert normalize_text(long_doc.published[start:end]) == long_doc.text[p.start : p.end]
    chunks = chunk_document(long_doc, 1000, 200)
    assert all(long_doc.text[c.start : c.end] == c.text and len(c.text) <= 1000 + 80 for c in chunks)


def test_indexing_a_2_mb_one_line_article_stays_under_1_5_gb(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = one_line(990_000) + " " + one_line(990_000, punctuated=False)  # no title line of its own
    raw = (text + "\n").encode()
    assert 1_900_000 < len(raw) <= 2_000_000 and raw.count(b"\n") == 1
    (corpus / "motdong.txt").write_bytes(raw)
    # A parent of its own, whose only child is the indexer, reports that child's peak RSS.
    probe = ("import resource, subprocess, sys; "
             "out = subprocess.run([sys.executable, *sys.argv[1:]], capture_output=True, text=True); "
             "print(out.stdout, out.stderr[-2000:], out.returncode); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, str(CHILD), str(corpus), str(tmp_path / "store")],
                          capture_output=True, text=True, check=True)
    *report, peak_kib = done.stdout.split()
    assert "1 added" in " ".join(report) and report[-1] == "0", done.stdout
    assert int(peak_kib) <= 1_500_000, f"peak RSS {int(peak_kib) / 1024:.0f} MiB"
