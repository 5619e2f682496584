"""The Vietnamese cue words, in one place: the word lists that ingest/ reads articles with and
that qa/ reads questions with.

Names, roles, bodies, acts and questions are all read from the shape of the text plus short
lists of the language's own words: family names, ranks, titles, the lower-case words of
organisation names, place words, act verbs, question words. Those lists live here, so the
readers of articles (names, bodies, facts) and of questions agree on them and a word is added
once. No list holds a name taken from an article: only the language's words (and a general
gazetteer of provinces). Values keep their types and order: a tuple's order is the precedence
of its cues, and regexes built from them (in their own modules) depend on it.
"""

from __future__ import annotations

# --- People & titles ----------------------------------------------------------------------------

# Family names: a capitalised run that starts with one of these is read as a person's name.
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Trương Vương Tô "
    "Đinh Lâm Mai Trịnh Đào Cao Lương Tạ Hà Châu Thái Lưu Quách Phùng Kiều Lại Tăng La Triệu Mạc Hứa "
    "Từ Thân Khổng Lò Giàng Hầu Lục Nông Âu Bế Chu Diệp Đàm Đồng Giáp Khúc Kim Lã Lạc Lữ Mã Ninh Phí "
    "Quan Tôn Thạch Tiêu Trang Trình Vi Viên Y Ông Doãn Cù Đậu Lăng Nghiêm Văn Tống Thiều Hàn "
    "Sùng Thào Mùa Lầu Hờ Cầm Điêu Quàng Sầm Lường Ksor Siu Danh Kha Bạch Bàn Ma Mẫn Ôn Ứng Khương "
    "Tòng Vàng Hoàng Lâm Lục Ưng Mông Nhữ Ngọc Âu Dư Chế Biện Yên Khuất Mạc Vương".split()
)
# Words before a name that make it a person's ("đồng chí Nguyễn Văn An", "ông Y Thanh Hà Niê Kđăm").
PERSON_CUES = ("các đồng chí", "đồng chí", "ông", "bà", "anh", "chị", "cụ", "già làng", "nghệ nhân")
# Words that open a title, folded to lower case; "phó" / "nguyên" may precede any of them.
TITLE_HEADS = tuple(sorted((
    "ủy viên", "uỷ viên", "thành ủy viên", "tỉnh ủy viên", "huyện ủy viên", "quận ủy viên", "đảng ủy viên",
    "bí thư", "chủ tịch", "giám đốc", "tổng giám đốc", "trưởng", "thứ trưởng", "bộ trưởng", "tổng bí thư",
    "chánh", "chính ủy", "chính uỷ", "tư lệnh", "chỉ huy", "cục trưởng", "vụ trưởng", "viện trưởng",
    "hiệu trưởng", "chủ nhiệm", "đại biểu", "thường vụ", "uvtv", "tổng biên tập",
    "tổng cục trưởng", "thủ trưởng", "đội trưởng", "tổ trưởng", "đoàn trưởng", "già làng", "thủ tướng",
    "chủ tịch nước", "chánh án", "kiểm sát viên", "hội trưởng", "chuyên viên", "đại sứ", "người phát ngôn",
    "trợ lý", "thư ký", "cán bộ", "chỉ huy trưởng", "giám thị", "tham mưu trưởng",
), key=len, reverse=True))
# Lower-case words inside organisation names ("Ban Dân vận Thành ủy", "Công an thành phố").
ROLE_LOWER = frozenset(
    "ban viên hành thư trực ủy tịch thành phố đốc an tỉnh huyện quận thị xã phường đại biểu trưởng đạo "
    "kiểm tra nguyện vụ chính trị dân nhân quốc hội trung ương đảng bộ công tổ mặt trận cục sở cấp "
    "khóa thường phó nhiệm thứ lệnh tư viện vận tịch sự nghiệp văn phòng tuyên giáo".split()
)
# ... and the wider set that may continue a title ("Bí thư Đảng đoàn", "Bộ đội Biên phòng").
TITLE_LOWER = ROLE_LOWER | frozenset(
    "uỷ khoá đoàn khối quân khu đội chiến binh liên hiệp cảnh sát điều biên chỉ huy phụ nữ thanh niên "
    "nông cựu tế dục lao động thương hội đồng trấn bản thôn ấp làng chi phong trào tộc kỳ tài ngoại mưu cần "
    "ninh trật tự kinh".split()
)
# Predicates that end a role: a lower-case act cue after a title is the verb of the clause.
PREDICATES = (
    "đồng chủ trì", "chủ trì", "chỉ đạo", "phát biểu", "kết luận", "báo cáo", "tham dự", "dự", "cùng",
    "đã", "đang", "sẽ", "có", "là", "được", "và", "với", "tại", "tặng", "trao", "ký", "nhấn mạnh", "yêu cầu",
    "đề nghị", "ghi nhận", "khẳng định", "cho biết", "làm", "tiếp", "đánh giá", "biểu dương", "chúc mừng",
    "thăm", "gặp", "khai mạc", "bế mạc", "đến", "về", "trong", "của", "cho", "khi", "này", "đó",
)
# Words of a photo or source credit: a name after "Ảnh:", "Nguồn:"… is a credit, not a participant.
CREDITS = frozenset("ảnh nguồn theo bài tin video clip đồ họa thực hiện".split())

