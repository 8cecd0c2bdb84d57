import { describe, expect, it } from 'vitest';
import { createClaimDetector } from './detector.js';
import { createClaimMatcher } from './matcher.js';
import { parseFactChecks } from './registry.js';

const registry = parseFactChecks([
  { id: 'CHANH', claim: 'Uống nước chanh nóng mỗi sáng chữa khỏi ung thư giai đoạn cuối.', verdict: 'false', correction: 'Không có bằng chứng.' },
  { id: 'DONGDAT', claim: 'Động đất mạnh 7,5 độ richter sắp xảy ra ở Kon Tum trong tuần này.', verdict: 'false', correction: 'Không dự báo được động đất.' },
  { id: 'VACXIN', claim: 'Tiêm vắc xin sởi gây vô sinh ở trẻ em gái.', verdict: 'false', correction: 'Vắc xin an toàn.' },
  { id: 'CAU', claim: 'Cầu Rồng ở Đà Nẵng bị nứt và sắp sập.', verdict: 'false', correction: 'Cầu an toàn.' },
  { id: 'DIEN', claim: 'EVN sẽ cắt điện toàn miền Bắc 3 ngày liên tiếp từ thứ hai tuần tới.', verdict: 'false', correction: 'Chỉ bảo dưỡng cục bộ.' },
  { id: 'DUNG', claim: 'Nước chanh chứa nhiều vitamin C.', verdict: 'true', correction: '' },
  { id: 'RUT', claim: 'Gạo nhựa đang được bán ở chợ Hà Nội.', verdict: 'false', correction: '', status: 'withdrawn' },
]);
const matcher = createClaimMatcher(registry);
const top = (text: string) => matcher.match(text)[0]?.factCheckId ?? null;
const handMatcher = createClaimMatcher(registry, { combiner: 'hand' });

