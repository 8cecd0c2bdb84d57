/**
 * Diacritic folding: "Đường Hoà Bình" → "duong hoa binh".
 * NFD + dropping combining marks does not turn đ into d, so đ/Đ (and the look-alike Ð/ð) are mapped first.
 */
export function foldDiacritics(text: string): string {
  return text
    .replace(/[đĐðÐ]/g, (c) => (c === 'đ' || c === 'ð' ? 'd' : 'D'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}
