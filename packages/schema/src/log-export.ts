import * as z from 'zod/mini';
import { Questionnaire } from './questionnaire.js';

/**
 * The last line of a ballot-box export: the unit's stored result aggregates (what results and
 * reports are read from) and the questionnaires to score with, read in the same snapshot as the
 * leaves, so an auditor recomputes the aggregates from the responses and compares. Rows read
 * `forms <unit> <day> <questionnaire>@<version> [<field>] <forms>` and
 * `item <unit> <day> <questionnaire>@<version> [<field>] <item> <factor> <n1> … <n5> <not applicable>`.
 */
export const LogExportAggregates = z.object({
  aggregates: z.object({
    questionnaires: z.array(Questionnaire),
    rows: z.array(z.string()),
  }),
});
export type LogExportAggregates = z.infer<typeof LogExportAggregates>;
