// One log channel for the extension ("Imagery Annotator" in the Output view).
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function output(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Imagery Annotator', { log: true });
  return channel;
}

export function disposeOutput(): void {
  channel?.dispose();
  channel = undefined;
}
