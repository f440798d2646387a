// One line of intermediate/<model>/<domain>/<input>/<task>.jsonl, written as
// the paper's scripts wrote it: the request as submissions.jsonl holds it
// (json.dumps, ensure_ascii), its `choices` and `true_index` when it is in
// the benchmark, the `description` list it was given (text-only input), and
// the answer under the task's name (description: one string per image).
// The standard rec_title run on images read submissions.jsonl, so its lines
// carry no choices (804 music lines); every other run read submissions_ns.jsonl.
import path from 'node:path';
import { pyJsonLine } from '../../release/export-python-json';
import { releaseFields } from '../../release/release-fields';
import type { PromptStyle } from '../../paper/prompts';
import type { ShardRecord, Task } from '../../shard/schema';

export interface LineSpec {
  task: Task;
  prompt: PromptStyle;
  /** The descriptions given as input (text-only runs); undefined for image input. */
  descriptions?: readonly string[];
}

export function releaseRunLine(record: ShardRecord, spec: LineSpec, answer: string | readonly string[]): string {
  const { task, descriptions } = spec;
  const fields = releaseFields(record);
  const fromSubmissionsAll = task === 'rec_title' && spec.prompt === 'standard' && descriptions === undefined;
  if (record.choice && !fromSubmissionsAll) {
    fields.set('choices', record.choice.choices);
    fields.set('true_index', record.choice.true_index);
  }
  if (descriptions && task !== 'description') fields.set('description', descriptions);
  fields.set(task, typeof answer === 'string' ? answer : [...answer]);
  return pyJsonLine(fields) + '\n';
}

/** A model name as a folder name: path separators (served names like "org/model") become "_". */
export function modelFolderName(model: string): string {
  const name = model.replace(/[/\\]/g, '_').trim();
  if (name === '' || name === '.' || name === '..') throw new Error(`"${model}" cannot name a folder`);
  return name;
}

/** DIR/intermediate/<model>/<domain>/<input>/<task>.jsonl, the release's layout. */
export function runFilePath(outDir: string, folder: { model: string; domain: string; input: string; task: Task }): string {
  return path.join(outDir, 'intermediate', folder.model, folder.domain, modelFolderName(folder.input), `${folder.task}.jsonl`);
}
