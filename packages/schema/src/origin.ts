/**
 * Web origins as a unit's allowed-origins list holds them: `scheme://host[:port]`, lower case, no
 * default port, no path. Zod-free, so the desk and the configurator check an address exactly as
 * the server does before sending it.
 */
export type OriginCheck =
  | { ok: true; origin: string }
  | {
      ok: false;
      /** Vietnamese, for the person who typed it. */
      message: string;
      /** The origin the input most likely meant (`https://x.gov.vn` for `https://x.gov.vn/trang`). */
      suggestion?: string;
    };

/** Checks that `input` is exactly an origin and returns its canonical form. */
export function checkOrigin(input: string): OriginCheck {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'Không phải một địa chỉ web. Nhập dạng https://ten-mien.gov.vn.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Chỉ nhận địa chỉ bắt đầu bằng https:// hoặc http://.' };
  }
  if (!url.hostname) return { ok: false, message: 'Thiếu tên miền.' };
  if (url.username || url.password) return { ok: false, message: 'Địa chỉ không được chứa tên đăng nhập hay mật khẩu.' };
  const origin = url.origin;
  // `new URL` gives a bare origin the path `/`; anything more is a page, not a site.
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) {
    return {
      ok: false,
      message: `Chỉ nhập địa chỉ trang web (nguồn), không kèm đường dẫn: ${origin}`,
      suggestion: origin,
    };
  }
  return { ok: true, origin };
}
