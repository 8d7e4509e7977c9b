import type Database from 'better-sqlite3';
import { nowIso } from '../ids';
import { schemaVersion } from '../migrate';

/** The entities counted by `kajian info` and shown on the project overview. */
export const COUNTED_ENTITIES = [
  'questionnaires',
  'questions',
  'choice_lists',
  'respondents',
  'responses',
  'answers',
  'documents',
  'cases',
  'codes',
  'segments',
  'memos',
  'coders',
  'fgd_sessions',
  'fgd_participants',
  'fgd_ratings',
  'series',
  'saved_analyses',
  'audit_log',
] as const;

export type CountedEntity = (typeof COUNTED_ENTITIES)[number];

export interface ProjectInfo {
  id: string;
  title: string;
  language: 'id' | 'en';
  createdAt: string;
  updatedAt: string;
  schemaVersion: number;
  counts: Record<CountedEntity, number>;
}

function meta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM project_meta').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function getProjectInfo(db: Database.Database): ProjectInfo {
  const m = meta(db);
  const counts = {} as Record<CountedEntity, number>;
  for (const table of COUNTED_ENTITIES) {
    // Table names come from the constant list above, never from input.
    const where = table === 'responses' ? ' WHERE deleted_at IS NULL' : '';
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}${where}`).get() as { n: number }).n;
  }
  const language = m.get('language') === 'en' ? 'en' : 'id';
  return {
    id: m.get('id') ?? '',
    title: m.get('title') ?? '',
    language,
    createdAt: m.get('created_at') ?? '',
    updatedAt: m.get('updated_at') ?? '',
    schemaVersion: schemaVersion(db),
    counts,
  };
}

export function setProjectTitle(db: Database.Database, title: string): void {
  const up = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    up.run('title', title);
    up.run('updated_at', nowIso());
  })();
}
