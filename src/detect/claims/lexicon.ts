/**
 * Word lists for claim matching, all as folded keys (lower case, no diacritics) so they apply equally
 * to text with and without diacritics and to expanded teencode.
 */

/** Function words and chat particles: no weight in retrieval or coverage. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'la va cua cac nhung mot nay do thi ma o tai trong ngoai tren duoi voi cho de khi sau truoc da dang se bi ' +
    'duoc co cung nhu vi nen neu hay hoac roi ra vao len xuong ve den tu theo rat qua nua moi nhieu it tat ca ' +
    'toan ho ay kia day nao gi sao ai minh toi ban anh chi em ong chung ta oi a u nhe nha nhi vay the luon het ' +
    'con chu dau lai van deu phai can muon biet noi cai chiec nhu thay bang nhat hon cac nhe ak ah uh ne di ' +
    'dy thoi kho lam nhieu nguoi ta minh ban ae moi nguoi ba con oi gio nam nay hien nay vua vao luc ' +
    'khong chang'
  ).split(' '),
);

/**
 * Phrase → canonical key, applied to claims and documents alike so common paraphrases and spelling
 * variants meet (regional words, abbreviations already expanded by the key function).
 */
export const CANONICAL_PHRASES: ReadonlyArray<[string, string]> = [
  ['thanh pho ho chi minh', 'tphcm'],
  ['tp ho chi minh', 'tphcm'],
  ['ho chi minh', 'tphcm'],
  ['thanh pho tphcm', 'tphcm'],
  ['tp tphcm', 'tphcm'],
  ['sai gon', 'tphcm'],
  ['tu vong', 'chet'],
  ['qua doi', 'chet'],
  ['thiet mang', 'chet'],
  ['mat mang', 'chet'],
  ['chet nguoi', 'chet'],
  ['chich', 'tiem'],
  ['vacxin', 'vac xin'],
  ['vaccine', 'vac xin'],
  ['vaccin', 'vac xin'],
  ['heo', 'lon'],
  ['ba bau', 'mang thai'],
  ['me bau', 'mang thai'],
  ['co thai', 'mang thai'],
  ['co bau', 'mang thai'],
  ['mang bau', 'mang thai'],
  ['giay phep lai xe', 'bang lai'],
  ['bang lai xe', 'bang lai'],
  ['gplx', 'bang lai'],
  ['ngan hang nha nuoc', 'nhnn'],
  ['fb', 'facebook'],
  ['face', 'facebook'],
  ['duong link', 'link'],
  ['duong dan', 'link'],
  ['app', 'ung dung'],
  ['chua khoi', 'chua khoi'],
  ['tri khoi', 'chua khoi'],
  ['chua lanh', 'chua khoi'],
  ['tri duoc', 'chua khoi'],
  ['chua duoc', 'chua khoi'],
  ['khoi han', 'khoi'],
  ['mi an lien', 'mi tom'],
  ['khong con', 'het'],
  ['thom', 'dua'],
  ['khom', 'dua'],
  ['tk', 'tai khoan'],
  ['ty', 'ty'],
  ['ti', 'ty'],
  ['bat may', 'nghe'],
  ['nghe may', 'nghe'],
];

export type CueKind = 'debunk-strong' | 'debunk-weak' | 'question' | 'chain';

/** Cue phrases by kind (folded keys; teencode is expanded before matching, so "ko" = "khong"). */
export const CUES: Record<CueKind, readonly string[]> = {
  'debunk-strong': [
    'tin gia', 'sai su that', 'khong dung su that', 'la khong dung', 'bac bo', 'bia dat', 'fake news', 'fake',
    'that thiet', 'khong co can cu', 'khong co co so', 'khong chinh xac', 'dinh chinh', 'phu nhan',
    'thong tin sai', 'tin sai', 'gia mao', 'mao danh', 'khong co bang chung', 'chua co bang chung',
    'chua co ghi nhan', 'khong ghi nhan', 'da xac minh', 'da duoc co quan chuc nang', 'bac tin',
    'khong co that', 'la sai', 'hoan toan sai', 'xuyen tac', 'hoang tin',
    'khang dinh khong', 'khang dinh van', 'khong he', 'vo can cu', 'khong phai su that', 'khong co chuyen',
    'debunk', 'hoax', 'la xao', 'tin xao', 'tin vit', 'chuyen bia', 'bia chuyen', 'bia ra', 'tao lao',
    'cat ghep', 'anh ghep', 'video ghep', 'chua tung', 'khong co ke hoach', 'khong co quy dinh', 'khong co van ban',
    'tin don that thiet', 'la gia', 'la bia', 'khong he co',
  ],
  'debunk-weak': [
    'canh giac', 'dung tin', 'thuc hu', 'sai lech', 'len tieng', 'dung hoang mang', 'dung nghe', 'giai thich', 'tin don', 'lua dao', 'thu doan',
    'khong dung',
  ],
  question: [
    'co that khong', 'that khong', 'co phai', 'phai khong', 'that hay gia', 'ai biet', 'co ai biet', 'that ha', 'that sao',
    'co dung khong', 'dung khong', 'hay khong', 'co sao khong', 'thuc hu', 'lieu co',
    'xac minh giup', 'kiem chung giup',
  ],
  chain: [
    'chia se ngay', 'share gap', 'share ngay', 'khan cap', 'chia se cho', 'hay chia se', 'lan truyen ngay',
    'chia se gap', 'gui cho', 'share cho', 'tin nong', 'canh bao khan', 'tin vui', 'khong phai tin gia',
    'khong phai fake',
  ],
};

