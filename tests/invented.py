"""An invented archive for the chat's pages: two provinces, a programme signed, reviewed
(sơ kết by its number, tổng kết by its period and parties), people at several events, and an
article whose title carries markup and whose link is not http(s). No name here is of a real
article."""

from __future__ import annotations

from pathlib import Path

SIGNED_URL = "https://bao.example.vn/ky-ket-07"
ARTICLES = {
    "bv-0001": ("2021-06-11", "Ký kết chương trình phối hợp ở tỉnh Bắc Hà", SIGNED_URL,
               "Ngày 10/6/2021, tại tỉnh Bắc Hà, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà ký kết "
               "Chương trình phối hợp số 07-CTr/BDV-CA giai đoạn 2021-2026. Đồng chí Trần Văn Bình, Trưởng Ban "
               "Dân vận Tỉnh ủy Bắc Hà chủ trì hội nghị."),
    "bv-0002": ("2023-12-20", "Sơ kết chương trình phối hợp ở tỉnh Bắc Hà", "",
               "Ngày 19/12, tại tỉnh Bắc Hà, Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà tổ chức hội nghị sơ kết "
               "Chương trình phối hợp số 07-CTr/BDV-CA. Đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy, Trưởng Ban Dân vận "
               "Tỉnh ủy Bắc Hà phát biểu chỉ đạo hội nghị."),
    "bv-0003": ("2022-08-09", "Buổi làm việc của đoàn công tác ở tỉnh Đông Lâm", "",
               "Ngày 9/8, tại tỉnh Đông Lâm, đoàn công tác làm việc với Công an tỉnh Đông Lâm. Dự buổi làm việc có "
               "đồng chí Phạm Quốc Dũng, Thứ trưởng Bộ Nội vụ; đồng chí Trần Văn Bình, Trưởng Ban Dân vận Tỉnh ủy Bắc Hà."),
    "bv-0004": ("2026-03-06", "Tổng kết chương trình phối hợp ở tỉnh Bắc Hà", "https://bao.example.vn/tong-ket",
               "Ngày 5/3/2026, tại tỉnh Bắc Hà, hội nghị tổng kết Chương trình phối hợp công tác dân vận giai đoạn "
               "2021-2026 giữa Ban Dân vận Tỉnh ủy Bắc Hà và Công an tỉnh Bắc Hà."),
    "bv-0005": ("2022-04-02", "Hội nghị <b>dân vận</b> ở tỉnh Đông Lâm", "javascript:alert(1)",
               "Ngày 2/4, tại tỉnh Đông Lâm, Ban Dân vận Tỉnh ủy Đông Lâm tổ chức hội nghị triển khai công tác dân vận "
               "<script>window.__pwned = 1</script>. Dự hội nghị có đồng chí Phạm Quốc Dũng, Thứ trưởng Bộ Nội vụ."),
}


def write_articles(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, (date, title, url, text) in ARTICLES.items():
        title_line = title.replace('"', "'")
        (folder / f"{doc_id}.txt").write_text(
            f'---\nid: {doc_id}\ntitle: "{title_line}"\ndate: {date}\nurl: "{url}"\n---\n{title}\n\n{text}\n',
            encoding="utf-8")
