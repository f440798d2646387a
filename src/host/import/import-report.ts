// What an import leaves for the person: the summary in the "Imagery Annotator"
// output channel, where every unreadable line `file:line: reason` is a link
// to that line, and "Show Import Problems", a quick pick that opens each one.
import * as vscode from 'vscode';
import { formatUnreadable, type UnreadableLine } from '../../core/release/import-jsonl';
import type { ImportResult } from '../../core/release/import-release';
import { formatImportResult } from '../../core/release/import-result-text';
import { output } from '../output';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';

export const SHOW_PROBLEMS_COMMAND = 'imageryAnnotator.showImportProblems';

/** Problems of the imports of this session, newest last; the links and the quick pick read them. */
const known: UnreadableLine[] = [];

export function problemsOf(results: readonly ImportResult[]): UnreadableLine[] {
  return results.flatMap((result) => result.unreadable);
}

export function writeImportSummary(releaseDir: string, results: readonly ImportResult[]): void {
  const log = output();
  log.info(`Imported ${releaseDir}`);
  for (const result of results) log.info(formatImportResult(result));
  const problems = problemsOf(results);
  for (const problem of problems) log.warn(formatUnreadable(problem));
  known.splice(0, known.length, ...problems);
}

/** The problem's location as a link target: the file, at its line. */
export function locationUri(problem: UnreadableLine): vscode.Uri {
  const file = vscode.Uri.file(problem.file);
  return problem.line === undefined ? file : file.with({ fragment: `L${problem.line}` });
}

export async function openProblem(problem: UnreadableLine): Promise<void> {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.file(problem.file), {
    selection: new vscode.Range(position, position),
    preview: true,
  });
}

export async function showImportProblems(): Promise<void> {
  if (known.length === 0) {
    void notify.info('The last import found no unreadable lines.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    known.map((problem) => ({
      label: uiText(`${vscode.workspace.asRelativePath(problem.file)}${problem.line === undefined ? '' : `:${problem.line}`}`),
      detail: uiText(problem.reason),
      problem,
    })),
    { title: `Unreadable lines of the last import (${known.length})`, placeHolder: 'Open a line', matchOnDetail: true },
  );
  if (picked) await openProblem(picked.problem);
}

/** Links each known `file:line:` in the output channel to that line. */
class ProblemLinks implements vscode.DocumentLinkProvider {
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (known.length === 0) return [];
    const text = document.getText();
    const links: vscode.DocumentLink[] = [];
    for (const problem of known) {
      const location = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
      for (let at = text.indexOf(`${location}: `); at !== -1; at = text.indexOf(`${location}: `, at + 1)) {
        const range = new vscode.Range(document.positionAt(at), document.positionAt(at + location.length));
        const link = new vscode.DocumentLink(range, locationUri(problem));
        link.tooltip = 'Open the file at this line';
        links.push(link);
      }
    }
    return links;
  }
}

export function registerImportReport(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, showImportProblems),
    // The Output view shows its channels as documents of the `output` scheme.
    vscode.languages.registerDocumentLinkProvider({ scheme: 'output' }, new ProblemLinks()),
  ];
}
