import { vietnamDay, type SurveySettingsUpdate } from '@sipas/schema';
import { readFileSync } from 'node:fs';
import type { Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { Database } from '../db/database.js';
import { surveySettings, updateSurveySettings } from '../surveys/settings.js';
import { UnitStore, type StoredUnit } from '../units/store.js';
import { DossierKeys } from './keys.js';
import { tokenUrl } from './routes.js';
import { signDossierToken } from './tokens.js';

const TOKENS_USAGE = `Cách dùng (Usage):
  sipas-server dossier-tokens --unit <đơn vị> [--survey-url https://…/khao-sat] [--issued YYYY-MM-DD] [tệp.csv]
Mỗi dòng vào (tệp hoặc stdin): mã hồ sơ[,mã thủ tục[,ngày cấp]]; dòng tiêu đề được bỏ qua.
Ra (stdout), CSV: dossier,procedure,issued,expires,token,url — in url thành mã QR trên phiếu hẹn.`;

/** One CSV cell: always quoted, and a leading = + - @ defused so no spreadsheet runs it. */
const cell = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

async function withUnit(unitId: unknown, work: (db: Database, units: UnitStore, unit: StoredUnit) => Promise<number>): Promise<number> {
  if (typeof unitId !== 'string') return 2;
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    await migrate(db);
    const units = new UnitStore(db);
    const unit = await units.get(unitId);
    if (!unit) {
      console.error(`Không có đơn vị "${unitId}" (there is no such unit).`);
      return 1;
    }
    return await work(db, units, unit);
  } finally {
    await db.close();
  }
}

/** `sipas-server` sub-commands of verified dossiers and survey settings. */
export const dossierCommands: Commands = {
  'dossier-tokens': {
    summary: 'Ký mã QR hồ sơ cho một danh sách hồ sơ (CSV vào, CSV ra kèm địa chỉ QR).',
    usage: TOKENS_USAGE,
    run: async ({ options, positionals }) => {
      if (typeof options.unit !== 'string' || options.help) {
        console.error(TOKENS_USAGE);
        return options.help ? 0 : 2;
      }
      const surveyUrl = typeof options['survey-url'] === 'string' ? options['survey-url'] : undefined;
      if (surveyUrl && !/^https?:\/\/\S+$/.test(surveyUrl)) {
        console.error('--survey-url phải là địa chỉ http:// hoặc https://');
        return 2;
      }
      const defaultIssued = typeof options.issued === 'string' ? options.issued : vietnamDay(new Date());
      const input = readFileSync(positionals[0] ?? 0, 'utf8');
      return withUnit(options.unit, async (_db, _units, unit) => {
        const keys = DossierKeys.open(loadConfig());
        const out = ['dossier,procedure,issued,expires,token,url'];
        let failed = 0;
        input.split(/\r?\n/).forEach((line, index) => {
          const [dossier = '', procedure = '', issued = ''] = line.split(/[,;\t]/).map((part) => part.trim().replace(/^"|"$/g, ''));
          if (!dossier || (index === 0 && /^(dossier|ma[_ ]?ho[_ ]?so|mã hồ sơ)$/i.test(dossier))) return;
          try {
            const signed = signDossierToken(keys, unit, { dossier, procedure, issued: issued || defaultIssued });
            const url = surveyUrl ? tokenUrl(surveyUrl, signed.token) : '';
            out.push([signed.dossier, signed.procedure, signed.issued, signed.expires, signed.token, url].map(cell).join(','));
          } catch (error) {
            failed += 1;
            console.error(`Dòng ${index + 1} (${dossier.slice(0, 64)}): ${(error as Error).message} — bỏ qua.`);
          }
        });
        process.stdout.write(`${out.join('\n')}\n`);
        console.error(`Đã ký ${out.length - 1} mã${failed ? `, ${failed} dòng lỗi` : ''} (khoá ${keys.forUnit(unit.id).keyIdHex}).`);
        return failed ? 1 : 0;
      });
    },
  },
  'dossier-key': {
    summary: 'Khoá ký mã QR hồ sơ của một đơn vị: mã khoá, khoá công khai, nơi lưu tệp (tạo nếu chưa có).',
    usage: 'sipas-server dossier-key --unit <đơn vị>',
    run: async ({ options }) =>
      withUnit(options.unit, async (_db, _units, unit) => {
        const key = DossierKeys.open(loadConfig()).forUnit(unit.id);
        console.log(`Đơn vị: ${unit.id}\nMã khoá (key id): ${key.keyIdHex}\nKhoá công khai (Ed25519, base64): ${Buffer.from(key.publicKey).toString('base64')}`);
        console.log(`Tệp khoá bí mật: ${key.path}${key.created ? ' (vừa tạo — hãy sao lưu)' : ''}`);
        return 0;
      }),
  },
  'survey-settings': {
    summary: 'Danh sách lĩnh vực, kênh tính vào chỉ số công bố, hạn dùng mã QR hồ sơ của một đơn vị.',
    usage:
      'sipas-server survey-settings --unit <đơn vị> [--fields "Tư pháp – Hộ tịch|Địa chính – Xây dựng" | --fields catalogue] ' +
      '[--channels dossier,kiosk[,web]] [--token-days 90]',
    run: async ({ options }) =>
      withUnit(options.unit, async (db, units, unit) => {
        const update: SurveySettingsUpdate = {};
        if (typeof options.fields === 'string') update.fields = options.fields === 'catalogue' ? null : options.fields.split('|');
        if (typeof options.channels === 'string') {
          const channels = options.channels.split(',').map((c) => c.trim());
          if (channels.some((c) => !['dossier', 'kiosk', 'web'].includes(c)) || channels.length === 0) {
            console.error('--channels: dossier, kiosk, web, cách nhau bằng dấu phẩy');
            return 2;
          }
          update.publishedChannels = channels as SurveySettingsUpdate['publishedChannels'];
        }
        if (typeof options['token-days'] === 'string') {
          const days = Number(options['token-days']);
          if (!Number.isInteger(days) || days < 1 || days > 366) {
            console.error('--token-days: số ngày từ 1 đến 366');
            return 2;
          }
          update.dossierTokenDays = days;
        }
        const current = Object.keys(update).length ? await updateSurveySettings(units, unit, update) : unit;
        const settings = await surveySettings(db, DossierKeys.open(loadConfig()), current);
        console.log(`Lĩnh vực (${settings.fieldsSource === 'unit' ? 'do quản trị đặt' : 'theo danh mục thủ tục'}):`);
        for (const field of settings.fields) console.log(`  - ${field}`);
        console.log(`Kênh tính vào chỉ số công bố: ${settings.publishedChannels.join(', ')}`);
        console.log(`Mã QR hồ sơ dùng được: ${settings.dossierTokenDays} ngày; khoá ${settings.dossierKeyId}`);
        return 0;
      }),
  },
};
