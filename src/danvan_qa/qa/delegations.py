"""Who led delegations, across the archive: "Những ai từng làm trưởng đoàn kiểm tra …?", "các đoàn … kèm tên
trưởng đoàn" — a row per person the fact table says led one ("dẫn đoàn") or whose role heads one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from danvan_qa.ingest.normalize import fold
from danvan_qa.qa.questions import FOLDED_PROVINCE
from danvan_qa.qa.records import YEAR, Listing, Strong
from danvan_qa.qa.title_lists import newest, people_rows

if TYPE_CHECKING:
    from danvan_qa.index.store import Store
    from danvan_qa.ingest.facts import Person
    from danvan_qa.qa.questions import Question

_KIND = r"doan (?:kiem tra|cong tac|giam sat|khao sat)"
# who led delegations, asked of several ("những ai (từng) làm trưởng đoàn", "các đoàn … kèm tên trưởng đoàn") (folded)
_DELEGATIONS_LED = re.compile(r"(?<!\w)(?:(?:nhung|cac) (?:ai|nguoi|vi|doan)|bao nhieu|may)(?!\w).*"
                              r"(?<!\w)(?:truong doan|dan doan|dan dau (?:cac |nhung )?doan)(?!\w)"
                              r"|(?<!\w)(?:truong doan|dan doan)(?:[ ,]+\w+)*? (?:cac|nhung) doan(?!\w)")
# … or kinds of delegation listed ("đoàn kiểm tra, đoàn công tác … thì ai làm trưởng đoàn?"), or every head asked ("… ai
# làm trưởng đoàn, kể hết"), of no place or time (which asks that place's or time's delegation)
_EVERY_HEAD = re.compile(rf"(?<!\w){_KIND}(?:,? (?:va |hoac |hay )?{_KIND})+(?!\w).*(?<!\w)truong doan(?!\w)"
                         r"|(?<!\w)ai (?:lam|la) truong doan(?!\w)(?=.*(?<!\w)(?:ke|liet ke|neu) (?:het|du|tat ca)(?!\w))")
_WHERE = re.compile(r"(?<!\w)(?:o|tai|voi|cua)(?!\w)")
# a delegation's head by role ("Trưởng Đoàn kiểm tra"), not its deputy nor a deputies' delegation to the Assembly
_HEADS_DELEGATION = re.compile(r"(?<!\w)(?<!pho )truong doan(?! dai bieu)(?!\w)")
_DELEGATIONS = ("doan kiem tra", "doan cong tac", "doan giam sat", "doan khao sat", "lam viec")  # a sports team's: none


def asks_led(q: "Question") -> bool:
    """Whether the question asks who led delegations, of several."""
    return bool(_DELEGATIONS_LED.search(q.folded) or _EVERY_HEAD.search(q.folded) and not (  # "ở / với <a place>": its own
        q.places or q.dates or YEAR.search(q.folded) or FOLDED_PROVINCE.search(q.folded) or _WHERE.search(q.folded)))


def led(q: "Question", store: "Store", keep: Callable[[str], bool]) -> Listing | None:
    """Who led an inspecting or working delegation, in any article whose text names one or a working session: the
    fact table's "dẫn đoàn" ("do X làm trưởng đoàn", "X dẫn đầu đoàn"), or a role that heads one ("…, Trưởng Đoàn
    kiểm tra"); a row each, newest first."""
    found: dict[str, dict[str, "Person"]] = {}
    for doc_id in filter(keep, store.data.documents):
        people = store.people_by_doc.get(doc_id, [])
        if not people or not any(f" {k}" in store.words(doc_id).folded for k in _DELEGATIONS):
            continue  # a sports team's or an Assembly delegation's head is no inspection's
        for p in people:
            if any(fold(a) == "dan doan" for a in p.acts) or _HEADS_DELEGATION.search(fold(p.role or "")):
                found.setdefault(fold(p.name), {}).setdefault(doc_id, p)
    if not found:
        return None
    return people_rows((f"Các bài viết nêu {len(found)} người làm ", Strong("trưởng đoàn"), ":"), newest(found, store),
                       len(found), q, store)