/** Negation words that can deny a claim ("không gây vô sinh"). Folded forms that collide with common
 * words (chưa/chữa, đừng/đúng, chả/cha) are left out on purpose. */
export const NEGATIONS: ReadonlySet<string> = new Set(['khong', 'chang', 'deo', 'ko']);

/** Words after a negation that make it a prohibition or a fixed compound, not a denial. */
export const NEGATION_EXEMPT_NEXT: ReadonlySet<string> = new Set(['duoc', 'nen', 'khi', 'gian', 'lau', 'phai', 'can', 'biet', 'sao', 'la', 'thi']);

/** Words before a negation that make it a prohibition or a condition ("tuyệt đối không", "nếu không"). */
export const NEGATION_EXEMPT_PREV: ReadonlySet<string> = new Set(['doi', 'neu', 'hang', 'dung']);

/** Sentence-final particles after a question "không" ("... không ạ?"). */
export const QUESTION_TAIL: ReadonlySet<string> = new Set(['a', 'vay', 'nhi', 'ta', 'ha', 'ho', 'the', 'nhe', 'ban', 'moi', 'nguoi', 'ae', 'ad', 'oi', 'em', 'anh', 'chi', 'bac', 'si', 'cac']);

/** Unit words that make a preceding number word a number ("hai tuần" = 2 tuần). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};
export const NUMBER_UNITS: ReadonlySet<string> = new Set([
  'tuan', 'ngay', 'thang', 'nguoi', 'trieu', 'nghin', 'ngan', 'ty', 'lit', 'cap', 'do', 'gio', 'phut', 'lan',
  'nam', 'tieng', 'ca', 'tram',
]);
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  nghin: 1e3, ngan: 1e3, k: 1e3, trieu: 1e6, tr: 1e6, ty: 1e9, cu: 1e6, lit: 1,
};

/**
 * What a claim says happens, by meaning: a post that keeps a claim's subject and setting but none of
 * its predicate groups is a related statement, not a repetition. Written with diacritics: a phrase
 * matches a text with diacritics only on the same marks ("vỡ" is not "vô"), a text without them on
 * the folded key. Phrases can sit in several groups ("mất" = die / lose money).
 */
