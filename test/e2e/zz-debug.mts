import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWorkbench } from './workbench';
import { FIRST_RUN_SETTINGS } from './first-run-steps';
const ws = mkdtempSync(path.join(tmpdir(), 'imagery-first-run-dbg-'));
const wb = await openWorkbench({ workspace: ws, settings: FIRST_RUN_SETTINGS });
const page = wb.page;
page.on('console', (m) => { if (/imagery|walkthrough|manifest|contributes/i.test(m.text())) console.log('console:', m.text().slice(0, 300)); });
try {
  await page.waitForTimeout(15000);
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Imagery');
  await page.waitForTimeout(2000);
  console.log(await page.locator('.quick-input-list .monaco-list-row').allTextContents());
  await page.screenshot({ path: '/tmp/first-run-dbg/palette.png' });
} finally {
  const logs = path.join(wb.userDataDir, 'logs');
  for (const e of readdirSync(logs, { recursive: true, withFileTypes: true })) if (e.isFile()) console.log(e.name, readFileSync(path.join(e.parentPath, e.name), 'utf8').split("\n").filter((l) => /imagery|walkthrough|first-run|\[error\]|\[warning\]/i.test(l)).join("\n"));
  await wb.close();
}
