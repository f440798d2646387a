// VS Code's four default themes as a webview gets them: the colour variables
// our pages use, with VS Code 1.139.1's own values (themes/*.json). The
// harnesses set them on the page, so contrast is checked with what users see.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const THEME_NAMES = ['light-modern', 'dark-modern', 'high-contrast', 'high-contrast-light'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export interface ThemeColors {
  theme: string;
  /** The classes VS Code puts on the webview's body (vscode-light, vscode-dark, ...). */
  kind: string;
  variables: Record<string, string>;
}

export function themeColors(name: ThemeName): ThemeColors {
  return JSON.parse(readFileSync(path.join(__dirname, 'themes', `${name}.json`), 'utf8')) as ThemeColors;
}

/** The body's style under a theme: its variables, and the editor's background behind the page as in VS Code. */
export function themeBodyStyle(name: ThemeName): { className: string; css: string } {
  const colors = themeColors(name);
  const variables = Object.entries(colors.variables).map(([variable, value]) => `${variable}: ${value};`);
  return {
    className: colors.kind,
    css: `${variables.join(' ')} background: var(--vscode-editor-background); color: var(--vscode-foreground);`,
  };
}
