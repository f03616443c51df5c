import * as z from 'zod/mini';
import { line } from './strings.js';
import { LocalizedText, Slug } from './common.js';

/**
 * The five SIPAS factors. Ids are stable English slugs; titles are data.
 * access = Tiếp cận dịch vụ, procedure = Thủ tục hành chính, official = Công chức,
 * result = Kết quả, feedback = Tiếp nhận, xử lý PAKN.
 */
export const FACTOR_IDS = ['access', 'procedure', 'official', 'result', 'feedback'] as const;
export const FactorId = z.enum(FACTOR_IDS);
export type FactorId = z.infer<typeof FactorId>;

export const ITEM_KINDS = ['rating5', 'scale4', 'single', 'multi', 'yes-no', 'text', 'number'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemOption = z.object({
  value: line(z.minLength(1), z.maxLength(64)),
  label: LocalizedText,
});
export type ItemOption = z.infer<typeof ItemOption>;

export const Item = z.object({
  id: Slug,
  /** The SIPAS factor a rating belongs to; absent for demographics and the unit's own questions. */
  factor: z.optional(FactorId),
  kind: ItemKind,
  text: LocalizedText,
  /** Number on the printed form (e.g. 15 for QĐ 1001's item 15), for reports. */
  number: z.optional(z.number().check(z.int())),
  required: z.boolean(),
  /** Whether "không áp dụng" may be chosen (e.g. factor 5 for someone who never gave feedback). */
  allowNotApplicable: z.boolean(),
  /** Choices for `single` and `multi`; labels for `scale4` when the default ones do not fit. */
  options: z.optional(z.array(ItemOption)),
  /** `text`: maximum length; `number`: maximum value. */
  max: z.optional(z.number()),
  /** `number`: minimum value. */
  min: z.optional(z.number()),
});
export type Item = z.infer<typeof Item>;

export const Factor = z.object({
  id: FactorId,
  title: LocalizedText,
});
export type Factor = z.infer<typeof Factor>;

export const Questionnaire = z.object({
  id: Slug,
  /** Incremented on every change; a response names the version it answered. */
  version: z.number().check(z.int(), z.gte(1)),
  title: LocalizedText,
  /** Legal basis, e.g. "QĐ 1001/QĐ-BNV ngày 11/12/2023". */
  source: z.optional(z.string()),
  factors: z.array(Factor),
  items: z.array(Item),
  /** Personal questions (sex, age …); never shown at a kiosk. */
  demographics: z.optional(z.array(Item)),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** Reference to one version of a questionnaire. */
export const QuestionnaireRef = z.object({
  id: Slug,
  version: z.number().check(z.int(), z.gte(1)),
});
export type QuestionnaireRef = z.infer<typeof QuestionnaireRef>;

/** The five answer levels of every SIPAS criterion, 5 = Rất hài lòng. */
export const RATING_LEVELS: readonly { value: number; label: LocalizedText }[] = [
  { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
  { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
  { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
  { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
  { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
];

/** The 4-level "mong muốn" scale of the household questionnaires (Câu 10). */
export const SCALE4_LEVELS: readonly { value: number; label: LocalizedText }[] = [
  { value: 4, label: { vi: 'Rất mong muốn', en: 'Strongly wish' } },
  { value: 3, label: { vi: 'Mong muốn', en: 'Wish' } },
  { value: 2, label: { vi: 'Ít mong muốn', en: 'Slightly wish' } },
  { value: 1, label: { vi: 'Không mong muốn', en: 'Do not wish' } },
];

/** Every item of a questionnaire, demographics included, in form order. */
export function allItems(questionnaire: Questionnaire, options: { demographics?: boolean } = {}): Item[] {
  const includeDemographics = options.demographics ?? true;
  return includeDemographics ? [...questionnaire.items, ...(questionnaire.demographics ?? [])] : questionnaire.items;
}

/** Items that count towards the satisfaction index: the rating5 items that belong to a factor. */
export function scoredItems(questionnaire: Questionnaire): Item[] {
  return questionnaire.items.filter((item) => item.kind === 'rating5' && item.factor !== undefined);
}
