/**
 * The words of the contract: what every schema, property and parameter of the OpenAPI document
 * means. One rule for all of them: English first, the Vietnamese term in italics where the domain
 * has one, so a backend team of any province reads the same meaning the citizens see.
 *
 * Lookup order for a property: `Schema.path.to.prop` (exact), then `Schema.prop`, then `prop`.
 * A property, parameter or schema without words here fails the contract test
 * (packages/schema/test/openapi.test.ts) — add its line when you add it.
 */

/** Named schemas (components.schemas). */
export const SCHEMA_DESCRIPTIONS: Record<string, string> = {
  CosignatureSubmission: 'A registered witness’s cosignature (*chữ ký đồng ký của giám sát viên*) of the checkpoint of `size`, C2SP tlog-cosignature.',
  WitnessCosignature: 'A witness’s cosignature (*chữ ký đồng ký*) kept by the box: who, of which checkpoint, when; on the minutes whether the box still extends it.',
  DossierClaim: 'A dossier token that can still claim its dossier (*mã QR hồ sơ còn dùng được*); the dossier code itself is not returned.',
  DossierTokenRequest: 'A receipt to sign a dossier token for (*ký mã QR hồ sơ cho phiếu hẹn*): dossier code, procedure, issue date.',
  DossierToken: 'A signed dossier token (*mã QR hồ sơ có chữ ký của đơn vị*) for the receipt’s QR code, with its validity.',
  UnitFields: 'The departments or fields (*lĩnh vực*) a survey of the unit may name as `context.field`, and where the list comes from.',
  SurveySettings: 'A unit’s survey settings (*cài đặt khảo sát*): closed field list, channels in the published index, dossier token validity.',
  SurveySettingsUpdate: 'A change to a unit’s survey settings (*sửa cài đặt khảo sát*); members left out stay as they are.',
  LogKey: 'The public key of a unit’s sealed ballot box (*khoá công khai của hòm phiếu*), to write on the opening minutes and keep.',
  InclusionProof:
    'Proof that one leaf is in the ballot box (*bằng chứng phiếu nằm trong hòm*), against the latest signed checkpoint (RFC 9162 §2.1.3).',
  ConsistencyProof:
    'Proof that the ballot box of size `to` only appends to the box of size `from` (*bằng chứng nhất quán*): nothing earlier was removed, changed or inserted (RFC 9162 §2.1.4).',
  BallotOpeningRequest: 'Opening the ballot box for a period before witnesses (*mở hòm phiếu*).',
  BallotOpening:
    'The record of one ballot-box opening (*biên bản mở hòm phiếu*): the counted period, the signed checkpoint, the witnesses.',
  BallotOpeningList: 'The unit’s recorded ballot-box openings, newest first.',
  Problem:
    'RFC 9457 problem details, the body of every error (`application/problem+json`). `code` is stable and machine-readable; ' +
    '`title`, `detail` and each field `message` are in the language the client asked for with `Accept-Language` ' +
    '(Vietnamese by default, English when preferred; `Content-Language` says which).',
  Health: 'Liveness of the server and its database.',
  PublicUnit: 'A unit’s public data (*đơn vị*: ward, commune, department).',
  Questionnaire:
    'A satisfaction questionnaire (*phiếu khảo sát*) as data: factors, items, optional demographic questions. Versions are immutable.',
  SurveyResponse:
    'One citizen’s survey response (*phiếu khảo sát đã trả lời*). The client makes `id` once; resending the same body is harmless.',
  SurveyReceipt: 'The receipt of an accepted response (*biên nhận*), with its place in the sealed ballot box.',
  ProcedureList: 'A unit’s administrative procedures (*danh mục thủ tục hành chính*), enough for a list and a search.',
  Procedure: 'One administrative procedure (*thủ tục hành chính*) in full, as in the national procedures database.',
  FeedbackSubmission: 'A citizen’s feedback or recommendation (*phản ánh, kiến nghị — PAKN*), with the sender and their consent.',
  FeedbackReceipt: 'The receipt of a feedback case: tracking code, lookup secret and answer due date.',
  FeedbackLookup: 'A feedback case as its sender may see it with code and secret: status, due date, answer. No personal data.',
  PublishedFeedback: 'A published answer to feedback (*trả lời công khai*), personal data removed.',
  PublishedFeedbackList: 'A page of the unit’s published feedback answers, newest first.',
  FeedbackInbox: 'The unit’s feedback inbox for staff (*hộp thư PAKN*): overdue first, then by due date.',
  FeedbackCase: 'A feedback case in full for staff: sender, consent, answer, public version, audit trail.',
  FeedbackAction: 'One staff action on a feedback case, by `action`.',
  Results:
    'Published satisfaction results of a unit and every unit below it for a period (*kết quả chỉ số hài lòng*). ' +
    'Small-n suppression: below `minimumForms` responses `published` is false and only `forms` is given — no rate, no index. ' +
    'Scoring (Decision 3037/QĐ-BNV): a criterion’s rate = answers 4–5 ÷ valid answers (“not applicable” and unanswered are not scores); ' +
    'a factor’s rate = the mean of its criteria rates; the index follows `aggregation`; a factor’s score = rate × 6 cut to two decimals; ' +
    'figures are cut to two decimals by `rounding`.',
  StaffLogin: 'Staff sign-in (*đăng nhập cán bộ*).',
  StaffSession: 'A staff session: the bearer token and who it belongs to.',
  StaffMember: 'The signed-in staff member (*cán bộ*).',
};

