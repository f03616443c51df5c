import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { command, UsageError, withDatabase, type Commands } from '../commands.js';
import { describeConfig, loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { SqliteDatabase } from '../db/sqlite.js';
import { auditAll, copySqliteToPostgres, rowCounts, sqliteTables } from './database-copy.js';

const sqlitePath = (url: string) => (url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url);
const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** `sipas-server` sub-commands for operators: configuration check, backup and restore, moving to PostgreSQL. */
export const opsCommands: Commands = {
  config: command({
    summary: 'Check the configuration (environment and SIPAS_CONFIG file) and show it, passwords masked.',
    usage: '--check',
    options: { check: { kind: 'flag', required: true, summary: 'Read and check every setting; exit 1 naming each wrong one' } },
    run: async () => {
      const config = loadConfig(); // throws ConfigError naming each refused setting
      console.log(`Cấu hình hợp lệ (the configuration is valid):\n${JSON.stringify(describeConfig(config), null, 2)}`);
      return 0;
    },
  }),
  backup: command({
    summary: 'Back up the database while the server runs: SQLite online backup, or pg_dump for PostgreSQL.',
    usage: '[--out <file>]',
    options: {
      out: { kind: 'value', hint: '<file>', summary: 'Where to write (default: ./backups/sipas-YYYYMMDD-HHMM.db, or .dump for PostgreSQL)' },
    },
    run: async ({ options }) => {
      const config = loadConfig(process.env, { logLevel: 'silent' });
      if (config.databaseUrl.startsWith('postgres')) {
        const out = resolve(options.out ?? `backups/sipas-${stamp()}.dump`);
        mkdirSync(dirname(out), { recursive: true });
        // pg_dump's custom format: compressed, restored with pg_restore; one consistent snapshot.
        const dump = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, config.databaseUrl], { stdio: 'inherit' });
        if (dump.error) throw new Error(`pg_dump không chạy được (${dump.error.message}); cài gói postgresql-client cùng phiên bản với máy chủ.`);
        if (dump.status !== 0) return 1;
        console.log(`Đã sao lưu PostgreSQL vào ${out} (${statSync(out).size} byte). Khôi phục: pg_restore --clean --if-exists --no-owner -d <url> ${out}`);
        return 0;
      }
      const out = resolve(options.out ?? `backups/sipas-${stamp()}.db`);
      if (existsSync(out)) throw new UsageError(`${out} đã có; chọn tên khác (refusing to overwrite).`);
      mkdirSync(dirname(out), { recursive: true });
      const db = await openDatabase(config.databaseUrl);
      try {
        if (!(db instanceof SqliteDatabase)) throw new Error('not a SQLite database');
        await db.backup(`${out}.part`);
        renameSync(`${out}.part`, out);
      } finally {
        await db.close();
      }
      const copy = new SqliteDatabase(out);
      const check = await copy.get<{ integrity_check: string }>('PRAGMA integrity_check');
      const counts = await rowCounts(copy, await sqliteTables(copy));
      await copy.close();
      for (const suffix of ['-wal', '-shm']) rmSync(`${out}${suffix}`, { force: true });
      if (check?.integrity_check !== 'ok') throw new Error(`bản sao lưu ${out} không toàn vẹn: ${check?.integrity_check}`);
      console.log(
        `Đã sao lưu vào ${out} (${statSync(out).size} byte; ${counts.survey_responses ?? 0} phiếu, ${counts.feedback_cases ?? 0} phản ánh).\n` +
          'Hãy sao lưu thêm, một lần, tệp khoá hòm phiếu (sipas-log-ed25519.pem) và giữ nó ở nơi riêng.',
      );
      return 0;
    },
  }),
  restore: command({
    summary: 'Restore a SQLite backup over the configured database (stop the server first).',
    usage: '<backup.db> [--force]',
    positionals: 1,
    options: { force: { kind: 'flag', summary: 'Replace an existing database (it is kept as <name>.before-restore-<time>)' } },
    run: async ({ positionals, options }) => {
      const [file] = positionals;
      if (!file) throw new UsageError('Thiếu tệp sao lưu (the backup file is missing).');
      const config = loadConfig(process.env, { logLevel: 'silent' });
      if (config.databaseUrl.startsWith('postgres')) {
        throw new UsageError('PostgreSQL: khôi phục bằng pg_restore (xem docs/operations.md). Use pg_restore for PostgreSQL.');
      }
      const backup = new SqliteDatabase(resolve(file));
      const check = await backup.get<{ integrity_check: string }>('PRAGMA integrity_check');
      await backup.close();
      if (check?.integrity_check !== 'ok') throw new Error(`${file} không phải bản sao lưu toàn vẹn: ${check?.integrity_check}`);
      const target = resolve(sqlitePath(config.databaseUrl));
      if (existsSync(target)) {
        if (!options.force) throw new UsageError(`${target} đã có dữ liệu; thêm --force để thay (bản cũ được giữ lại).`);
        const kept = `${target}.before-restore-${stamp()}`;
        renameSync(target, kept);
        for (const suffix of ['-wal', '-shm']) if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${kept}${suffix}`);
        console.log(`Cơ sở dữ liệu cũ được giữ ở ${kept}.`);
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(resolve(file), target);
      await withDatabase(async () => undefined, config); // applies migrations newer than the backup
      console.log(`Đã khôi phục ${file} vào ${target}. Kiểm tra: sipas-server audit --unit <đơn vị>.`);
      return 0;
    },
  }),
  'move-to-postgres': command({
    summary: 'Copy the SQLite database into an empty PostgreSQL database, then prove row counts and every ballot box equal on both.',
    usage: '--to postgres://user:password@host/db [--from sqlite:./data/sipas.db]',
    options: {
      to: { kind: 'value', required: true, hint: '<postgres-url>', summary: 'The new, empty PostgreSQL database' },
      from: { kind: 'value', hint: '<sqlite-url>', summary: 'The SQLite database (default: SIPAS_DATABASE_URL)' },
    },
    run: async ({ options }) => {
      const config = loadConfig(process.env, { logLevel: 'silent' });
      const fromUrl = options.from ?? config.databaseUrl;
      if (!fromUrl.startsWith('sqlite:') || !/^postgres(ql)?:\/\//.test(options.to!)) {
        throw new UsageError('--from phải là sqlite:… và --to phải là postgres://… (from SQLite to PostgreSQL).');
      }
      if (!existsSync(sqlitePath(fromUrl))) throw new UsageError(`Không có ${sqlitePath(fromUrl)}.`);
      // The key stays the one beside the SQLite file: the ballot boxes must verify under the same key.
      const keyConfig = { ...config, databaseUrl: fromUrl };
      const source = await openDatabase(fromUrl);
      const target = await openDatabase(options.to!);
      try {
        await migrate(source);
        await migrate(target);
        console.log('Kiểm tra hòm phiếu trên SQLite (auditing the SQLite ballot boxes)…');
        const before = await auditAll(keyConfig, source);
        const bad = before.filter((b) => !b.ok);
        if (bad.length) throw new Error(`hòm phiếu trên SQLite không qua kiểm tra: ${bad.map((b) => b.unit).join(', ')}; không chuyển.`);
        console.log(`Sao chép sang ${target.describe()}:`);
        const tables = await copySqliteToPostgres(source, target, (line) => console.log(line));
        const [a, b] = [await rowCounts(source, tables), await rowCounts(target, tables)];
        const differing = tables.filter((t) => a[t] !== b[t]);
        if (differing.length) throw new Error(`số dòng khác nhau: ${differing.map((t) => `${t} ${a[t]} ≠ ${b[t]}`).join(', ')}`);
        console.log(`Số dòng bằng nhau ở ${tables.length} bảng (row counts equal).`);
        const after = await auditAll({ ...keyConfig }, target);
        for (const state of before) {
          const moved = after.find((s) => s.unit === state.unit);
          if (!moved?.ok || moved.checkpoint !== state.checkpoint) throw new Error(`hòm phiếu ${state.unit} khác nhau sau khi chuyển`);
          console.log(`  hòm phiếu ${state.unit}: ✓ ${state.checkpoint.split('\n')[1]} phiếu, gốc ${state.checkpoint.split('\n')[2]}`);
        }
        console.log(
          `Xong. Đặt SIPAS_DATABASE_URL=${options.to!.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} và SIPAS_LOG_KEY=${resolve(dirname(sqlitePath(fromUrl)), 'sipas-log-ed25519.pem')} rồi khởi động lại.`,
        );
        return 0;
      } finally {
        await source.close();
        await target.close();
      }
    },
  }),
};
