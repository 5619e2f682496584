"""Questions across the archive at archive size: the list shapes of store_open.LISTS and those added
on 2026-12-05 (models, military regions, where a topic's events were held, a title's holders asked
of no event, a partner's signers by province …), each asked 5 times after `warm()`, in one process
with the fake question embedder; p50 / p95 over all and per new shape. Not a test: figures depend
on the machine.

Usage: python benchmarks/lists_scale.py [N] [--all-words]   (N articles, default 20,000; the store
is built once under /tmp/so with store_open's synthetic articles and fake embedder; --all-words then
reads every article's words and word pairs, as a long-running server comes to, and prints the
process's peak RSS: what store.ARTICLES_KEPT bounds; --whole then asks for every programme of the
archive and its earliest and latest signing, each three times)
"""
import random, sys, time
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src"), str(ROOT / "benchmarks")]
import store_open
from fakes import FakeEmbedder
from danvan_qa.embed.embedding import model_id_for
from danvan_qa.settings import Settings
args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0]) if args else 20000
work = Path("/tmp/so")
store_path = work / f"store{n}"
if not (store_path / "CURRENT").exists():
    store_path, built = store_open.build(n, work, ROOT / "src")
    print("built", built, flush=True)
from danvan_qa.index.store import Store
from danvan_qa.qa import retrieval
from danvan_qa.qa.answering import Answerer
from danvan_qa.qa.roles import warm
settings = Settings.from_env(store=store_path)
emb = FakeEmbedder(dim=384, model_id=model_id_for(settings))
retrieval.get_embedder = lambda s: emb
store = Store.open(settings.store, emb.model_id, settings)
answerer = Answerer(store, settings)
warm(store)
rng = random.Random(1)
names = [n for _, n in store.stored_facts.folded_names if len(n.split()) >= 3]
NEW = ("Thứ trưởng Bộ Công an là những ai?", "nhung ai la giam doc cong an tinh",
       "Liệt kê các Phó Bí thư Thường trực Tỉnh ủy đã dự các hội nghị.",
       "Những mô hình tự quản nào được kể tên trong các bài?", 'Kể tên các mô hình "Dân vận khéo" được nêu trong các bài.',
       "Các bài viết nhắc đến bao nhiêu quân khu khác nhau?",
       "Công an đã tổ chức hội nghị với người có uy tín ở những địa phương nào?",
       "Ban Dân vận những tỉnh nào đã ký kết chương trình phối hợp với Bộ Chỉ huy Quân sự hoặc Bộ đội Biên phòng?",
       "Các bài báo nhắc tới những cuộc sơ kết nào?", "Theo các tin, có những hội nghị tổng kết nào?",
       "Những chương trình phối hợp công tác dân vận giai đoạn {year}-{end} giữa ban dân vận và công an là của những cơ quan nào?",
       "Có bao nhiêu Giám đốc Công an tỉnh được nêu đích danh?",
       # the shapes of 2026-12-06 (last): a kind of event in the title or lead, a person's events counted …
       "Có bao nhiêu buổi làm việc với Đảng ủy Công an tỉnh được đưa tin?", "Những ai từng là Thứ trưởng Bộ Công an?",
       "Các bài có nói tới những hội thi hay cuộc thi nào?", "{name} có mặt ở bao nhiêu sự kiện khác nhau được đưa tin?",
       "Bao nhiêu lễ/hội nghị ký kết chương trình phối hợp được tổ chức vào tháng 11?",
       "Giúp tôi liệt kê các văn bản được ban hành trong năm {year}.",
       # the shapes of 2026-12-07 (later): a headline phrase, a person's acts, signings reported, documents with their day
       "Bao nhiêu bài có tiêu đề chứa cụm 'dân vận'?", "{name} chủ trì hoặc đồng chủ trì bao nhiêu hội nghị được đưa tin?",
       "Bao nhiêu bài đưa tin lễ ký kết chương trình phối hợp giai đoạn {year}-{end}?",
       "Giúp tôi liệt kê các nghị quyết, quyết định, chỉ thị mà bài viết ghi rõ cả số hiệu lẫn ngày ban hành.",
       "Thiếu tướng thì có mấy người?",
       # the shapes of 2026-12-07 (evening): people by act and level, sessions "giữa … với", one period's signing days
       "o cap tinh, nhung ai chu tri cac hoi nghi trong cac bai?",
       "Những người nào được bài báo nêu đích danh là người trực tiếp ký chương trình phối hợp?",
       "{name} đã cùng chủ trì các hội nghị, buổi làm việc với những ai?",
       "Có bao nhiêu buổi làm việc giữa đoàn của Ban Dân vận Trung ương với Đảng ủy Công an tỉnh được đưa tin?",
       "Chương trình phối hợp công tác dân vận giai đoạn {year}-{end} đã được ký vào những ngày nào?",
       # the shapes of 2026-12-07 (night): plainer forms, delegations led, each place's figure, no archive cue
       "Liệt kê các chương trình phối hợp (về dân vận hoặc an ninh) có ghi số hiệu trong các bài. Không tính nghị quyết.",
       "nhung ai tung lam truong doan khi doan xuong lam viec voi luc luong cong an?",
       'Công an những tỉnh nào có nêu số mô hình "Dân vận khéo", mỗi nơi bao nhiêu mô hình?',
       "co bao nhieu hn / buoi gap mat voi nguoi co uy tin co cong an to chuc? tinh theo su kien",
       "Đề nghị liệt kê các hội nghị, buổi làm việc có sự tham gia của đồng chí {name}, kèm ngày diễn ra.",
       # the shapes of 2026-12-07 (morning after): a topic's provinces, sessions between two bodies, a formal request
       # for a title's holders, a count typed in chat shorthand
       "Bài của mấy tỉnh có nhắc tới Ngày hội toàn dân bảo vệ an ninh Tổ quốc?",
       "Các bài viết nêu bao nhiêu lần Ban Dân vận Trung ương làm việc với Đảng ủy Công an tỉnh?",
       "Đề nghị thống kê các đồng chí Thứ trưởng Bộ Công an được nhắc tên trong toàn bộ tư liệu về công tác dân vận và "
       "các chương trình phối hợp.",
       "co bn hoi thi lien quan toi cong an dc dua tin vay")
