import type { Questionnaire } from '../questionnaire.js';
import { BNV_2023 } from './bnv-2023.js';
import { HANOI_2025_WARD } from './hanoi-2025-ward.js';

export { BNV_2023, HANOI_2025_WARD };

/** Built-in questionnaires by id. A unit may define its own on the server. */
export const PRESETS: Readonly<Record<string, Questionnaire>> = {
  [BNV_2023.id]: BNV_2023,
  [HANOI_2025_WARD.id]: HANOI_2025_WARD,
};

export const DEFAULT_QUESTIONNAIRE_ID = BNV_2023.id;
