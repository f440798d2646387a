// The extension's settings, read when needed so a change applies to the next action.
import * as vscode from 'vscode';
import { resolveAnnotator } from '../core/annotations/annotator';

import type { SaveMode } from './editor/state/dirty-table';

export type { SaveMode };

const SECTION = 'imageryAnnotator';

/** The annotator name from the setting, else the operating system's user name. */
export function configuredAnnotator(): string {
  return resolveAnnotator(vscode.workspace.getConfiguration(SECTION).get<string>('annotator'));
}

export function configuredSaveMode(): SaveMode {
  return vscode.workspace.getConfiguration(SECTION).get<string>('saveMode') === 'manual' ? 'manual' : 'immediate';
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