/** Properties: exact paths first, then `Schema.prop`, then the bare name. */
export const PROPERTY_DESCRIPTIONS: Record<string, string> = {
  'BallotOpening.cosignatures': 'The witnesses’ cosignatures of the box’s checkpoints (*chữ ký đồng ký*), each with whether the opened box extends it.',
  'CosignatureSubmission.cosignature': 'The cosignature line `— <name> <base64(key id ‖ time ‖ signature)>` as `sipas-server witness` prints it.',
  'WitnessCosignature.witness': 'The witness’s key name (*tên khoá của giám sát viên*), e.g. `mttq.phuong-tan-hoa`.',
  'WitnessCosignature.time': 'The witness’s own time of signing, seconds since 1970 (UTC), from the cosignature.',
  'WitnessCosignature.line': 'The cosignature line as it is appended to the checkpoint note.',
  'DossierClaim.state': 'Always `unused`: the token can still claim its dossier (*chưa được đánh giá*).',
  'DossierClaim.issued': 'Issue date of the receipt (*ngày cấp phiếu hẹn*), Vietnam calendar date.',
  'DossierClaim.expires': 'Last day the token may be used (*hạn dùng*), Vietnam calendar date.',
  'DossierTokenRequest.issued': 'Issue date of the receipt (*ngày cấp*); default today, Vietnam time.',
  'DossierTokenRequest.surveyUrl': 'The survey page (http or https); `url` is that page with `?token=…` for the QR code. Default: the unit’s survey page from its survey settings.',
  'DossierToken.issued': 'Issue date of the receipt (*ngày cấp*), Vietnam calendar date.',
  'DossierToken.expires': 'Last day the token may be used (*hạn dùng*), Vietnam calendar date.',
  'DossierToken.url': 'The survey page with the token (`?token=…`), ready for the QR code.',
  'SurveySettings.fieldsSource': '`catalogue`: the fields of the unit’s procedures (default); `unit`: a closed list set by an admin.',
  'SurveySettings.publishedChannels': 'Channels (*kênh*) whose responses make the published index: `dossier` (verified dossier), `kiosk`, `web`.',
  'SurveySettings.dossierTokenDays': 'Days a dossier token may be used after its issue date (*số ngày dùng được mã QR*).',
  'SurveySettings.dossierKeyId': 'The unit’s dossier key id (*mã khoá ký mã QR hồ sơ*), 8 hex digits.',
  'SurveySettingsUpdate.publishedChannels': 'Channels whose responses make the published index (at least one of `dossier`, `kiosk`, `web`).',
  'SurveySettingsUpdate.dossierTokenDays': 'Days a dossier token may be used after its issue date, 1–366.',
  'SurveySettingsUpdate.surveyUrl': 'The unit’s survey page (*trang khảo sát*, http or https) where dossier labels’ QR codes lead; `null` removes it.',
  'SurveySettings.surveyUrl': 'The unit’s survey page (*trang khảo sát*); a dossier token signed without `surveyUrl` gets its `url` from it.',
  'Results.channels.inIndex': 'Counted in the unit’s published index (its chosen channels; responses from before channels always).',
  'Results.publishedChannels': 'The channels the unit counts in its published index (*kênh tính vào chỉ số công bố*).',
  // Generic names, the same meaning wherever they appear.
  unit: 'Unit id (*mã đơn vị*): lowercase ASCII slug, e.g. `phuong-tan-hoa`.',
  units: 'The units whose responses are counted: the unit and every unit below it.',
  unitName: 'The unit’s name as written on documents (*tên đơn vị*).',
  name: 'Name, as people read it (*tên*).',
  title: 'Title (*tiêu đề*).',
  vi: 'Vietnamese text (*tiếng Việt*), always present: the source of truth.',
  en: 'English text, when translated.',
  label: 'Label for people, Vietnamese and English.',
  text: 'The text people read, Vietnamese and English.',
  id: 'Identifier.',
  number: 'Number (*số*).',
  status: 'Status (*trạng thái*).',
  version: 'Version number.',
  code: 'Stable machine-readable code.',
  note: 'Note (*ghi chú*).',
  notes: 'Free notes written on the minutes (*ghi chú*).',
  place: 'Where it happened, as written on the minutes (*địa điểm*).',
  from: 'First day, inclusive, Vietnam time (YYYY-MM-DD) (*từ ngày*).',
  to: 'Last day, inclusive, Vietnam time (YYYY-MM-DD) (*đến ngày*).',
  at: 'When it happened (ISO 8601 with offset).',
  receivedAt: 'Server time of receipt (*thời điểm tiếp nhận*), ISO 8601 UTC. The server’s clock, not the device’s.',
  updatedAt: 'When it last changed (ISO 8601).',
  openedAt: 'When the box was opened (ISO 8601).',
  publishedAt: 'When the answer was published (*ngày công khai*), ISO 8601.',
  answeredAt: 'When the answer was given (*ngày trả lời*), ISO 8601.',
  dueOn: 'Answer due date (*hạn trả lời*), Vietnam calendar date: received + the unit’s working days (weekends and holidays skipped).',
  overdue: 'True when today (Vietnam time) is after `dueOn` and the case is not answered (*quá hạn*).',
  questionnaire: 'Questionnaire id (*mã phiếu khảo sát*).',
  factor: 'Factor (*yếu tố*) of the SIPAS index: `access`, `procedure`, `official`, `result`, `feedback`.',
  factors: 'The factors (*yếu tố*), in order.',
  items: 'The items, in order.',
  field: 'Department or field (*lĩnh vực*), e.g. “Tư pháp – Hộ tịch”.',
  topic: 'Topic (*nhóm nội dung*): `regulation` (quy định), `procedure` (thủ tục), `conduct` (thái độ cán bộ), `other` (khác).',
  procedureCode: 'Procedure code (*mã thủ tục*) from the national database, e.g. `1.001193`; required when `topic` is `procedure`.',
  trackingCode: 'Tracking code (*mã theo dõi*): short, unambiguous (no 0/O, 1/I/L), to read aloud or type.',
  secret: 'Lookup secret (*mã bí mật*): 8–32 characters of `23456789ABCDEFGHJKMNPQRSTWXYZ`; only its hash is stored.',
  content: 'Content (*nội dung*).',
  answer: 'The unit’s answer (*nội dung trả lời*).',
  sender: 'The sender (*người gửi*), as Decree 20/2008/NĐ-CP requires. Personal data: staff only, never public.',
  phone: 'Phone number (*số điện thoại*).',
  email: 'E-mail address (*thư điện tử*), optional; used only to tell the sender their answer is published.',
  address: 'Postal address (*địa chỉ*).',
  consent: 'Consent to processing personal data (*đồng ý xử lý dữ liệu cá nhân*, Law 91/2025/QH15, Decree 356/2025/NĐ-CP).',
  accepted: 'Always `true`: consent is explicit and never defaulted.',
  textVersion: 'Version id of the consent text the sender agreed to.',
  website: 'Honeypot (*bẫy máy*): a field people never see. When filled, the server answers as usual and stores nothing. Leave it out.',
  routedTo: 'Department the case was routed to (*chuyển xử lý*).',
  senderName: 'The sender’s name (staff only).',
  checkpoint:
    'Signed checkpoint (*điểm kiểm tra*), C2SP tlog-checkpoint as a signed note: origin line, tree size, base64 root hash, ' +
    'an empty line, then signature lines `— <key name> <base64(4-byte key id ‖ Ed25519 signature)>`.',
  size: 'Tree size (*số phiếu trong hòm*): number of leaves.',
  proof: 'Hashes of the proof path, hex SHA-256, bottom up (RFC 9162).',
  leaf: 'Leaf index (*số thứ tự lá*), from 0, in order of acceptance.',
  leafHash:
    'Leaf hash, hex: SHA-256(0x00 ‖ entry bytes), where the entry bytes are UTF-8 of canonical JSON `{"receivedAt":…,"response":…}` (keys sorted at every depth, no whitespace, absent fields omitted, `website` dropped).',
  keyId: 'Key id (*mã khoá*): the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key), 8 hex digits.',
  algorithm: 'Signature algorithm: always `ed25519`.',
  publicKey: '32-byte Ed25519 public key, base64.',
  verifierKey: 'C2SP verifier key `name+keyid+base64(0x01 ‖ key)`, as `sipas-server audit --key` takes it.',
  origin: 'Origin line of the checkpoint: the log’s name, e.g. `sipas.example.gov.vn/phuong-tan-hoa`.',
  root: 'Root hash of the Merkle tree, base64.',
  signature: 'Ed25519 signature of the checkpoint text, base64.',
  witnesses: 'Witnesses of the opening (*người chứng kiến*), 1–12.',
  role: 'Role (*vai trò*).',
  forms: 'Number of responses (*số phiếu*).',
  published: 'False below the minimum number of responses: then only `forms` is meaningful (*chưa đủ dữ liệu*).',
  valid: 'Valid answers (*số câu trả lời hợp lệ*): rated 1–5, not “not applicable”, not unanswered.',
  rate: 'Satisfaction rate (*tỷ lệ hài lòng*), 0–1: answers 4–5 ÷ valid answers; null when nobody answered.',
  points: 'Points given (*số điểm*): the sum of ratings.',
  maxPoints: 'Maximum points (*tổng điểm tối đa*): valid answers × 5.',
  pointsRate: 'Points ÷ maximum points (*tỷ lệ điểm*), 0–1; null without valid answers.',
  index: 'Satisfaction index (*chỉ số hài lòng*), 0–1, by `aggregation`; absent when not published.',
  score: 'Share of the 30-point commune score (*điểm trên thang 30*).',
  max: 'Largest allowed value.',
  min: 'Smallest allowed value.',
  required: 'True when an answer is required.',
  kind: 'Kind.',
  options: 'The options to choose from, in order.',
  value: 'The value sent in answers.',
  period: 'Reporting period id (*kỳ báo cáo*).',
  detail: 'Detail.',
  action: 'What was done.',
  database: 'Database kind: `sqlite` or `postgres`.',
  token: 'Session token: send it as `Authorization: Bearer <token>`.',
  expiresAt: 'When the session ends (ISO 8601).',
  staff: 'The signed-in staff member.',
  username: 'Staff username (*tên đăng nhập*).',
  password: 'Password (*mật khẩu*); never stored in clear.',
  parent: 'The unit above this one (*đơn vị cấp trên*), null at the top.',
  complaintsUrl: 'Where citizens may complain beyond this page (*địa chỉ khiếu nại*).',
  source: 'Where the questionnaire comes from (legal basis).',
  demographics: 'Optional questions about the respondent (*thông tin người trả lời*); not asked on kiosks.',
  answers:
    'Answers by item id: a number (rating5 1–5, scale4 1–4, number), a string (single, yes-no, text), an array of option values (multi), or `null` for “not applicable” (*không áp dụng*). Unanswered items are absent: unanswered is not a score.',
  context: 'Where the response was given (*ngữ cảnh*), prefilled from attributes or the receipt’s QR code.',
  dossier: 'Dossier code (*mã hồ sơ*): counts only with the unit’s signed `token` (a bare code is 400 `dossier_token_required`); a dossier is rated at most once per unit (409 `dossier_already_rated`).',
  procedure: 'Procedure code from the national database, e.g. `1.001193`.',
  channel: 'Channel (*kênh*): `web`, `kiosk` (counter device; no demographic questions), `qr` (receipt QR code).',
  submittedAt: 'When the citizen pressed send, by the device’s clock (ISO 8601). The server keeps its own time in `receivedAt`.',
  receipt: 'Confirmation code (*mã xác nhận*) the citizen can note down.',
  hash: 'Leaf hash, hex (see InclusionProof.leafHash).',
  procedures: 'The procedures, by code.',
  level: 'Administrative level (*cấp thực hiện*).',
  onlineLevel: 'Online public service level (*dịch vụ công trực tuyến*): `full` (toàn trình) or `partial` (một phần).',
  online: 'True when the procedure can be done online.',
  applicants: 'Who may apply (*đối tượng thực hiện*).',
  agency: 'The agency that carries it out (*cơ quan thực hiện*).',
  steps: 'Steps, in order (*trình tự thực hiện*).',
  channels: 'Ways to submit (*cách thức thực hiện*) with time limit and fee.',
  timeLimit: 'Time limit (*thời hạn giải quyết*), as published.',
  fee: 'Fee (*phí, lệ phí*), as published.',
  description: 'Description (*mô tả*).',
  documents: 'Dossier documents (*thành phần hồ sơ*).',
  template: 'Form template name or link (*mẫu đơn, tờ khai*).',
  copies: 'Number of copies (*số lượng*).',
  group: 'Group of documents, when the procedure has alternatives.',
  legalBasis: 'Legal basis (*căn cứ pháp lý*).',
  issuedOn: 'Date of issue (*ngày ban hành*).',
  result: 'Result of the procedure (*kết quả thực hiện*).',
  conditions: 'Requirements and conditions (*yêu cầu, điều kiện*).',
  onlineUrl: 'Link to the online service (*địa chỉ dịch vụ công trực tuyến*).',
  decision: 'Decision that announced the procedure (*quyết định công bố*).',
  sourceUrl: 'The procedure’s page in the national database.',
  timeline: 'Status changes, oldest first.',
  total: 'Total number of matching items.',
  today: 'Today in Vietnam time (YYYY-MM-DD), against which `overdue` is computed.',
  cases: 'The cases, overdue first, then by due date.',
  public: 'The public version (*bản công khai*) with personal data removed, once published.',
  emailedAt: 'When the sender was told by e-mail that the answer is published.',
  audit: 'Audit trail (*nhật ký*): who did what, when, oldest first.',
  actor: 'Who did it (staff name, or `system`).',
  fromStatus: 'Status before.',
  toStatus: 'Status after.',
  minimumForms: 'Responses needed before a rate is published (small-n suppression; default 30).',
  aggregation:
    'How the index is formed: `mean-of-factors` (mean of factor rates, the default), `mean-of-criteria`, or `pooled` (all valid answers together).',
  rounding: 'How figures are cut to two decimals for people: `truncate` (the default, as seed 002 prints) or `half-up`.',
  scoredMax: 'Maximum of the factors that were scored (unscored factors excluded).',
  criteria: 'Per criterion (*tiêu chí*).',
  item: 'Item id in the questionnaire.',
  satisfied: 'Answers 4–5 (*hài lòng và rất hài lòng*).',
  notApplicable: 'Answers “not applicable” (*không áp dụng*); not scores.',
  fields: 'Per department or field (*lĩnh vực*), as in the quarterly report table.',
  trend: 'The last four periods of the same kind, oldest first, ending with this one.',
  computedAt: 'When these figures were computed (ISO 8601).',
  openings: 'The openings, newest first.',
  openedBy: 'The staff member who opened the box.',
  responsesInPeriod: 'Responses received in the period (Vietnam time, both days included), counted from the log.',
  firstLeaf: 'First leaf of the period, null when it has none.',
  lastLeaf: 'Last leaf of the period, null when it has none.',
  key: 'The box’s public key at the opening.',
  previous: 'The previous opening’s checkpoint and whether this one extends it (consistency proof checked); null for the first.',
  consistent: 'True when the consistency proof from the previous opening verified.',
  allowNotApplicable: 'True when “not applicable” (`null`) is an accepted answer.',
  errors: 'Invalid fields, one entry per problem (400 answers).',
  path: 'Dot-separated path of the offending field: `answers.q15`, `context.dossier`, a parameter name, or `(body)`.',
  message: 'What is wrong, for people, in the answer’s language.',
  type: 'URI of the problem type; `https://sipas.dev/problems/<code>`, or `about:blank`.',
  instance: 'The request path that caused it.',

  // Exact overrides where the bare name would mislead.
  'Problem.title': 'Short summary of the problem, for people.',
  'Problem.status': 'HTTP status code.',
  'Problem.detail': 'Explanation specific to this occurrence (for 400 answers, every field and its message).',
  'Problem.code': 'Stable code a client can switch on, e.g. `dossier_already_rated`, `id_conflict`, `validation_failed`, `rate_limited`.',
  'Problem.errors.code': 'Machine-readable reason: `required`, `too_small`, `too_big`, `invalid_format`, `unknown_item`, `out_of_range` …',
  'Health.status': 'Always `ok` (a failing database answers 503 instead).',
  'Health.version': 'Server version.',
  'PublicUnit.id': 'Unit id (*mã đơn vị*).',
  'PublicUnit.questionnaire': 'The questionnaire the unit uses by default.',
  'Questionnaire.id': 'Questionnaire id, e.g. `bnv-2023`, `hanoi-2025-ward`.',
  'Questionnaire.version': 'Version, from 1; a published version never changes.',
  'Questionnaire.title': 'The questionnaire’s title.',
  'Questionnaire.factors.id': 'Factor id.',
  'Questionnaire.factors.title': 'Factor title as printed.',
  'Questionnaire.items.id': 'Item id, the key in `answers`.',
  'Questionnaire.items.number': 'Number on the printed form.',
  'Questionnaire.items.kind':
    'Item kind: `rating5` (1–5 satisfaction, the scored kind), `scale4`, `single`, `multi`, `yes-no`, `text`, `number`.',
  'Questionnaire.items.text': 'The question.',
  'Questionnaire.demographics.id': 'Question id, the key in `answers`.',
  'Questionnaire.demographics.number': 'Number on the printed form.',
  'Questionnaire.demographics.kind': 'Question kind (see `items.kind`).',
  'Questionnaire.demographics.text': 'The question.',
  'SurveyResponse.id':
    'Response id (UUID), made by the client once per response. Same id + same body again: 200 with the same receipt; same id + another body: 409 `id_conflict`.',
  'SurveyResponse.questionnaire': 'The questionnaire and version answered.',
  'SurveyResponse.questionnaire.id': 'Questionnaire id.',
  'SurveyResponse.questionnaire.version': 'Questionnaire version.',
  'SurveyReceipt.id': 'The response id, as sent.',
  'SurveyReceipt.leaf': 'Position and hash of the response in the unit’s sealed ballot box, when the server keeps one.',
  'SurveyReceipt.leaf.index': 'Leaf index (see InclusionProof.leaf).',
  'SurveyReceipt.source':
    'The channel the server recorded (*kênh*): `dossier` (a signed dossier token), `kiosk` (a kiosk key) or `web`. Sealed in the leaf beside the response, so the leaf hash can be recomputed from the response, `receivedAt` and this.',
  'ProcedureList.updatedAt': 'When some procedure of the unit last changed; null without procedures.',
  'ProcedureList.procedures.code': 'Procedure code (*mã thủ tục*).',
  'ProcedureList.procedures.name': 'Procedure name (*tên thủ tục*).',
  'Procedure.code': 'Procedure code (*mã thủ tục*), e.g. `1.001193`.',
  'Procedure.name': 'Procedure name (*tên thủ tục*).',
  'Procedure.channels.kind': 'How: `direct` (trực tiếp), `post` (bưu chính), `online` (trực tuyến).',
  'Procedure.documents.name': 'Document name.',
  'Procedure.legalBasis.number': 'Number of the legal document, e.g. `123/2015/NĐ-CP`.',
  'Procedure.legalBasis.title': 'Title of the legal document.',
  'FeedbackSubmission.id':
    'Case id (UUID), made by the client once. Same id + same body again: 200 with the same receipt; same id + another body: 409 `id_conflict`.',
  'FeedbackSubmission.title': 'Short title (*tiêu đề*), 5 characters or more.',
  'FeedbackSubmission.content': 'What happened and what the sender asks (*nội dung*).',
  'FeedbackSubmission.secret':
    'Lookup secret chosen by the client (8–32 of `23456789ABCDEFGHJKMNPQRSTWXYZ`), so a resend from an offline queue knows it too; without it the server makes one.',
  'FeedbackSubmission.sender.name': 'Full name (*họ tên*), 2–120 characters.',
  'FeedbackSubmission.consent.text': 'The exact consent text the sender agreed to, recorded with the case.',
  'FeedbackCase.consent.text': 'The exact consent text the sender agreed to.',
  'FeedbackCase.consent.at': 'When the sender agreed.',
  'FeedbackReceipt.id': 'The case id, as sent.',
  'FeedbackReceipt.secret': 'The lookup secret; absent on a resend when the server chose it (it is shown once).',
  'FeedbackReceipt.receivedAt': 'Server time of receipt, ISO 8601 UTC.',
  'FeedbackCase.id': 'Case id (UUID).',
  'FeedbackCase.sender.name': 'Full name (*họ tên*).',
  'FeedbackCase.public.title': 'Public title.',
  'FeedbackCase.public.content': 'Public content, personal data removed.',
  'FeedbackCase.public.answer': 'Public answer.',
  'FeedbackCase.audit.detail': 'What changed, in words.',
  'FeedbackLookup.timeline.note': 'A note shown to the sender with the change.',
  'FeedbackAction.action':
    'The action: `route` (chuyển xử lý), `start` (đang xử lý), `answer` (trả lời), `publish` (công khai, with the public versions), `note` (ghi chú nội bộ). ' +
    'The lifecycle is received → routed → in_progress → answered → published; an action the current status does not allow is 409 `invalid_transition`.',
  'FeedbackAction.note': 'A note for the audit trail.',
  'FeedbackAction.title': 'Public title, personal data removed.',
  'FeedbackAction.content':
    'Public content, personal data removed; a leftover name, address, phone or e-mail of the sender is 400 `personal_data`.',
  'PublishedFeedbackList.items': 'The published answers, newest first.',
  'BallotOpeningRequest.witnesses.role':
    'Witness role: `counter-head` (trưởng bộ phận Một cửa), `survey-team` (tổ khảo sát), `mttq` (Mặt trận Tổ quốc), `veterans` (Hội Cựu chiến binh), `other`.',
  'BallotOpeningRequest.witnesses.title': 'Position or organisation as it should read on the minutes.',
  'BallotOpening.witnesses.role': 'Witness role (see BallotOpeningRequest).',
  'BallotOpeningList.openings.witnesses.role': 'Witness role (see BallotOpeningRequest).',
  'BallotOpening.witnesses.title': 'Position or organisation.',
  'BallotOpeningList.openings.witnesses.title': 'Position or organisation.',
  'BallotOpening.id': 'Opening id (UUID).',
  'BallotOpeningList.openings.id': 'Opening id (UUID).',
  'BallotOpening.number': 'Order of this unit’s openings, from 1.',
  'BallotOpeningList.openings.number': 'Order of this unit’s openings, from 1.',
  'BallotOpening.previous.number': 'The previous opening’s number.',
  'BallotOpeningList.openings.previous.number': 'The previous opening’s number.',
  'BallotOpening.previous.openedAt': 'When the previous opening happened.',
  'BallotOpeningList.openings.previous.openedAt': 'When the previous opening happened.',
  'BallotOpening.checkpoint': 'The checkpoint signed at the opening: the whole box up to then.',
  'BallotOpeningList.openings.checkpoint': 'The checkpoint signed at the opening: the whole box up to then.',
  'BallotOpening.checkpoint.note': 'The signed note text (see InclusionProof.checkpoint).',
  'BallotOpeningList.openings.checkpoint.note': 'The signed note text (see InclusionProof.checkpoint).',
  'BallotOpening.openedBy.id': 'Staff id.',
  'BallotOpeningList.openings.openedBy.id': 'Staff id.',
  'ConsistencyProof.from': 'The older tree size.',
  'ConsistencyProof.to': 'The newer tree size.',
  'ConsistencyProof.checkpoint': 'The signed checkpoint of size `to`, when `to` is the latest size.',
  'InclusionProof.size': 'Tree size the proof is against: the checkpoint’s.',
  'InclusionProof.checkpoint': 'The signed checkpoint the proof leads to (see LogKey for the key).',
  'LogKey.name': 'Key name = the log’s origin, e.g. `sipas.example.gov.vn/phuong-tan-hoa`.',
  'Results.period': 'The period: its id, first and last day (Vietnam time), label.',
  'Results.period.id': 'Period id as asked (see the `period` parameter).',
  'Results.questionnaire': 'The questionnaire most of the period’s forms answered; null without forms.',
  'Results.factors': 'Per factor; absent when not published.',
  'Results.factors.score': 'This factor’s share of the 30-point commune score: rate × 6, cut to two decimals; null when unscored.',
  'Results.factors.title': 'Factor title.',
  'Results.criteria.questionnaire': 'The questionnaire the criterion belongs to (criteria of two questionnaires are never merged).',
  'Results.criteria.number': 'Number on the printed form.',
  'Results.criteria.text': 'The criterion as printed.',
  'Results.fields.field': 'The field named in the responses’ context; null for responses that named none.',
  'Results.fields.published': 'False when this field has fewer responses than the minimum: then only `forms`.',
  'Results.trend.period': 'Period id.',
  'Results.trend.published': 'False below the minimum for that period.',
  'Results.trend.index': 'Index of that period, when published.',
  'Results.score.total': 'Commune score on 30 (*tổng điểm*), the sum of factor scores.',
  'Results.score.max': 'Always 30.',
  'StaffSession.staff.id': 'Staff id.',
  'StaffSession.staff.role': 'Role: `staff` (cán bộ) or `admin` (quản trị).',
  'StaffMember.id': 'Staff id.',
  'StaffMember.role': 'Role: `staff` (cán bộ) or `admin` (quản trị).',
  'StaffMember.name': 'Full name.',
  'StaffLogin.unit': 'The unit the account belongs to.',
};

