import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Unit } from '@sipas/schema';
import * as z from 'zod/mini';
import { bundledWidgetsDir } from './assets.js';

/**
 * Configuration comes from environment variables, optionally completed by a JSON file named by
 * SIPAS_CONFIG (variables win). Every setting has a safe default for a single ward's machine.
 * One table below (`SETTINGS`) reads both sources: an unknown key or a bad value stops the
 * server at start, naming the setting and what it accepts, in Vietnamese and English.
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
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For): false (none),
   * true (any), a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
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
  /** Non-working dates (YYYY-MM-DD) on top of weekends and the computed public holidays (compensatory days…). */
  holidays: string[];
  /** Working days to answer a feedback case, unless a unit sets its own. */
  feedbackWorkingDays: number;
}

/** A setting refused: what it is called where it was given, the value, and what is accepted. */
export interface ConfigProblem {
  setting: string;
  value: string;
  acceptedVi: string;
  acceptedEn: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      [
        'Cấu hình không hợp lệ, máy chủ không khởi động (invalid configuration, the server does not start):',
        ...problems.map(
          (p) => `  ${p.setting}=${p.value}\n    chấp nhận: ${p.acceptedVi}\n    accepted:  ${p.acceptedEn}`,
        ),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false };

interface Setting<K extends keyof ServerConfig> {
  key: K;
  /** Environment variable, if the setting can come from one. */
  env?: string;
  acceptedVi: string;
  acceptedEn: string;
  /** Reads a value from the environment (text) or the file (JSON). */
  parse(value: unknown): Parsed<ServerConfig[K]>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = { ok: false } as const;

function wholeNumber(min: number, max: number) {
  return (value: unknown): Parsed<number> => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(n) && n >= min && n <= max ? ok(n) : bad;
  };
}

const text = (value: unknown): Parsed<string> => (typeof value === 'string' && value.trim() !== '' ? ok(value.trim()) : bad);

function existingDir(value: unknown): Parsed<string> {
  if (typeof value !== 'string' || value === '') return bad;
  const path = resolve(value);
  return existsSync(path) && statSync(path).isDirectory() ? ok(path) : bad;
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

const IPV4_OR_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_OR_CIDR = /^[0-9a-f:]+:[0-9a-f:.]*(\/\d{1,3})?$/i;

/** Every setting, once: its environment variable, its file key, its parser and what it accepts. */
const SETTINGS: { [K in keyof ServerConfig]: Setting<K> } = {
  host: { key: 'host', env: 'HOST', acceptedVi: 'một địa chỉ lắng nghe, ví dụ 127.0.0.1 hoặc 0.0.0.0', acceptedEn: 'an address to listen on, e.g. 127.0.0.1 or 0.0.0.0', parse: text },
  port: { key: 'port', env: 'PORT', acceptedVi: 'số nguyên từ 0 đến 65535', acceptedEn: 'a whole number from 0 to 65535', parse: wholeNumber(0, 65535) },
  databaseUrl: {
    key: 'databaseUrl',
    env: 'SIPAS_DATABASE_URL',
    acceptedVi: 'sqlite:đường/dẫn.db, sqlite::memory: hoặc postgres://người-dùng:mật-khẩu@máy:5432/csdl',
    acceptedEn: 'sqlite:path/to.db, sqlite::memory: or postgres://user:password@host:5432/db',
    parse: (value) => {
      if (typeof value !== 'string' || value.trim() === '') return bad;
      const url = value.trim();
      if (/^sqlite:./.test(url)) return ok(url);
      if (/^postgres(ql)?:\/\/[^/]+\/[^/]+/.test(url)) {
        try {
          new URL(url);
          return ok(url);
        } catch {
          return bad;
        }
      }
      // Any other scheme (mysql://, http://…) is a mistake, never a file name. A bare path is a SQLite file.
      return /^[a-z][a-z0-9+.-]+:/i.test(url) ? bad : ok(`sqlite:${url}`);
    },
  },
  bodyLimit: { key: 'bodyLimit', env: 'SIPAS_BODY_LIMIT', acceptedVi: 'số byte, từ 1024 đến 104857600', acceptedEn: 'bytes, from 1024 to 104857600', parse: wholeNumber(1024, 100 * 1024 * 1024) },
  // Load tests lift the limit with a huge value; 0 or a negative number would be a mistake.
  rateLimitPerMinute: { key: 'rateLimitPerMinute', env: 'SIPAS_RATE_LIMIT', acceptedVi: 'số lần ghi mỗi phút, từ 1 đến 1000000000', acceptedEn: 'writes a minute, from 1 to 1000000000', parse: wholeNumber(1, 1_000_000_000) },
  trustProxy: {
    key: 'trustProxy',
    env: 'SIPAS_TRUST_PROXY',
    acceptedVi: 'false (không có proxy), true (tin mọi proxy), số proxy đứng trước (1, 2…) hoặc danh sách địa chỉ proxy cách nhau bởi dấu phẩy (127.0.0.1,10.0.0.0/8)',
    acceptedEn: 'false (no proxy), true (trust any proxy), the number of proxies in front (1, 2…) or a comma-separated list of proxy addresses (127.0.0.1,10.0.0.0/8)',
    parse: (value) => {
      if (typeof value === 'boolean') return ok(value);
      if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10 ? ok(value) : bad;
      if (typeof value !== 'string') return bad;
      const v = value.trim();
      if (v === 'true' || v === 'false') return ok(v === 'true');
      if (/^\d+$/.test(v)) return wholeNumber(1, 10)(v);
      const parts = v.split(',').map((p) => p.trim());
      return parts.length > 0 && parts.every((p) => IPV4_OR_CIDR.test(p) || IPV6_OR_CIDR.test(p)) ? ok(parts.join(',')) : bad;
    },
  },
  units: {
    key: 'units',
    acceptedVi: 'danh sách { id, name, parent, questionnaire, allowedOrigins } (chỉ trong tệp cấu hình)',
    acceptedEn: 'a list of { id, name, parent, questionnaire, allowedOrigins } (configuration file only)',
    parse: (value) => {
      const parsed = z.array(Unit).safeParse(value);
      return parsed.success ? ok(parsed.data) : bad;
    },
  },
  siteDir: { key: 'siteDir', env: 'SIPAS_SITE_DIR', acceptedVi: 'một thư mục có sẵn', acceptedEn: 'an existing folder', parse: existingDir },
  widgetsDir: { key: 'widgetsDir', env: 'SIPAS_WIDGETS_DIR', acceptedVi: 'một thư mục có sẵn chứa sipas.js', acceptedEn: 'an existing folder holding sipas.js', parse: existingDir },
  minimumForms: { key: 'minimumForms', env: 'SIPAS_MIN_FORMS', acceptedVi: 'số nguyên từ 1 đến 100000', acceptedEn: 'a whole number from 1 to 100000', parse: wholeNumber(1, 100_000) },
  logLevel: {
    key: 'logLevel',
    env: 'SIPAS_LOG_LEVEL',
    acceptedVi: 'silent, fatal, error, warn, info, debug hoặc trace',
    acceptedEn: 'silent, fatal, error, warn, info, debug or trace',
    parse: (value) => (typeof value === 'string' && ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'].includes(value) ? ok(value) : bad),
  },
  logKeyPath: { key: 'logKeyPath', env: 'SIPAS_LOG_KEY', acceptedVi: 'đường dẫn tệp khoá', acceptedEn: 'a key file path', parse: (v) => (typeof v === 'string' && v !== '' ? ok(resolve(v)) : bad) },
  logOrigin: { key: 'logOrigin', env: 'SIPAS_LOG_ORIGIN', acceptedVi: 'tên miền, ví dụ sipas.phuong.gov.vn', acceptedEn: 'a domain name, e.g. sipas.ward.gov.vn', parse: text },
  smtpUrl: {
    key: 'smtpUrl',
    env: 'SIPAS_SMTP_URL',
    acceptedVi: 'smtp://người-dùng:mật-khẩu@máy:587 hoặc smtps://…:465',
    acceptedEn: 'smtp://user:password@host:587 or smtps://…:465',
    parse: (value) => (typeof value === 'string' && /^smtps?:\/\/[^/\s]+/.test(value) ? ok(value) : bad),
  },
  smtpFrom: { key: 'smtpFrom', env: 'SIPAS_SMTP_FROM', acceptedVi: 'địa chỉ người gửi, ví dụ "UBND phường" <no-reply@phuong.gov.vn>', acceptedEn: 'a sender address', parse: (v) => (typeof v === 'string' && v.includes('@') ? ok(v) : bad) },
  holidays: {
    key: 'holidays',
    env: 'SIPAS_HOLIDAYS',
    acceptedVi: 'các ngày dạng NĂM-THÁNG-NGÀY cách nhau bởi dấu phẩy, ví dụ 2027-02-05,2027-02-08',
    acceptedEn: 'comma-separated dates YYYY-MM-DD, e.g. 2027-02-05,2027-02-08',
    parse: (value) => {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((d) => d.trim()).filter(Boolean) : undefined;
      return list && list.every((d) => typeof d === 'string' && isDate(d)) ? ok(list as string[]) : bad;
    },
  },
  feedbackWorkingDays: { key: 'feedbackWorkingDays', env: 'SIPAS_FEEDBACK_DAYS', acceptedVi: 'số ngày làm việc từ 1 đến 90', acceptedEn: 'working days from 1 to 90', parse: wholeNumber(1, 90) },
};

const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  databaseUrl: 'sqlite:./data/sipas.db',
  bodyLimit: 64 * 1024,
  rateLimitPerMinute: 30,
  trustProxy: false,
  units: [],
  minimumForms: 30,
  logLevel: 'info',
  holidays: [],
  feedbackWorkingDays: 10,
};

/** SIPAS_* variables read elsewhere than in this table (commands; SIPAS_TEST* by the test tools): not typos. */
const OTHER_VARIABLES = new Set(['SIPAS_CONFIG', 'SIPAS_STAFF_PASSWORD', 'SIPAS_SCREENSHOTS', 'SIPAS_BALLOT_PDF']);
const isOtherVariable = (name: string) => OTHER_VARIABLES.has(name) || name.startsWith('SIPAS_TEST');

/** The environment variable names the server reads (for `config --check` and the docs). */
export const ENVIRONMENT_VARIABLES = Object.values(SETTINGS).flatMap((s) => (s.env ? [s.env] : []));

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value));

