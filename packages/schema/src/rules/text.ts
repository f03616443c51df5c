/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, runs of anything that is
 * not a letter or digit become one space. "Đăng ký khai sinh" and "dang ky  KHAI-sinh" fold alike.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
