import type { Input, Output } from '../../../../electron/api/contract';
import type { ApiErrorBody, Envelope } from '../../../../electron/api/envelope';
import type { MenuCommand, MethodName } from '../../../../electron/api/methods';

/** What the Electron preload exposes on `window.kajian`: one function per API verb, plus menu commands. */
export interface DesktopBridge {
  api: { [M in MethodName]: (input: unknown) => Promise<Envelope<unknown>> };
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    kajian?: DesktopBridge;
  }
}

/** An API error as the renderer sees it: a code to translate, a message, the field at fault. */
export class ApiCallError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly field: string | undefined;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.code = body.code;
    this.field = body.field;
  }
}

type Transport = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

const TOKEN_KEY = 'kajian.token';

/** The browser transport's token: taken from the address once, kept for this tab, removed from the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : '') + window.location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, input) => {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kajian-Token': token },
      body: JSON.stringify(input ?? {}),
    });
    if (res.status === 401) return { ok: false, error: { code: 'FORBIDDEN', message: 'The address is missing its access token. Open the full address printed by Kajian.' } };
    if (!res.ok) return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${res.status}` } };
    return (await res.json()) as Envelope<unknown>;
  };
}

function pickTransport(): Transport {
  const bridge = window.kajian;
  if (bridge) return (method, input) => bridge.api[method](input);
  return httpTransport();
}

let transport: Transport | null = null;

/** Calls one API method with typed input and output; throws ApiCallError on an error envelope. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  transport ??= pickTransport();
  let envelope: Envelope<unknown>;
  try {
    envelope = await transport(method, input);
  } catch (e) {
    throw new ApiCallError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value as Output<M>;
}

/** Subscribes to the native menu (Electron only); a no-op in the browser. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.kajian ? window.kajian.onMenuCommand(listener) : () => undefined;
}