/**
 * Reads and checks the configuration. Throws ConfigError listing every refused setting: an
 * unknown key in the file, an unknown SIPAS_* variable, or a value outside what is accepted.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const problems: ConfigProblem[] = [];
  const settings = Object.values(SETTINGS) as Setting<keyof ServerConfig>[];
  const config: Record<string, unknown> = { ...DEFAULTS };
  const configPath = env.SIPAS_CONFIG;
  if (configPath) {
    let file: unknown;
    try {
      file = JSON.parse(readFileSync(configPath, 'utf8'));
    } catch (error) {
      const missing = !existsSync(configPath);
      problems.push({
        setting: 'SIPAS_CONFIG',
        value: configPath,
        acceptedVi: missing ? 'một tệp JSON có sẵn (tệp này không tồn tại)' : `một tệp JSON hợp lệ (${(error as Error).message})`,
        acceptedEn: missing ? 'an existing JSON file (this one does not exist)' : `a valid JSON file (${(error as Error).message})`,
      });
    }
    if (file !== undefined && (typeof file !== 'object' || file === null || Array.isArray(file))) {
      problems.push({ setting: 'SIPAS_CONFIG', value: configPath, acceptedVi: 'một đối tượng JSON { "port": 8787, … }', acceptedEn: 'a JSON object { "port": 8787, … }' });
    } else if (file) {
      for (const [key, value] of Object.entries(file)) {
        const setting = settings.find((s) => s.key === key);
        if (!setting) {
          problems.push({
            setting: `${configPath}: "${key}"`,
            value: show(value),
            acceptedVi: `không có khoá này; các khoá: ${settings.map((s) => s.key).join(', ')}`,
            acceptedEn: `no such key; the keys are: ${settings.map((s) => s.key).join(', ')}`,
          });
          continue;
        }
        const parsed = setting.parse(value);
        if (parsed.ok) config[key] = parsed.value;
        else problems.push({ setting: `${configPath}: "${key}"`, value: show(value), acceptedVi: setting.acceptedVi, acceptedEn: setting.acceptedEn });
      }
    }
  }
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('SIPAS_') || isOtherVariable(name)) continue;
    if (!settings.some((s) => s.env === name)) {
      problems.push({
        setting: name,
        value: show(value),
        acceptedVi: `không có biến này; các biến: ${ENVIRONMENT_VARIABLES.filter((n) => n.startsWith('SIPAS_')).join(', ')}, SIPAS_CONFIG`,
        acceptedEn: `no such variable; the variables are: ${ENVIRONMENT_VARIABLES.filter((n) => n.startsWith('SIPAS_')).join(', ')}, SIPAS_CONFIG`,
      });
    }
  }
  for (const setting of settings) {
    const raw = setting.env ? env[setting.env] : undefined;
    if (raw === undefined || raw === '') continue;
    const parsed = setting.parse(raw);
    if (parsed.ok) config[setting.key] = parsed.value;
    else problems.push({ setting: setting.env!, value: show(raw), acceptedVi: setting.acceptedVi, acceptedEn: setting.acceptedEn });
  }
  if (problems.length) throw new ConfigError(problems);
  // The widgets of the installed @sipas/widgets package, when nothing else is named.
  config.widgetsDir ??= bundledWidgetsDir();
  if (config.widgetsDir === undefined) delete config.widgetsDir;
  return { ...(config as unknown as ServerConfig), ...overrides };
}

/** The configuration as `config --check` shows it: passwords in URLs masked. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
  const mask = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return {
    ...config,
    databaseUrl: mask(config.databaseUrl),
    ...(config.smtpUrl ? { smtpUrl: mask(config.smtpUrl) } : {}),
    units: config.units.map((u) => u.id),
  };
}
