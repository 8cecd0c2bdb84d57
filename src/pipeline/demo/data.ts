import type { OutletValues } from '../../core/outlet-input.js';
import type { SourceItem } from '../../core/types.js';

/**
 * The demo data set: made up by the project for the purpose (fictional outlets on the reserved
 * `.example` domain, invented people and events). It shows ordinary news and discussion next to
 * concrete harms — scams, illegal lending and gambling ads, exposed personal data, abuse, a copy-paste
 * campaign and a false health claim — and criticism of officials that the default policy must leave alone.
 */

export const DEMO_OUTLETS: OutletValues[] = [
  {
    id: 'song-hong',
    type: 'e-newspaper',
    name: 'Báo điện tử Sông Hồng (demo)',
    homeUrl: 'https://songhong.example/',
    licenceNumber: '123/GP-BTTTT',
    licenceIssuer: 'Bộ Thông tin và Truyền thông',
    responsiblePerson: 'Nguyễn Văn Tổng Biên',
    noticeContact: 'toasoan@songhong.example',
    status: 'active',
    sources: [],
    crawl: { intervalMinutes: 30, maxPages: 50, comments: true },
  },
  {
    id: 'pho-nui',
    type: 'blog',
    name: 'Góc nhìn Phố Núi (demo)',
    homeUrl: 'https://phonui.example/',
    licenceNumber: null,
    licenceIssuer: null,
    responsiblePerson: 'Trần Thị Blog',
    noticeContact: 'phonui@mail.example',
    status: 'active',
    sources: [],
    crawl: { intervalMinutes: 120, maxPages: 20, comments: true },
  },
  {
    id: 'yeu-bep-sg',
    type: 'social-page',
    name: 'Hội Yêu Bếp Sài Gòn (demo)',
    homeUrl: 'https://social.example/groups/yeubepsg',
    licenceNumber: null,
    licenceIssuer: null,
    responsiblePerson: 'Quản trị viên nhóm',
    noticeContact: 'admin@social.example',
    status: 'active',
    sources: [],
    crawl: { intervalMinutes: 60, maxPages: 50, comments: true },
  },
  {
    id: 'tong-hop-24h',
    type: 'general-site',
    name: 'Tổng hợp 24h (demo)',
    homeUrl: 'https://tonghop24h.example/',
    licenceNumber: '45/GP-TTĐT',
    licenceIssuer: 'Sở Thông tin và Truyền thông',
    responsiblePerson: 'Lê Văn Phụ Trách',
    noticeContact: 'lienhe@tonghop24h.example',
    status: 'active',
    sources: [],
    crawl: { intervalMinutes: 60, maxPages: 50, comments: true },
  },
];

interface DemoThread {
  outletId: string;
  post: Omit<SourceItem, 'kind' | 'parentUrl' | 'externalId' | 'authorUrl'>;
  comments: Array<{ author: string; minutes: number; text: string; replyTo?: number }>;
}

const at = (iso: string) => new Date(iso);