describe('createClaimMatcher', () => {
  it('finds the claim in a paraphrase, reporting the external id and the passage with raw offsets', () => {
    const text = 'Chào cả nhà. Sáng nào cũng uống một cốc nước chanh nóng thì ung thư giai đoạn cuối cũng khỏi. Thử đi!';
    const [m] = matcher.match(text);
    expect(m?.factCheckId).toBe('CHANH');
    expect(m?.score).toBeGreaterThanOrEqual(matcher.threshold);
    expect(m?.score).toBeLessThanOrEqual(1);
    expect(text.slice(m?.passage.start, m?.passage.end)).toBe(m?.passage.text);
    expect(m?.passage.text).toContain('nước chanh nóng');
    expect(m?.passage.text).not.toContain('Chào');
    expect(m?.explanation).toContain('Uống nước chanh');
  });

  it('holds up without diacritics, in teencode and in decomposed Unicode', () => {
    expect(top('uong nuoc chanh nong moi sang chua khoi ung thu giai doan cuoi')).toBe('CHANH');
    expect(top('mn ơi uống nc chanh nóng mỗi sáng là khỏi ung thư gđ cuối luôn, nhà mk khỏi r')).toBe('CHANH');
    const nfd = 'Tiêm vắc xin sởi gây vô sinh ở trẻ em gái đấy các mẹ.'.normalize('NFD');
    const [m] = matcher.match(nfd);
    expect(m?.factCheckId).toBe('VACXIN');
    expect(nfd.slice(m?.passage.start, m?.passage.end)).toBe(m?.passage.text);
  });

  it('keeps a match when a number or a place spelling changes, at a lower score', () => {
    const same = matcher.match('Động đất mạnh 7,5 độ richter sắp xảy ra ở Kon Tum trong tuần này.')[0];
    const changed = matcher.match('Động đất mạnh 8 độ richter sắp xảy ra ở Kon Tum trong tuần này.')[0];
    expect(changed?.factCheckId).toBe('DONGDAT');
    expect(changed?.features.numbers).toBe('changed');
    expect(changed?.score).toBeLessThan(same?.score ?? 0);
    expect(top('Động đất mạnh 7,5 độ richter sắp xảy ra ở Kontum trong tuần này.')).toBe('DONGDAT');
  });

  it('does not fire on debunks, questions, denials or other events on the same topic', () => {
    expect(top('Bộ Y tế bác bỏ thông tin tiêm vắc xin sởi gây vô sinh ở trẻ em gái.')).toBeNull();
    expect(top('Tiem vac xin soi co gay vo sinh o tre em gai khong a')).toBeNull();
    expect(top('Tiêm vắc xin sởi gây vô sinh ở trẻ em gái có thật không?')).toBeNull();
    expect(top('Nước chanh nóng không chữa khỏi ung thư giai đoạn cuối, đừng bỏ điều trị.')).toBeNull();
    expect(top('Cầu treo ở Quảng Nam bị nứt và sắp sập do lũ.')).toBeNull();
    expect(top('Đây không phải tin giả: tiêm vắc xin sởi gây vô sinh ở trẻ em gái!')).toBe('VACXIN');
  });

  it('requires the same proposition: the claimed outcome, the same scope, an assertion', () => {
    // Same topic and setting, no claimed cure: a related statement. The hand formula requires the claimed
    // outcome; the learned combiner reports this one (0.73 in this registry): on independent text a
    // missing outcome predicate is weak evidence (docs/claims.md, eighth round, known weaknesses).
    expect(handMatcher.match('Bệnh nhân ung thư giai đoạn cuối nên uống nước chanh nóng mỗi sáng cho dễ chịu.')).toEqual([]);
    expect(top('Sáng nào uống nước chanh nóng thì ung thư giai đoạn cuối cũng khỏi hẳn.')).toBe('CHANH');
    // The claim speaks of a whole region, the post of some wards.
    expect(top('EVN cắt điện toàn miền Bắc 3 ngày liên tiếp từ thứ hai tuần tới, tích nước đi.')).toBe('DIEN');
    expect(top('EVN cắt điện một số phường ở miền Bắc 3 ngày liên tiếp từ thứ hai tuần tới để bảo dưỡng.')).toBeNull();
    // "có ... không" before a comma is a question; a doctored video is a debunk.
    expect(top('Động đất 7,5 độ richter có sắp xảy ra ở Kon Tum trong tuần này không vậy, thấy trên mạng nói')).toBeNull();
    expect(top('Video cắt ghép nói cầu Rồng ở Đà Nẵng bị nứt và sắp sập, mọi người đừng chia sẻ.')).toBeNull();
  });

  it('reads a denied predicate as a denial, and wants both halves of a claim outside the meaning groups', () => {
    const own = createClaimMatcher(
      parseFactChecks([
        { id: 'BO', claim: 'Thịt bò nhập khẩu được tiêm hormone tăng trọng gây dậy thì sớm ở trẻ em.', verdict: 'false', correction: '' },
        { id: 'THI', claim: 'Thủ khoa khối A năm nay của Nghệ An bị phát hiện gian lận bằng tai nghe.', verdict: 'false', correction: '' },
        { id: 'CAU', claim: 'Cầu Rồng ở Đà Nẵng bị nứt và sắp sập.', verdict: 'false', correction: '' },
      ]),
    );
    const ids = (t: string): string[] => own.match(t).map((m) => m.factCheckId);
    expect(ids('Thịt bò nhập khẩu tiêm hormone tăng trọng làm trẻ em dậy thì sớm đó các mẹ.')).toEqual(['BO']);
    expect(ids('Thịt bò nhập khẩu có tồn dư hormone tăng trọng trong giới hạn, không gây dậy thì sớm ở trẻ em.')).toEqual([]);
    expect(ids('Thủ khoa khối A năm nay của Nghệ An gian lận bằng tai nghe, bị phát hiện rồi.')).toEqual(['THI']);
    expect(ids('Thủ khoa khối A năm nay của Nghệ An đạt 29,85 điểm, em mơ ước học ngành y.')).toEqual([]);
  });

  it('lowers a passage that says something else in the place of part of the claim (aligned slots)', () => {
    const slots = createClaimMatcher(
      parseFactChecks([
        { id: 'XE', claim: 'Công an đang truy tìm xe tải màu xanh chở hàng cấm qua cửa khẩu Lạng Sơn.', verdict: 'false', correction: 'Không có.' },
        { id: 'MU', claim: 'Từ tháng sau, người đi xe máy không đội mũ bảo hiểm sẽ bị tịch thu xe.', verdict: 'false', correction: 'Chỉ phạt tiền.' },
      ]),
      // The verifier's rules as the hand formula weighs them (the model gates low hand scores out).
      { combiner: 'hand' },
    );
    // Same frame, another proposition: matched (0.68) before the slot check.
    const other = 'Công an đang truy tìm xe tải màu xanh gây tai nạn rồi bỏ chạy ở Lạng Sơn.';
    expect(slots.match(other)).toEqual([]);
    const [low] = slots.match(other, { threshold: 0 });
    expect(low?.explanation).toMatch(/substituted \(\d+%\): "gay nan[a-z ]*" for "(cam )?hang/);
    const cargo = slots.match('Từ tháng sau người đi xe máy chở hàng cồng kềnh sẽ bị tịch thu xe.', { threshold: 0 })[0];
    expect(cargo?.explanation).toContain('"hang cong kenh" for "doi mu bao hiem"');
    // Reordered, without diacritics, with a qualifier or with more after it: still the claim.
    expect(slots.match('Từ tháng sau ai đi xe máy mà không đội mũ bảo hiểm là bị tịch thu xe luôn.')[0]?.factCheckId).toBe('MU');
    expect(slots.match('Cong an dang truy tim xe tai mau xanh cho hang cam qua cua khau Lang Son.')[0]?.factCheckId).toBe('XE');
    expect(slots.match('Công an đang truy tìm xe tải màu xanh chở hàng cấm qua cửa khẩu Lạng Sơn, ai thấy báo ngay.')[0]?.factCheckId).toBe('XE');
  });

  it('matches a claim buried in a long chain message', () => {
    const filler = 'Hôm nay trời đẹp, cả nhà đi chơi công viên và ăn kem. '.repeat(30);
    const text = `${filler}KHẨN CẤP! Tuần này sẽ có động đất 7,5 độ richter ở Kon Tum. Chia sẻ ngay cho người thân! ${filler}`;
    const [m] = matcher.match(text);
    expect(m?.factCheckId).toBe('DONGDAT');
    expect(m?.features.chainCues.length).toBeGreaterThan(0);
    expect(m?.passage.text).toContain('Kon Tum');
  });

  it('ignores withdrawn fact-checks and never throws on empty or odd text', () => {
    expect(top('Gạo nhựa đang được bán ở chợ Hà Nội.')).toBeNull();
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('?!… 😀 \u0000 \ud800')).toEqual([]);
    expect(Array.isArray(matcher.match('nước chanh nóng. '.repeat(2_000)))).toBe(true);
  });
});

