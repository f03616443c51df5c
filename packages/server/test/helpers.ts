import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BNV_2023, vietnamDate, type Answers, type SurveyResponse, type SurveySettingsUpdate } from '@sipas/schema';
import type { ServerContext } from '../src/context.js';
import { COMMAND_LINE } from '../src/admin/changes.js';
import { signDossierToken } from '../src/dossiers/tokens.js';
import { updateSurveySettings } from '../src/surveys/settings.js';
import { loadConfig, type ServerConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import type { App } from '../src/app.js';
import { testDatabase } from './database.js';

export const ORIGIN = 'https://phuong-a.example.gov.vn';

/** A real server over a fresh SQLite file, with one unit `phuong-a` under `tinh-a`. */
export async function testApp(overrides: Partial<ServerConfig> = {}): Promise<App & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sipas-server-test-'));
  const database = await testDatabase(dir);
  const config = loadConfig(
    {},
    {
      databaseUrl: database.url,
      logLevel: 'silent',
      units: [
        { id: 'tinh-a', name: 'Tỉnh A', parent: null, questionnaire: 'bnv-2023', allowedOrigins: [] },
        { id: 'phuong-a', name: 'Phường A', parent: 'tinh-a', questionnaire: 'bnv-2023', allowedOrigins: [ORIGIN] },
        { id: 'phuong-b', name: 'Phường B', parent: 'tinh-a', questionnaire: 'hanoi-2025-ward', allowedOrigins: [] },
      ],
      ...overrides,
    },
  );
  const built = await createServer(config);
  for (const unit of ['phuong-a', 'phuong-b']) await setSurveySettings(built, unit, { fields: TEST_FIELDS });
  return {
    ...built,
    async dispose() {
      await built.app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A complete, valid bnv-2023 answer set (4 everywhere, factor 5 not applicable). */
export function fullAnswers(value = 4): Answers {
  return Object.fromEntries(BNV_2023.items.map((item) => [item.id, item.factor === 'feedback' ? null : value]));
}

export function surveyBody(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: crypto.randomUUID(),
    unit: 'phuong-a',
    questionnaire: { id: 'bnv-2023', version: 1 },
    answers: fullAnswers(),
    context: { channel: 'web' },
    ...overrides,
  };
}

/** The fields the test units list (an admin's closed list; tests of the default set their own). */
export const TEST_FIELDS = ['Hộ tịch', 'Tư pháp – Hộ tịch', 'Lao động – Thương binh và Xã hội', 'Địa chính – Xây dựng – Nông nghiệp – Môi trường'];

/** Sets a unit's survey settings as an admin would (sipas-server survey-settings). */
export async function setSurveySettings(server: { ctx: ServerContext }, unitId: string, settings: SurveySettingsUpdate): Promise<void> {
  const unit = await server.ctx.units.get(unitId);
  if (unit) await updateSurveySettings(server.ctx.db, server.ctx.units, unit, settings, COMMAND_LINE);
}

/** A dossier token the unit signed, as the desk's QR label carries it. */
export async function dossierToken(server: { ctx: ServerContext }, unitId: string, dossier: string, procedure = '', issued = vietnamDate(new Date())): Promise<string> {
  const unit = await server.ctx.units.get(unitId);
  return signDossierToken(server.ctx.dossierKeys, unit!, { dossier, procedure, issued }).token;
}

/** The supervisor's audit of a unit's box, run in-process over the server's own database. */
export async function auditUnit(app: App, unit = 'phuong-a') {
  const { parseVerifierKey } = await import('@sipas/schema');
  const { audit, parseExport } = await import('../src/log/audit.js');
  const { BallotBox } = await import('../src/log/box.js');
  const { nodeSha256 } = await import('../src/log/crypto.js');
  const { exportLogText } = await import('../src/log/export.js');
  const box = BallotBox.open(app.ctx.config, app.ctx.db);
  return audit({
    key: parseVerifierKey(box.key(unit).verifierKey, nodeSha256),
    export: parseExport(await exportLogText(box, unit)),
  });
}

/** A valid feedback (PAKN) submission from Vũ Thị Mai, phone ending 8999. */
export function feedbackBody(overrides: Partial<import('@sipas/schema').FeedbackSubmission> = {}): import('@sipas/schema').FeedbackSubmission {
  return {
    id: crypto.randomUUID(),
    unit: 'phuong-a',
    topic: 'other',
    title: 'Ghế chờ bị hỏng',
    content: 'Hai ghế ở khu chờ Bộ phận Một cửa bị gãy chân, đề nghị thay sớm.',
    sender: { name: 'Vũ Thị Mai', address: 'Số 3 ngõ 7, phường A', phone: '0977 888 999', email: 'mai@example.com' },
    consent: { accepted: true, textVersion: 'pakn-2026-01', text: 'Tôi đồng ý để cơ quan xử lý thông tin cá nhân của tôi cho phản ánh này.' },
    ...overrides,
  };
}
