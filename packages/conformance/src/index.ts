import { Client } from './http.js';
import { formatReport, runRules, type Options, type Rule, type RuleResult } from './kit.js';
import { coreRules } from './rules/core.js';
import { dossierTokenRules } from './rules/dossier-token.js';
import { feedbackRules } from './rules/feedback.js';
import { logEndRules, logStartRules } from './rules/log.js';
import { readRules } from './rules/reads.js';
import { surveyRules } from './rules/surveys.js';

export { formatReport, type Options, type Outcome, type Rule, type RuleResult } from './kit.js';
export { ed25519Verify } from './rules/log.js';

/** Every rule, in the order they run (later rules use what earlier ones created). */
export const RULES: readonly Rule[] = [
  ...coreRules,
  ...logStartRules,
  ...surveyRules,
  ...dossierTokenRules,
  ...readRules,
  ...feedbackRules,
  ...logEndRules,
];

/** Runs the kit against an endpoint; the results say pass, fail or n/a per rule. */
export async function runConformance(options: Options, rules: readonly Rule[] = RULES): Promise<RuleResult[]> {
  const ctx = {
    options,
    http: new Client(options.endpoint, options.log),
    tag: Math.random().toString(36).slice(2, 8),
    state: {},
  };
  return runRules(rules, ctx);
}

export const passed = (results: readonly RuleResult[]): boolean => results.every((result) => result.outcome !== 'fail');

export { formatReport as report };
