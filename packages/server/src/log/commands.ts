import { fromHex, parseVerifierKey, type LogKey, type VerifierKey } from '@sipas/schema';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Commands } from '../commands.js';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { audit, formatReport, parseExport, type AuditInput, type ParsedExport } from './audit.js';
import { BallotBox } from './box.js';
import { nodeSha256 } from './crypto.js';
import { addWitness, removeWitness, witnessesOf } from './cosignatures.js';
import { exportLogText } from './export.js';
import { witnessCosignerKey, witnessOnce } from './witness.js';
import { UnitStore } from '../units/store.js';

const AUDIT_USAGE = `Cách dùng (Usage):
  sipas-server audit --unit <đơn vị> [--checkpoint cp.txt] [--old cp-cu.txt] [--key <khoá>]
      kiểm tra cơ sở dữ liệu của máy chủ này (checks this server's own database)
  sipas-server audit --export hom-phieu.jsonl [--checkpoint cp.txt] [--old cp-cu.txt] --key <khoá>
      kiểm tra một tệp xuất (checks an export file)
  sipas-server audit --url https://may-chu --unit <đơn vị> [--username <tên>] [--checkpoint …] [--old …] [--key …]
      kiểm tra một máy chủ từ xa; mật khẩu cán bộ trong biến SIPAS_STAFF_PASSWORD
<khoá> là chuỗi "tên+mã+khoá" in trên biên bản mở hòm phiếu, hoặc tệp chứa chuỗi đó.`;

const WITNESS_USAGE = `Cách dùng (Usage):
  sipas-server witness --key giam-sat.pem --name mttq.phuong-tan-hoa
      tạo khoá (nếu chưa có) và in khoá đồng ký để đơn vị đăng ký (sipas-server witness-key --add …)
  sipas-server witness --key giam-sat.pem --name mttq.phuong-tan-hoa --url https://may-chu --unit <đơn vị> [--state tep.json] [--log-key <khoá hòm phiếu>]
      lấy điểm kiểm tra mới, kiểm tra chữ ký và tính nối tiếp với điểm đã chứng kiến (giữ trong --state), rồi ký đồng ký
Mã thoát 1 khi hòm phiếu không nối tiếp (lịch sử bị viết lại): không ký, điểm cũ được giữ làm bằng chứng.`;

/**
 * The shared CLI parses without declared options, which reads `--unit x` as a flag plus a
 * positional; these commands re-read their own arguments with their options declared.
 */
function ownOptions(fallback: Record<string, string | boolean | undefined>, names: string[]): Record<string, string | boolean | undefined> {
  const name = process.argv[2];
  if (!name || !(name in logCommands)) return fallback;
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  const parsed = parseArgs({ args: process.argv.slice(3), options: { ...options, help: { type: 'boolean' } }, strict: false, allowPositionals: true });
  return parsed.values as Record<string, string | boolean | undefined>;
}

const str = (value: string | boolean | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);
const readText = (path: string) => readFileSync(path, 'utf8');

function readKey(value: string): VerifierKey {
  const text = existsSync(value) ? readText(value).trim() : value.trim();
  return parseVerifierKey(text, nodeSha256);
}

async function fetchText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (!response.ok) {
    let title = text.slice(0, 200);
    try {
      title = (JSON.parse(text) as { title?: string }).title ?? title;
    } catch {
      // not a problem document
    }
    throw new Error(`${url}: ${response.status} ${title}`);
  }
  return text;
}

