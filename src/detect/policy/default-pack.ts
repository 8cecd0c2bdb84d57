// Generated from policies/default.yaml by generate-default-pack.ts — edit the YAML, then regenerate.
/** The shipped default policy pack, as YAML text (parse with parsePolicyPack). */
export const DEFAULT_PACK_YAML = `# kiemtin default policy pack. Concrete harms only: there is deliberately no category for opinions,
# criticism or dissent (see docs/policy.md). Every finding is a flag for a person to review.
# Legal references marked \`verified: false\` were not checked against the official text; a reviewer
# must check them before relying on them in a decision.
id: default
version: "2026.11.2"
name:
  vi: Bộ chính sách mặc định của kiemtin
  en: kiemtin default policy pack
description:
  vi: Chỉ gồm các tác hại cụ thể (lừa đảo, kích động bạo lực, thù ghét nhóm được bảo vệ, quấy rối, lộ dữ liệu cá nhân, tin sai đã được kiểm chứng, spam, hành vi phối hợp). Không có danh mục nào về ý kiến, phê bình hay bất đồng.
  en: Concrete harms only (fraud, incitement to violence, hate against protected groups, harassment, exposure of personal data, verified false claims, spam, coordinated behaviour). No category covers opinion, criticism or dissent.

categories:
  - id: hate-speech
    name: { vi: Ngôn từ thù ghét và kích động bạo lực, en: Hate speech and incitement to violence }
    description:
      vi: Miệt thị, phi nhân hoá hoặc kêu gọi bạo lực nhắm vào một nhóm người vì vùng miền, dân tộc, tôn giáo, giới tính, xu hướng tính dục hay khuyết tật.
      en: Slurs, dehumanisation or calls for violence against a group because of region of origin, ethnicity, religion, gender, sexual orientation or disability.
    severity: high
    legal:
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "16", clause: "2", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025, note: "Thông tin kích động gây bạo loạn, gây rối trật tự công cộng." }
      - { law: Luật An ninh mạng 2025, article: chưa xác minh, validFrom: 2026-07-01, verified: false, note: "Thay thế Luật An ninh mạng 2018; số điều chưa xác minh." }
      - { law: Nghị định 15/2020/NĐ-CP (sửa đổi bởi 14/2022/NĐ-CP), article: "101", clause: "1", validFrom: 2020-04-15, verified: false, note: "Phạt 10–20 triệu đồng (tổ chức), cá nhân một nửa, buộc gỡ bỏ; phần sửa đổi của 14/2022 chưa xác minh." }
      - { law: Nghị định 147/2024/NĐ-CP, article: "23", validFrom: 2024-12-25, note: "Gỡ bỏ nội dung vi phạm trong 24 giờ khi có yêu cầu; thay thế Nghị định 72/2013." }
    actions: [notice, takedown-request, escalate]

  - id: harassment
    name: { vi: Quấy rối và lăng mạ, en: Harassment and abusive language }
    description:
      vi: Chửi bới, lăng mạ, đe doạ hoặc làm nhục một người cụ thể.
      en: Abuse, insults, threats or humiliation aimed at a specific person.
    severity: medium
    legal:
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "16", clause: "3", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025, note: "Thông tin làm nhục, vu khống." }
      - { law: Nghị định 72/2013/NĐ-CP, article: "5", clause: "1(d)", validFrom: 2013-09-01, validTo: 2024-12-24, replacedBy: Nghị định 147/2024/NĐ-CP, note: "Xúc phạm danh dự, nhân phẩm cá nhân." }
      - { law: Nghị định 15/2020/NĐ-CP (sửa đổi bởi 14/2022/NĐ-CP), article: "101", clause: "1", validFrom: 2020-04-15, verified: false, note: "Xúc phạm danh dự, nhân phẩm cá nhân trên mạng xã hội; phần sửa đổi chưa xác minh." }
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "155", validFrom: 2018-01-01, verified: false, note: "Tội làm nhục người khác — chỉ khi nghiêm trọng; điều khoản chưa đối chiếu." }
    actions: [no-action, notice, takedown-request]

  - id: scam-fraud
    name: { vi: Lừa đảo, en: Scams and fraud }
    description:
      vi: Giả mạo ngân hàng, trang lừa lấy mật khẩu/OTP, quà tặng giả, tuyển dụng "việc nhẹ lương cao" đòi đặt cọc.
      en: Bank impersonation, phishing for passwords or OTP codes, fake giveaways, fake job offers that ask for a deposit.
    severity: high
    legal:
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "16", clause: "4", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025, note: "Thông tin sai sự thật về tiền tệ, ngân hàng, thương mại điện tử." }
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "174", validFrom: 2018-01-01, verified: false, note: "Tội lừa đảo chiếm đoạt tài sản; điều khoản chưa đối chiếu." }
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "290", validFrom: 2018-01-01, verified: false, note: "Sử dụng mạng máy tính, mạng viễn thông để chiếm đoạt tài sản; chưa đối chiếu." }
      - { law: Nghị định 147/2024/NĐ-CP, article: "23", validFrom: 2024-12-25, note: "Gỡ bỏ trong 24 giờ khi có yêu cầu." }
    actions: [takedown-request, escalate]

  - id: illegal-gambling
    name: { vi: Quảng cáo cờ bạc trái phép, en: Illegal gambling ads }
    description:
      vi: Quảng cáo nhà cái, cá độ, tài xỉu, nổ hũ, lô đề và đường link tới các trang cờ bạc.
      en: Ads for bookmakers, betting, dice games, slot games, lottery betting and links to gambling sites.
    severity: high
    legal:
      - { law: Nghị định 15/2020/NĐ-CP (sửa đổi bởi 14/2022/NĐ-CP), article: "101", clause: "1", validFrom: 2020-04-15, verified: false, note: "Thông tin kích động cờ bạc; phần sửa đổi chưa xác minh." }
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "322", validFrom: 2018-01-01, verified: false, note: "Tội tổ chức đánh bạc hoặc gá bạc; chưa đối chiếu." }
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "321", validFrom: 2018-01-01, verified: false, note: "Tội đánh bạc; chưa đối chiếu." }
    actions: [takedown-request, escalate]

  - id: illegal-lending
    name: { vi: Quảng cáo cho vay trái phép, en: Illegal lending ads }
    description:
      vi: Quảng cáo "vay nhanh không thế chấp", "giải ngân trong ngày", "chỉ cần CCCD" — dấu hiệu tín dụng đen.
      en: Ads for "fast loans without collateral", "same-day payout", "only your ID card needed" — signs of loan sharking.
    severity: high
    legal:
      - { law: "Bộ luật Hình sự 2015 (100/2015/QH13, sửa đổi 2017)", article: "201", validFrom: 2018-01-01, verified: false, note: "Tội cho vay lãi nặng trong giao dịch dân sự; chưa đối chiếu." }
      - { law: Nghị định 15/2020/NĐ-CP (sửa đổi bởi 14/2022/NĐ-CP), article: "101", clause: "1", validFrom: 2020-04-15, verified: false, note: "Quảng cáo hàng hoá, dịch vụ cấm; áp dụng cho tín dụng đen chưa xác minh." }
    actions: [takedown-request, escalate]

  - id: personal-data
    name: { vi: Lộ dữ liệu cá nhân, en: Exposure of personal data }
    description:
      vi: Đăng số CCCD, số điện thoại, số tài khoản, e-mail của người khác mà không có sự đồng ý (không tính đường dây nóng của chính cơ quan báo chí).
      en: Posting someone else's citizen ID, phone number, bank account or e-mail without consent (an outlet's own hotline does not count).
    severity: high
    legal:
      - { law: Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, article: "3", validFrom: 2023-07-01, validTo: 2025-12-31, verified: false, replacedBy: Luật Bảo vệ dữ liệu cá nhân 2025, note: "Không có trong ghi chú pháp lý của nhóm; điều khoản và ngày hết hiệu lực chưa xác minh." }
      - { law: Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15), article: chưa xác minh, validFrom: 2026-01-01, verified: false, note: "Không có trong ghi chú pháp lý của nhóm; cần đối chiếu." }
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "16", clause: "3", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025, note: "Xâm phạm quyền, lợi ích hợp pháp của cá nhân." }
      - { law: Nghị định 147/2024/NĐ-CP, article: "23", validFrom: 2024-12-25, note: "Gỡ bỏ trong 24 giờ khi có yêu cầu; khiếu nại có căn cứ của người dùng trong 48 giờ." }
    actions: [notice, takedown-request]

  - id: spam
    name: { vi: Tin rác, en: Spam }
    description:
      vi: Quảng cáo lặp lại, mời inbox/Zalo, rải link hàng loạt không liên quan đến bài viết.
      en: Repeated ads, invitations to message on Zalo, mass links unrelated to the post.
    severity: low
    legal:
      - { law: "Nghị định 91/2020/NĐ-CP về chống tin nhắn rác, thư điện tử rác, cuộc gọi rác", article: chưa xác minh, validFrom: 2020-10-01, verified: false, note: "Không có trong ghi chú pháp lý của nhóm; phạm vi với bình luận mạng xã hội chưa xác minh." }
      - { law: Nghị định 147/2024/NĐ-CP, article: "23", validFrom: 2024-12-25, note: "Nghĩa vụ xử lý nội dung vi phạm của nhà cung cấp." }
    actions: [no-action, notice, takedown-request]

  - id: false-information
    name: { vi: Tin sai đã được kiểm chứng, en: Verified false claims }
    description:
      vi: Nội dung lặp lại một thông tin đã được cơ quan có thẩm quyền hoặc tổ chức kiểm chứng xác định là sai (khớp với bản kiểm chứng). Điểm mô hình không bao giờ tự nó là kết luận sai sự thật.
      en: Content repeating a claim that a competent authority or fact-checker found false (matched to a fact-check). A model score is never by itself a finding of falsity.
    severity: medium
    legal:
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "8", clause: "1(d)", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025, note: "Đưa thông tin sai sự thật gây hoang mang." }
      - { law: Luật An ninh mạng 2018 (24/2018/QH14), article: "16", clause: "5", validFrom: 2019-01-01, validTo: 2026-06-30, replacedBy: Luật An ninh mạng 2025 }
      - { law: Luật Báo chí 2016 (103/2016/QH13), article: "42", validFrom: 2017-01-01, validTo: 2026-06-30, replacedBy: Luật Báo chí 2025, note: "Cải chính, xin lỗi; báo điện tử gỡ ngay nhưng lưu để kiểm tra. Chỉ áp dụng cho cơ quan báo chí." }
      - { law: Luật Báo chí 2016 (103/2016/QH13), article: "9", validFrom: 2017-01-01, validTo: 2026-06-30, replacedBy: Luật Báo chí 2025, note: "Các hành vi bị cấm. Chỉ áp dụng cho cơ quan báo chí." }
      - { law: Luật Báo chí 2025, article: "35", validFrom: 2026-07-01, verified: false, note: "Gỡ bỏ thông tin vi phạm; chưa có toàn văn." }
      - { law: Nghị định 15/2020/NĐ-CP (sửa đổi bởi 14/2022/NĐ-CP), article: "101", clause: "1", validFrom: 2020-04-15, verified: false, note: "Cung cấp, chia sẻ thông tin giả mạo, sai sự thật; phần sửa đổi chưa xác minh." }
    actions: [label-correction, notice, takedown-request]

  - id: coordinated-behaviour
    name: { vi: Hành vi phối hợp không xác thực, en: Coordinated inauthentic behaviour }
    description:
      vi: Nhiều tài khoản đăng cùng một nội dung sao chép (chiến dịch rải bài). Chỉ xử lý khi nội dung được rải cũng vi phạm một danh mục khác.
      en: Many accounts posting the same copied text (a campaign). Acted on only when the copied content also breaks another category.
    severity: medium
    legal:
      - { law: Nghị định 147/2024/NĐ-CP, article: chưa xác minh, validFrom: 2024-12-25, verified: false, note: "Khoá tạm thời tài khoản vi phạm lặp lại (≥5 lần/30 ngày); số điều chưa xác minh." }
      - { law: Nghị định 147/2024/NĐ-CP, article: "23", validFrom: 2024-12-25, note: "Gỡ bỏ trong 24 giờ khi có yêu cầu." }
    actions: [no-action, notice, escalate]

phraseLists:
  # Group slurs (region, ethnicity, sexual orientation). Single everyday words are left out on purpose.
  group-slurs: [bắc kỳ, parky, bắc kỳ chó, nam kỳ ngu, namkiki, tàu khựa, khựa, mọi rợ, bọn mọi, đồ mọi, thằng mọi, bê đê, pê đê, xăng pha nhớt, bóng lộ, đồ thiểu năng, bọn thiểu năng]
  group-terms: [người bắc, dân bắc, người nam, dân nam, người trung, người tàu, người hoa, dân tộc, người dân tộc, người đồng tính, người gay, người khuyết tật, người công giáo, người theo đạo, dân miền tây, dân thanh hoá, dân nghệ an]
  violence: [giết hết, giết sạch, đánh chết, đốt nhà, thiêu sống, chém chết, tiêu diệt hết, đuổi hết, cút về, đập chết, cho chết hết]
  profanity: [đ.m, đmm, địt mẹ, đụ má, đụ mẹ, đĩ mẹ, con đĩ, đồ đĩ, vcl, vãi lồn, cái lồn, mặt lồn, óc lồn, cặc, óc chó, thằng chó, con chó cái, đồ chó, súc vật, đồ ngu, ngu như bò, ngu như chó, câm mồm, cút mẹ, mẹ mày, cmn, clgt, đkm, dkm]
  threats: [tao giết mày, giết mày, coi chừng tao, biết nhà mày, tao biết nhà, liệu hồn, đập chết mày, xử mày, cho mày biết tay]
  phishing: [xác nhận tài khoản, xác minh tài khoản, tài khoản của bạn bị khoá, tài khoản bị tạm khoá, cập nhật thông tin tài khoản, cung cấp mã otp, gửi mã otp, nhập mã otp, đăng nhập để nhận, hoàn tiền vào tài khoản, nâng hạn mức thẻ]
  giveaway: [tri ân khách hàng, quay số trúng thưởng, nhận quà miễn phí, trúng thưởng, quà tặng miễn phí, nhận ngay iphone, phần quà giá trị, chương trình tri ân, nhận thưởng ngay, bạn đã trúng]
  job-scam: [việc nhẹ lương cao, cộng tác viên online, ctv online, tuyển ctv, đóng phí giữ chỗ, phí giữ chỗ, làm nhiệm vụ, nhận hoa hồng, chốt đơn ảo, làm tại nhà thu nhập, thu nhập 500k mỗi ngày, không cần kinh nghiệm, hoàn vốn ngay]
  gambling: [nhà cái, cá độ, tài xỉu, nổ hũ, bắn cá, lô đề, soi cầu, casino, nạp 100k tặng, nạp đầu, kèo nhà cái, game bài đổi thưởng, xóc đĩa, đá gà online, cược thủ, link vào nhà cái, thưởng nạp, cá cược]
  lending: [vay nhanh không thế chấp, vay tiền online, vay online, giải ngân trong ngày, giải ngân nhanh, chỉ cần cccd, chỉ cần cmnd, chỉ cần căn cước, không thẩm định, không cần thế chấp, không thế chấp, nợ xấu vẫn vay, vay nóng, bốc họ, hỗ trợ vay, duyệt hồ sơ nhanh, vay tín chấp nhanh]
  spam: [inbox ngay, ib mình, ib ngay, kết bạn zalo, add zalo, liên hệ zalo, sub chéo, follow chéo, tương tác chéo, click link, xem ngay tại, giảm giá sốc, chỉ còn hôm nay, hàng chính hãng giá rẻ, free ship toàn quốc, săn sale]
  doxxing: [địa chỉ nhà nó, sđt của nó, số điện thoại của nó, info của nó, xin info, ai có info, tìm ra nhà, truy tìm địa chỉ, bóc phốt, thông tin cá nhân của]

rules:
  - id: hate-group-slur
    category: hate-speech
    description: A slur against a group (region, ethnicity, sexual orientation, disability).
    when: { phraseList: group-slurs }
    score: 0.7
    explanation: Bình luận dùng từ miệt thị một nhóm người.

  - id: hate-incitement
    category: hate-speech
    description: A call for violence together with a named group.
    when:
      all:
        - phraseList: violence
        - any: [{ phraseList: group-terms }, { phraseList: group-slurs }]
    score: 0.9
    explanation: Kêu gọi bạo lực nhắm vào một nhóm người.

  - id: harassment-profanity
    category: harassment
    description: Profanity or insults in a comment.
    when:
      all:
        - phraseList: profanity
        - field: { kind: comment }
    score: 0.5
    explanation: Bình luận có lời lẽ tục tĩu, lăng mạ.

  - id: harassment-repeated-profanity
    category: harassment
    description: Several different insults in one text.
    when: { count: { atLeast: 3, phraseList: profanity } }
    score: 0.75
    explanation: Nhiều lời lăng mạ khác nhau trong cùng một nội dung.

  - id: harassment-threat
    category: harassment
    description: A threat aimed at a person.
    when: { phraseList: threats }
    score: 0.8
    explanation: Nội dung có lời đe doạ một người.

  - id: hate-speech-model
    category: hate-speech
    description: Hate-speech classifier very sure, together with a group term (the model alone goes through its own detector).
    when:
      # Cheap phrase test first: the model is only run when a group is named.
      all:
        - any: [{ phraseList: group-terms }, { phraseList: group-slurs }]
        - classifier: { model: hate-speech, label: hate, atLeast: 0.8 }
    score: 0.8
    explanation: Mô hình thù ghét chắc chắn và nội dung nhắc tới một nhóm người.

  - id: scam-bank-lookalike
    category: scam-fraud
    description: A link to a domain that imitates a Vietnamese bank.
    when: { signal: bank-lookalike }
    score: 0.9
    explanation: Đường link giả mạo tên miền ngân hàng.

  - id: scam-phishing
    category: scam-fraud
    description: Account-verification or OTP wording with a link or phone number.
    when:
      all:
        - phraseList: phishing
        - any: [{ field: { hasLinks: true } }, { signal: phone }]
    score: 0.8
    explanation: Yêu cầu xác minh tài khoản/cung cấp OTP kèm đường link hoặc số điện thoại.

  - id: scam-otp-request
    category: scam-fraud
    description: Asking for an OTP code is never legitimate.
    when: { phrases: [cho mình mã otp, đọc mã otp, gửi lại mã otp, cung cấp mã otp] }
    score: 0.85
    explanation: Đề nghị cung cấp mã OTP.

  - id: scam-fake-giveaway
    category: scam-fraud
    description: Giveaway wording with a link (often shortened).
    when:
      all:
        - phraseList: giveaway
        - any: [{ field: { hasLinks: true } }, { signal: short-link }]
    score: 0.75
    explanation: Quà tặng/trúng thưởng kèm đường link — dấu hiệu quà tặng giả.

  - id: scam-fake-job
    category: scam-fraud
    description: Two or more fake-job markers, or one with a request for a fee.
    when:
      any:
        - count: { atLeast: 2, phraseList: job-scam }
        - all: [{ phraseList: job-scam }, { phrases: [đặt cọc, phí giữ chỗ, đóng phí, nạp tiền] }]
    score: 0.75
    explanation: Tuyển dụng "việc nhẹ lương cao"/cộng tác viên online đòi phí — dấu hiệu lừa đảo việc làm.

  - id: scam-short-link-comment
    category: scam-fraud
    description: A shortened link in a comment, with money or prize wording.
    when:
      all:
        - signal: short-link
        - field: { kind: comment }
        - any: [{ phraseList: giveaway }, { phraseList: phishing }, { phrases: [nhận tiền, kiếm tiền, lợi nhuận, đầu tư] }]
    score: 0.65
    explanation: Link rút gọn trong bình luận kèm lời mời nhận tiền/quà.

  - id: gambling-site
    category: illegal-gambling
    description: A link to, or the name of, a known gambling brand.
    when: { signal: gambling-site }
    score: 0.85
    explanation: Nhắc tới hoặc dẫn link tới trang cờ bạc.

  - id: gambling-terms-with-link
    category: illegal-gambling
    description: Gambling wording together with a link or phone number.
    when:
      all:
        - phraseList: gambling
        - any: [{ field: { hasLinks: true } }, { signal: phone }]
    score: 0.75
    explanation: Quảng cáo cờ bạc kèm đường link hoặc số điện thoại.

  - id: gambling-terms
    category: illegal-gambling
    description: Several gambling terms outside licensed news (news about a crackdown uses the same words).
    when:
      all:
        - count: { atLeast: 2, phraseList: gambling }
        # The outlet's own reporting (a post on licensed news) uses these words; its comment section is fair game.
        - not: { all: [{ field: { kind: post } }, { field: { outletType: [e-newspaper, magazine, state-portal] } }] }
    score: 0.6
    explanation: Nhiều thuật ngữ cờ bạc trong cùng một nội dung.

  - id: lending-ad
    category: illegal-lending
    description: Two or more loan-shark markers, or one with a phone, link or Zalo.
    when:
      all:
        # The outlet's own reporting (a post on licensed news) uses these words; its comment section is fair game.
        - not: { all: [{ field: { kind: post } }, { field: { outletType: [e-newspaper, magazine, state-portal] } }] }
        - any:
            - count: { atLeast: 2, phraseList: lending }
            - all:
                - phraseList: lending
                - any: [{ signal: phone }, { field: { hasLinks: true } }, { phrases: [zalo, inbox, liên hệ] }]
    score: 0.75
    explanation: Quảng cáo cho vay "nhanh, không thế chấp" — dấu hiệu tín dụng đen.

  - id: personal-data-doxxing
    category: personal-data
    description: Doxxing wording together with a phone number, ID number, bank account or e-mail.
    when:
      all:
        - phraseList: doxxing
        - any: [{ signal: phone }, { signal: cccd }, { signal: bank-account }, { signal: email }]
    score: 0.8
    explanation: Công khai thông tin cá nhân của người khác kèm lời kêu gọi truy tìm.

  - id: spam-phrases
    category: spam
    description: Two or more spam markers in a comment.
    when:
      all:
        - field: { kind: comment }
        - count: { atLeast: 2, phraseList: spam }
    score: 0.55
    explanation: Bình luận quảng cáo/mời inbox lặp lại.

  - id: spam-many-links
    category: spam
    description: A comment with three or more links.
    when:
      all:
        - field: { kind: comment, linkCount: { atLeast: 3 } }
    score: 0.5
    explanation: Bình luận rải nhiều đường link.

  - id: spam-shortlink-promo
    category: spam
    description: A spam marker with a shortened link.
    when:
      all: [{ phraseList: spam }, { signal: short-link }]
    score: 0.6
    explanation: Quảng cáo kèm link rút gọn.
`;