# Words a number names a thing after ("quân khu 7", "chương trình 09", "khóa XII"): a near miss often changes just the number.
NUMBERED_NOUNS = TITLE_LOWER | frozenset({"số", "trình", "khóa", "khoá", "kỳ"})

# --- Ranks --------------------------------------------------------------------------------------

# Military and police ranks, written before a name ("Thượng tướng Nguyễn Văn A").
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Đô đốc", "Phó Đô đốc", "Chuẩn Đô đốc",
)

# --- Places -------------------------------------------------------------------------------------

# Provinces and cities whose first syllable is also a family name (a general gazetteer).
PLACES = frozenset(
    "Hà Nội|Hà Giang|Hà Tĩnh|Hà Nam|Hà Tây|Hồ Chí Minh|Thái Bình|Thái Nguyên|Lâm Đồng|Cao Bằng|Ninh Bình|"
    "Ninh Thuận|Đồng Nai|Đồng Tháp|Yên Bái".split("|")
)
# Countries and regions abroad whose names hold a Vietnamese family name ("Bồ Đào Nha", "Hà Lan"): a
# place, not a person "Đào Nha" or "Hà Lan" (a general gazetteer)
COUNTRIES = frozenset(
    "Bồ Đào Nha|Tây Ban Nha|Hà Lan|Na Uy|Thụy Điển|Thụy Sĩ|Ấn Độ|Triều Tiên|Hàn Quốc|Trung Quốc|Nhật Bản|Thái Lan|"
    "Đan Mạch|Phần Lan|Ba Lan|Hy Lạp|Thổ Nhĩ Kỳ|Ai Cập|Tân Tây Lan|Mông Cổ|Hoa Kỳ|Trung Hoa|Đài Loan|Hồng Kông|"
    "Mã Lai|Miến Điện|Bắc Triều Tiên|Nam Phi|Ả Rập Xê Út|Liên Xô|Đông Timor|Tây Tạng|Đông Nam Á|Châu Âu|Châu Á|"
    "Châu Phi|Châu Mỹ|Bắc Mỹ|Nam Mỹ|Nam Cực|Bắc Cực".split("|")
)
# The provinces and centrally-run cities (a general gazetteer), for reading places in questions
# typed without capitals ("giam doc cong an tinh son la").
PROVINCES = frozenset(
    "An Giang|Bà Rịa - Vũng Tàu|Bà Rịa Vũng Tàu|Bắc Giang|Bắc Kạn|Bạc Liêu|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|"
    "Bình Phước|Bình Thuận|Cà Mau|Cần Thơ|Cao Bằng|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|"
    "Hà Giang|Hà Nam|Hà Nội|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|"
    "Lai Châu|Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|"
    "Quảng Nam|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|"
    "Thừa Thiên Huế|Huế|Tiền Giang|Hồ Chí Minh|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái".split("|")
)
# The centrally-run cities: a "thành phố" of the same level as a province (a general gazetteer).
CENTRAL_CITIES = frozenset("Hà Nội|Hồ Chí Minh|Hải Phòng|Đà Nẵng|Cần Thơ|Huế".split("|"))
# A run of capitalised words right after one of these is a place, not a person.
PLACE_WORDS = frozenset(
    "tỉnh thành phố tp huyện quận thị xã phường trấn tại ở đường phố thôn bản làng ấp buôn trường sông núi "
    "đèo cầu chợ vùng khu miền đến từ về tư tưởng".split()
)
# Folded words that cannot start a place name after an administrative unit, in a question typed
# in lower case ("tỉnh ủy", "huyện và" name no place).
NOT_FIRST = frozenset(
    "uy doi dong cong an ban dan van hoi nghi ky ket chuong trinh giai doan phat tham chu to va voi co da la "
    "trong nam ngay thang cung lanh dao cac nhung duoc lam tai o ve cua ai gi nao bao nay do pho lien".split())
