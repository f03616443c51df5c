import qrcode from 'qrcode-generator';
import { svg, type SVGTemplateResult } from 'lit';

/** A QR code (error correction M, 4-module quiet zone) as an SVG template: no image, nothing inline for the CSP to refuse. */
export function qrCode(text: string): SVGTemplateResult {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const size = count + 8;
  let d = '';
  for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  return svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`;
}

export const qrViewBox = (text: string): string => {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount() + 8;
  return `0 0 ${size} ${size}`;
};
