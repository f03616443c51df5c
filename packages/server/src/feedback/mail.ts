import nodemailer from 'nodemailer';
import type { StoredUnit } from '../units/store.js';
import type { CaseRow } from './sql.js';

/** The email that tells the sender their feedback has been answered. Plain text only. */
export function answerMail(unit: StoredUnit, row: CaseRow, lookupUrl?: string): { subject: string; text: string } {
  const subject = `[${unit.name}] Phản ánh, kiến nghị ${row.tracking_code} đã có trả lời`;
  const text = [
    `Kính gửi ông/bà ${row.sender_name},`,
    '',
    `${unit.name} đã trả lời phản ánh, kiến nghị của ông/bà.`,
    '',
    `Mã theo dõi: ${row.tracking_code}`,
    `Tiêu đề: ${row.title}`,
    '',
    'Nội dung trả lời:',
    row.answer ?? '',
    '',
    `Ông/bà có thể xem lại bằng mã theo dõi cùng mã bí mật hoặc 4 số cuối số điện thoại${lookupUrl ? ` tại ${lookupUrl}` : ' trên trang thông tin điện tử của đơn vị'}.`,
    '',
    'Thư này được gửi tự động, xin vui lòng không trả lời thư này.',
  ].join('\n');
  return { subject, text };
}

/** Sends one plain-text message through the SMTP server at `url`; resolves with the message id. */
export async function sendMail(
  smtp: { url: string; from: string },
  message: { to: string; subject: string; text: string },
): Promise<string> {
  const transport = nodemailer.createTransport(smtp.url);
  try {
    const info = await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    return String(info.messageId ?? '');
  } finally {
    transport.close();
  }
}
