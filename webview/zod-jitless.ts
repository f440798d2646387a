// Imported first by main.ts: tells zod (pulled in by the shared schema
// modules) not to probe `new Function`, which the webview's CSP forbids.
import { config } from 'zod';

config({ jitless: true });