/** Parameters by name (path and query). `route.operationId.name` overrides. */
export const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  'getLogCheckpoint.size': 'An earlier tree size (*cỡ cây*): the checkpoint of that size with its cosignatures; default the current one.',
  'checkDossierClaim.token': 'The dossier token (*mã QR hồ sơ*) from the receipt’s QR code, base64url.',
  unit: 'Unit id (*mã đơn vị*), e.g. `phuong-tan-hoa`.',
  id: 'Questionnaire id (*mã phiếu khảo sát*), e.g. `bnv-2023`.',
  version: 'A questionnaire version (positive integer); the latest when absent. A given version is immutable and cached for ever.',
  code: 'Procedure code (*mã thủ tục*), e.g. `1.001193`.',
  'lookupFeedback.code': 'Tracking code (*mã theo dõi*), as on the receipt; case and dashes are ignored.',
  'feedbackCase.code': 'Tracking code (*mã theo dõi*).',
  'feedbackAction.code': 'Tracking code (*mã theo dõi*).',
  secret: 'The lookup secret (*mã bí mật*) from the receipt. Either this or `phone`.',
  phone: 'The last four digits of the sender’s phone (*4 số cuối điện thoại*). Either this or `secret`.',
  q: 'Search words, diacritics-insensitive (*tìm không dấu*).',
  topic: 'Only this topic.',
  offset: 'Items to skip (paging), from 0.',
  limit: 'Items per page.',
  status: 'Only cases in this status.',
  overdue: '`true`: only overdue cases.',
  from: 'First day, inclusive, Vietnam time (YYYY-MM-DD).',
  to: 'Last day, inclusive, Vietnam time (YYYY-MM-DD).',
  period:
    'Reporting period (*kỳ báo cáo*), Vietnam calendar: a quarter `2026-Q3` (quý), the first half `2026-H1` (6 tháng), ' +
    'nine months `2026-9M` (9 tháng), a year `2026` (cả năm), or an inclusive date range `2026-01-01..2026-02-15`; ' +
    'the current quarter when absent. Anything else is 400 with `errors[0].path = "period"`.',
  format: 'Report format: `csv` (UTF-8 with BOM, the default), `xlsx`, or `html` (printable A4).',
  leaf: 'Leaf index (*số thứ tự lá*), from 0, as on the survey receipt.',
  username: 'The staff account’s username (*tên đăng nhập*).',
  'getLogConsistencyProof.from': 'The older tree size (a checkpoint you kept).',
  'getLogConsistencyProof.to': 'The newer tree size; the latest when absent.',
  year: 'Calendar year (*năm*), four digits, e.g. `2027`.',
  'holidayCalendar.year': 'Only this calendar year (*năm*); the years in use when absent.',
  'confirmProcedureImport.id': 'Preview id (*mã lần xem trước*), as the preview answered it.',
  'adminRevokeKioskKey.id': 'The kiosk key’s id (*mã khóa kiosk*), from the list.',
  origin: 'A web origin (*nguồn*): `https://` or `http://`, host, optional port, nothing else — e.g. `https://tanhoa.hanoi.gov.vn`.',
  before: 'Paging cursor: the `next` of the previous page.',
};