export const PREDICATE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  cure: ['chữa khỏi', 'khỏi', 'khỏi bệnh', 'hết bệnh', 'tiêu diệt', 'đẩy lùi', 'điều trị khỏi'],
  cause: ['gây', 'gây ra', 'khiến', 'dẫn đến', 'làm cho', 'sinh ra'],
  infertile: ['vô sinh', 'hiếm muộn', 'không đẻ được', 'không sinh con'],
  immune: ['miễn dịch', 'miễn nhiễm', 'không mắc', 'không bị nhiễm', 'phòng được'],
  lock: ['khóa', 'khoá', 'phong tỏa', 'phong toả', 'đóng băng', 'chặn'],
  lose: ['trừ', 'mất', 'rút', 'chiếm đoạt', 'mất sạch', 'mất hết', 'bay sạch', 'bay hết', 'bốc hơi'],
  expire: ['hết giá trị', 'hết hiệu lực', 'vô hiệu', 'hết hạn', 'không lưu hành', 'hủy', 'huỷ'],
  redo: ['làm lại', 'cấp lại', 'cấp đổi', 'đổi', 'đổi tiền'],
  break: ['vỡ', 'sập', 'nứt', 'sụt lún', 'lún', 'sạt lở', 'đổ sập', 'gãy'],
  flood: ['tràn', 'tràn về', 'nhấn chìm', 'ngập', 'chìm', 'ngập chìm', 'ngập lụt', 'xóa sổ', 'xoá sổ'],
  // Light verbs ("xảy ra", "có") are left out: "sắp có động đất" says the same as "động đất sắp xảy ra".
  occur: ['đổ bộ', 'tiến vào', 'đi vào', 'vào thẳng', 'đổ vào', 'quét qua', 'ập vào'],
  increase: ['tăng', 'tăng lên', 'lên', 'tăng giá', 'gấp đôi', 'gấp ba', 'tăng gấp', 'nâng', 'đắt', 'đắt đỏ', 'lên giá', 'đội giá', 'tăng vọt', 'leo thang'],
  decrease: ['giảm', 'hạ', 'xuống', 'giảm giá', 'rẻ', 'hạ giá', 'lao dốc'],
  fine: ['phạt', 'xử phạt', 'phạt tiền'],
  confiscate: ['tịch thu', 'thu giữ', 'tước', 'thu hồi', 'tạm giữ'],
  die: ['chết', 'mất', 'ra đi', 'không qua khỏi', 'đột tử', 'đi rồi', 'hy sinh', 'về với tổ tiên', 'lìa đời', 'qua đời'],
  survive: [
    'sống sót', 'qua khỏi', 'khỏe mạnh', 'khoẻ mạnh', 'bị thương', 'xuất viện', 'bình an', 'thoát nạn', 'thoát chết',
    'không có thương vong', 'không ai bị thương', 'bị thương nhẹ', 'tai nạn nhẹ',
  ],
  explode: ['nổ', 'phát nổ', 'cháy nổ', 'bốc cháy'],
  closure: ['nghỉ học', 'nghỉ', 'đóng cửa', 'ngừng', 'tạm dừng', 'tạm ngừng', 'dừng', 'đình chỉ', 'cắt', 'ngưng', 'dừng hoạt động'],
  open: ['đi học', 'mở cửa', 'hoạt động bình thường', 'khai thác bình thường', 'thông xe', 'mở lại'],
  support: ['hỗ trợ', 'nhận tiền', 'trợ cấp', 'tặng', 'phát tiền', 'cho tiền', 'chi tiền'],
  ban: ['cấm', 'nghiêm cấm', 'không cho phép', 'bãi bỏ', 'bỏ', 'xóa bỏ', 'xoá bỏ', 'không cho', 'không được đi', 'không được vào', 'không được qua', 'không được đá', 'cấm cửa'],
  allow: ['cho phép', 'khuyến khích', 'vẫn tổ chức', 'giữ nguyên', 'còn hiệu lực', 'còn giá trị', 'vẫn còn', 'vẫn lưu hành', 'vẫn có giá trị'],
  arrest: ['bắt', 'bị bắt', 'bắt giữ', 'khởi tố', 'tạm giam', 'truy nã', 'bắt giam', 'sa lưới', 'còng tay', 'bị tóm', 'tóm gọn'],
  free: ['miễn phí', 'free', 'không mất tiền', 'không mất phí', 'không thu phí', 'không tốn tiền'],
  charge: ['thu phí', 'tính phí', 'mất phí', 'đồng chi trả', 'thu tiền', 'trả phí', 'phải trả', 'tốn phí', 'trả tiền', 'đóng phí', 'nộp phí'],
  poison: ['ngộ độc', 'nhiễm độc', 'trúng độc', 'độc'],
  miscarry: ['sảy thai', 'sẩy thai', 'hư thai', 'động thai'],
  infect: ['nhiễm', 'lây', 'lây sang', 'lây nhiễm', 'mắc', 'nhiễm bệnh'],
  fake: ['giả', 'làm giả', 'nhựa', 'hóa chất', 'hoá chất'],
  power: ['cắt điện', 'mất điện', 'ngừng cấp điện', 'cúp điện'],
  cancer: ['ung thư'],
  accident: ['tai nạn', 'va chạm', 'đâm'],
  // Harms that health rumours name: a post about the same treatment without the harm is related, not the claim.
  paralyse: ['liệt', 'bại liệt', 'tê liệt', 'không đi được', 'không đi lại được'],
  blind: ['mù', 'mù lòa', 'mù loà', 'hỏng mắt', 'mất thị lực', 'giảm thị lực'],
  deaf: ['điếc', 'mất thính lực'],
  stroke: ['đột quỵ', 'tai biến', 'nhồi máu'],
  organ: ['suy thận', 'hỏng thận', 'suy gan', 'hại gan', 'hỏng gan', 'xơ gan', 'vàng da', 'loãng xương', 'suy tim', 'hại thận'],
  develop: ['tự kỷ', 'dị tật', 'chậm phát triển', 'thiểu năng', 'dậy thì sớm', 'dậy thì'],
  // Disasters.
  erupt: ['phun trào', 'phun lửa', 'hoạt động trở lại', 'hoạt động lại', 'phun'],
  quake: ['động đất', 'rung chấn', 'sóng thần'],
  // Money: a bank or fund that fails, versus one that keeps working.
  bankrupt: ['phá sản', 'vỡ nợ', 'sụp đổ', 'mất trắng', 'mất khả năng thanh toán', 'giải thể'],
  refund: ['hoàn', 'hoàn tiền', 'hoàn thuế', 'hoàn lại', 'trả lại tiền', 'trả lại', 'hoàn trả'],
  gift: ['tặng quà', 'phát quà', 'tặng', 'quà tặng', 'nhận quà', 'trúng thưởng'],
  // Schools and exams.
  leak: ['lộ đề', 'lộ', 'rò rỉ', 'lọt đề'],
  cancel: ['hủy', 'huỷ', 'hủy bỏ', 'huỷ bỏ', 'hoãn', 'tạm hoãn'],
  compulsory: ['bắt buộc', 'buộc phải', 'phải học'],
  optional: ['tự chọn', 'không bắt buộc', 'tự nguyện'],
  // What a quote says about people: contempt versus praise.
  // Not predicates: compounds holding a predicate word ("đánh bắt" is fishing, not an arrest). They are
  // matched so the word inside is not read alone, and never count (NOT_A_PREDICATE).
  // "Tràn lan" says how widespread (not "tràn", flood): a manner, which related statements share.
  none: [
    'đánh bắt', 'hạ sốt', 'bắt đầu', 'bắt máy', 'hoàn toàn', 'tăng cường', 'giảm đau', 'mất ngủ', 'cắt giảm',
    'tràn lan', 'lan rộng', 'khắp', 'đầy', 'rất nhiều', 'tăng trọng', 'tăng cân', 'giảm cân',
  ],
  insult: ['chê', 'xúc phạm', 'miệt thị', 'chửi', 'nói xấu', 'lăng mạ', 'coi thường', 'lười'],
  praise: ['khen', 'ca ngợi', 'tôn vinh', 'cảm ơn', 'chịu khó', 'hiếu khách'],
};

