import type { PublicUnit, Questionnaire, Unit } from '@sipas/schema';
import { PRESETS } from '@sipas/schema';
import { UniqueViolation, type Database } from '../db/database.js';

interface UnitRow {
  id: string;
  name: string;
  parent: string | null;
  questionnaire: string;
  allowed_origins: string;
  address: string | null;
  complaints_url: string | null;
  settings: string;
}

export type UnitSettings = Record<string, unknown>;

export interface StoredUnit extends Unit {
  settings: UnitSettings;
}

function fromRow(row: UnitRow): StoredUnit {
  return {
    id: row.id,
    name: row.name,
    parent: row.parent,
    questionnaire: row.questionnaire,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    ...(row.address ? { address: row.address } : {}),
    ...(row.complaints_url ? { complaintsUrl: row.complaints_url } : {}),
    settings: JSON.parse(row.settings) as UnitSettings,
  };
}

export function publicUnit(unit: Unit): PublicUnit {
  return {
    id: unit.id,
    name: unit.name,
    parent: unit.parent,
    questionnaire: unit.questionnaire,
    ...(unit.address ? { address: unit.address } : {}),
    ...(unit.complaintsUrl ? { complaintsUrl: unit.complaintsUrl } : {}),
  };
}

/** Units and questionnaires. Units are read on every request, so they are cached in memory briefly. */
export class UnitStore {
  private cache = new Map<string, { unit: StoredUnit | undefined; at: number }>();
  private originsCache: { origins: Set<string>; at: number } | undefined;
  /** How long a cached unit is trusted; short so that several server processes agree quickly. */
  static readonly CACHE_MS = 5_000;

  constructor(private readonly db: Database) {}

  async get(id: string): Promise<StoredUnit | undefined> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < UnitStore.CACHE_MS) return hit.unit;
    const row = await this.db.get<UnitRow>('SELECT * FROM units WHERE id = ?', [id]);
    const unit = row ? fromRow(row) : undefined;
    this.cache.set(id, { unit, at: Date.now() });
    return unit;
  }

  async list(): Promise<StoredUnit[]> {
    return (await this.db.all<UnitRow>('SELECT * FROM units ORDER BY id')).map(fromRow);
  }

  /** The unit and every unit below it, for results that roll up. */
  async descendants(id: string): Promise<string[]> {
    const all = await this.db.all<{ id: string; parent: string | null }>('SELECT id, parent FROM units');
    const found = [id];
    for (let i = 0; i < found.length; i++) {
      for (const row of all) if (row.parent === found[i]) found.push(row.id);
    }
    return found;
  }

  async upsert(unit: Unit, settings?: UnitSettings): Promise<void> {
    try {
      await this.write(unit, settings);
    } catch (error) {
      // Another process inserted the same unit a moment ago (several starting at once): update it.
      if (!(error instanceof UniqueViolation)) throw error;
      await this.write(unit, settings);
    }
    this.cache.delete(unit.id);
    this.originsCache = undefined;
  }

  private async write(unit: Unit, settings?: UnitSettings): Promise<void> {
    const existing = await this.db.get<{ settings: string }>('SELECT settings FROM units WHERE id = ?', [unit.id]);
    const merged = { ...(existing ? (JSON.parse(existing.settings) as UnitSettings) : {}), ...settings };
    const values = [
      unit.name,
      unit.parent,
      unit.questionnaire,
      JSON.stringify(unit.allowedOrigins),
      unit.address ?? null,
      unit.complaintsUrl ?? null,
      JSON.stringify(merged),
      new Date().toISOString(),
    ];
    if (existing) {
      await this.db.run(
        'UPDATE units SET name = ?, parent = ?, questionnaire = ?, allowed_origins = ?, address = ?, complaints_url = ?, settings = ?, updated_at = ? WHERE id = ?',
        [...values, unit.id],
      );
    } else {
      await this.db.run(
        'INSERT INTO units (name, parent, questionnaire, allowed_origins, address, complaints_url, settings, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [...values, unit.id],
      );
    }
  }

  /** Forgets what this process cached about a unit, after a change written outside `upsert`. */
  forget(id: string): void {
    this.cache.delete(id);
    this.originsCache = undefined;
  }

  /** Every origin any unit allows: what a CORS preflight may be answered for. */
  async allOrigins(): Promise<Set<string>> {
    if (this.originsCache && Date.now() - this.originsCache.at < UnitStore.CACHE_MS) return this.originsCache.origins;
    const origins = new Set<string>();
    for (const row of await this.db.all<{ allowed_origins: string }>('SELECT allowed_origins FROM units')) {
      for (const origin of JSON.parse(row.allowed_origins) as string[]) origins.add(origin);
    }
    this.originsCache = { origins, at: Date.now() };
    return origins;
  }

  /**
   * Stores the built-in presets that are not stored yet (a changed preset gets a new version).
   * Several processes may start at once, so an existing version is simply left as it is.
   */
  async ensurePresets(): Promise<void> {
    for (const preset of Object.values(PRESETS)) {
      await this.db.run(
        'INSERT INTO questionnaires (id, version, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING',
        [preset.id, preset.version, JSON.stringify(preset), new Date().toISOString()],
      );
    }
  }

  async saveQuestionnaire(questionnaire: Questionnaire): Promise<void> {
    await this.db.run('INSERT INTO questionnaires (id, version, body, created_at) VALUES (?, ?, ?, ?)', [
      questionnaire.id,
      questionnaire.version,
      JSON.stringify(questionnaire),
      new Date().toISOString(),
    ]);
  }

  /**
   * A stored version never changes (versions are only ever inserted), so a version once read is
   * kept for the process's life: the ingest validates every response against it.
   */
  private readonly versions = new Map<string, Questionnaire>();

  /** A questionnaire version, or the latest one when `version` is not given. */
  async questionnaire(id: string, version?: number): Promise<Questionnaire | undefined> {
    if (version !== undefined) {
      const kept = this.versions.get(`${id}@${version}`);
      if (kept) return kept;
    }
    const row =
      version === undefined
        ? await this.db.get<{ body: string }>(
            'SELECT body FROM questionnaires WHERE id = ? ORDER BY version DESC LIMIT 1',
            [id],
          )
        : await this.db.get<{ body: string }>('SELECT body FROM questionnaires WHERE id = ? AND version = ?', [
            id,
            version,
          ]);
    const questionnaire = row ? (JSON.parse(row.body) as Questionnaire) : undefined;
    if (questionnaire && version !== undefined) this.versions.set(`${id}@${version}`, questionnaire);
    return questionnaire;
  }
}
