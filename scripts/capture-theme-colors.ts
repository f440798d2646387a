// Captures the colours VS Code gives a webview under its four default themes,
// from the real workbench (code-server), into test/webview/themes/*.json: the
// webview tests set them, so contrast is checked with the values users get.
// Run after a VS Code update: node --import tsx scripts/capture-theme-colors.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbench, quickOpen, webview, REPO_ROOT } from '../test/e2e/workbench';

export const THEMES = {
  'light-modern': 'Default Light Modern',
  'dark-modern': 'Default Dark Modern',
  'high-contrast': 'Default High Contrast',
  'high-contrast-light': 'Default High Contrast Light',
} as const;

/** Every --vscode-* variable the webview sources and the UI toolkit (its dropdowns) name. */
function usedVariables(): string[] {
  const names = new Set<string>();
  const toolkit = readFileSync(
    path.join(REPO_ROOT, 'node_modules', '@vscode', 'webview-ui-toolkit', 'dist', 'toolkit.js'),
    'utf8',
  );
  for (const m of toolkit.matchAll(/--vscode-[\w-]+/g)) names.add(m[0]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/--vscode-[\w-]+/g)) names.add(m[0]);
    }
  };
  walk(path.join(REPO_ROOT, 'webview'));
  return [...names].sort();
}

async function capture(theme: string, names: string[]) {
  const workbench = await openWorkbench({ settings: { 'workbench.colorTheme': theme } });
  try {
    await quickOpen(workbench.page, 'music-001.shard.jsonl');
    const html = webview(workbench.page).locator('html');
    await webview(workbench.page).locator('h1.title').waitFor({ timeout: 30_000 });
    // IMAGERY_THEME_SHOTS=dir: a screenshot of the workbench in each theme, to look at.
    const shots = process.env.IMAGERY_THEME_SHOTS;
    if (shots) await workbench.page.screenshot({ path: path.join(shots, `${theme.replace(/\W+/g, '-')}.png`) });
    // Runs in the page; this project's Node tsconfig has no DOM types.
    return await html.evaluate((root, wanted) => {
      const page = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } };
      const style = page.getComputedStyle(root);
      const variables: Record<string, string> = {};
      for (const name of wanted) {
        const value = style.getPropertyValue(name).trim();
        if (value) variables[name] = value;
      }
      const body = (globalThis as unknown as { document: { body: { className: string } } }).document.body;
      return { kind: body.className, variables };
    }, names);
  } finally {
    await workbench.close();
  }
}

async function main() {
  const names = usedVariables();
  for (const [slug, theme] of Object.entries(THEMES)) {
    const { kind, variables } = await capture(theme, names);
    const file = path.join(REPO_ROOT, 'test', 'webview', 'themes', `${slug}.json`);
    writeFileSync(file, `${JSON.stringify({ theme, kind, variables }, null, 2)}\n`);
    console.log(`${file}: ${Object.keys(variables).length} of ${names.length} variables`);
  }
}

if (require.main === module) void main();