/** Connective predicates ("gây", "khiến"): missing only when nothing else the claim says happens is found. */
export const CONNECTIVE_GROUPS: ReadonlySet<string> = new Set(['cause']);

/** The predicate group whose phrases only shield their words ("đánh bắt") and are never predicates. */
export const NOT_A_PREDICATE = 'none';

/**
 * Groups that say what the claim asserts happens to people or things (the harm, the cure, the death,
 * the failure): a post that keeps the claim's other predicates ("tai nạn", "phát nổ") but not its
 * outcome tells of a related event, so a missing outcome counts as a missing predicate.
 */
export const OUTCOME_GROUPS: ReadonlySet<string> = new Set([
  'cure', 'infertile', 'immune', 'die', 'paralyse', 'blind', 'deaf', 'stroke', 'organ', 'develop', 'miscarry',
  'bankrupt', 'fake', 'lose',
]);

/** Predicate groups that say the opposite: a post with the opposite and without the claim's is another statement. */
export const PREDICATE_CONTRASTS: ReadonlyArray<[string, string]> = [
  ['increase', 'decrease'],
  ['free', 'charge'],
  ['die', 'survive'],
  ['break', 'open'],
  ['closure', 'open'],
  ['ban', 'allow'],
  ['expire', 'allow'],
  ['compulsory', 'optional'],
  ['insult', 'praise'],
  ['bankrupt', 'open'],
];

/** Time phrases: a post that places the event at another time is another event. */
export const TIME_PHRASES: readonly string[] = [
  'tuần sau', 'tuần tới', 'tuần này', 'tuần trước', 'tuần qua', 'tháng sau', 'tháng tới', 'tháng này', 'tháng trước',
  'năm sau', 'năm tới', 'năm ngoái', 'đêm nay', 'tối nay', 'chiều nay', 'sáng nay', 'trưa nay', 'hôm nay', 'ngày mai',
  'hôm qua', 'tối qua', 'đêm qua', 'chiều qua', 'sáng qua', 'cuối tuần', 'tết',
];

/** Tense markers: a claim about what will happen ("sắp", "sẽ") versus a post about what did ("vừa", "đã"). */
export const FUTURE_MARKERS: readonly string[] = ['sắp', 'sẽ', 'chuẩn bị'];
export const PAST_MARKERS: readonly string[] = ['vừa', 'đã', 'mới đây', 'hôm qua'];

/** Words opening the claim's reason ("... vì dịch cúm", "... do ngộ độc"): the reason is part of what it says. */
export const CAUSE_MARKERS: readonly string[] = ['vì', 'do', 'bởi', 'bởi vì', 'sau khi', 'nhờ'];

/**
 * Scope words: a claim about all of something ("toàn miền Bắc", "tất cả sổ đỏ") and a post about some
 * of it ("một số phường") tell of different events, even with the same predicate.
 */
export const UNIVERSAL_SCOPE: readonly string[] = ['toàn', 'toàn bộ', 'tất cả', 'cả nước', 'toàn quốc', 'mọi', 'hàng loạt', 'khắp'];
/**
 * Verbs that report something else about a claim's subject (issue #6, fifth round): in the slot of a
 * missing claim predicate they are a known other value ("công bố kết quả" for "hủy kết quả", "giữ ổn
 * định" for "tăng"), which costs as a replaced predicate; a word in no list there may be a synonym and
 * costs little. Only read in passages, never as a claim's predicate.
 */