describe('createClaimDetector', () => {
  const detector = createClaimDetector(matcher);
  const doc = (text: string) => ({
    id: 'd1', kind: 'post' as const, text, title: null, url: null, parentId: null, author: null, outletType: null, publishedAt: null,
  });
  const ctx = { now: new Date(0), parent: null };

  it('reports false-information findings with the correction and the passage', () => {
    const text = 'Cầu Rồng ở Đà Nẵng bị nứt, sắp sập rồi mọi người ơi.';
    const [f] = detector.run(doc(text), ctx);
    expect(f?.category).toBe('false-information');
    expect(f?.evidence).toMatchObject({ factCheckId: 'CAU', verdict: 'false', correction: 'Cầu an toàn.' });
    const p = f?.evidence.passage as { start: number; end: number; text: string };
    expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('does not report repeating a claim rated true', () => {
    expect(matcher.match('Nước chanh chứa nhiều vitamin C.')[0]?.factCheckId).toBe('DUNG');
    expect(detector.run(doc('Nước chanh chứa nhiều vitamin C.'), ctx)).toEqual([]);
  });
});

// Issue #6, fourth round: everyday synonyms, chat forms of weekdays and months, place initials. Each
// repeat below scored under 0.3 on the matcher of round 3 (45b3361: "cảnh sát" read as a substitution
// of "công an", "x2" and "tháng tới" as another predicate and time, "CT" as another place).
describe('createClaimMatcher: synonyms, chat dates and initials', () => {
  const r4 = createClaimMatcher(
    parseFactChecks([
      { id: 'CADO', claim: 'Ca sĩ Đỗ Hải Nam bị công an bắt vì tổ chức cá độ bóng đá trực tuyến.', verdict: 'false', correction: 'Không có vụ bắt giữ nào.' },
      { id: 'GAS', claim: 'Giá gas sẽ tăng gấp đôi từ tháng sau.', verdict: 'false', correction: 'Giá gas chỉ điều chỉnh nhẹ.' },
      { id: 'BUYT', claim: 'Vé xe buýt ở Cần Thơ tăng lên 20.000 đồng từ thứ hai tuần sau.', verdict: 'false', correction: 'Giá vé không đổi.' },
      { id: 'BONGCHUYEN', claim: 'Đội tuyển bóng chuyền nữ Việt Nam bị cấm thi đấu quốc tế một năm.', verdict: 'false', correction: 'Không có án phạt nào.' },
    ]),
  );
  const first = (text: string) => r4.match(text)[0];

  it('reads everyday synonyms and chat forms as the claim says them', () => {
    expect(first('ca sĩ Đỗ Hải Nam bị cảnh sát bắt rồi, tổ chức cá độ bóng đá qua mạng đó mn')?.factCheckId).toBe('CADO');
    expect(first('tháng tới giá gas x2 đó mn, mua dự trữ đi')?.factCheckId).toBe('GAS');
    expect(first('Tuyển bóng chuyền nữ Việt Nam bị treo giò quốc tế 1 năm, buồn ghê.')?.factCheckId).toBe('BONGCHUYEN');
    // "bus", "CT" (Cần Thơ), "t2 tuần tới" (thứ hai tuần sau): the weekday is not the number 2.
    const bus = first('vé bus ở CT lên 20k từ t2 tuần tới nha mọi người');
    expect(bus?.factCheckId).toBe('BUYT');
    expect(bus?.features.numbers).toBe('agree');
    expect(bus?.explanation).not.toContain('another name or place');
  });

  it('keeps debunks, questions, denials and opposites said with the same synonyms from matching', () => {
    expect(first('Công an bác bỏ tin ca sĩ Đỗ Hải Nam bị cảnh sát bắt vì cá độ bóng đá qua mạng, đó là tin bịa đặt.')).toBeUndefined();
    expect(first('vé bus ở CT lên 20k từ t2 tuần tới thật hả mn?')).toBeUndefined();
    expect(first('Vé xe buýt ở Cần Thơ vẫn giữ 7.000 đồng từ thứ hai tuần sau, không tăng.')).toBeUndefined();
    expect(first('Giá gas giảm một nửa từ tháng sau.')).toBeUndefined();
    // "fake" is a debunk cue as written (the teencode swap f→ph used to hide it: matched at 1.0 before).
    expect(first('ca sĩ Đỗ Hải Nam bị công an bắt vì tổ chức cá độ bóng đá trực tuyến, tin fake đó mn')).toBeUndefined();
  });

  it('reads a variant written with other marks as another word ("mừng" is not "mùng")', () => {
    const dates = createClaimMatcher(
      parseFactChecks([{ id: 'NGHI', claim: 'Học sinh Hà Nội được nghỉ học từ ngày 5 tháng 3.', verdict: 'false', correction: 'Không có thông báo.' }]),
    );
    expect(dates.match('Học sinh Hà Nội được nghỉ học từ mùng 5 tháng 3 nha')[0]?.factCheckId).toBe('NGHI');
    const withMarks = dates.match('Học sinh Hà Nội được nghỉ học, chúc mừng 5 tháng 3', { threshold: 0 })[0];
    const asDate = dates.match('Học sinh Hà Nội được nghỉ học, từ mùng 5 tháng 3', { threshold: 0 })[0];
    expect(withMarks?.score ?? 0).toBeLessThan(asDate?.score ?? 0);
  });
});

// Fourth round, after reading held-out 6's errors: four general mistakes of the verifier. Each case
// scored 0.2-0.4 on the matcher of round 3 (45b3361).
describe('createClaimMatcher: exclamations, "không được", names and reasons', () => {
  const m = createClaimMatcher(
    parseFactChecks([
      { id: 'DATDAI', claim: 'Người dân khu tái định cư Sơn Trà bị thu hồi đất mà không được bồi thường.', verdict: 'false', correction: 'x' },
      { id: 'VE', claim: 'Giá vé tham quan vịnh Hạ Long tăng gấp đôi từ tháng sau.', verdict: 'false', correction: 'x' },
      { id: 'LEHOI', claim: 'Lễ hội hoa Đà Lạt năm nay bị hủy vì sạt lở đèo Prenn.', verdict: 'false', correction: 'x' },
      { id: 'XALU', claim: 'Thủy điện Sơn La xả lũ làm ngập toàn bộ thành phố Sơn La.', verdict: 'false', correction: 'x' },
    ]),
  );
  const first = (text: string) => m.match(text)[0];

  it('reads "thật không thể tin nổi" as an exclamation, "... thật không?" still as a question', () => {
    expect(first('Thủy điện Sơn La xả lũ làm ngập toàn bộ thành phố Sơn La, thật không thể tin nổi.')?.factCheckId).toBe('XALU');
    expect(first('Thủy điện Sơn La xả lũ làm ngập toàn bộ thành phố Sơn La thật không?')).toBeUndefined();
  });

  it('holds neither reading of "không được bồi thường" against "không bồi thường"', () => {
    expect(first('Dân khu tái định cư Sơn Trà bị thu hồi đất, không bồi thường gì hết.')?.factCheckId).toBe('DATDAI');
  });

  it('does not read a syllable of a name as a predicate ("Hạ Long" is no decrease)', () => {
    const ve = first('vé tham quan vịnh HL tăng gấp đôi từ tháng sau đó mọi người');
    expect(ve?.factCheckId).toBe('VE');
    expect(ve?.explanation).not.toContain('predicate not found');
  });

  it('counts what happens in the claim\'s reason once, in the reason check, and still refuses the reason alone', () => {
    const partial = m.match('Lễ hội hoa Đà Lạt năm nay bị hủy rồi mọi người ơi.', { threshold: 0 })[0];
    expect(partial?.explanation).not.toContain('predicate not found');
    expect(partial?.explanation).toContain("the claim's reason");
    expect(first('Đèo Prenn bị sạt lở nặng sau mưa lớn.')).toBeUndefined();
  });
});

// Issue #6, fifth round: what a post leaves out costs little, what it replaces costs a lot. The
// initials repeat scored 0.33 on the round-4 matcher ("HL" read as another place).
describe('createClaimMatcher: missing is not contradicted', () => {
  const r5 = createClaimMatcher(
    parseFactChecks([
      { id: 'TRAN', claim: 'Hàng chục con trăn sổng chuồng từ một trại nuôi ở Bến Tre đã bò ra sông Hàm Luông.', verdict: 'false', correction: 'Không có trăn nào sổng.' },
      { id: 'CAPHE', claim: 'Giá cà phê ở Tây Nguyên giảm một nửa vì Brazil bán cà phê giá rẻ.', verdict: 'false', correction: 'Giá chỉ giảm nhẹ.' },
      { id: 'DUATHUYEN', claim: 'Lễ hội đua thuyền ở Cửa Tùng năm nay bị hủy vì mưa bão.', verdict: 'false', correction: 'Lễ hội vẫn diễn ra.' },
      { id: 'CHONOI', claim: 'Chợ nổi Cái Răng sẽ ngừng hoạt động từ tháng 9.', verdict: 'false', correction: 'Chợ vẫn hoạt động.' },
    ]),
    // The verifier's rules as the hand formula weighs them (the model gates low hand scores out).
    { combiner: 'hand' },
  );
  const first = (text: string) => r5.match(text)[0];
  const any = (text: string) => r5.match(text, { threshold: 0 })[0];

  it('reads initials of the claim\'s names as those names, not as another place', () => {
    const m = first('hàng chục con trăn sổng chuồng từ trại nuôi ở BT bò ra sông HL r mn ơi');
    expect(m?.factCheckId).toBe('TRAN');
    expect(m?.explanation).not.toContain('another name or place');
    expect(first('Hàng chục con trăn sổng chuồng từ trại nuôi ở Long An bò ra sông Vàm Cỏ.')).toBeUndefined();
  });

  it('matches a post that leaves out the reason, not one that gives another place, predicate or a question', () => {
    expect(first('Giá cà phê ở Tây Nguyên giảm một nửa rồi.')?.factCheckId).toBe('CAPHE');
    expect(first('Giá cà phê ở Sơn La giảm một nửa rồi.')).toBeUndefined();
    expect(first('Giá cà phê ở Tây Nguyên tăng gấp đôi rồi.')).toBeUndefined();
    expect(first('Giá cà phê ở Tây Nguyên giảm một nửa rồi à?')).toBeUndefined();
  });

  it('tells a left-out reason or predicate from a replaced one in the explanation', () => {
    expect(any('Lễ hội đua thuyền năm nay bị hủy rồi.')?.explanation).toMatch(/reason \(mua bao\) not found[.;]/);
    const other = any('Lễ hội đua thuyền ở Cửa Tùng năm nay bị hủy vì thiếu kinh phí.');
    expect(other?.explanation).toContain('another given');
    expect(other?.score).toBeLessThan(r5.threshold);
    const unknown = any('từ tháng 9 chợ nổi Cái Răng dẹp luôn rồi nha mn');
    expect(unknown?.explanation).toContain('no other said: ngung');
    const known = any('Chợ nổi Cái Răng công bố lịch hoạt động mới từ tháng 9.');
    expect(known?.explanation).toContain('(says cong bo)');
    expect(known?.score).toBeLessThan(r5.threshold);
  });
});
