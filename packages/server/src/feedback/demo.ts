import type { FeedbackAction, FeedbackSubmission } from '@sipas/schema';
import type { ServerContext } from '../context.js';
import { calendarFor, workingDaysFor } from './settings.js';
import { FeedbackStore } from './sql.js';
import { vietnamDate } from './working-days.js';

/** The consent text of the demo cases: the one the element shows (version pakn-2026-01). */
export const DEMO_CONSENT = {
  accepted: true as const,
  textVersion: 'pakn-2026-01',
  text:
    'Tôi đồng ý để cơ quan xử lý họ tên, địa chỉ, điện thoại, thư điện tử của tôi chỉ để giải quyết và trả lời phản ánh này. Các thông tin này không được công khai.',
};

interface DemoCase {
  id: string;
  code: string;
  secret: string;
  daysAgo: number;
  body: Omit<FeedbackSubmission, 'id' | 'unit' | 'consent' | 'secret'>;
  actions: { by: string; action: FeedbackAction }[];
}

/** Demo lookups: code TANH-2345 with secret DEMO2345 or phone digits 5678 (see docs/feedback.md). */
const CASES: DemoCase[] = [
  {
    id: '6f1d1a52-8c1e-4d7e-9a51-000000000001',
    code: 'TANH-2345',
    secret: 'DEMQ2345',
    daysAgo: 12,
    body: {
      topic: 'procedure',
      procedureCode: '1.001193',
      title: 'Thời gian chờ cấp trích lục khai sinh',
      content:
        'Tôi nộp hồ sơ đăng ký khai sinh cho con tại Bộ phận Một cửa ngày thứ Hai, được hẹn trả kết quả trong ngày nhưng đến thứ Tư mới nhận được. Đề nghị phường cho biết lý do và niêm yết rõ thời hạn. Liên hệ tôi qua số 0912 345 678.',
      sender: { name: 'Lê Văn Bình', address: 'Số 12 ngõ 3, tổ dân phố 5, phường Tân Hòa', phone: '0912 345 678', email: 'binh.le@example.com' },
    },
    actions: [
      { by: 'Nguyễn Thị Lan', action: { action: 'route', routedTo: 'Công chức Tư pháp – Hộ tịch', note: 'Kiểm tra sổ theo dõi hồ sơ.' } },
      { by: 'Nguyễn Thị Lan', action: { action: 'start' } },
      {
        by: 'Nguyễn Thị Lan',
        action: {
          action: 'answer',
          answer:
            'Kính gửi ông Lê Văn Bình. Hồ sơ của ông được tiếp nhận lúc 16 giờ 30, sau thời điểm nhận hồ sơ trả trong ngày (15 giờ), nên được hẹn sang ngày làm việc tiếp theo; phiếu hẹn ghi nhầm ngày. Phường xin lỗi ông về sự chậm trễ và đã niêm yết lại quy định về thời điểm nhận hồ sơ giải quyết trong ngày tại Bộ phận Một cửa.',
        },
      },
      {
        by: 'Trần Văn Minh',
        action: {
          action: 'publish',
          title: 'Thời gian chờ cấp trích lục khai sinh',
          content:
            'Công dân nộp hồ sơ đăng ký khai sinh tại Bộ phận Một cửa, được hẹn trả kết quả trong ngày nhưng hai ngày sau mới nhận được; đề nghị cho biết lý do và niêm yết rõ thời hạn.',
          answer:
            'Hồ sơ được tiếp nhận sau thời điểm nhận hồ sơ trả trong ngày (15 giờ), nên được hẹn sang ngày làm việc tiếp theo; phiếu hẹn ghi nhầm ngày. Phường xin lỗi công dân về sự chậm trễ và đã niêm yết lại quy định về thời điểm nhận hồ sơ giải quyết trong ngày tại Bộ phận Một cửa.',
        },
      },
    ],
  },
  {
    id: '6f1d1a52-8c1e-4d7e-9a51-000000000002',
    code: 'TANH-3456',
    secret: 'DEMQ3456',
    daysAgo: 20,
    body: {
      topic: 'conduct',
      title: 'Cán bộ tiếp dân không đeo thẻ công chức',
      content:
        'Sáng thứ Ba tôi đến làm thủ tục chứng thực, cán bộ tại quầy số 2 không đeo thẻ công chức nên tôi không biết tên để liên hệ lại khi cần hỏi thêm về hồ sơ.',
      sender: { name: 'Phạm Thị Hoa', address: 'Số 45 đường Trung tâm, phường Tân Hòa', phone: '0987 654 321' },
    },
    actions: [],
  },
  {
    id: '6f1d1a52-8c1e-4d7e-9a51-000000000003',
    code: 'TANH-4567',
    secret: 'DEMQ4567',
    daysAgo: 3,
    body: {
      topic: 'regulation',
      title: 'Đề nghị nhận hồ sơ vào sáng thứ Bảy',
      content:
        'Người đi làm khó đến phường trong giờ hành chính. Đề nghị phường bố trí nhận và trả hồ sơ vào sáng thứ Bảy, ít nhất với các thủ tục hộ tịch và chứng thực.',
      sender: { name: 'Đỗ Minh Tuấn', address: 'Số 8 tổ dân phố 2, phường Tân Hòa', phone: '0903 111 222', email: 'tuan.do@example.com' },
    },
    actions: [
      { by: 'Nguyễn Thị Lan', action: { action: 'route', routedTo: 'Văn phòng HĐND và UBND phường' } },
      { by: 'Nguyễn Thị Lan', action: { action: 'start', note: 'Trình lãnh đạo phường xem xét.' } },
    ],
  },
  {
    id: '6f1d1a52-8c1e-4d7e-9a51-000000000004',
    code: 'TANH-5678',
    secret: 'DEMQ5678',
    daysAgo: 0,
    body: {
      topic: 'other',
      title: 'Ghế chờ tại Bộ phận Một cửa bị hỏng',
      content: 'Hai ghế ở hàng đầu khu chờ của Bộ phận Một cửa bị gãy chân, người cao tuổi ngồi rất nguy hiểm. Đề nghị thay sớm.',
      sender: { name: 'Vũ Thị Mai', address: 'Số 3 ngõ 7, phường Tân Hòa', phone: '0977 888 999' },
    },
    actions: [],
  },
];

