import { vietnamDate, type SurveySettingsUpdate } from '@sipas/schema';
import { readFileSync } from 'node:fs';
import { command, UNIT, UsageError, withDatabase, type Commands } from '../commands.js';
import type { Database } from '../db/database.js';
import type { ServerConfig } from '../config.js';
import { COMMAND_LINE } from '../admin/changes.js';
import { csvDocument } from '../http/csv.js';
import { surveySettings, updateSurveySettings } from '../surveys/settings.js';
import { UnitStore, type StoredUnit } from '../units/store.js';
import { DossierKeys } from './keys.js';
import { tokenUrl } from './routes.js';
import { signDossierToken } from './tokens.js';

const TOKENS_DETAILS = `Mỗi dòng vào (tệp hoặc stdin): mã hồ sơ[,mã thủ tục[,ngày cấp]]; dòng tiêu đề được bỏ qua.
Ra (stdout), CSV: dossier,procedure,issued,expires,token,url — in url thành mã QR trên phiếu hẹn.`;

async function withUnit(
  unitId: string,
  work: (db: Database, units: UnitStore, unit: StoredUnit, config: ServerConfig) => Promise<number>,
): Promise<number> {
  return withDatabase(async (db, config) => {
    const units = new UnitStore(db);
    const unit = await units.get(unitId);
    if (!unit) {
      console.error(`Không có đơn vị "${unitId}" (there is no such unit).`);
      return 1;
    }
    return work(db, units, unit, config);
  });
}

/** `sipas-server` sub-commands of verified dossiers and survey settings. */
export const dossierCommands: Commands = {
  'dossier-tokens': command({
    summary: 'Ký mã QR hồ sơ cho một danh sách hồ sơ (CSV vào, CSV ra kèm địa chỉ QR).',
    usage: '--unit <unit> [--survey-url https://…/khao-sat] [--issued YYYY-MM-DD] [file.csv]',
    options: {
      unit: UNIT,
      'survey-url': { kind: 'value', hint: '<url>', summary: 'The survey page the QR code opens (adds a url column)' },
      issued: { kind: 'value', hint: '<YYYY-MM-DD>', summary: 'Issue date of lines without one (default today, Vietnam time)' },
    },
    positionals: 1,
    details: TOKENS_DETAILS,
    run: async ({ options, positionals }) => {
      const surveyUrl = options['survey-url'];
      if (surveyUrl !== undefined && !/^https?:\/\/\S+$/.test(surveyUrl)) throw new UsageError('--survey-url phải là địa chỉ http:// hoặc https://');
      if (options.issued !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.issued)) throw new UsageError('--issued: YYYY-MM-DD');
      const defaultIssued = options.issued ?? vietnamDate(new Date());
      const input = readFileSync(positionals[0] ?? 0, 'utf8');
      return withUnit(options.unit!, async (_db, _units, unit, config) => {
        const keys = DossierKeys.open(config);
        const rows: string[][] = [['dossier', 'procedure', 'issued', 'expires', 'token', 'url']];
        let failed = 0;
        input.split(/\r?\n/).forEach((line, index) => {
          const [dossier = '', procedure = '', issued = ''] = line.split(/[,;\t]/).map((part) => part.trim().replace(/^\uFEFF/, '').replace(/^"|"$/g, ''));
          if (!dossier || (index === 0 && /^(dossier|ma[_ ]?ho[_ ]?so|mã hồ sơ)$/i.test(dossier))) return;
          try {
            const signed = signDossierToken(keys, unit, { dossier, procedure, issued: issued || defaultIssued });
            const url = surveyUrl ? tokenUrl(surveyUrl, signed.token) : '';
            rows.push([signed.dossier, signed.procedure, signed.issued, signed.expires, signed.token, url]);
          } catch (error) {
            failed += 1;
            console.error(`Dòng ${index + 1} (${dossier.slice(0, 64)}): ${(error as Error).message} — bỏ qua.`);
          }
        });
        process.stdout.write(csvDocument(rows));
        console.error(`Đã ký ${rows.length - 1} mã${failed ? `, ${failed} dòng lỗi` : ''} (khoá ${keys.forUnit(unit.id).keyIdHex}).`);
        return failed ? 1 : 0;
      });
    },
  }),
  'dossier-key': command({
    summary: 'Khoá ký mã QR hồ sơ của một đơn vị: mã khoá, khoá công khai, nơi lưu tệp (tạo nếu chưa có).',
    usage: '--unit <unit>',
    options: { unit: UNIT },
    run: async ({ options }) =>
      withUnit(options.unit!, async (_db, _units, unit, config) => {
        const key = DossierKeys.open(config).forUnit(unit.id);
        console.log(`Đơn vị: ${unit.id}\nMã khoá (key id): ${key.keyIdHex}\nKhoá công khai (Ed25519, base64): ${Buffer.from(key.publicKey).toString('base64')}`);
        console.log(`Tệp khoá bí mật: ${key.path}${key.created ? ' (vừa tạo — hãy sao lưu)' : ''}`);
        return 0;
      }),
  }),
  'survey-settings': command({
    summary: 'Danh sách lĩnh vực, kênh tính vào chỉ số công bố, hạn dùng mã QR hồ sơ của một đơn vị.',
    usage: '--unit <unit> [--fields "Tư pháp – Hộ tịch|Địa chính – Xây dựng" | --fields catalogue] [--channels dossier,kiosk[,web]] [--token-days 90]',
    options: {
      unit: UNIT,
      fields: { kind: 'value', hint: '<a|b|…>', summary: 'The closed field list, separated by |, or "catalogue" for the procedures\' fields' },
      channels: { kind: 'value', hint: '<dossier,kiosk,web>', summary: 'Channels counted in the published index' },
      'token-days': { kind: 'value', hint: '<days>', summary: 'How long a dossier token stays valid (1–366 days)' },
    },
    run: async ({ options }) => {
      const update: SurveySettingsUpdate = {};
      if (options.fields !== undefined) update.fields = options.fields === 'catalogue' ? null : options.fields.split('|');
      if (options.channels !== undefined) {
        const channels = options.channels.split(',').map((c) => c.trim());
        if (channels.some((c) => !['dossier', 'kiosk', 'web'].includes(c)) || channels.length === 0) {
          throw new UsageError('--channels: dossier, kiosk, web, cách nhau bằng dấu phẩy');
        }
        update.publishedChannels = channels as SurveySettingsUpdate['publishedChannels'];
      }
      if (options['token-days'] !== undefined) {
        const days = Number(options['token-days']);
        if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError('--token-days: số ngày từ 1 đến 366');
        update.dossierTokenDays = days;
      }
      return withUnit(options.unit!, async (db, units, unit, config) => {
        const current = Object.keys(update).length ? await updateSurveySettings(db, units, unit, update, COMMAND_LINE) : unit;
        const settings = await surveySettings(db, DossierKeys.open(config), current);
        console.log(`Lĩnh vực (${settings.fieldsSource === 'unit' ? 'do quản trị đặt' : 'theo danh mục thủ tục'}):`);
        for (const field of settings.fields) console.log(`  - ${field}`);
        console.log(`Kênh tính vào chỉ số công bố: ${settings.publishedChannels.join(', ')}`);
        console.log(`Mã QR hồ sơ dùng được: ${settings.dossierTokenDays} ngày; khoá ${settings.dossierKeyId}`);
        return 0;
      });
    },
  }),
};
