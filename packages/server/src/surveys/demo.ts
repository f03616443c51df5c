import { quarterOf, parsePeriod, trendPeriods, VIETNAM_OFFSET_MS, type Answers, type Channel, type Questionnaire, type SurveyResponse } from '@sipas/schema';
import { createHash } from 'node:crypto';
import type { ServerContext } from '../context.js';
import { SurveyStore } from './store.js';

/** Departments of a ward's one-stop counter and their share of the responses. */
const FIELDS: { field: string; share: number; procedures: string[]; mood: number }[] = [
  { field: 'Tư pháp – Hộ tịch', share: 0.42, procedures: ['1.001193', '1.000894', '2.000908'], mood: 0.2 },
  { field: 'Lao động – Thương binh và Xã hội', share: 0.2, procedures: ['1.001776', '2.000286'], mood: -0.15 },
  { field: 'Địa chính – Xây dựng', share: 0.18, procedures: ['1.004227', '2.001745'], mood: -0.3 },
  { field: 'Văn hóa – Xã hội', share: 0.1, procedures: ['1.003645'], mood: 0.1 },
];

/** The demo ward's departments: its closed list of fields (an admin's list, set by the seed). */
export const DEMO_DEPARTMENTS = FIELDS.map((f) => f.field);

/** Responses per quarter, oldest first; the last is the current quarter (enough to publish). */
const PER_QUARTER = [64, 72, 86, 58];

/** mulberry32: a small seeded PRNG, so the demo season is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID (v4 layout) from a name: the same demo response always has the same id. */
function demoId(name: string): string {
  const hex = createHash('sha256').update(`sipas-demo:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An answer 1–5 around `level` (0 = neutral … 1 = very satisfied), mostly 4s and 5s. */
function rating(random: () => number, level: number): number {
  const x = random() + level * 0.55;
  return x > 1.15 ? 5 : x > 0.52 ? 4 : x > 0.2 ? 3 : x > 0.08 ? 2 : 1;
}

export function demoResponses(unit: string, questionnaire: Questionnaire, now: Date): { response: SurveyResponse; receivedAt: string }[] {
  const quarters = trendPeriods(quarterOf(now), PER_QUARTER.length);
  const out: { response: SurveyResponse; receivedAt: string }[] = [];
  quarters.forEach((quarter, q) => {
    const period = parsePeriod(quarter)!;
    const random = prng(0x51a5 + Number(quarter.slice(0, 4)) * 10 + Number(quarter.slice(-1)));
    // Office hours in Vietnam time, from the quarter's first day to today (or its last day).
    const start = Date.parse(`${period.from}T00:00:00Z`) - VIETNAM_OFFSET_MS;
    const end = Math.min(Date.parse(`${period.to}T00:00:00Z`) - VIETNAM_OFFSET_MS + 86_400_000, now.getTime() - 3_600_000);
    const days = Math.max(1, Math.floor((end - start) / 86_400_000));
    for (let i = 0; i < PER_QUARTER[q]!; i++) {
      let pick = random();
      const dept = FIELDS.find((f) => (pick -= f.share) < 0);
      const channel: Channel = random() < 0.5 ? 'kiosk' : random() < 0.7 ? 'qr' : 'web';
      const base = 0.35 + q * 0.08 + (dept?.mood ?? 0);
      const answers: Answers = {};
      const gaveFeedback = random() < 0.2;
      for (const item of questionnaire.items) {
        if (item.kind !== 'rating5') continue;
        if (item.factor === 'feedback' && !gaveFeedback && item.allowNotApplicable) answers[item.id] = null;
        else answers[item.id] = rating(random, base + (item.factor === 'official' ? 0.15 : item.factor === 'access' ? -0.1 : 0));
      }
      let at = start + Math.floor(random() * days) * 86_400_000 + (30 + Math.floor(random() * 540)) * 60_000 + 7 * 3_600_000;
      if (at > end) at = end - Math.floor(random() * 3_600_000);
      const weekday = new Date(at + VIETNAM_OFFSET_MS).getUTCDay();
      if (weekday === 0 && at - 2 * 86_400_000 > start) at -= 2 * 86_400_000; // Sunday → Friday
      out.push({
        response: {
          id: demoId(`${unit}:${quarter}:${i}`),
          unit,
          questionnaire: { id: questionnaire.id, version: questionnaire.version },
          answers,
          context: {
            channel,
            ...(dept ? { field: dept.field, procedure: dept.procedures[Math.floor(random() * dept.procedures.length)]! } : {}),
          },
        },
        receivedAt: new Date(at).toISOString(),
      });
    }
  });
  return out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * Seeds a season of survey responses for the demo unit, through the real ingest path
 * (SurveyStore.insert: aggregates and the ballot-box log stay consistent). The last four
 * quarters up to today, a few hundred responses, deterministic; idempotent: only the responses
 * not stored yet are inserted, so a restart adds nothing and costs one query.
 */
export async function seedDemoResponses(ctx: ServerContext, unit: string, now = new Date()): Promise<void> {
  const stored = await ctx.units.get(unit);
  const questionnaire = stored && (await ctx.units.questionnaire(stored.questionnaire));
  if (!questionnaire) return;
  const season = demoResponses(unit, questionnaire, now);
  const ids = season.map((s) => s.response.id);
  const present = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await ctx.db.all<{ id: string }>(
      `SELECT id FROM survey_responses WHERE id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) present.add(row.id);
  }
  const store = new SurveyStore(ctx.db);
  for (const { response, receivedAt } of season) {
    // The demo's receipt-QR responses stand for verified dossiers, its kiosk ones for kiosk keys.
    const source = response.context.channel === 'qr' ? 'dossier' : response.context.channel;
    if (!present.has(response.id)) await store.insert(response, questionnaire, { receivedAt, source });
  }
}