shapes = list(store_open.LISTS) + list(NEW)
times = {}
for shape in shapes:
    for _ in range(5):
        y = rng.randint(2016, 2024)
        q = shape.format(year=y, end=y + 5, name=rng.choice(names))
        a = time.perf_counter(); answerer.answer(q); times.setdefault(shape, []).append(time.perf_counter() - a)
def pct(v, p):
    v = sorted(v); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
allt = [t for v in times.values() for t in v]
print(f"all {len(shapes)} shapes, {len(allt)} answers: p50 {pct(allt,50)*1000:.1f} ms, p95 {pct(allt,95)*1000:.1f} ms, max {max(allt)*1000:.1f} ms")
for shape in NEW:
    v = times[shape]; print(f"  new: p50 {pct(v,50)*1000:6.1f} max {max(v)*1000:6.1f} ms | {shape[:80]}")
newt = [t for s in NEW for t in times[s]]
print(f"new shapes: p50 {pct(newt,50)*1000:.1f} ms, p95 {pct(newt,95)*1000:.1f} ms")
# a shape's first answer reads its candidate articles' texts from disk; the later ones find them read
warmt = [t for v in times.values() for t in v[1:]]
print(f"all shapes after their first answer: p50 {pct(warmt,50)*1000:.1f} ms, p95 {pct(warmt,95)*1000:.1f} ms")
if "--all-words" in sys.argv:
    import resource
    for doc_id in store.data.documents:
        words = store.words(doc_id)
        words.text.pairs, [w.pairs for w in words.sentences]
    print(f"every article's words read: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB, "
          f"{len(store._words)} articles' kept")
if "--whole" in sys.argv:  # lists that read every programme of the archive: no topic narrows them
    for q in ("Những chương trình phối hợp nào được ký trong các bài?", "Chương trình phối hợp nào được ký sớm nhất?",
              "Chương trình phối hợp nào được ký gần đây nhất?"):
        took = []
        for _ in range(3):
            a = time.perf_counter(); answerer.answer(q); took.append(time.perf_counter() - a)
        print(f"  whole archive: {min(took)*1000:6.1f} / {max(took)*1000:6.1f} ms (fastest / slowest of 3) | {q}")