export const DEMO_THREADS: DemoThread[] = [
  {
    outletId: 'song-hong',
    post: {
      url: 'https://songhong.example/thoi-su/mua-lon-gay-ngap-nhieu-tuyen-duong-o-ha-noi-2026112801.html',
      title: 'Mưa lớn gây ngập nhiều tuyến đường ở Hà Nội',
      author: 'Minh An',
      publishedAt: at('2026-11-28T07:30:00+07:00'),
      text:
        'Trận mưa lớn kéo dài từ đêm qua đến sáng nay khiến nhiều tuyến đường nội thành Hà Nội ngập sâu, giao thông ùn tắc kéo dài.\n\n' +
        'Theo Trung tâm Dự báo khí tượng thủy văn, lượng mưa đo được tại một số trạm vượt 150 mm. Lực lượng thoát nước đã được huy động để hút nước tại các điểm ngập.\n\n' +
        'Người dân được khuyến cáo hạn chế ra đường vào giờ cao điểm và theo dõi thông tin từ cơ quan chức năng.',
    },
    comments: [
      { author: 'Hoàng Nam', minutes: 12, text: 'Năm nào cũng ngập mà dự án chống ngập vẫn chưa xong, chính quyền thành phố cần giải trình rõ tiền đã tiêu vào đâu.' },
      { author: 'Thu Trang', minutes: 20, text: 'Đường Nguyễn Trãi ngập tới đầu gối, mọi người đi lại cẩn thận nhé.' },
      { author: 'Bảo Long', minutes: 25, text: 'Cám ơn anh em thoát nước làm việc xuyên đêm 👍', replyTo: 1 },
      { author: 'Tín Dụng Nhanh', minutes: 31, text: 'Vay nhanh không thế chấp, duyệt hồ sơ trong 5 phút, giải ngân ngay trong ngày. Liên hệ Zalo 0912 345 678 để được hỗ trợ!' },
      { author: 'Khách 8899', minutes: 33, text: 'Nhà cái uy tín nhất VN, nạp 100k tặng 200k, rút tiền siêu tốc tại bong88-vip.example 🎰' },
      { author: 'Ng.Văn Khải', minutes: 40, text: 'Mấy thằng bán hàng online ngu như bò, câm mồm đi cho người ta đọc tin.' },
    ],
  },
  {
    outletId: 'song-hong',
    post: {
      url: 'https://songhong.example/suc-khoe/canh-bao-tin-don-nuoc-chanh-chua-ung-thu-2026112702.html',
      title: 'Cảnh báo tin đồn "nước chanh ấm chữa khỏi ung thư"',
      author: 'Thanh Hà',
      publishedAt: at('2026-11-27T09:00:00+07:00'),
      text:
        'Thời gian gần đây, trên mạng xã hội lan truyền thông tin cho rằng uống nước chanh ấm mỗi sáng có thể chữa khỏi ung thư.\n\n' +
        'Các bác sĩ ung bướu khẳng định đây là thông tin sai sự thật, không có bất kỳ nghiên cứu khoa học nào chứng minh nước chanh chữa được ung thư. ' +
        'Người bệnh cần điều trị theo phác đồ của bác sĩ, không nên bỏ điều trị để dùng các phương pháp truyền miệng.',
    },
    comments: [
      { author: 'Lan Phương', minutes: 30, text: 'Nhà em có người thân bỏ hóa trị để uống nước chanh, may mà đọc được bài này.' },
      { author: 'Chia Sẻ Sức Khỏe', minutes: 45, text: 'Chia sẻ ngay cho người thân: uống nước chanh ấm mỗi sáng sẽ chữa khỏi ung thư, bác sĩ không muốn bạn biết điều này!!!' },
      { author: 'Hải Đăng', minutes: 50, text: 'Tin giả đó, đừng tin. Nước chanh không chữa được ung thư.', replyTo: 1 },
    ],
  },
  {
    outletId: 'pho-nui',
    post: {
      url: 'https://phonui.example/2026/11/cho-phien-cuoi-tuan.html',
      title: 'Chợ phiên cuối tuần ở phố núi',
      author: 'Trần Thị Blog',
      publishedAt: at('2026-11-22T18:04:00+07:00'),
      text:
        'Sáng thứ bảy, chợ phiên họp từ lúc trời còn mờ sương. Người dân các bản mang rau rừng, mật ong và thổ cẩm xuống bán.\n\n' +
        'Tôi ghé một sạp bánh ngô nóng hổi, bà cụ bán hàng kể chợ đã có từ thời ông bà bà còn nhỏ.',
    },
    comments: [
      { author: 'Minh Khoa', minutes: 60, text: 'Đọc mà thèm bánh ngô quá, cuối tháng em lên chơi.' },
      { author: 'Cẩm Tú', minutes: 95, text: 'Chị ơi, chợ họp tới mấy giờ vậy ạ?' },
      { author: 'Trần Thị Blog', minutes: 100, text: 'Tới khoảng 10 giờ sáng là tan rồi em nhé.', replyTo: 2 },
      { author: 'Việc Làm Online', minutes: 130, text: 'Tuyển cộng tác viên làm việc tại nhà, thu nhập 500k-1tr/ngày, chỉ cần điện thoại. Đóng phí 300k giữ chỗ, inbox ngay!' },
    ],
  },
  {
    outletId: 'yeu-bep-sg',
    post: {
      url: 'https://social.example/groups/yeubepsg/posts/20261125',
      title: null,
      author: 'Ngọc Hân',
      publishedAt: at('2026-11-25T20:15:00+07:00'),
      text: 'Cả nhà ơi, mình mới học được cách làm bánh flan không bị rỗ: hấp lửa nhỏ, lót khăn dưới nắp nồi. Ai cần công thức chi tiết thì để lại bình luận nha!',
    },
    comments: [
      { author: 'Mai Anh', minutes: 5, text: 'Cho mình xin công thức với ạ ❤️' },
      { author: 'Shop Mẹ Bắp', minutes: 9, text: 'Chị gửi công thức qua đây giúp em nhé, SĐT em là 0987 654 321, CCCD 001203004567 để nhận quà của nhóm ạ.' },
      { author: 'Thảo Nguyên', minutes: 14, text: 'hok bik lam sao cho mat min, ai chi e vs' },
    ],
  },
  {
    outletId: 'tong-hop-24h',
    post: {
      url: 'https://tonghop24h.example/kinh-te/gia-xang-giam-nhe-tu-chieu-nay.html',
      title: 'Giá xăng giảm nhẹ từ chiều nay',
      author: 'Tổng hợp',
      publishedAt: at('2026-11-26T15:00:00+07:00'),
      text:
        'Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu trong nước. Theo đó, giá xăng E5 RON 92 giảm 210 đồng mỗi lít.\n\n' +
        'Giá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới.',
    },
    // A copy-paste campaign: several accounts post the article's own sentence within minutes.
    comments: [
      { author: 'Tuấn Anh 1990', minutes: 3, text: 'Giá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới.' },
      { author: 'Hương Giang', minutes: 4, text: 'Hay! Giá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới.' },
      { author: 'Quang Huy', minutes: 4, text: 'iá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới' },
      { author: 'Phương Linh', minutes: 5, text: 'Giá xăng dầu được điều chỉnh theo chu kỳ 7 ngày, phù hợp với biến động của thị trường thế giới.a' },
      { author: 'Đức Mạnh', minutes: 30, text: 'Giảm có 210 đồng thì thấm vào đâu, trong khi tăng thì tăng cả nghìn.' },
    ],
  },
];

