// "Imagery: Sample for Validation": the palette form of `imagery sample`.
// Picks shards, comments or requests, a size (100 as in the paper), a seed and
// a name, and writes the review queue beside the shards.
import * as vscode from 'vscode';
import { commonFolder, readShards, writeQueue } from '../../core/validation/queue-file';
import { checkQueueName, queueFile } from '../../core/validation/queue';
import { DEFAULT_SAMPLE_SIZE, drawSample, MAX_SEED } from '../../core/validation/sample';
import { output } from '../output';
import { SHARD_GLOB } from '../views/shard-tree';
import { notify } from '../notify';
import { uiText } from '../../core/untrusted-text';
import { errorMessage } from '../../core/error-message';

/** Answers given by a caller (a script, a keybinding's args): each skips its question. */
export interface SampleAnswers {
  /** Shard files of the workspace to draw from; default every one. */
  shards?: string[];
  unit?: 'comments' | 'requests';
  size?: number;
  seed?: number;
  name?: string;
}

/** What a command argument gives, when it is an object of the right shape; anything else asks every question. */
export function sampleAnswers(arg: unknown): SampleAnswers {
  if (typeof arg !== 'object' || arg === null) return {};
  const given = arg as Record<string, unknown>;
  const answers: SampleAnswers = {};
  if (given.unit === 'comments' || given.unit === 'requests') answers.unit = given.unit;
  if (Number.isSafeInteger(given.size) && (given.size as number) >= 1) answers.size = given.size as number;
  if (Number.isSafeInteger(given.seed) && (given.seed as number) >= 0 && (given.seed as number) <= MAX_SEED)
    answers.seed = given.seed as number;
  if (typeof given.name === 'string') answers.name = given.name;
  if (Array.isArray(given.shards)) answers.shards = given.shards.filter((file): file is string => typeof file === 'string');
  return answers;
}

export async function runSampleForValidation(answers: SampleAnswers = {}): Promise<string | undefined> {
  const files = (await vscode.workspace.findFiles(SHARD_GLOB, '**/node_modules/**')).map((uri) => uri.fsPath).sort();
  if (files.length === 0) {
    void notify.warning('No *.shard.jsonl files in this workspace to sample from.');
    return undefined;
  }
  const everyShard = files.map((file) => ({ label: uiText(vscode.workspace.asRelativePath(file)), file, picked: true }));
  // Given the other answers, the sample is drawn across the shards named (only the workspace's), else every one, as the question's default.
  const given =
    answers.unit !== undefined && answers.size !== undefined && answers.seed !== undefined && answers.name !== undefined;
  const picked = given
    ? everyShard.filter((shard) => answers.shards === undefined || answers.shards.includes(shard.file))
    : await vscode.window.showQuickPick(everyShard, {
        canPickMany: true,
        title: 'Sample for validation (1/5): shards',
        placeHolder: 'The sample is drawn across these shards',
        ignoreFocusOut: true,
      });
  if (!picked?.length) return undefined;
  const unit = answers.unit
    ? { unit: answers.unit }
    : await vscode.window.showQuickPick(
        [
          {
            label: 'Comments',
            description: 'check the extraction of N comments (the paper checked 100)',
            unit: 'comments' as const,
          },
          { label: 'Requests', description: 'check validity and every comment of N requests', unit: 'requests' as const },
        ],
        { title: 'Sample for validation (2/5): what to sample', ignoreFocusOut: true },
      );
  if (!unit) return undefined;
  const integer = (max: number) => (value: string) =>
    /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= max ? undefined : `An integer from 1 to ${max}`;
  const size =
    answers.size !== undefined
      ? String(answers.size)
      : await vscode.window.showInputBox({
          title: 'Sample for validation (3/5): how many',
          ignoreFocusOut: true,
          value: String(DEFAULT_SAMPLE_SIZE),
          validateInput: integer(1_000_000),
        });
  if (size === undefined) return undefined;
  const seed =
    answers.seed !== undefined
      ? String(answers.seed)
      : await vscode.window.showInputBox({
          title: 'Sample for validation (4/5): seed',
          ignoreFocusOut: true,
          prompt: 'The same seed and shards give the same sample, byte for byte',
          value: String(Math.floor(Math.random() * 1_000_000)),
          validateInput: (value) =>
            /^\d+$/.test(value.trim()) && Number(value) <= MAX_SEED ? undefined : `An integer from 0 to ${MAX_SEED}`,
        });
  if (seed === undefined) return undefined;
  const name =
    answers.name !== undefined
      ? answers.name
      : await vscode.window.showInputBox({
          title: 'Sample for validation (5/5): queue name',
          ignoreFocusOut: true,
          value: 'validation',
          validateInput: (value) => {
            try {
              checkQueueName(value);
              return undefined;
            } catch (error) {
              return (error as Error).message;
            }
          },
        });
  if (name === undefined) return undefined;
  try {
    checkQueueName(name); // asked: checked as typed; given: checked here
  } catch (error) {
    void notify.error(`Sampling failed: ${errorMessage(error)}`);
    return undefined;
  }
  const shardFiles = picked.map((item) => item.file);
  try {
    const file = queueFile(commonFolder(shardFiles), name);
    const queue = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Drawing the sample' },
      async () => {
        const { shards, warnings } = await readShards(shardFiles);
        for (const warning of warnings) output().warn(warning);
        return drawSample(shards, {
          name,
          unit: unit.unit,
          size: Number(size),
          seed: Number(seed),
          queueDir: commonFolder(shardFiles),
        });
      },
    );
    let outcome;
    try {
      outcome = await writeQueue(file, queue);
    } catch (error) {
      const replace = await notify.ask(`${(error as Error).message}.`, { modal: true }, 'Replace');
      if (replace !== 'Replace') return undefined;
      outcome = await writeQueue(file, queue, true);
    }
    // The next step is walking the queue: offered here, not left to the palette.
    const open = 'Open Review Queue';
    void notify
      .info(
        `${outcome === 'written' ? 'Wrote' : 'Unchanged:'} ${vscode.workspace.asRelativePath(file)}: ${queue.items.length} of ${queue.population} ${queue.unit}, seed ${queue.seed}.`,
        open,
      )
      .then((choice) => choice === open && vscode.commands.executeCommand('imageryAnnotator.openReviewQueue', file));
    return file;
  } catch (error) {
    void notify.error(`Sampling failed: ${errorMessage(error)}`);
    return undefined;
  }
}
