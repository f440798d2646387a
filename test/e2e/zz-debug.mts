import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWorkbench } from './workbench';
import { FIRST_RUN_SETTINGS, startImport } from './first-run-steps';
const ws = mkdtempSync(path.join(tmpdir(), 'imagery-first-run-dbg-'));
mkdirSync(path.join(ws, 'not-a-release', 'data'), { recursive: true });
writeFileSync(path.join(ws, 'not-a-release', 'notes.txt'), 'x');
const wb = await openWorkbench({ workspace: ws, settings: FIRST_RUN_SETTINGS });
const page = wb.page;
const s = (n: string) => page.screenshot({ path: `/tmp/first-run-dbg/${n}.png` });
try {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Focus on Shards');
  await page.waitForTimeout(1500);
  console.log(await page.locator('.quick-input-list .monaco-list-row').allTextContents());
  await page.keyboard.press('Escape');
  await startImport(page);
  await page.waitForTimeout(3000);
  await s('dialog');
  console.log('title', await page.locator('.quick-input-widget .quick-input-title').allTextContents());
  console.log('value', await page.locator('.quick-input-widget input').inputValue());
  await page.locator('.quick-input-widget input').fill(path.join(ws, 'not-a-release') + '/');
  await page.waitForTimeout(2000);
  await s('dialog2');
  console.log(await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents());
  console.log(await page.locator('.quick-input-widget .monaco-button').allTextContents());
} finally {
  await wb.close();
}
