import type { Item, Questionnaire } from '../questionnaire.js';

/**
 * The answer rules of a survey response, shared by the server (400) and the element (error
 * summary). Deliberately free of zod: the script-tag bundle imports this module, and a zod
 * import here would add kilobytes to every ward's page.
 */

/** What an answer may hold: see `AnswerValue` in survey.ts (null = "không áp dụng"). */
type AnswerValue = number | string | string[] | null;

export type AnswerIssueCode =
  | 'required'
  | 'unknown_item'
  | 'not_applicable_not_allowed'
  | 'wrong_type'
  | 'out_of_range'
  | 'unknown_option'
  | 'too_long';

export interface AnswerIssue {
  item: string;
  code: AnswerIssueCode;
}

/**
 * Checks answers against one questionnaire version: items exist, values fit their kind and range,
 * required items are answered. Shared by the server (400) and the element (error summary), so the
 * two can never disagree. `only` limits required-checks to some items (one step of the form).
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
  options: { demographics?: boolean; only?: readonly string[] } = {},
): AnswerIssue[] {
  const demographics = questionnaire.demographics ?? [];
  const items = options.demographics === false ? questionnaire.items : [...questionnaire.items, ...demographics];
  const issues: AnswerIssue[] = [];
  // With `demographics: false` (a kiosk) personal answers are unknown items: they must not be sent.
  const known = new Set(items.map((item) => item.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ item: id, code: 'unknown_item' });
  }
  for (const item of items) {
    if (options.only && !options.only.includes(item.id)) continue;
    const code = checkAnswer(item, answers[item.id]);
    if (code) issues.push({ item: item.id, code });
  }
  return issues;
}

function checkAnswer(item: Item, value: AnswerValue | undefined): AnswerIssueCode | undefined {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return item.required ? 'required' : undefined;
  }
  if (value === null) return item.allowNotApplicable ? undefined : 'not_applicable_not_allowed';
  switch (item.kind) {
    case 'rating5':
    case 'scale4': {
      const top = item.kind === 'rating5' ? 5 : 4;
      if (typeof value !== 'number') return 'wrong_type';
      return Number.isInteger(value) && value >= 1 && value <= top ? undefined : 'out_of_range';
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong_type';
      if (item.min !== undefined && value < item.min) return 'out_of_range';
      if (item.max !== undefined && value > item.max) return 'out_of_range';
      return undefined;
    }
    case 'yes-no':
      if (typeof value !== 'string') return 'wrong_type';
      return value === 'yes' || value === 'no' ? undefined : 'unknown_option';
    case 'single':
      if (typeof value !== 'string') return 'wrong_type';
      return item.options?.some((option) => option.value === value) ? undefined : 'unknown_option';
    case 'multi':
      if (!Array.isArray(value)) return 'wrong_type';
      return value.every((choice) => item.options?.some((option) => option.value === choice))
        ? undefined
        : 'unknown_option';
    case 'text':
      if (typeof value !== 'string') return 'wrong_type';
      return value.length > (item.max ?? 2000) ? 'too_long' : undefined;
  }
}

/** Vietnamese messages for answer issues, used by the server's problem details. */
export const ANSWER_ISSUE_MESSAGES: Record<AnswerIssueCode, string> = {
  required: 'Câu hỏi này bắt buộc trả lời.',
  unknown_item: 'Câu hỏi không có trong phiếu khảo sát.',
  not_applicable_not_allowed: 'Câu hỏi này không cho phép chọn "không áp dụng".',
  wrong_type: 'Câu trả lời không đúng kiểu.',
  out_of_range: 'Câu trả lời nằm ngoài thang điểm.',
  unknown_option: 'Lựa chọn không có trong danh sách.',
  too_long: 'Câu trả lời quá dài.',
};
