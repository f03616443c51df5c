import * as z from 'zod/mini';
import { line } from './strings.js';
import { Instant } from './common.js';
import { checkOrigin } from './origin.js';
import { StaffRole } from './staff.js';

/**
 * What a unit's admins manage from the desk: staff accounts, kiosk keys, allowed origins and
 * feedback settings, each change recorded in the unit's change log.
 */

export const Username = line(
  z.trim(),
  z.minLength(2),
  z.maxLength(64),
  z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'Tên đăng nhập chỉ dùng chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.'),
);

const PersonName = line(z.trim(), z.minLength(2), z.maxLength(120));

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: StaffRole,
  disabled: z.boolean(),
  createdAt: Instant,
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const StaffAccountList = z.object({ accounts: z.array(StaffAccount) });
export type StaffAccountList = z.infer<typeof StaffAccountList>;

export const NewStaffAccount = z.strictObject({ username: Username, name: PersonName, role: StaffRole });
export type NewStaffAccount = z.infer<typeof NewStaffAccount>;

/** Change a name, a role, or disable / re-enable an account (disabling ends its sessions at once). */
export const StaffAccountPatch = z
  .strictObject({ name: z.optional(PersonName), role: z.optional(StaffRole), disabled: z.optional(z.boolean()) })
  .check(
    z.refine((patch) => Object.keys(patch).length > 0, { message: 'Cần ít nhất một thay đổi (name, role hoặc disabled).' }),
  );
export type StaffAccountPatch = z.infer<typeof StaffAccountPatch>;

/** An account with a password the server generated: shown once, never stored in clear. */
export const StaffAccountWithPassword = z.object({ account: StaffAccount, password: z.string() });
export type StaffAccountWithPassword = z.infer<typeof StaffAccountWithPassword>;

export const KioskKey = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: Instant,
  /** Name of the admin who issued it (keys issued on the command line have none). */
  createdBy: z.optional(z.string()),
  /** When the counter tablet scanned the pairing code and received its key. */
  pairedAt: z.optional(Instant),
  /** Until when an unpaired key's pairing code works. */
  pairingExpiresAt: z.optional(Instant),
});
export type KioskKey = z.infer<typeof KioskKey>;

export const KioskKeyList = z.object({ keys: z.array(KioskKey) });
export type KioskKeyList = z.infer<typeof KioskKeyList>;

export const NewKioskKey = z.strictObject({ label: line(z.trim(), z.minLength(1), z.maxLength(80)) });
export type NewKioskKey = z.infer<typeof NewKioskKey>;

/**
 * A kiosk key waiting for its tablet. The desk shows `pairingUrl` as a QR code; the tablet scans
 * it, the kiosk page exchanges the one-time code for the key, and the code is spent.
 */
export const IssuedKioskKey = z.object({
  key: KioskKey,
  pairingCode: z.string(),
  pairingUrl: z.string(),
  expiresAt: Instant,
});
export type IssuedKioskKey = z.infer<typeof IssuedKioskKey>;

export const KioskPairingRequest = z.strictObject({
  unit: line(z.minLength(1), z.maxLength(64)),
  code: line(z.trim(), z.minLength(8), z.maxLength(80)),
});
export type KioskPairingRequest = z.infer<typeof KioskPairingRequest>;

/** The kiosk key itself, given once to the tablet that paired. */
export const KioskPairing = z.object({ unit: z.string(), label: z.string(), key: z.string() });
export type KioskPairing = z.infer<typeof KioskPairing>;

/** An origin exactly as the allowed-origins list holds it (see `checkOrigin`). */
export const OriginInput = line(
  z.maxLength(300),
  z.superRefine((value, ctx) => {
    const checked = checkOrigin(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, input: value });
  }),
);

export const AllowedOrigins = z.object({ origins: z.array(z.string()) });
export type AllowedOrigins = z.infer<typeof AllowedOrigins>;

export const AllowedOriginRequest = z.strictObject({ origin: OriginInput });
export type AllowedOriginRequest = z.infer<typeof AllowedOriginRequest>;

/** A unit's feedback settings as an admin sees them: the SMTP password is never sent back. */
export const AdminFeedbackSettings = z.object({
  /** Working days to answer a case; absent: the server's default applies. */
  workingDays: z.optional(z.number()),
  /** The server's default, for the form's hint. */
  defaultWorkingDays: z.number(),
  /** SMTP server without its password (`smtp://user:***@host:587`). */
  smtpUrl: z.optional(z.string()),
  smtpFrom: z.optional(z.string()),
  /** True when the server-wide SMTP server applies because the unit has none. */
  smtpFromServer: z.boolean(),
  lookupUrl: z.optional(z.string()),
});
export type AdminFeedbackSettings = z.infer<typeof AdminFeedbackSettings>;

const SmtpUrl = line(
  z.maxLength(500),
  z.regex(/^smtps?:\/\/[^\s/]+(?::\d+)?\/?$/, 'Địa chỉ máy chủ thư dạng smtp://tên:mật-khẩu@máy-chủ:587 hoặc smtps://…'),
);

/**
 * Replaces the unit's feedback settings. `smtpUrl: null` removes the unit's own mail server; a URL
 * whose password is `***` keeps the stored password (the form never sees it).
 */
export const AdminFeedbackSettingsUpdate = z.strictObject({
  workingDays: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(90))),
  smtpUrl: z.nullable(SmtpUrl),
  smtpFrom: z.nullable(line(z.trim(), z.maxLength(200))),
  lookupUrl: z.nullable(line(z.maxLength(500), z.regex(/^https?:\/\/\S+$/, 'Địa chỉ trang bắt đầu bằng https:// hoặc http://.'))),
});
export type AdminFeedbackSettingsUpdate = z.infer<typeof AdminFeedbackSettingsUpdate>;

export const ADMIN_ACTIONS = [
  'account.added',
  'account.password_reset',
  'account.changed',
  'kiosk_key.issued',
  'kiosk_key.paired',
  'kiosk_key.revoked',
  'origin.added',
  'origin.removed',
  'feedback_settings.changed',
  'survey_settings.changed',
  'holidays.confirmed',
  'holidays.removed',
  'procedures.imported',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** One entry of a unit's change log: who changed what, when. Secrets never appear in it. */
export const AdminChange = z.object({
  id: z.string(),
  at: Instant,
  /** The admin (or `kiosk` for a pairing tablet) who made the change. */
  actor: z.object({ id: z.nullable(z.string()), name: z.string() }),
  action: z.enum(ADMIN_ACTIONS),
  /** What was changed, readable: a username, a key label, an origin. */
  target: z.string(),
  /** The change itself, e.g. `{ role: { from: 'staff', to: 'admin' } }`. */
  detail: z.record(z.string(), z.unknown()),
});
export type AdminChange = z.infer<typeof AdminChange>;

export const AdminChangeList = z.object({ changes: z.array(AdminChange), next: z.optional(z.string()) });
export type AdminChangeList = z.infer<typeof AdminChangeList>;

export const AdminChangeQuery = z.object({
  /** Opaque cursor from a previous page's `next`. */
  before: z.optional(line(z.maxLength(100))),
  limit: z.optional(line(z.regex(/^\d{1,3}$/))),
});