export const OTHER_PREDICATES: readonly string[] = [
  'công bố', 'thông báo', 'khai mạc', 'diễn ra', 'tiếp tục', 'giữ nguyên', 'giữ ổn định',
  'ổn định', 'không đổi', 'đi ngang', 'bình thường', 'dự kiến', 'đề xuất', 'lấy ý kiến', 'xem xét',
  'nghiên cứu', 'hướng dẫn', 'khuyến khích', 'công nhận', 'khen thưởng', 'tuyên dương', 'trao giải',
  'kiểm tra', 'tăng cường', 'bổ sung', 'khánh thành', 'đưa vào sử dụng', 'nâng cấp', 'sửa chữa',
];

/**
 * Words that qualify what is said (degree, manner, aspect) rather than say something else: in an
 * aligned slot they are never a substitution ("miễn dịch tuyệt đối" for "miễn dịch hoàn toàn").
 */
export const QUALIFIERS: readonly string[] = [
  'tuyệt đối', 'hoàn toàn', 'thật sự', 'thực sự', 'cực kỳ', 'vô cùng', 'xong', 'ngay', 'liền', 'gấp', 'thẳng',
  'hẳn', 'sạch', 'cực', 'siêu', 'quá', 'lắm', 'nặng', 'mạnh',
];
export const PARTIAL_SCOPE: readonly string[] = ['một số', 'một vài', 'một phần', 'cục bộ', 'một số nơi', 'một số khu vực', 'vài nơi'];

/**
 * Everyday synonyms and paraphrases of news vocabulary (issue #6, fourth round), written from general
 * knowledge of the language, not from the dev posts: each row is [canonical, ...variants], written with
 * diacritics. A variant is rewritten to the canonical form in claims and documents alike, so it counts
 * in retrieval, coverage, aligned slots and predicates. A variant word written with marks matches a
 * syllable only with the same marks (or none: text typed without diacritics), so "mùng" (day) is not
 * "mừng" and "bé" (child) is not "bể". Single syllables that are ambiguous without marks in common
 * text are left out. Canonical forms that are predicates are in `PREDICATE_GROUPS`.
 */
