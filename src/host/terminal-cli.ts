// Puts `imagery` on the PATH of VS Code's integrated terminals: a small shim in
// the extension's global storage runs the bundled dist/cli.js with the Node that
// runs this extension host (Electron as Node on desktop, plain Node under
// code-server), so the CLI works without a clone or a Node install.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { UNTRUSTED_WORKSPACE_ENV } from '../core/image-roots';
import { output } from './output';
import { shimScripts } from './terminal-shim';
import { errorMessage } from '../core/error-message';

export interface CliShim {
  /** The folder prepended to PATH. */
  binDir: string;
  /** `imagery` (sh) and `imagery.cmd` (Windows). */
  sh: string;
  cmd: string;
}

export async function writeCliShim(binDir: string, extensionPath: string): Promise<CliShim> {
  const electron = process.versions.electron !== undefined;
  const scripts = shimScripts(process.execPath, path.join(extensionPath, 'dist', 'cli.js'), electron);
  await mkdir(binDir, { recursive: true });
  const shim: CliShim = { binDir, sh: path.join(binDir, 'imagery'), cmd: path.join(binDir, 'imagery.cmd') };
  // Rewritten at every start: the extension's folder and VS Code's Node change with updates.
  await writeFile(shim.sh, scripts.sh, 'utf8');
  await chmod(shim.sh, 0o755);
  if (scripts.cmd !== null) await writeFile(shim.cmd, scripts.cmd, 'utf8');
  return shim;
}

/** Writes the shim and prepends its folder to PATH in new integrated terminals. */
export async function installTerminalCli(context: vscode.ExtensionContext): Promise<CliShim | undefined> {
  const binDir = path.join(context.globalStorageUri.fsPath, 'bin');
  try {
    const shim = await writeCliShim(binDir, context.extensionPath);
    const collection = context.environmentVariableCollection;
    collection.description = 'Adds the `imagery` command line of Imagery Annotator (import, eval, stats, export) to PATH.';
    collection.prepend('PATH', `${binDir}${path.delimiter}`);
    // The CLI ignores the image manifest in an untrusted workspace's terminals, as the editor does.
    const markTrust = (): void =>
      vscode.workspace.isTrusted ? collection.delete(UNTRUSTED_WORKSPACE_ENV) : collection.replace(UNTRUSTED_WORKSPACE_ENV, '1');
    markTrust();
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(markTrust));
    return shim;
  } catch (error) {
    output().warn(`The imagery command could not be added to terminals: ${errorMessage(error)}`);
    return undefined;
  }
}