const shift = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();

/** Seeds the demo unit's feedback: four cases, one published, one overdue. Idempotent. */
export async function seedDemoFeedback(ctx: ServerContext, unit: string): Promise<void> {
  const store = new FeedbackStore(ctx.db);
  const stored = await ctx.units.get(unit);
  if (!stored) return;
  const calendar = await calendarFor(ctx, stored);
  const period = workingDaysFor(ctx.config, stored);
  for (const demo of CASES) {
    if (await store.byId(demo.id)) continue;
    const received = shift(new Date().toISOString(), demo.daysAgo);
    const outcome = await store.submit(
      { ...demo.body, id: demo.id, unit, secret: demo.secret, consent: DEMO_CONSENT },
      () => calendar.addWorkingDays(vietnamDate(received), period),
    );
    if (outcome.kind !== 'created') continue;
    // Backdate the case as if it had arrived `daysAgo` days ago, under its well-known code.
    await ctx.db.run('UPDATE feedback_cases SET tracking_code = ?, received_at = ?, consent_at = ?, updated_at = ? WHERE id = ?', [
      demo.code,
      received,
      received,
      received,
      demo.id,
    ]);
    await ctx.db.run('UPDATE feedback_events SET at = ? WHERE case_id = ?', [received, demo.id]);
    let row = (await store.byId(demo.id))!;
    for (const [index, step] of demo.actions.entries()) {
      const staff = await ctx.db.get<{ id: string }>('SELECT id FROM staff_users WHERE unit = ? AND name = ?', [unit, step.by]);
      row = await store.act(row, { id: staff?.id ?? null, name: step.by }, step.action);
      const at = shift(new Date().toISOString(), Math.max(0, demo.daysAgo - 2 - 2 * index));
      await ctx.db.run('UPDATE feedback_events SET at = ? WHERE case_id = ? AND n = ?', [at, demo.id, index + 2]);
      const column = step.action.action === 'answer' ? 'answered_at' : step.action.action === 'publish' ? 'published_at' : undefined;
      if (column) await ctx.db.run(`UPDATE feedback_cases SET ${column} = ? WHERE id = ?`, [at, demo.id]);
    }
  }
}
