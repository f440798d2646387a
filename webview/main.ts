// Webview entry: owns acquireVsCodeApi(), mounts <ia-app>, routes host
// messages to it, says `ready`, and reports uncaught errors to the host.
import './zod-jitless';
import type { HostToWebview } from '../src/protocol';
import { HostClient, type VsCodeApi } from './client';
import './components/app';
import { forwardWindowErrors } from './window-errors';

declare function acquireVsCodeApi(): VsCodeApi;

const client = new HostClient(acquireVsCodeApi());

forwardWindowErrors((message) => client.post({ type: 'webviewError', message }));

const app = document.createElement('ia-app');
app.attach(client);
document.body.append(app);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') app.receive(message);
});

client.post({ type: 'ready' });