export const SYNONYMS: ReadonlyArray<readonly string[]> = [
  // Officials, institutions, documents.
  ['công an', 'cảnh sát', 'police'],
  ['chính phủ', 'nhà nước'],
  ['bộ giáo dục', 'bộ giáo dục và đào tạo', 'bộ gd', 'bộ gdđt', 'bộ gd đt', 'bgd', 'bgdđt'],
  ['bộ y tế', 'byt'],
  ['bộ công an', 'bca'],
  ['bệnh viện', 'nhà thương'],
  ['bệnh nhân', 'người bệnh'],
  ['bác sĩ', 'bác sỹ', 'thầy thuốc'],
  ['căn cước công dân', 'căn cước', 'cmnd', 'chứng minh nhân dân', 'chứng minh thư', 'thẻ căn cước'],
  ['sổ đỏ', 'sổ hồng', 'bìa đỏ', 'giấy chứng nhận quyền sử dụng đất'],
  ['trung ương', 'tw'],
  ['hội đồng nhân dân', 'hđnd'],
  ['đại học quốc gia', 'đhqg'],
  ['đánh giá năng lực', 'đgnl'],
  ['phòng cháy chữa cháy', 'pccc'],
  ['an toàn thực phẩm', 'attp', 'vsattp', 'vệ sinh an toàn thực phẩm'],
  ['an toàn giao thông', 'atgt'],
  ['bảo hiểm thất nghiệp', 'bhtn'],
  ['công ty', 'cty'],
  ['quốc hội', 'qh'],
  ['ủy ban nhân dân', 'ủy ban', 'uỷ ban', 'uỷ ban nhân dân'],
  // People.
  ['trẻ em', 'trẻ nhỏ', 'con nít', 'trẻ con', 'em bé', 'bé', 'các bé', 'con trẻ'],
  ['trẻ sơ sinh', 'bé sơ sinh', 'em bé mới sinh', 'trẻ mới sinh', 'trẻ mới đẻ'],
  ['phụ nữ', 'chị em', 'nữ giới', 'đàn bà', 'chị em phụ nữ'],
  ['nam giới', 'đàn ông', 'cánh mày râu', 'quý ông'],
  ['người cao tuổi', 'người già', 'cụ già', 'người lớn tuổi', 'các cụ'],
  ['người lao động', 'người làm công', 'dân lao động'],
  ['học sinh', 'học trò'],
  ['giáo viên', 'thầy cô', 'thầy cô giáo', 'nhà giáo'],
  ['người dân', 'dân chúng', 'bà con nhân dân'],
  ['ca sĩ', 'giọng ca'],
  ['diễn viên', 'đào kép'],
  ['nghệ sĩ hài', 'danh hài', 'diễn viên hài'],
  ['tài xế', 'lái xe', 'bác tài'],
  ['vận động viên', 'tuyển thủ'],
  ['nhà khoa học', 'giới khoa học', 'chuyên gia'],
  // Online, devices, services.
  ['online', 'trực tuyến', 'qua mạng', 'onl', 'qua internet', 'trên internet'],
  ['ứng dụng', 'phần mềm'],
  ['điện thoại', 'smartphone', 'điện thoại di động', 'di động'],
  ['tin nhắn', 'sms', 'tin sms', 'message'],
  ['facebook', 'phây', 'phây búc'],
  ['tài khoản ngân hàng', 'tài khoản nh', 'tài khoản bank'],
  ['mạng xã hội', 'mxh'],
  ['chuyển khoản', 'chuyển tiền qua ngân hàng'],
  ['mật khẩu', 'pass', 'password'],
  ['wifi', 'wi fi'],
  // Transport, places.
  ['xe buýt', 'xe bus', 'bus', 'buýt'],
  ['xe máy', 'xe gắn máy', 'xe mô tô', 'mô tô', 'xe môtô'],
  ['ô tô', 'xe hơi', 'oto', 'xe ô tô', 'xe oto'],
  ['sân bay', 'phi trường'],
  ['đường cao tốc', 'cao tốc'],
  ['nội thành', 'trung tâm thành phố'],
  ['vào nội thành', 'vào trung tâm', 'vô trung tâm', 'vào phố'],
  ['miền tây', 'miền tây nam bộ', 'đồng bằng sông cửu long', 'đbscl'],
  // Money, amounts.
  ['miễn phí', 'free', 'không mất tiền', 'không mất phí', 'không tốn tiền', 'không tốn phí', 'không thu tiền'],
  ['gấp đôi', 'x2', 'gấp 2', 'gấp 2 lần', 'gấp hai lần', 'tăng 100%', 'gấp hai'],
  ['gấp ba', 'x3', 'gấp 3', 'gấp 3 lần', 'gấp ba lần', 'tăng 200%'],
  ['một nửa', 'phân nửa'],
  ['tiền tiết kiệm', 'tiền gửi tiết kiệm', 'sổ tiết kiệm'],
  ['số dư', 'tiền trong tài khoản'],
  ['nộp thuế', 'đóng thuế', 'đánh thuế', 'chịu thuế', 'thu thuế'],
  ['nộp tiền', 'đóng tiền'],
  ['giá vé', 'tiền vé'],
  ['lương', 'tiền lương'],
  ['hóa đơn', 'hoá đơn', 'bill'],
  // Time.
  ['tuần sau', 'tuần tới', 'tuần kế tiếp'],
  ['tháng sau', 'tháng tới', 'tháng kế tiếp'],
  ['năm sau', 'năm tới', 'sang năm', 'năm kế tiếp'],
  ['năm nay', 'năm này'],
  ['hôm nay', 'hnay', 'bữa nay'],
  ['hôm qua', 'hqua', 'bữa qua'],
  ['ngày mai', 'ngmai'],
  ['ngày', 'mùng', 'mồng'],
  ['liên tiếp', 'liên tục'],
  ['ngay lập tức', 'lập tức', 'ngay tức khắc', 'tức thì'],
  // Health.
  ['tiêm vắc xin', 'tiêm ngừa', 'tiêm phòng', 'tiêm chủng', 'chích ngừa', 'chích vắc xin', 'chích phòng'],
  ['loãng xương', 'xương giòn', 'xốp xương', 'giòn xương'],
  ['cao huyết áp', 'tăng huyết áp', 'huyết áp cao'],
  ['tiểu đường', 'đái tháo đường', 'tiểu đường type 2'],
  ['ung thư', 'ung bướu'],
  ['đột quỵ', 'tai biến', 'tai biến mạch máu não', 'stroke'],
  ['vô sinh', 'hiếm muộn', 'mất khả năng sinh sản', 'không thể có con'],
  ['sảy thai', 'sẩy thai', 'hư thai', 'hỏng thai'],
  ['paracetamol', 'para', 'panadol', 'efferalgan'],
  ['cà phê', 'cafe', 'cf', 'coffee', 'cà fê'],
  ['virus', 'vi rút', 'virut', 'siêu vi'],
  ['nước máy', 'nước sinh hoạt', 'nước thủy cục'],
  ['thạch tín', 'asen', 'arsenic'],
  ['hóa chất', 'hoá chất', 'chất hóa học'],
  // Predicates and their paraphrases (canonical forms are in PREDICATE_GROUPS).
  ['chết', 'từ trần', 'tạ thế', 'qua đời', 'tử vong', 'thiệt mạng', 'mất mạng', 'chết người', 'tử nạn', 'yên nghỉ', 'an nghỉ'],
  ['chìm', 'nhấn chìm', 'chìm nghỉm', 'chìm trong nước', 'chìm dưới nước', 'nhận chìm'],
  ['gạch tên', 'xóa tên', 'xoá tên', 'loại tên', 'gạch khỏi'],
  ['cấm thi đấu', 'treo giò', 'cấm đá'],
  ['dàn xếp tỷ số', 'bán độ', 'mua độ', 'dàn xếp kết quả', 'dàn xếp trận đấu', 'sắp xếp tỷ số'],
  ['gian lận', 'ăn gian', 'gian dối', 'quay cóp'],
  ['ngừng tiếp nhận', 'không tiếp nhận', 'không nhận', 'từ chối tiếp nhận', 'từ chối nhận', 'thôi nhận', 'dừng tiếp nhận', 'không còn nhận'],
  ['không nhận được'],
  ['ngừng', 'ngưng', 'tạm ngưng'],
  ['hoàn tiền', 'trả lại tiền', 'hoàn trả', 'trả lại'],
  ['thu hồi', 'lấy lại', 'lấy hết', 'lấy luôn', 'lấy mất', 'lấy sạch'],
  ['thu giữ', 'tạm giữ', 'tịch thu'],
  ['bắt', 'bắt giữ', 'sa lưới', 'bị tóm', 'còng tay'],
  ['phá sản', 'vỡ nợ', 'sập tiệm'],
  ['lừa đảo', 'scam', 'lừa gạt'],
  ['giả', 'rởm', 'dỏm', 'hàng nhái'],
  ['lộ đề', 'lộ đề thi', 'rò rỉ đề', 'lọt đề', 'rò đề'],
  ['hủy', 'huỷ', 'hủy bỏ', 'huỷ bỏ', 'bãi bỏ kết quả'],
  ['bắt buộc', 'buộc phải', 'ép buộc', 'bắt phải'],
  ['phun trào', 'phun lửa', 'phun nham thạch'],
  ['sụt lún', 'lún', 'lún sụt'],
  ['nứt', 'rạn nứt', 'nứt toác', 'nứt vỡ'],
  ['phạt', 'xử phạt', 'phạt tiền'],
  ['người tham gia giao thông', 'người đi đường', 'người lưu thông', 'người điều khiển phương tiện'],
  ['tăng', 'tăng lên', 'đội giá', 'lên giá', 'tăng vọt', 'tăng mạnh', 'leo thang', 'tăng giá', 'đắt hơn', 'đắt gấp'],
  ['giảm', 'giảm giá', 'hạ giá', 'rẻ hơn', 'giảm mạnh', 'lao dốc'],
  ['cắt điện', 'cúp điện', 'ngắt điện', 'mất điện', 'ngừng cấp điện'],
  ['nói', 'phát biểu', 'phát ngôn', 'tuyên bố', 'nói rằng', 'cho rằng', 'bảo rằng', 'tuyên bố rằng'],
  ['thưởng thức âm nhạc', 'nghe nhạc', 'thưởng thức nhạc', 'cảm thụ âm nhạc', 'cảm nhạc'],
  ['chê', 'chê bai', 'coi thường', 'khinh thường', 'xem thường', 'miệt thị'],
  ['âm nhạc', 'nhạc'],
  ['sức gió', 'gió giật', 'gió mạnh'],
  ['nắng nóng', 'nóng nực', 'oi nóng', 'nóng bức', 'nắng gắt'],
  // Spelling: final i and y after these onsets are the same syllable (Lý/Lí, kỹ/kĩ, Mỹ/Mĩ, kỳ/kì).
  ['lý', 'lí'],
  ['kỹ', 'kĩ'],
  ['mỹ', 'mĩ'],
  ['kỳ', 'kì'],
  ['sỹ', 'sĩ'],
  ['ngộ độc', 'trúng độc', 'bị độc'],
  ['nhiễm', 'nhiễm phải'],
  ['lây', 'lây lan', 'lây nhiễm', 'truyền nhiễm', 'lây truyền'],
  ['tặng', 'biếu', 'cho không', 'phát không'],
  // More news vocabulary: institutions, people, things, events.
  ['thủ tướng', 'thủ tướng chính phủ'],
  ['chủ tịch nước', 'nguyên thủ'],
  ['bộ trưởng', 'tư lệnh ngành'],
  ['cơ quan chức năng', 'cơ quan có thẩm quyền', 'nhà chức trách', 'giới chức'],
  ['chính quyền địa phương', 'địa phương'],
  ['doanh nghiệp', 'công ty', 'hãng'],
  ['siêu thị', 'supermarket'],
  ['chợ đầu mối', 'chợ sỉ'],
  ['tiểu thương', 'người bán hàng ở chợ', 'dân buôn bán'],
  ['nông dân', 'bà con nông dân', 'nhà nông'],
  ['ngư dân', 'dân chài', 'người đánh cá'],
  ['sinh viên', 'sinh viên đại học'],
  ['thí sinh', 'sĩ tử', 'người dự thi'],
  ['kỳ thi tốt nghiệp trung học phổ thông', 'thi tốt nghiệp', 'kỳ thi tốt nghiệp', 'thi tốt nghiệp trung học phổ thông'],
  ['trường học', 'nhà trường'],
  ['thuê bao', 'số thuê bao', 'sim điện thoại'],
  ['nhà mạng', 'nhà cung cấp dịch vụ viễn thông'],
  ['cuộc gọi', 'cuộc điện thoại', 'cú điện thoại'],
  ['mã otp', 'otp', 'mã xác thực', 'mã xác nhận'],
  ['tin giả mạo', 'tin nhắn giả mạo', 'tin nhắn lừa đảo'],
  ['giá xăng', 'giá xăng dầu', 'giá nhiên liệu'],
  ['giá điện', 'tiền điện'],
  ['giá nước', 'tiền nước'],
  ['học phí', 'tiền học'],
  ['viện phí', 'tiền viện phí', 'chi phí khám chữa bệnh'],
  ['lãi suất', 'lãi'],
  ['tiền mặt', 'cash'],
  ['thẻ atm', 'atm', 'thẻ ngân hàng'],
  ['vàng miếng', 'vàng sjc'],
  ['bất động sản', 'bđs', 'nhà đất'],
  ['chung cư', 'căn hộ chung cư'],
  ['thực phẩm bẩn', 'thực phẩm không an toàn', 'đồ ăn bẩn'],
  ['nước thải', 'nước bẩn thải ra'],
  ['thuốc trừ sâu', 'thuốc bảo vệ thực vật', 'thuốc bvtv'],
  ['chất bảo quản', 'hóa chất bảo quản', 'hoá chất bảo quản'],
  ['thịt lợn', 'thịt heo'],
  ['dịch tả lợn châu phi', 'dịch tả heo châu phi', 'dịch tả châu phi'],
  ['bệnh viện nhi', 'viện nhi'],
  ['động đất', 'địa chấn'],
  ['lũ lụt', 'lụt lội', 'ngập lụt'],
  ['sạt lở', 'lở đất', 'sạt lở đất'],
  ['hạn hán', 'khô hạn'],
  ['cháy rừng', 'hỏa hoạn rừng'],
  ['hỏa hoạn', 'hoả hoạn', 'vụ cháy', 'đám cháy'],
  ['giao thông', 'lưu thông'],
  ['kẹt xe', 'tắc đường', 'ùn tắc', 'tắc nghẽn', 'kẹt đường'],
  ['tai nạn giao thông', 'tngt'],
  ['vi phạm', 'phạm luật'],
  ['giấy tờ tùy thân', 'giấy tờ tuỳ thân', 'giấy tờ cá nhân'],
  ['định danh điện tử', 'vneid', 'tài khoản định danh'],
  ['bầu cử', 'đi bầu', 'bỏ phiếu'],
  ['khách du lịch', 'du khách', 'khách tham quan'],
  ['tăng trưởng', 'phát triển kinh tế'],
  // More predicates.
  ['phát hiện', 'phát giác', 'lộ ra'],
  ['điều tra', 'vào cuộc điều tra'],
  ['khởi tố', 'truy tố'],
  ['tạm giam', 'tạm giữ hình sự'],
  ['đình chỉ', 'đình chỉ công tác'],
  ['cách chức', 'bãi nhiệm', 'miễn nhiệm'],
  ['từ chức', 'xin nghỉ việc', 'xin thôi chức'],
  ['sáp nhập', 'nhập vào', 'hợp nhất'],
  ['giải thể', 'xóa sổ đơn vị'],
  ['cảnh báo', 'khuyến cáo'],
  ['sơ tán', 'di tản', 'di dời khẩn cấp'],
  ['tháo chạy', 'bỏ chạy'],
  ['mất tích', 'biệt tích', 'mất liên lạc'],
  ['bị thương', 'trọng thương', 'thương tích'],
  ['nhập viện', 'vào viện', 'đi cấp cứu', 'phải cấp cứu'],
  ['tẩy chay', 'boycott'],
  ['xúc phạm', 'lăng mạ', 'sỉ nhục'],
  ['ca ngợi', 'khen ngợi', 'tán dương'],
  ['chữa khỏi', 'chữa dứt điểm', 'trị dứt điểm', 'chữa tận gốc', 'trị tận gốc', 'đánh bay'],
  ['tiêu diệt', 'diệt sạch', 'diệt được'],
  ['tăng cường', 'đẩy mạnh'],
  ['phòng ngừa', 'phòng tránh', 'ngăn ngừa'],

  ['hỗ trợ', 'trợ cấp', 'trợ giúp', 'cứu trợ'],
];