/** Tags, for the document's navigation. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  meta: 'Liveness and the contract itself.',
  units: 'Units (*đơn vị*).',
  surveys: 'Satisfaction surveys (*khảo sát sự hài lòng*).',
  procedures: 'Administrative procedures (*thủ tục hành chính*).',
  feedback: 'Feedback and recommendations (*phản ánh, kiến nghị — PAKN*).',
  results: 'Published results and reports (*kết quả, báo cáo*).',
  log: 'The sealed ballot box (*hòm phiếu điện tử niêm phong*): checkpoints and proofs anyone may verify.',
  staff: 'Staff desk (*bàn làm việc cán bộ*); every operation needs a staff session.',
  admin: 'The unit’s admin area (*quản trị đơn vị*): accounts, kiosk keys, allowed sites, feedback settings, change log — administrators only.',
};

const IDEMPOTENT =
  'Idempotent by `id` (*gửi lại vô hại*): the client makes `id` (a UUID; the widgets make version 7, time first, which keeps the server’s index writes together) once and keeps it with the item until it has an answer. ' +
  'The same `id` with the same body again — a retry after a lost answer, a resend from an offline queue — is **200** with the very same receipt and stores nothing new; ' +
  'the same `id` with a different body is **409** `id_conflict` (make a new id). “The same body” compares canonical JSON (keys sorted, absent fields omitted).';
const RATE_LIMITED =
  'Rate limit (*giới hạn tần suất*): writes are limited per client address per minute (`SIPAS_RATE_LIMIT`, 30 by default); over the limit the answer is **429** `rate_limited` ' +
  'with `Retry-After` in seconds — wait that long, then send the same request again (it is idempotent).';
const CONDITIONAL =
  'Conditional (*ETag*): every 200 carries a strong `ETag`; send it back as `If-None-Match` and an unchanged answer is **304** with no body. ' +
  'The ETag changes exactly when the answer does.';

/** Operations: what a backend must do, in English, with the rules that apply to this operation. */
export const OPERATION_DESCRIPTIONS: Record<string, string> = {
  checkDossierClaim:
    'Whether a dossier token (the receipt’s QR code) can still claim its dossier, asked by the survey as it opens: 200 when unused, 409 `dossier_already_rated` when the dossier was rated, ' +
    '400 when the token is unreadable, forged, another unit’s or out of date. Limited per address like a write. The dossier code is not returned.',
  signDossierToken:
    'Sign a dossier token for one receipt with the unit’s dossier key (one-stop software or a clerk). With `surveyUrl`, `url` is the survey page with the token, for the QR code. Not cached.',
  listUnitFields: 'The departments or fields a survey of the unit may name: the admin’s closed list, else the fields of the unit’s procedures. Cached a minute.',
  getSurveySettings: 'The unit’s survey settings: field list and its source, channels in the published index, token validity and the dossier key id.',
  updateSurveySettings: 'Change the unit’s survey settings (admin). Members left out stay; `fields: null` returns to the catalogue’s fields. Other servers read the change within 5 seconds.',
  submitCosignature:
    'A registered witness hands in its cosignature of a checkpoint (C2SP tlog-cosignature). 201 when new, 200 when already kept; 400 `cosignature_invalid` when the key is not registered or the signature does not verify.',
  health: 'Liveness: 200 while the server can reach its database, 503 problem otherwise. For load balancers and monitoring.',
  openapi: 'This OpenAPI 3.1 document, generated from the same route list the server validates against.',
  getUnit: `A unit’s public data. Never personal data, staff or keys. ${CONDITIONAL}`,
  getQuestionnaire:
    'A questionnaire by id, the latest version or `version`. A given version never changes (cached `immutable`); clients send the `id` and `version` they answered with each response. ' +
    `A survey keeps the copy it showed and revalidates it on the next visit. ${CONDITIONAL}`,
  submitSurvey:
    'Submit one satisfaction response. The body is validated against its questionnaire version: every required item answered, ratings within the scale, ' +
    '`null` (“not applicable”) only where allowed, demographic questions not accepted from kiosks. Invalid answers are 400 naming each `answers.<item>`. ' +
    `${IDEMPOTENT} A dossier is claimed only with the unit’s signed dossier token (\`context.token\`, from the receipt’s QR code): a bare \`context.dossier\` is **400** \`dossier_token_required\`, a forged, foreign or expired token 400; a dossier is rated at most once per unit: a second response for it is **409** \`dossier_already_rated\`. ` +
    'The server decides the channel (dossier token, kiosk key, or open web) and accepts `context.field` only from the unit’s closed list (`GET /v1/units/{unit}/fields`; otherwise **400** `unknown_field` listing the allowed ones). ' +
    'An accepted response is stored, added to the results and appended to the unit’s sealed ballot box in one durable transaction; the receipt names its leaf. ' +
    `${RATE_LIMITED} Counter devices send \`X-Sipas-Kiosk-Key\` (a key the unit issued) and are limited per key instead (120 a minute); a key of another unit is 403 \`kiosk_key_invalid\`.`,
  listProcedures: `The unit’s administrative procedures, enough for a list and a diacritics-insensitive search on the client. ${CONDITIONAL}`,
  getProcedure: `One administrative procedure in full. ${CONDITIONAL}`,
  submitFeedback:
    'Send feedback or a recommendation (PAKN). Personal data (sender) and explicit consent are required by law and are visible to staff only. ' +
    'The receipt gives the tracking code, the lookup secret and the due date (received + the unit’s working days, weekends and holidays skipped, Vietnam calendar); ' +
    `\`Location\` names the case. ${IDEMPOTENT} ${RATE_LIMITED}`,
  lookupFeedback:
    'Look a case up with its tracking code and the secret (or the last four digits of the sender’s phone): status, due date, timeline, answer. ' +
    'No personal data. A wrong code, secret or phone is the same 404 (nothing tells which one was wrong); lookups are rate-limited like writes.',
  listPublishedFeedback:
    'Published answers of the unit, newest first, searchable without diacritics. Only the public versions: no names, addresses, phones or e-mails.',
  feedbackInbox: 'The unit’s inbox for staff: overdue cases first, then by due date. Includes the sender’s name; staff only.',
  feedbackCase: 'One case in full for staff: sender, consent, answer, public version, audit trail.',
  feedbackAction:
    'A staff action on a case, written to the audit trail (who, when, what). Lifecycle: received → routed → in_progress → answered → published; ' +
    'an action the status does not allow is 409 `invalid_transition`. Publishing refuses (400 `personal_data`, naming the field) a public text that still contains the sender’s name, address, phone or e-mail; ' +
    'when published, the sender is told by e-mail if they gave one.',
  feedbackExport:
    'Cases received between `from` and `to` (Vietnam calendar days, inclusive) as CSV: UTF-8 with a byte-order mark (Excel opens it), comma-separated, RFC 4180 quoting, ' +
    'cells that start with `=`, `+`, `-` or `@` prefixed with `\'` so no spreadsheet runs them.',
  getResults:
    'Published results of the unit and every unit below it for a period. ' +
    'Small-n suppression (*ngưỡng công bố*): with fewer than `minimumForms` responses (30 by default) `published` is false and the answer carries `forms` only — no rate, no index, no factor — ' +
    'and each department row below the minimum likewise. Scoring: see the `Results` schema. ' +
    `${CONDITIONAL} Results are kept as running aggregates, so any period answers without scanning responses.`,
  getResultsReport:
    'The period’s report for staff: per department (forms, points, maximum, rate), each factor on 6 and the total on 30, each criterion. ' +
    '`format=csv` (default; UTF-8 with BOM), `xlsx` (one sheet), or `html` (a printable A4 page). Same suppression rule as the public results.',
  getLogCheckpoint:
    'The latest signed checkpoint of the unit’s ballot box, as `text/plain`: a C2SP signed note. Verify the Ed25519 signature with the key from `…/log/key` ' +
    '(kept on the opening minutes), then check inclusion and consistency proofs against its size and root.',
  getLogKey: 'The ballot box’s public key: name, key id, raw Ed25519 key and the C2SP verifier-key string.',
  getLogInclusionProof:
    'Proof that leaf `leaf` is in the tree of the latest checkpoint (RFC 9162 §2.1.3). Recompute the root from `leafHash` and `proof` and compare it with the checkpoint’s root. ' +
    'The leaf hash of a response you hold is SHA-256(0x00 ‖ UTF-8 canonical JSON of `{"receivedAt": <receipt time>, "response": <the response as sent, without website>}`).',
  getLogConsistencyProof:
    'Proof that the tree of size `to` (latest by default) extends the tree of size `from` (RFC 9162 §2.1.4): keep an old checkpoint, ask for this, and nothing earlier can have been removed, changed or inserted.',
  exportLog:
    'The whole ballot box for an audit, as JSON lines: the first line is the checkpoint header; each further line one leaf with the response as stored; ' +
    'a response the database holds outside the log is listed with `leaf: null`. `sipas-server audit --export FILE` checks it.',
  openBallotBox:
    'Open the ballot box for a period before witnesses: sign a checkpoint, count the period’s responses from the log, check consistency with the previous opening, record the opening. ' +
    'The answer is the content of the minutes (*biên bản*).',
  listBallotOpenings: 'The recorded openings, newest first, to print the minutes again.',
  staffSignIn:
    'Staff sign-in with unit, username and password; the answer is a bearer token with its expiry. Wrong credentials are 401 `sign_in_failed` (never which part was wrong); ' +
    'attempts are limited per address (429 with `Retry-After`).',
  staffSignOut: 'Sign out: the token stops working at once.',
  staffMe: 'Who the token belongs to.',
  adminListAccounts: 'The unit’s staff accounts, without any password (administrators only).',
  adminAddAccount:
    'Add a staff account. The server makes the password and returns it once (*chỉ hiện một lần*); only its scrypt hash is kept. A username already in the unit is 409 `username_taken`.',
  adminChangeAccount:
    'Change an account’s name, role, or disable / enable it. Disabling ends its sessions at once; a role change applies to the next request. A change that would leave the unit without an enabled administrator is 409 `last_admin`.',
  adminResetPassword: 'Reset a password: a new one made by the server, returned once; the account’s sessions end at once.',
  adminListKioskKeys: 'The unit’s kiosk keys that are not revoked, paired or waiting for their tablet; never a key or a hash.',
  adminIssueKioskKey:
    'Issue a kiosk key for a counter tablet (*khóa kiosk*): the answer carries a one-time pairing URL (`/kiosk/#unit=…&code=…`, the code in the fragment so no server log sees it) the desk shows as a QR code, valid 30 minutes. The key itself is made when the tablet pairs.',
  adminRevokeKioskKey: 'Revoke a kiosk key (a lost tablet): refused from the very next request in every server process (keys are read from the database on each request, never cached).',
  adminListOrigins: 'The sites (origins) whose pages may use the unit’s elements (*trang web được phép*).',
  adminAddOrigin:
    'Allow a site: exactly an origin (`scheme://host[:port]`); a page address is 400 naming the origin it meant. Effective at once (other server processes within 5 s), no restart.',
  adminRemoveOrigin: 'Remove a site from the allowed list.',
  adminFeedbackSettings: 'The unit’s feedback settings: working days to answer, its mail server (never with the password), the lookup page.',
  adminSetFeedbackSettings: 'Replace the feedback settings; `null` clears a field, `***` as the mail password keeps the stored one. Holidays are not changed here.',
  adminChangeLog: 'The unit’s admin change log (*nhật ký quản trị*): who changed what, when, newest first; secrets never appear.',
  pairKiosk:
    'A counter tablet exchanges the one-time pairing code it scanned for its kiosk key (once). A wrong, spent, expired or revoked code is 410 `pairing_code_spent`; limited to 10 attempts a minute per address.',
  staffUnlock:
    'Unlock a staff account of the unit that sign-in locked after too many wrong passwords (administrators only). 204 when done; 404 for an unknown account.',
  ready:
    'Readiness (*sẵn sàng*): 200 when the database answers and every migration is applied, 503 problem otherwise. ' +
    'For load balancers, Docker and systemd: send traffic only after 200. Liveness alone is `/healthz`.',
  metrics:
    'Process metrics in the Prometheus text format 0.0.4 (*số đo*): requests, stored responses, queues, errors, query times. ' +
    'No personal data; still, block it from the Internet at the proxy.',
  holidayCalendar:
    'The days off (*ngày nghỉ lễ, Tết*) used to count feedback answer deadlines, for the years in use (this year; next year too from October) or `year`. ' +
    'Each year says whether an administrator confirmed its list (this unit’s or an ancestor’s); a year in use without a confirmed list carries a `warning`.',
  confirmHolidays:
    'An administrator enters (or corrects) a year’s days off from the yearly decision (*quyết định nghỉ lễ hằng năm*): all days off, and the weekend days made working. ' +
    'It applies to the unit and every unit below it. Every date must fall in `year` or the December before it (400 `date_outside_year`). The answer is the calendar after saving.',
  removeHolidays:
    'An administrator removes the list entered for a year: the year falls back to the days off the law sets (*ngày nghỉ theo luật*), unconfirmed. The answer is the calendar after removing.',
  previewProcedureImport:
    'An administrator sends a procedures file (*tệp thủ tục*: XLSX, CSV or JSON, base64, at most 8 MB). The server reads and checks it and answers what confirming would change ' +
    '(added, changed, unchanged, removed with `replace`); nothing is written yet. Invalid rows are named by line and column; ' +
    'an unreadable file is 422 `unreadable_file`, a too large one 413 `file_too_large`. A preview is kept for one day.',
  confirmProcedureImport:
    'An administrator confirms a preview (*xác nhận nhập thủ tục*): everything is written in one transaction, or nothing. ' +
    'Refused with 409 `catalogue_changed` when the catalogue changed since the preview, or `import_already_confirmed`; an unknown or expired preview is 404 `import_not_found`.',
};

