// Report view entry: owns acquireVsCodeApi(), mounts <ia-report>, routes host
// messages, says `ready`, and reports uncaught errors to the host.
import type { HostToReport, ReportToHost } from '../../src/protocol';
import { forwardWindowErrors } from '../window-errors';
import './report-app';
import type { IaReport } from './report-app';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const api = acquireVsCodeApi();
const post = (message: ReportToHost) => api.postMessage(message);

forwardWindowErrors((message) => post({ type: 'webviewError', message }));

const app = document.createElement('ia-report') as IaReport;
app.attach(post);
document.body.append(app);

window.addEventListener('message', (event: MessageEvent<HostToReport>) => {
  const message = event.data;
  if (message && typeof message === 'object' && typeof message.type === 'string') app.receive(message);
});

post({ type: 'ready' });