# ... and folded words that cannot be its second syllable ("xã tân lập" is read whole, "xã tân và" as "tân").
NOT_SECOND = frozenset(
    "va voi ky co da se to trong nam ngay thang giai phat tham chu dong cong ban tai o ve cua nhung cac "
    "duoc lam ai gi nao bao nay do gom".split())

# --- Organisations ------------------------------------------------------------------------------

# Capitalised words that open the name of a body.
HEADS = frozenset(
    "Ban Bộ Công Cục Tổng Đảng Đoàn Ủy Uỷ UBND UBMTTQ MTTQ HĐND Mặt Hội Sở Phòng Viện Trường Quân Liên "
    "Tỉnh Thành Huyện Quận Thị Báo Đài Văn Trung Học Lực Chi Tòa Viện Kho Nhà Binh Đồn Hải BCH BCHQS BĐBP UBKT".split()
)
# Heads that are bodies only with a second word: "Công an", "Ủy ban", "Tỉnh ủy", "Mặt trận"…
PAIRED = {"Công": ("an",), "Ủy": ("ban",), "Uỷ": ("ban",), "Mặt": ("trận",), "Tổng": ("cục", "Cục"),
          "Tỉnh": ("ủy", "uỷ", "Đoàn", "đoàn"), "Thành": ("ủy", "uỷ", "Đoàn", "đoàn"),
          "Huyện": ("ủy", "uỷ", "đoàn"), "Quận": ("ủy", "uỷ", "đoàn"), "Thị": ("ủy", "uỷ", "xã"),
          "Đảng": ("ủy", "uỷ", "đoàn", "bộ"), "Văn": ("phòng",), "Trung": ("tâm", "đoàn"),
          "Học": ("viện",), "Lực": ("lượng",), "Chi": ("cục", "hội", "bộ"), "Quân": ("khu", "đoàn", "chủng"),
          "Liên": ("đoàn", "minh", "hiệp"), "Tòa": ("án",), "Binh": ("đoàn",), "Đồn": ("Biên",),
          "Hải": ("quan", "đội"), "Kho": ("bạc",), "Nhà": ("xuất", "văn")}
# Administrative units inside a body's name, which a number may follow ("Quận ủy quận 5").
UNITS = frozenset("tỉnh thành phố huyện quận xã phường thị trấn".split())
# Conjunctions, prepositions and verbs that end a body's name ("Công an tỉnh và …").
STOP = frozenset("và với cùng của về tại trong cho đã đang sẽ có là được tổ phối ký đến từ theo đồng".split())
# Lower-case words of the names of mass organisations, beyond those of titles.
NAME_LOWER = TITLE_LOWER | frozenset("thập đỏ khuyến học người cao tuổi doanh nghiệp luật gia nhà báo sinh viên".split())