/** The demo threads as source items (post first, then its comments), with comment URLs and parents. */
export function demoItems(): Array<{ outletId: string; items: SourceItem[] }> {
  return DEMO_THREADS.map((t) => {
    const post: SourceItem = { kind: 'post', parentUrl: null, externalId: null, authorUrl: null, ...t.post };
    const commentUrl = (i: number) => `${t.post.url}#comment-${i + 1}`;
    const comments = t.comments.map(
      (c, i): SourceItem => ({
        kind: 'comment',
        url: commentUrl(i),
        parentUrl: c.replyTo !== undefined ? commentUrl(c.replyTo - 1) : t.post.url,
        externalId: String(i + 1),
        title: null,
        author: c.author,
        authorUrl: null,
        publishedAt: new Date((t.post.publishedAt?.getTime() ?? 0) + c.minutes * 60_000),
        text: c.text,
      }),
    );
    return { outletId: t.outletId, items: [post, ...comments] };
  });
}

/** Fact-checks of the demo (simple import format), published by a made-up fact-checking desk. */
export const DEMO_FACTCHECKS = [
  {
    id: 'demo-fc-nuoc-chanh',
    claim: 'Uống nước chanh ấm mỗi sáng chữa khỏi ung thư',
    verdict: 'false',
    ratingLabel: 'Sai sự thật',
    correction:
      'Không có nghiên cứu khoa học nào cho thấy nước chanh chữa được ung thư. Người bệnh cần điều trị theo phác đồ của bác sĩ.',
    evidenceLinks: ['https://songhong.example/suc-khoe/canh-bao-tin-don-nuoc-chanh-chua-ung-thu-2026112702.html'],
    authorOrg: 'Ban Kiểm chứng Sông Hồng (demo)',
    reviewDate: '2026-11-27',
    status: 'published',
  },
  {
    id: 'demo-fc-cat-dien',
    claim: 'Hà Nội sẽ cắt điện toàn thành phố trong 3 ngày từ thứ hai tới',
    verdict: 'false',
    ratingLabel: 'Sai sự thật',
    correction: 'Công ty điện lực khẳng định không có kế hoạch cắt điện toàn thành phố; lịch tạm ngừng cấp điện chỉ áp dụng cho từng khu vực nhỏ.',
    evidenceLinks: [],
    authorOrg: 'Ban Kiểm chứng Sông Hồng (demo)',
    reviewDate: '2026-11-20',
    status: 'published',
  },
];