/** `sipas-server` sub-commands of the log capability. */
export const logCommands: Commands = {
  audit: {
    summary: 'Kiểm tra hòm phiếu điện tử: phiếu bị xoá, sửa, chèn; chữ ký; nhất quán với điểm kiểm tra cũ.',
    usage: AUDIT_USAGE,
    run: async (args) => {
      const options = ownOptions(args.options, ['unit', 'url', 'export', 'checkpoint', 'old', 'key', 'username', 'password']);
      const unit = str(options.unit);
      const url = str(options.url)?.replace(/\/+$/, '');
      const exportFile = str(options.export);
      if (options.help || (!exportFile && !unit)) {
        console.log(AUDIT_USAGE);
        return options.help ? 0 : 2;
      }
      const input: Partial<AuditInput> = {};
      const notes: string[] = [];
      let closeDb = async () => undefined as void;
      try {
        if (str(options.checkpoint)) input.checkpoint = readText(str(options.checkpoint)!);
        if (str(options.old)) input.old = readText(str(options.old)!);
        if (str(options.key)) input.key = readKey(str(options.key)!);
        let source: string;
        if (exportFile) {
          input.export = parseExport(readText(exportFile));
          source = `tệp xuất ${exportFile}`;
          if (!input.key) {
            console.error('Cần --key: khoá công khai của hòm phiếu (in trên biên bản mở hòm phiếu).');
            return 2;
          }
        } else if (url) {
          source = `máy chủ ${url}`;
          const base = `${url}/v1/units/${encodeURIComponent(unit!)}/log`;
          if (!input.key) {
            const key = JSON.parse(await fetchText(`${base}/key`)) as LogKey;
            input.key = parseVerifierKey(key.verifierKey, nodeSha256);
            notes.push(`Khoá công khai lấy từ chính máy chủ: ${key.verifierKey}. Hãy so với khoá in trên biên bản; nếu khác, kết quả không đáng tin.`);
          }
          input.checkpoint ??= await fetchText(`${base}/checkpoint`);
          const username = str(options.username);
          if (username) {
            const password = process.env.SIPAS_STAFF_PASSWORD ?? str(options.password);
            if (!password) {
              console.error('Đặt mật khẩu cán bộ trong biến môi trường SIPAS_STAFF_PASSWORD.');
              return 2;
            }
            const signIn = await fetch(`${url}/v1/staff/sessions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ unit, username, password }),
            });
            if (!signIn.ok) throw new Error(`Không đăng nhập được (${signIn.status}).`);
            const { token } = (await signIn.json()) as { token: string };
            input.export = parseExport(
              await fetchText(`${url}/v1/staff/units/${encodeURIComponent(unit!)}/log/export`, { authorization: `Bearer ${token}` }),
            );
          } else {
            notes.push('Không có tệp xuất: chỉ kiểm tra chữ ký và tính nhất quán. Để đối chiếu từng phiếu, thêm --username hoặc dùng --export.');
          }
          input.consistencyProof = async (from, to) => {
            const proof = JSON.parse(await fetchText(`${base}/consistency?from=${from}&to=${to}`)) as { proof: string[] };
            return proof.proof.map(fromHex);
          };
        } else {
          const config = loadConfig(process.env, { logLevel: 'silent' });
          const db = await openDatabase(config.databaseUrl);
          closeDb = () => db.close();
          await migrate(db);
          const box = BallotBox.open(config, db);
          source = `cơ sở dữ liệu ${db.describe()}`;
          if (!input.key) {
            input.key = parseVerifierKey(box.key(unit!).verifierKey, nodeSha256);
            notes.push(`Khoá công khai đọc từ tệp khoá của máy chủ này: ${box.key(unit!).verifierKey}. Hãy so với khoá in trên biên bản.`);
          }
          input.export = parseExport(await exportLogText(box, unit!));
          input.consistencyProof = async (from, to) => (await box.tree(unit!).consistency(from, to)).map(fromHex);
        }
        console.log(`KIỂM TRA HÒM PHIẾU ĐIỆN TỬ${unit ? ` — đơn vị ${unit}` : ''}\nNguồn: ${source}\n`);
        for (const note of notes) console.log(`  · ${note}`);
      } catch (error) {
        await closeDb();
        console.error(`Không kiểm tra được: ${(error as Error).message}`);
        return 2;
      }
      try {
        const report = await audit(input as AuditInput & { key: VerifierKey });
        process.stdout.write(formatReport(report));
        return report.ok ? 0 : 1;
      } finally {
        await closeDb();
      }
    },
  },
  'export-log': {
    summary: "Write a unit's ballot-box export (JSON lines) for `sipas-server audit --export`.",
    usage: 'sipas-server export-log --unit <unit> [--out hom-phieu.jsonl]',
    run: async (args) => {
      const options = ownOptions(args.options, ['unit', 'out']);
      const unit = str(options.unit);
      if (!unit) {
        console.error('Usage: sipas-server export-log --unit <unit> [--out hom-phieu.jsonl]');
        return 2;
      }
      const config = loadConfig(process.env, { logLevel: 'silent' });
      const db = await openDatabase(config.databaseUrl);
      try {
        await migrate(db);
        const text = await exportLogText(BallotBox.open(config, db), unit);
        const out = str(options.out);
        if (out) {
          writeFileSync(out, text);
          console.error(`Đã ghi ${text.split('\n').length - 2} dòng vào ${out}.`);
        } else process.stdout.write(text);
      } finally {
        await db.close();
      }
      return 0;
    },
  },
  'log-checkpoint': {
    summary: "Print a unit's signed ballot-box checkpoint and public key (for supervisors to keep).",
    usage: 'sipas-server log-checkpoint --unit <unit>',
    run: async (args) => {
      const options = ownOptions(args.options, ['unit']);
      const unit = str(options.unit);
      if (!unit) {
        console.error('Usage: sipas-server log-checkpoint --unit <unit>');
        return 2;
      }
      const config = loadConfig(process.env, { logLevel: 'silent' });
      const db = await openDatabase(config.databaseUrl);
      try {
        await migrate(db);
        const box = BallotBox.open(config, db);
        process.stdout.write((await box.checkpoint(unit)).note);
        console.error(`Khoá công khai (public key): ${box.key(unit).verifierKey}`);
      } finally {
        await db.close();
      }
      return 0;
    },
  },
  witness: {
    summary: 'Giám sát viên: kiểm tra hòm phiếu nối tiếp điểm kiểm tra đã chứng kiến rồi ký đồng ký (C2SP witness).',
    usage: WITNESS_USAGE,
    run: async (args) => {
      const options = ownOptions(args.options, ['url', 'unit', 'key', 'name', 'state', 'log-key']);
      const [url, unit, key, name] = [str(options.url), str(options.unit), str(options.key), str(options.name)];
      if (options.help || !key || !name) {
        console.log(WITNESS_USAGE);
        return options.help ? 0 : 2;
      }
      if (!url || !unit) {
        // Without a box to check: print the witness's key for the unit to register.
        console.log(witnessCosignerKey(key, name));
        return 0;
      }
      const logKey = str(options['log-key']);
      const outcome = await witnessOnce({
        endpoint: url,
        unit,
        keyPath: key,
        name,
        statePath: str(options.state) ?? `${key}.${unit}.state.json`,
        ...(logKey ? { logKey: existsSync(logKey) ? readText(logKey).trim() : logKey } : {}),
      });
      if (!outcome.ok) {
        console.error(`KHÔNG KÝ (${outcome.reason}): ${outcome.message}`);
        return 1;
      }
      if (outcome.firstKey) console.log('Lần đầu: đã tin khoá hòm phiếu do máy chủ đưa — hãy đối chiếu với khoá in trên biên bản.');
      console.log(
        outcome.previous === undefined
          ? `Đã ký đồng ký điểm kiểm tra ${outcome.size} phiếu (lần chứng kiến đầu tiên).`
          : `Hòm ${outcome.size} phiếu nối tiếp hòm ${outcome.previous} phiếu đã chứng kiến: đã ký đồng ký.`,
      );
      console.log(outcome.line.trim());
      return 0;
    },
  },
  'witness-key': {
    summary: 'Đăng ký, liệt kê hoặc gỡ khoá của giám sát viên được ký đồng ký hòm phiếu của đơn vị.',
    usage: 'sipas-server witness-key --unit <đơn vị> (--add "<tên>+<mã>+<khoá>" --label "UBMTTQ phường" | --list | --remove <tên>)',
    run: async (args) => {
      const options = ownOptions(args.options, ['unit', 'add', 'label', 'remove']);
      const unitId = str(options.unit);
      if (!unitId || (!str(options.add) && !str(options.remove) && options.list !== true && args.options.list !== true)) {
        console.error(logCommands['witness-key']!.usage);
        return 2;
      }
      const db = await openDatabase(loadConfig().databaseUrl);
      try {
        await migrate(db);
        const units = new UnitStore(db);
        const unit = await units.get(unitId);
        if (!unit) {
          console.error(`Không có đơn vị "${unitId}".`);
          return 1;
        }
        if (str(options.add)) {
          const witness = await addWitness(units, unit, str(options.label) ?? 'Giám sát viên', str(options.add)!);
          console.log(`Đã đăng ký giám sát viên "${witness.label}": ${witness.cosignerKey}`);
        } else if (str(options.remove)) {
          if (!(await removeWitness(units, unit, str(options.remove)!))) {
            console.error(`Không có giám sát viên ${str(options.remove)}.`);
            return 1;
          }
          console.log(`Đã gỡ giám sát viên ${str(options.remove)}.`);
        } else {
          for (const witness of witnessesOf(unit)) console.log(`${witness.addedAt}  ${witness.label}  ${witness.cosignerKey}`);
        }
        return 0;
      } finally {
        await db.close();
      }
    },
  },
};

export type { ParsedExport };
