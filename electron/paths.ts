import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder (settings, recent files) outside Electron, following each OS's convention. */
export function userDataFolder(): string {
  if (process.env.KAJIAN_DATA_DIR) return process.env.KAJIAN_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kajian');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Kajian');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Kajian');
}
