/** The origin the desktop renderer is served from (app://kajian/...). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kajian';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for URLs of Kajian's own renderer; IPC calls from any other frame are refused. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Sites the app may open in the user's browser (help and the programmes' official pages); https only. */
export const EXTERNAL_ALLOW_LIST = ['www.bpjsketenagakerjaan.go.id', 'xlsform.org', 'www.bps.go.id', 'github.com'] as const;

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && (EXTERNAL_ALLOW_LIST as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

/** A .kajian path passed on the command line (file association, "Open with"), if any. */
export function projectPathFromArgv(argv: readonly string[]): string | null {
  for (const a of argv.slice(1)) {
    if (!a.startsWith('-') && a.toLowerCase().endsWith('.kajian')) return a;
  }
  return null;
}
