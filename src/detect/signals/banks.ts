/** Vietnamese banks: names people write near account numbers, and the real domains phishing imitates. */
export interface Bank {
  /** Brand as written in domains and text, lower case without spaces. */
  brand: string;
  name: string;
  /** Short names and other spellings people use ("vcb", "mb bank"). */
  aliases: readonly string[];
  /** Official web domains; a host equal to one of these or under it is genuine. */
  domains: readonly string[];
}

export const BANKS: readonly Bank[] = [
  { brand: 'vietcombank', name: 'Vietcombank', aliases: ['vcb'], domains: ['vietcombank.com.vn'] },
  { brand: 'techcombank', name: 'Techcombank', aliases: ['tcb'], domains: ['techcombank.com', 'techcombank.com.vn'] },
  { brand: 'bidv', name: 'BIDV', aliases: [], domains: ['bidv.com.vn'] },
  { brand: 'vietinbank', name: 'VietinBank', aliases: ['ctg', 'viettinbank'], domains: ['vietinbank.vn', 'vietinbank.com.vn'] },
  { brand: 'agribank', name: 'Agribank', aliases: [], domains: ['agribank.com.vn'] },
  { brand: 'mbbank', name: 'MB (Ngân hàng Quân đội)', aliases: ['mb', 'mb bank'], domains: ['mbbank.com.vn', 'mbbank.vn'] },
  { brand: 'acb', name: 'ACB (Á Châu)', aliases: [], domains: ['acb.com.vn'] },
  { brand: 'vpbank', name: 'VPBank', aliases: ['vpb'], domains: ['vpbank.com.vn'] },
  { brand: 'tpbank', name: 'TPBank (Tiên Phong)', aliases: ['tpb'], domains: ['tpb.vn', 'tpbank.vn', 'tpbank.com.vn'] },
  { brand: 'sacombank', name: 'Sacombank', aliases: ['stb'], domains: ['sacombank.com.vn'] },
  { brand: 'hdbank', name: 'HDBank', aliases: ['hdb'], domains: ['hdbank.com.vn'] },
  { brand: 'shb', name: 'SHB (Sài Gòn – Hà Nội)', aliases: [], domains: ['shb.com.vn'] },
  { brand: 'vib', name: 'VIB (Quốc tế)', aliases: [], domains: ['vib.com.vn'] },
  { brand: 'ocb', name: 'OCB (Phương Đông)', aliases: [], domains: ['ocb.com.vn'] },
  { brand: 'msb', name: 'MSB (Hàng Hải)', aliases: ['maritime bank'], domains: ['msb.com.vn'] },
  { brand: 'seabank', name: 'SeABank', aliases: [], domains: ['seabank.com.vn'] },
  { brand: 'eximbank', name: 'Eximbank', aliases: ['eib'], domains: ['eximbank.com.vn'] },
  { brand: 'lpbank', name: 'LPBank (Lộc Phát, trước là LienVietPostBank)', aliases: ['lienvietpostbank', 'lpb'], domains: ['lpbank.com.vn'] },
  { brand: 'namabank', name: 'Nam A Bank', aliases: ['nam a bank'], domains: ['namabank.com.vn'] },
  { brand: 'abbank', name: 'ABBANK (An Bình)', aliases: [], domains: ['abbank.vn'] },
  { brand: 'vietbank', name: 'Vietbank', aliases: [], domains: ['vietbank.com.vn'] },
  { brand: 'pvcombank', name: 'PVcomBank', aliases: [], domains: ['pvcombank.com.vn'] },
  { brand: 'kienlongbank', name: 'KienlongBank', aliases: [], domains: ['kienlongbank.com'] },
  { brand: 'sbv', name: 'Ngân hàng Nhà nước', aliases: [], domains: ['sbv.gov.vn'] },
];
