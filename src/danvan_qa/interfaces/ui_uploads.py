"""The chat's "Thêm tài liệu" tab, placed only when uploads are allowed (uploads.py holds the rules).

An upload button, not a drop zone: Gradio's drop zone says "Drop File Here" in English, which
has no Vietnamese translation in Gradio, and the chat shows no English. Imported by
ui.build_app only, so Gradio loads with the page.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

import gradio as gr

from danvan_qa.interfaces.ui_render import esc
from danvan_qa.interfaces.uploads import ALLOWED, Refused, Saved, Uploader

TAB_UPLOAD = "them-tai-lieu"
INTRO = ("Thêm bài viết vào kho để hỏi đáp: tệp {kinds}. Mỗi tệp được kiểm tra (định dạng, dung lượng), "
         "lưu vào thư mục bài viết rồi được lập chỉ mục; dòng trạng thái phía trên báo khi có thể hỏi.")


class UploadTab(NamedTuple):
    button: Any  # gr.UploadButton
    result: Any  # gr.HTML


def upload_tab() -> UploadTab:
    with gr.Tab("Thêm tài liệu", id=TAB_UPLOAD, elem_id="dv-upload-tab"):
        gr.Markdown(INTRO.format(kinds=", ".join(ALLOWED)))
        button = gr.UploadButton("Chọn tệp để thêm", file_count="multiple", file_types=list(ALLOWED),
                                 type="filepath", variant="primary", elem_id="dv-upload")
        result = gr.HTML(elem_id="dv-upload-result")
    return UploadTab(button, result)


def result_html(saved: list[Saved], refused: list[Refused]) -> str:
    """What became of each file: saved (under which name) or refused (and why)."""
    parts = []
    if saved:
        rows = "".join(f"<li>{esc(s.name)}{_renamed(s)}: “{esc(s.title)}”</li>" for s in saved)
        parts.append(f"<p>Đã nhận {len(saved)} tệp; đang lập chỉ mục (xem dòng trạng thái):</p><ul>{rows}</ul>")
    if refused:
        rows = "".join(f"<li>{esc(r.name) + ': ' if r.name else ''}{esc(r.reason)}</li>" for r in refused)
        parts.append(f"<p>Không nhận {len(refused)} tệp:</p><ul class=\"dv-refused\">{rows}</ul>"
                     if any(r.name for r in refused) else f"<p>{esc(refused[0].reason)}</p>")
    return "".join(parts)


def _renamed(saved: Saved) -> str:
    return f" (lưu với tên {esc(saved.path.name)})" if saved.path.name != saved.name else ""


def wire(tab: UploadTab, uploader: Uploader, status: Any, status_html: Callable[[], str], timer: Any) -> None:
    """Uploads answered at once with what was taken; the status line's timer started to follow the indexing."""

    def added(paths: list[str] | None) -> tuple[str, str, Any]:
        saved, refused, _ = uploader.add(paths)
        return result_html(saved, refused), status_html(), gr.Timer(active=True)

    tab.button.upload(added, tab.button, [tab.result, status, timer], api_visibility="private")