/** English meaning of each status, put before the route's own (Vietnamese) words. */
export const STATUS_WORDS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  304: 'Not modified',
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

/** Parameter examples by name (`operationId.name` overrides). */
export const PARAMETER_EXAMPLES: Record<string, unknown> = {
  'getLogCheckpoint.size': '280',
  'checkDossierClaim.token': 'AQAIKqkfTGhTLTIwMjYtMDAwMQgxLjAwMTE5M4uEAADu',
  unit: 'phuong-tan-hoa',
  id: 'bnv-2023',
  version: '1',
  code: '1.001193',
  'lookupFeedback.code': 'TANH-2345',
  'feedbackCase.code': 'TANH-2345',
  'feedbackAction.code': 'TANH-2345',
  secret: 'ABCD2345',
  phone: '8999',
  q: 'khai sinh',
  topic: 'procedure',
  offset: '0',
  limit: '20',
  status: 'received',
  overdue: 'true',
  from: '2026-07-01',
  to: '2026-09-30',
  'getLogConsistencyProof.from': '120',
  'getLogConsistencyProof.to': '280',
  period: '2026-Q3',
  format: 'xlsx',
  leaf: '3',
  username: 'canbo',
  year: '2027',
  'confirmProcedureImport.id': 'q3Zk8mN2xYb7',
  'adminRevokeKioskKey.id': '3f9a1c2b7d4e',
  origin: 'https://tanhoa.hanoi.gov.vn',
  before: 'MjAyNi0xMi0wMVQxNDowMDowMC4wMDBafGE',
};