# --- Acts & events ------------------------------------------------------------------------------

# Folded cue -> kind of event, in order of precedence.
EVENT_KINDS = (
    ("ky ket", "ký kết"), ("tong ket", "tổng kết"), ("so ket", "sơ kết"), ("lam viec", "làm việc"),
    ("cuoc hop", "họp"), ("hoi nghi", "hội nghị"), ("trien khai", "triển khai"),
)
# Cue (lower case, as written) -> act. A cue counts when it opens the sentence before the first
# person ("Phát biểu tại hội nghị, X…", "Về phía Công an tỉnh có X…": every person listed), or
# when it is the first predicate after a person's name and role ("X, role đồng chủ trì…"): then it
# also holds for the people listed before X with no verb of their own ("A, role và B, role đồng
# chủ trì"). The people after "có cuộc họp / làm việc với" share that act.
ACTS = (
    ("đồng chủ trì", "đồng chủ trì"), ("chủ trì", "chủ trì"), ("phát biểu chỉ đạo", "phát biểu"),
    ("chỉ đạo", "chỉ đạo"), ("tham dự", "dự"), ("cùng dự", "dự"), ("dự", "dự"), ("có mặt", "dự"),
    ("chứng kiến", "dự"), ("về phía", "dự"), ("đại diện", "dự"), ("phát biểu", "phát biểu"), ("kết luận", "kết luận"),
    ("báo cáo", "báo cáo"), ("có cuộc họp với", "họp"), ("họp với", "họp"), ("làm việc với", "làm việc"),
    ("tiếp và làm việc", "làm việc"), ("tiếp làm việc", "làm việc"), ("tiếp đoàn", "làm việc"),
    ("có buổi làm việc", "làm việc"), ("làm việc", "làm việc"), ("ký kết", "ký kết"), ("cùng ký", "ký kết"), ("ký", "ký kết"),
    ("trao tặng", "trao tặng"), ("tặng", "trao tặng"), ("trao", "trao tặng"), ("làm trưởng đoàn", "dẫn đoàn"),
    ("dẫn đầu", "dẫn đoàn"), ("dẫn đoàn", "dẫn đoàn"),
    *((verb, "phát biểu") for verb in (
        "nhấn mạnh", "yêu cầu", "đề nghị", "ghi nhận", "khẳng định", "cho biết", "biểu dương", "đánh giá",
        "chia sẻ", "lưu ý", "cho rằng", "chúc mừng", "đề xuất", "khai mạc", "quán triệt", "thông tin")),
)
# Words before an act cue that make it the name of an event: "buổi làm việc", "lễ ký kết".
NOUN_BEFORE = ("buổi", "cuộc", "lễ", "hội nghị", "việc", "tại", "chương trình")
# Acts looked for `near` (farther) after a person: chairing and attending verbs.
SHARED_ACTS = frozenset({"đồng chủ trì", "chủ trì", "dự", "họp", "làm việc", "ký kết", "chỉ đạo"})
# Acts of those who chair or lead.
CHAIR_ACTS = frozenset({"chủ trì", "đồng chủ trì", "chỉ đạo", "làm việc", "dẫn đoàn"})
# Acts of those who speak.
SPEAK_ACTS = frozenset({"phát biểu", "kết luận", "báo cáo"})
# Acts that answer the same question: a co-chair chaired; who "worked with" or "met" a delegation
# hosted it, as its chair.
ACT_FAMILIES = (
    frozenset({"chủ trì", "đồng chủ trì", "dẫn đoàn", "làm việc", "họp"}), frozenset({"dự"}),
    frozenset({"phát biểu", "kết luận", "báo cáo", "chỉ đạo"}), frozenset({"ký kết"}), frozenset({"trao tặng"}),
)

# --- Question words -----------------------------------------------------------------------------

