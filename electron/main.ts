/**
 * The Electron main process: one hardened window, the renderer served from app://kajian, the typed
 * API over IPC (sender origin checked), the native menu and dialogs. The only file (with preload.ts)
 * that imports 'electron'.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session as electronSession, shell, type MenuItemConstructorOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setDefaultNativeBinding } from '../db';
import type { Language, ProjectSummary } from './api/contract';
import { Session, type FileKind } from './api/handlers';
import { API_CHANNEL, MENU_CHANNEL, type MenuCommand } from './api/methods';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAllowedExternal, isAppUrl, projectPathFromArgv } from './security';
import { SettingsStore } from './settings';
import { CONTENT_SECURITY_POLICY, contentType, resolveStaticPath } from './static-files';

const appRoot = app.getAppPath();
const rendererRoot = join(appRoot, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The better-sqlite3 addon built for this Electron's ABI (never the Node build vitest uses). */
function electronNativeBinding(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
}

let mainWindow: BrowserWindow | null = null;
let apiSession: Session;
let settings: SettingsStore;

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

function t(language: Language, id: string, en: string): string {
  return language === 'id' ? id : en;
}

function projectFilters(language: Language) {
  return [{ name: t(language, 'Proyek Kajian', 'Kajian project'), extensions: ['kajian'] }];
}

async function pickProjectPath(mode: 'open' | 'save', suggestedName?: string): Promise<string | null> {
  const language = settings.get().language;
  const owner = mainWindow ?? undefined;
  if (mode === 'open') {
    const options = { properties: ['openFile' as const], filters: projectFilters(language) };
    const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const options = { defaultPath: join(app.getPath('documents'), suggestedName ?? 'studi-baru.kajian'), filters: projectFilters(language) };
  const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

const FILE_FILTERS: Record<FileKind, { id: string; en: string; extensions: string[] }> = {
  table: { id: 'Tabel (CSV, Excel)', en: 'Table (CSV, Excel)', extensions: ['csv', 'xlsx', 'xls'] },
  xlsform: { id: 'XLSForm (Excel)', en: 'XLSForm (Excel)', extensions: ['xlsx', 'xls'] },
  png: { id: 'Gambar PNG', en: 'PNG image', extensions: ['png'] },
  any: { id: 'Semua berkas', en: 'All files', extensions: ['*'] },
};

async function pickFile(mode: 'open' | 'save', kind: FileKind, suggestedName?: string): Promise<string | null> {
  const language = settings.get().language;
  const f = FILE_FILTERS[kind];
  const filters = [{ name: f[language], extensions: f.extensions }];
  const owner = mainWindow ?? undefined;
  if (mode === 'open') {
    const options = { properties: ['openFile' as const], filters };
    const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const options = { defaultPath: join(app.getPath('documents'), suggestedName ?? ''), filters };
  const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** Runs an API method on behalf of the menu and tells the renderer to refresh; errors go to a native box. */
async function runFromMenu(method: 'project.open' | 'project.create', input: Record<string, unknown>): Promise<void> {
  const result = await apiSession.dispatch(method, input);
  if (!result.ok) {
    const language = settings.get().language;
    dialog.showErrorBox(t(language, 'Kajian tidak dapat membuka berkas', 'Kajian could not open the file'), result.error.message);
    return;
  }
  send('project-changed');
}

async function menuNewProject(): Promise<void> {
  const path = await pickProjectPath('save');
  if (path) await runFromMenu('project.create', { path, title: basename(path).replace(/\.kajian$/i, '') });
}

async function menuOpenProject(path?: string): Promise<void> {
  const target = path ?? (await pickProjectPath('open'));
  if (target) await runFromMenu('project.open', { path: target });
}

function buildMenu(): void {
  const { language, recent } = settings.get();
  const L = (id: string, en: string) => t(language, id, en);
  const hasProject = apiSession.project !== null;
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: L('Berkas', 'File'),
      submenu: [
        { label: L('Proyek baru…', 'New project…'), accelerator: 'CmdOrCtrl+N', click: () => void menuNewProject() },
        { label: L('Buka proyek…', 'Open project…'), accelerator: 'CmdOrCtrl+O', click: () => void menuOpenProject() },
        {
          label: L('Buka terakhir', 'Open recent'),
          submenu: recent.length
            ? recent.map((r) => ({ label: `${r.title} — ${basename(r.path)}`, enabled: r.exists, click: () => void menuOpenProject(r.path) }))
            : [{ label: L('(kosong)', '(empty)'), enabled: false }],
        },
        { type: 'separator' },
        { label: L('Ekspor laporan…', 'Export report…'), accelerator: 'CmdOrCtrl+E', enabled: hasProject, click: () => send('export-report') },
        { type: 'separator' },
        { label: L('Keluar', 'Quit'), role: 'quit' },
      ],
    },
    {
      label: L('Tampilan', 'View'),
      submenu: [
        {
          label: L('Bahasa', 'Language'),
          submenu: [
            { label: 'Bahasa Indonesia', type: 'radio', checked: language === 'id', click: () => void setLanguage('id') },
            { label: 'English', type: 'radio', checked: language === 'en', click: () => void setLanguage('en') },
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: L('Bantuan', 'Help'),
      submenu: [{ label: L('Tentang Kajian', 'About Kajian'), click: () => send('about') }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function setLanguage(language: Language): Promise<void> {
  settings.setLanguage(language);
  buildMenu();
  send(language === 'id' ? 'language-id' : 'language-en');
}

function onProjectChanged(project: ProjectSummary | null): void {
  mainWindow?.setTitle(project ? `${project.info.title} — ${project.fileName} — Kajian` : 'Kajian');
  if (project) app.addRecentDocument(project.path);
  buildMenu();
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = resolveStaticPath(rendererRoot, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(readFileSync(file), {
      headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function harden(): void {
  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  // Kajian never talks to the network; block anything that is not its own protocol or devtools.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  void net; // net is not used: Kajian is offline by design.
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Kajian',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(appRoot, 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

function registerApi(): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from Kajian’s own window only' } };
    return apiSession.dispatch(method, input);
  });
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const binding = electronNativeBinding();
  if (!existsSync(binding)) {
    dialog.showErrorBox('Kajian', `The database module for this Electron version is missing (${binding}). Run "npm start" (development) or reinstall Kajian.`);
    app.quit();
    return;
  }
  setDefaultNativeBinding(binding);
  settings = SettingsStore.inFolder(app.getPath('userData'));
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  apiSession = new Session({
    settings,
    shell: { transport: 'electron', pickProjectPath, pickFile, defaultFolder: app.getPath('documents'), appVersion: version, onProjectChanged },
  });
  harden();
  serveRenderer();
  registerApi();
  buildMenu();
  createWindow();

  const initial = projectPathFromArgv(process.argv);
  if (initial) mainWindow?.webContents.once('did-finish-load', () => void menuOpenProject(initial));
  app.on('second-instance', (_e, argv) => {
    const path = projectPathFromArgv(argv);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    if (path) void menuOpenProject(path);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void menuOpenProject(path);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    apiSession.close();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => apiSession.close());
}

void start();
