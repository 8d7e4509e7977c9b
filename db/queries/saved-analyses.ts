import type Database from 'better-sqlite3';
import { newId, nowIso } from '../ids';

/**
 * Saved analyses: named items of the project (table `saved_analyses`). Only the specification is
 * stored (kind + JSON spec); the result is recomputed from the data whenever the analysis is
 * opened, so the report pack always shows current numbers.
 */
export interface SavedAnalysis {
  id: string;
  kind: string;
  name: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  kind: string;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

function fromRow(r: Row): SavedAnalysis {
  return { id: r.id, kind: r.kind, name: r.name, spec: JSON.parse(r.spec) as unknown, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Every saved analysis (optionally of one kind), by kind then name. */
export function listSavedAnalyses(db: Database.Database, kind?: string): SavedAnalysis[] {
  const rows = (
    kind === undefined
      ? db.prepare('SELECT * FROM saved_analyses ORDER BY kind, name, created_at').all()
      : db.prepare('SELECT * FROM saved_analyses WHERE kind = ? ORDER BY name, created_at').all(kind)
  ) as Row[];
  return rows.map(fromRow);
}

export function getSavedAnalysis(db: Database.Database, id: string): SavedAnalysis | null {
  const r = db.prepare('SELECT * FROM saved_analyses WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

/** The first saved analysis of a kind with this name (names are unique per kind by convention). */
export function findSavedAnalysis(db: Database.Database, kind: string, name?: string): SavedAnalysis | null {
  const r = (
    name === undefined
      ? db.prepare('SELECT * FROM saved_analyses WHERE kind = ? ORDER BY updated_at DESC, id LIMIT 1').get(kind)
      : db.prepare('SELECT * FROM saved_analyses WHERE kind = ? AND name = ? ORDER BY created_at, id LIMIT 1').get(kind, name)
  ) as Row | undefined;
  return r ? fromRow(r) : null;
}

/**
 * Saves an analysis. With `id`, updates that item (its kind cannot change); without, updates the
 * item of the same kind and name when there is one, else inserts a new one. Returns the stored item.
 */
export function saveAnalysis(db: Database.Database, input: { id?: string; kind: string; name: string; spec: unknown }): SavedAnalysis {
  const now = nowIso();
  const spec = JSON.stringify(input.spec);
  return db.transaction(() => {
    let id = input.id;
    if (id !== undefined) {
      const existing = getSavedAnalysis(db, id);
      if (!existing) throw new Error(`No saved analysis with id ${id}`);
      if (existing.kind !== input.kind) throw new Error(`Saved analysis ${id} is a ${existing.kind}, not a ${input.kind}`);
      db.prepare('UPDATE saved_analyses SET name = ?, spec = ?, updated_at = ? WHERE id = ?').run(input.name, spec, now, id);
    } else {
      const same = findSavedAnalysis(db, input.kind, input.name);
      if (same) {
        id = same.id;
        db.prepare('UPDATE saved_analyses SET spec = ?, updated_at = ? WHERE id = ?').run(spec, now, id);
      } else {
        id = newId();
        db.prepare('INSERT INTO saved_analyses (id, kind, name, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.kind, input.name, spec, now, now);
      }
    }
    return getSavedAnalysis(db, id)!;
  })();
}

/** Deletes a saved analysis; returns whether it existed. */
export function deleteSavedAnalysis(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM saved_analyses WHERE id = ?').run(id).changes > 0;
}
