import {
  DEFAULT_PUBLISHED_SOURCES,
  RESPONSE_SOURCES,
  type ResponseSource,
  type SurveySettings,
  type SurveySettingsUpdate,
} from '@sipas/schema';
import { recordChange } from '../admin/changes.js';
import type { Actor } from '../context.js';
import type { Database, Queryable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { tokenDays } from '../dossiers/tokens.js';
import type { DossierKeys } from '../dossiers/keys.js';
import type { StoredUnit, UnitStore } from '../units/store.js';

/** Folds what differs only by typography: Unicode form, dash kind, spacing, letter case. */
export function foldFieldName(name: string): string {
  return name.normalize('NFC').replace(/[\u2010-\u2015\u2212-]/g, '–').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** The unit's closed list of departments/fields: an admin's list, else its procedures' fields. */
export async function unitFields(db: Queryable, unit: StoredUnit): Promise<{ fields: string[]; source: 'catalogue' | 'unit' }> {
  const own = unit.settings.fields;
  if (Array.isArray(own) && own.length > 0) return { fields: own as string[], source: 'unit' };
  const rows = await db.all<{ field: string }>('SELECT DISTINCT field FROM procedures WHERE unit = ? ORDER BY field', [unit.id]);
  return { fields: rows.map((row) => row.field).sort((a, b) => a.localeCompare(b, 'vi')), source: 'catalogue' };
}

/**
 * The list's own spelling of `value`, when it names one of the unit's fields; a 400 listing the
 * allowed ones otherwise. "Tư pháp - Hộ tịch" finds "Tư pháp – Hộ tịch": one department, one row.
 */
export async function canonicalField(db: Queryable, unit: StoredUnit, value: string): Promise<string> {
  const { fields } = await unitFields(db, unit);
  const wanted = foldFieldName(value);
  const found = fields.find((field) => foldFieldName(field) === wanted);
  if (found) return found;
  const allowed = fields.length ? fields.map((f) => `"${f}"`).join(', ') : '(đơn vị chưa có danh sách lĩnh vực)';
  const message = `Lĩnh vực "${value.slice(0, 120)}" không có trong danh sách của đơn vị. Chọn một trong: ${allowed}.`;
  throw new ProblemError(400, 'Lĩnh vực không có trong danh sách của đơn vị.', {
    code: 'unknown_field',
    detail: message,
    errors: [{ path: 'context.field', code: 'unknown_field', message }],
  });
}

/** The channels whose responses make the unit's published index. */
export function publishedSources(unit: StoredUnit): ResponseSource[] {
  const chosen = unit.settings.publishedChannels;
  if (Array.isArray(chosen)) {
    const valid = chosen.filter((c): c is ResponseSource => (RESPONSE_SOURCES as readonly string[]).includes(c as string));
    if (valid.length > 0) return valid;
  }
  return [...DEFAULT_PUBLISHED_SOURCES];
}

export async function surveySettings(db: Queryable, keys: DossierKeys, unit: StoredUnit): Promise<SurveySettings> {
  const fields = await unitFields(db, unit);
  return {
    unit: unit.id,
    fields: fields.fields,
    fieldsSource: fields.source,
    publishedChannels: publishedSources(unit),
    dossierTokenDays: tokenDays(unit),
    dossierKeyId: keys.forUnit(unit.id).keyIdHex,
    ...(typeof unit.settings.surveyUrl === 'string' && unit.settings.surveyUrl ? { surveyUrl: unit.settings.surveyUrl } : {}),
  };
}

/** The unit's survey page, where its dossier labels' QR codes lead, when an admin set one. */
export const unitSurveyUrl = (unit: StoredUnit): string | undefined =>
  typeof unit.settings.surveyUrl === 'string' && unit.settings.surveyUrl ? unit.settings.surveyUrl : undefined;

/**
 * Applies an admin's change and records it in the unit's change log (what was, what is), in one
 * transaction; `fields: null` goes back to the catalogue's fields.
 */
export async function updateSurveySettings(
  db: Database,
  units: UnitStore,
  unit: StoredUnit,
  update: SurveySettingsUpdate,
  actor: Actor,
): Promise<StoredUnit> {
  const next: Record<string, unknown> = {};
  if (update.fields !== undefined) {
    const seen = new Map<string, string>();
    for (const raw of update.fields ?? []) {
      const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (!name) continue;
      if (!seen.has(foldFieldName(name))) seen.set(foldFieldName(name), name);
    }
    next.fields = update.fields === null ? [] : [...seen.values()];
  }
  if (update.publishedChannels !== undefined) next.publishedChannels = [...new Set(update.publishedChannels)];
  if (update.dossierTokenDays !== undefined) next.dossierTokenDays = update.dossierTokenDays;
  if (update.surveyUrl !== undefined) next.surveyUrl = update.surveyUrl ?? '';
  await db.transaction(async (tx) => {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const row = await tx.get<{ settings: string }>(`SELECT settings FROM units WHERE id = ?${lock}`, [unit.id]);
    const settings = JSON.parse(row?.settings ?? '{}') as Record<string, unknown>;
    const detail: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const before = settings[key] ?? null;
      if (JSON.stringify(before) !== JSON.stringify(value)) detail[key] = { from: before, to: value };
    }
    if (Object.keys(detail).length === 0) return;
    await tx.run('UPDATE units SET settings = ?, updated_at = ? WHERE id = ?', [JSON.stringify({ ...settings, ...next }), new Date().toISOString(), unit.id]);
    await recordChange(tx, unit.id, actor, 'survey_settings.changed', 'survey', detail);
  });
  units.forget(unit.id);
  return (await units.get(unit.id))!;
}
