/**
 * The preload bridge: exposes one function per API verb and a menu-command subscription on
 * `window.kajian`. Never exposes ipcRenderer itself. Runs sandboxed, bundled to CommonJS.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CHANNEL, MENU_CHANNEL, MENU_COMMANDS, METHOD_NAMES, type MenuCommand } from './api/methods';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of METHOD_NAMES) {
  api[method] = (input: unknown) => ipcRenderer.invoke(API_CHANNEL, method, input);
}

contextBridge.exposeInMainWorld('kajian', {
  api: Object.freeze(api),
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
});
