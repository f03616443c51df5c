/**
 * Channels (kênh) a response came by, decided by the server — never taken from the client:
 * - `dossier`: it carried a dossier token the unit signed (verified dossier, QR on the receipt);
 * - `kiosk`: it came from a counter device holding the unit's kiosk key;
 * - `web`: anything else (the open web: anyone may answer, nothing proves a visit).
 * Each unit chooses which channels make its published index; the others stay visible to staff.
 * Zod-free, so widgets and the desk can use the list and the labels.
 */
export const RESPONSE_SOURCES = ['dossier', 'kiosk', 'web'] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];

/** What a unit publishes unless it chooses otherwise: the channels someone can vouch for. */
export const DEFAULT_PUBLISHED_SOURCES: readonly ResponseSource[] = ['dossier', 'kiosk'];

export const SOURCE_LABELS: Record<ResponseSource, { vi: string; en: string }> = {
  dossier: { vi: 'Hồ sơ đã xác thực (mã QR có chữ ký)', en: 'Verified dossier (signed QR code)' },
  kiosk: { vi: 'Kiosk tại Bộ phận Một cửa', en: 'Counter kiosk' },
  web: { vi: 'Trực tuyến tự do', en: 'Open web' },
};

/** Responses stored before channels existed: counted in the total, reported apart. */
export const LEGACY_SOURCE = 'legacy';
