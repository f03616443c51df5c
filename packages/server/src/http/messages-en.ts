/**
 * The English words of every problem the server answers, keyed by the problem's `code` (titles)
 * and by a field's `code` (field messages). Vietnamese is written where the problem is thrown; a
 * client that prefers English (`Accept-Language`) gets these instead (see problem.ts). A code
 * missing here keeps its Vietnamese text, so a new problem is never silent — add its line.
 */
export const PROBLEM_TITLES_EN: Record<string, string> = {
  validation_failed: 'The data sent is not valid.',
  not_found: 'Nothing was found at this address.',
  unit_not_found: 'No such unit.',
  questionnaire_not_found: 'No such questionnaire.',
  procedure_not_found: 'This unit has no procedure with this code.',
  feedback_not_found: 'No feedback matches this tracking code and secret (or phone digits).',
  leaf_not_found: 'The ballot box has no leaf with this number yet.',
  invalid_sizes: 'Invalid tree sizes.',
  invalid_period: 'Invalid reporting period.',
  id_conflict: 'This id was already used for different content.',
  dossier_already_rated: 'This dossier has already been rated. Each dossier can be rated once.',
  invalid_transition: 'This action is not possible in the feedback case’s current status.',
  origin_not_allowed: 'This website may not send data to this unit.',
  kiosk_key_invalid: 'The kiosk key is not valid for this unit.',
  unauthenticated: 'Sign in with a staff account.',
  sign_in_failed: 'Wrong unit, username or password.',
  wrong_unit: 'This account does not belong to the requested unit.',
  forbidden: 'This account may not do this.',
  forbidden_role: 'Only an administrator of the unit may do this.',
  staff_not_found: 'This unit has no such staff account.',
  sign_in_locked: 'The account is locked for a while after too many wrong passwords.',
  phone_lookup_locked: 'Too many wrong phone digits for this case. Look it up with the secret.',
  ballot_box_inconsistent: 'The ballot box does not verify: it was not opened and no minutes were made.',
  rate_limited: 'Too many requests. Please try again in a few minutes.',
  internal: 'Server error. Please try again later.',
  database_unavailable: 'The database is not responding.',
  fst_err_ctp_body_too_large: 'The request body is too large.',
  fst_err_ctp_invalid_media_type: 'Only JSON content (application/json) is accepted.',
  bad_request: 'Bad request.',
};

/** Field messages without numbers in them; `too_small`/`too_big` carry theirs (see validate.ts). */
export const FIELD_MESSAGES_EN: Record<string, string> = {
  required: 'This field is required.',
  invalid_type: 'Wrong data type.',
  invalid_format: 'Wrong format.',
  invalid_value: 'This value is not accepted.',
  unrecognized_keys: 'Unknown field.',
  invalid_json: 'The body is not valid JSON.',
  unknown_questionnaire: 'No such questionnaire version.',
  unknown_item: 'This question is not in the questionnaire.',
  not_applicable_not_allowed: 'This question does not allow "not applicable".',
  wrong_type: 'The answer has the wrong type.',
  out_of_range: 'The value is out of range.',
  unknown_option: 'This option is not in the list.',
  too_long: 'The answer is too long.',
  too_small: 'The value is too small.',
  too_big: 'The value is too large.',
  after_to: 'The start date is after the end date.',
  invalid_period: 'Invalid period (for example 2026-Q3, 2026-H1, 2026-9M, 2026).',
  phone_lookup_locked: 'Look the case up with its secret.',
  personal_data: 'The public version still contains the sender’s personal data. Hide it before publishing.',
};
