import type { Questionnaire, SurveyResponse } from '@sipas/schema';
import type { Queryable } from '../db/database.js';

/**
 * Adds an accepted response to the unit's running result aggregates, inside the same
 * transaction as the insert so the two can never disagree. (Filled in by the results capability.)
 */
export async function recordInAggregates(
  _tx: Queryable,
  _response: SurveyResponse,
  _questionnaire: Questionnaire,
  _receivedAt: string,
): Promise<void> {}
