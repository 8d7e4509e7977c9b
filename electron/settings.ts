import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Language, RecentProject, Settings } from './api/contract';

const MAX_RECENT = 10;

interface StoredSettings {
  language: Language;
  recent: { path: string; title: string; openedAt: string }[];
}

const DEFAULTS: StoredSettings = { language: 'id', recent: [] };

/**
 * The user's settings (language, recent projects) in one JSON file in the user's data folder.
 * Written atomically (temp file + rename); a damaged file falls back to the defaults.
 */
export class SettingsStore {
  private data: StoredSettings;
  constructor(private readonly file: string) {
    this.data = SettingsStore.load(file);
  }

  static inFolder(folder: string): SettingsStore {
    return new SettingsStore(join(folder, 'settings.json'));
  }

  private static load(file: string): StoredSettings {
    try {
      const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof raw !== 'object' || raw === null) return { ...DEFAULTS, recent: [] };
      const r = raw as Record<string, unknown>;
      const language: Language = r.language === 'en' ? 'en' : 'id';
      const recent = Array.isArray(r.recent)
        ? r.recent
            .filter((x): x is { path: string; title: string; openedAt: string } =>
              typeof x === 'object' && x !== null && typeof (x as { path?: unknown }).path === 'string' &&
              typeof (x as { title?: unknown }).title === 'string' && typeof (x as { openedAt?: unknown }).openedAt === 'string')
            .slice(0, MAX_RECENT)
        : [];
      return { language, recent };
    } catch {
      return { ...DEFAULTS, recent: [] };
    }
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }

  get(): Settings {
    return {
      language: this.data.language,
      recent: this.data.recent.map((r): RecentProject => ({ ...r, exists: existsSync(r.path) })),
    };
  }

  setLanguage(language: Language): Settings {
    this.data.language = language;
    this.save();
    return this.get();
  }

  touchRecent(path: string, title: string): void {
    const rest = this.data.recent.filter((r) => r.path !== path);
    this.data.recent = [{ path, title, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
    this.save();
  }

  removeRecent(path: string): Settings {
    this.data.recent = this.data.recent.filter((r) => r.path !== path);
    this.save();
    return this.get();
  }
}
