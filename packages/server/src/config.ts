import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Unit } from '@sipas/schema';
import * as z from 'zod/mini';

/**
 * Configuration comes from environment variables, optionally completed by a JSON file named by
 * SIPAS_CONFIG (variables win). Every setting has a safe default for a single ward's machine.
 */
export interface ServerConfig {
  host: string;
  port: number;
  /** `sqlite:./data/sipas.db` (default) or `postgres://…`. */
  databaseUrl: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Requests a minute one IP may make to a write route. */
  rateLimitPerMinute: number;
  /** Trust X-Forwarded-For from a reverse proxy in front of the server. */
  trustProxy: boolean;
  /** Units to create or update at start (from the config file). */
  units: Unit[];
  /** Folder served at `/` (the demo ward site), if any. */
  siteDir?: string;
  /** Folder served at `/sipas/` (the built widgets), if any. */
  widgetsDir?: string;
  /** Minimum responses before a percentage is published. */
  minimumForms: number;
  logLevel: string;
  /** Ballot-box signing key (Ed25519, PKCS#8 PEM, 0600); default: next to the SQLite file. */
  logKeyPath?: string;
  /** Prefix of each unit's log origin and key name, ideally your domain: `<logOrigin>/<unit>`. */
  logOrigin?: string;
  /** SMTP server for feedback notices (`smtp://user:pass@host:587`, `smtps://…`); a unit may set its own. */
  smtpUrl?: string;
  /** Sender address of feedback notices: `"UBND phường" <no-reply@…>`. */
  smtpFrom?: string;
  /** Non-working dates (YYYY-MM-DD) on top of weekends and fixed holidays: Tết, Giỗ Tổ, compensatory days. */
  holidays: string[];
  /** Working days to answer a feedback case, unless a unit sets its own. */
  feedbackWorkingDays: number;
}

const FileConfig = z.partial(
  z.object({
    host: z.string(),
    port: z.number(),
    databaseUrl: z.string(),
    bodyLimit: z.number(),
    rateLimitPerMinute: z.number(),
    trustProxy: z.boolean(),
    units: z.array(Unit),
    siteDir: z.string(),
    widgetsDir: z.string(),
    minimumForms: z.number(),
    logLevel: z.string(),
    logKeyPath: z.string(),
    logOrigin: z.string(),
    smtpUrl: z.string(),
    smtpFrom: z.string(),
    holidays: z.array(z.iso.date()),
    feedbackWorkingDays: z.number(),
  }),
);

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return parsed;
}

/** The built widgets next to this server in the repository, when they exist (for /sipas/ and the desk). */
const bundledWidgets = fileURLToPath(new URL('../../../widgets/dist', import.meta.url));

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  let file: z.infer<typeof FileConfig> = {};
  const configPath = env.SIPAS_CONFIG;
  if (configPath) {
    if (!existsSync(configPath)) throw new Error(`SIPAS_CONFIG names ${configPath}, which does not exist`);
    const parsed = FileConfig.safeParse(JSON.parse(readFileSync(configPath, 'utf8')));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${configPath} is not a valid configuration: ${problems}`);
    }
    file = parsed.data;
  }
  return {
    host: env.HOST ?? file.host ?? '127.0.0.1',
    port: integer('PORT', env.PORT, file.port ?? 8787),
    databaseUrl: env.SIPAS_DATABASE_URL ?? file.databaseUrl ?? 'sqlite:./data/sipas.db',
    bodyLimit: integer('SIPAS_BODY_LIMIT', env.SIPAS_BODY_LIMIT, file.bodyLimit ?? 64 * 1024),
    rateLimitPerMinute: integer('SIPAS_RATE_LIMIT', env.SIPAS_RATE_LIMIT, file.rateLimitPerMinute ?? 30),
    trustProxy: (env.SIPAS_TRUST_PROXY ?? String(file.trustProxy ?? false)) === 'true',
    units: file.units ?? [],
    siteDir: env.SIPAS_SITE_DIR ? resolve(env.SIPAS_SITE_DIR) : file.siteDir,
    widgetsDir: env.SIPAS_WIDGETS_DIR ? resolve(env.SIPAS_WIDGETS_DIR) : (file.widgetsDir ?? (existsSync(bundledWidgets) ? bundledWidgets : undefined)),
    minimumForms: integer('SIPAS_MIN_FORMS', env.SIPAS_MIN_FORMS, file.minimumForms ?? 30),
    logLevel: env.SIPAS_LOG_LEVEL ?? file.logLevel ?? 'info',
    ...((env.SIPAS_LOG_KEY || file.logKeyPath) ? { logKeyPath: resolve((env.SIPAS_LOG_KEY || file.logKeyPath)!) } : {}),
    ...((env.SIPAS_LOG_ORIGIN || file.logOrigin) ? { logOrigin: env.SIPAS_LOG_ORIGIN || file.logOrigin } : {}),
    ...((env.SIPAS_SMTP_URL || file.smtpUrl) ? { smtpUrl: env.SIPAS_SMTP_URL || file.smtpUrl } : {}),
    ...((env.SIPAS_SMTP_FROM || file.smtpFrom) ? { smtpFrom: env.SIPAS_SMTP_FROM || file.smtpFrom } : {}),
    holidays: env.SIPAS_HOLIDAYS ? env.SIPAS_HOLIDAYS.split(',').map((d) => d.trim()).filter(Boolean) : (file.holidays ?? []),
    feedbackWorkingDays: integer('SIPAS_FEEDBACK_DAYS', env.SIPAS_FEEDBACK_DAYS, file.feedbackWorkingDays ?? 10),
    ...overrides,
  };
}
