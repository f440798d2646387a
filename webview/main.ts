// Webview entry: owns acquireVsCodeApi(), mounts <ia-app>, routes host
// messages to it, says `ready`, and reports uncaught errors to the host.
import './zod-jitless';
import type { HostToWebview } from '../src/protocol';
import { HostClient, type VsCodeApi } from './client';
import './components/app';

declare function acquireVsCodeApi(): VsCodeApi;

const client = new HostClient(acquireVsCodeApi());

function reportError(message: string) {
  client.post({ type: 'webviewError', message: message.slice(0, 10_000) });
}

window.addEventListener('error', (event) => reportError(`${event.message} (${event.filename}:${event.lineno})`));
window.addEventListener('unhandledrejection', (event) => reportError(String((event.reason as Error)?.stack ?? event.reason)));

const app = document.createElement('ia-app');
app.attach(client);
document.body.append(app);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') app.receive(message);
});

client.post({ type: 'ready' });
