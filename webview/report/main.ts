// Report view entry: owns acquireVsCodeApi(), mounts <ia-report>, routes host
// messages, says `ready`, and reports uncaught errors to the host.
import type { HostToReport, ReportToHost } from '../../src/protocol';
import './report-app';
import type { IaReport } from './report-app';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const api = acquireVsCodeApi();
const post = (message: ReportToHost) => api.postMessage(message);

window.addEventListener('error', (event) =>
  post({ type: 'webviewError', message: `${event.message} (${event.filename}:${event.lineno})`.slice(0, 10_000) }),
);
window.addEventListener('unhandledrejection', (event) =>
  post({ type: 'webviewError', message: String((event.reason as Error)?.stack ?? event.reason).slice(0, 10_000) }),
);

const app = document.createElement('ia-report') as IaReport;
app.attach(post);
document.body.append(app);

window.addEventListener('message', (event: MessageEvent<HostToReport>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') app.receive(message);
});

post({ type: 'ready' });