# Words a question may use that articles need not contain.
QUESTION_WORDS = frozenset(
    "ai la gi nao bao nhieu may khi luc o dau tai sao vi the nhu co phai khong chuc vu giu quan ham cap bac "
    "nhung gom thanh phan duoc cua cho voi va cac mot hay hoac vao ngay thang nam dien ra to chuc dia diem "
    "so luong ty le phan tram noi dung ve viec ben co quan nguoi gioi thieu biet hoi ra sao de nay do kia "
    "ten goi nhiem vai tro tham du ngoai hai cung dong chi nhac den toi neu".split()
)
# The same words with their diacritics: in a question typed with them, only these are question
# words ("đó" is, "đô" of "thủ đô" is not; "hỏi" is, "hội" of "hội nghị" is not).
QUESTION_WORDS_MARKED = frozenset(
    "ai là gì nào bao nhiêu nhiều mấy khi lúc ở đâu tại sao vì thế như có phải không chức vụ giữ quân quan hàm "
    "cấp bậc những gồm thành phần được của cho với và các một hay hoặc vào ngày tháng năm diễn ra tổ chức "
    "địa điểm số lượng tỷ tỉ lệ trăm nội dung về việc bên cơ người giới thiệu biết hỏi để này nay đó kia "
    # … and "giờ" of "bao giờ", "lại" of "sao … lại": marked only, so a place's "Lai" and "gió" stay topic words
    "tên gọi nhiệm vai trò tham dự ngoài hai cùng đồng chí nhắc đến tới nếu giờ lại".split()
)
# Folded cue -> act of the speaking acts a question may ask about.
_SPEAKER_ACTS = (("phat bieu", "phát biểu"), ("bao cao", "báo cáo"), ("ket luan", "kết luận"))
# The acts of a "speaker" question.
SPEAKER_ACTS = frozenset(act for _, act in _SPEAKER_ACTS)
# The act a question asks about when it names none, by kind of question.
DEFAULT_ACTS = {"chair": ("chủ trì",), "attendees": ("dự",), "speaker": ("phát biểu",)}
# The kind of "who" question an act makes; other acts (speaking, awarding) make "speaker".
ACT_KIND = {"chủ trì": "chair", "đồng chủ trì": "chair", "dẫn đoàn": "chair", "làm việc": "chair", "họp": "chair",
            "dự": "attendees", "ký kết": "attendees"}
# Word pairs (folded) of the field this archive covers: how much of it an article speaks (support.py). Not
# to name any article's people or places; a paragraph on another subject holds few of them.
DOMAIN_PAIRS = frozenset({
    "dan van", "cong an", "phoi hop", "mat tran", "an ninh", "ky ket", "hoi nghi", "tuyen giao", "bien phong",
    "quan su", "chuong trinh", "tinh uy", "huyen uy", "thanh uy", "dang uy", "uy ban", "nhan dan", "chinh quyen",
    "doan the", "trat tu", "to quoc", "can bo", "chien si", "luc luong", "quan chung", "dang vien",
})
# Folded words that ask across the archive, with "những / các / bao nhiêu": "các bài" (not one "bài viết"),
# "… được nêu tên trong các bài viết?", "các tin" …
ARCHIVE_CUES = ("cac bai", "nhung bai", "cac tin bai", "duoc neu ten", "neu ten", "nhac ten", "duoc neu la", "dich danh",
                "duoc nhac den", "duoc nhac toi", "duoc dua tin", "trong cac bai", "trong cac tin", "theo cac tin",
                "cac ban tin", "duoc trich dan", "tung la", "tung giu",  # "Những ai từng là X": every holder over time
                "trong kho",  # "Trong kho có bao nhiêu …": the archive itself
                "duoc bai viet", "duoc bai bao", "neu ro ten", "ghi ro ten")  # "những người được bài viết ghi là …": whichever article says so
# Nouns for a person besides titles and ranks, heading "… nào" in a question ("Lãnh đạo … nào").
OTHER_PERSON_NOUNS = ("đồng chí", "lãnh đạo", "tướng", "đại diện", "thành viên")
