import { msg } from '@lit/localize';
import type { AnswerValue, Item, LocalizedText, Questionnaire, SurveyContext } from '@sipas/schema';
import { getLocale } from '../shared/localize.js';

/**
 * The questionnaire as the form walks it: steps, numbering, answer choices and their words, and
 * what an input means as an answer. Pure functions of the questionnaire and the locale.
 */
export interface Step {
  title: string;
  items: Item[];
}
export interface Choice {
  value: string;
  label: string;
}

export const NOT_APPLICABLE = 'na';
/** A dossier token (base64url) as the receipt's QR code carries it. */
const TOKEN = /^[A-Za-z0-9_-]{1,300}$/;

export const localized = (text: LocalizedText): string => (getLocale() === 'en' && text.en ? text.en : text.vi);

/** One step per factor with items, then the unit's own questions, then (not at a kiosk) demographics. */
export function stepsOf(form: Questionnaire, kiosk: boolean): Step[] {
  const factorIds = form.factors.map((factor) => factor.id as string);
  const steps: Step[] = form.factors.map((factor) => ({
    title: localized(factor.title),
    items: form.items.filter((item) => item.factor === factor.id),
  }));
  steps.push({
    title: msg('Câu hỏi khác', { id: 'survey.other' }),
    items: form.items.filter((item) => !factorIds.includes(item.factor ?? '')),
  });
  if (!kiosk) steps.push({ title: msg('Thông tin chung (không bắt buộc)', { id: 'survey.about' }), items: form.demographics ?? [] });
  return steps.filter((step) => step.items.length > 0);
}

/** Number shown before a question: its place among all the questions shown, one run from 1 (the printed form's numbers are for reports). */
export const numberOf = (steps: Step[], item: Item): number => steps.flatMap((step) => step.items).indexOf(item) + 1;

export function choicesOf(item: Item): Choice[] {
  const levels = (labels: string[], top: number) => labels.map((label, i) => ({ value: String(top - i), label }));
  const choices =
    item.kind === 'rating5'
      ? levels(
          [
            msg('Rất hài lòng', { id: 'survey.level5' }),
            msg('Hài lòng', { id: 'survey.level4' }),
            msg('Bình thường', { id: 'survey.level3' }),
            msg('Không hài lòng', { id: 'survey.level2' }),
            msg('Rất không hài lòng', { id: 'survey.level1' }),
          ],
          5,
        )
      : item.kind === 'yes-no'
        ? [
            { value: 'yes', label: msg('Có', { id: 'survey.yes' }) },
            { value: 'no', label: msg('Không', { id: 'survey.no' }) },
          ]
        : item.options
          ? item.options.map((option) => ({ value: option.value, label: localized(option.label) }))
          : levels(
              [
                msg('Rất mong muốn', { id: 'survey.wish4' }),
                msg('Mong muốn', { id: 'survey.wish3' }),
                msg('Ít mong muốn', { id: 'survey.wish2' }),
                msg('Không mong muốn', { id: 'survey.wish1' }),
              ],
              4,
            );
  return item.allowNotApplicable && item.kind !== 'multi' ? [...choices, { value: NOT_APPLICABLE, label: msg('Không áp dụng', { id: 'survey.na' }) }] : choices;
}

/** Whether `choice` is what `value` holds. */
export function isChosen(value: AnswerValue | undefined, choice: Pick<Choice, 'value'>): boolean {
  if (value === undefined) return false;
  return choice.value === NOT_APPLICABLE ? value === null : Array.isArray(value) ? value.includes(choice.value) : String(value) === choice.value;
}

export function issueMessage(item: Item, code: string): string {
  if (code !== 'required') return msg('Câu trả lời không hợp lệ, xin kiểm tra lại', { id: 'survey.invalid' });
  if (item.kind === 'rating5') return msg('Hãy chọn một mức độ hài lòng', { id: 'survey.required-rating' });
  return msg('Hãy trả lời câu này', { id: 'survey.required' });
}

/**
 * The answer an input holds: a number for ratings and numbers, null for "không áp dụng", the
 * ticked boxes of a multiple choice (`boxes`), undefined for nothing.
 */
export function answerOf(item: Item, input: HTMLInputElement, boxes: () => string[]): AnswerValue | undefined {
  let value: AnswerValue | undefined = input.value;
  if (input.type === 'checkbox') value = boxes();
  else if (input.type === 'radio' && value === NOT_APPLICABLE) value = null;
  else if (value === '' || (item.kind === 'text' && !value.trim())) value = undefined;
  else if (item.kind === 'rating5' || item.kind === 'scale4' || item.kind === 'number') value = Number(value.replace(',', '.'));
  return Array.isArray(value) && !value.length ? undefined : value;
}

/** The response's context: the element's attributes, else the page URL's (a QR code opens it so). */
export function contextOf(own: { token?: string | undefined; procedure?: string | undefined; field?: string | undefined; channel?: string | undefined }, kiosk: boolean): SurveyContext {
  const query = new URLSearchParams(location.search);
  const pick = (value: string | undefined, name: string, max: number) => {
    const text = (value || query.get(name) || '').trim();
    return text && text.length <= max ? text : undefined;
  };
  const token = pick(own.token, 'token', 300);
  const procedure = pick(own.procedure, 'procedure', 32);
  const field = pick(own.field, 'field', 120);
  const channel = pick(own.channel, 'channel', 8);
  return {
    channel: kiosk ? 'kiosk' : channel === 'qr' ? 'qr' : 'web',
    // Only the signed token claims a dossier (the server takes the code from it); a malformed
    // one from a hand-typed URL is dropped rather than failing the whole response.
    ...(token && TOKEN.test(token) ? { token } : {}),
    ...(procedure ? { procedure } : {}),
    ...(field ? { field } : {}),
  };
}
