// What a run is given besides the prompt: the request's images, or the image
// descriptions of an earlier description run (stored in the shard, or made
// inline and kept in the log).
import type { RequestState } from '../annotations/state';
import { runKey, type ShardRecord } from '../shard/schema';
import { ModelRunError } from './errors';

export type RunInput =
  | { kind: 'images' }
  /** `model`: the description run's model; `run`: a specific run key, else the stored run, else the latest inline one. */
  | { kind: 'descriptions'; model: string; run?: string };

const DESC_PREFIX = 'desc:';

/** "images" or "desc:<model>" (the CLI's --input) -> a RunInput; null when neither. */
export function parseRunInput(text: string): RunInput | null {
  if (text === 'images' || text === 'image') return { kind: 'images' };
  if (text.startsWith(DESC_PREFIX) && text.length > DESC_PREFIX.length)
    return { kind: 'descriptions', model: text.slice(DESC_PREFIX.length) };
  return null;
}

/** The input as stored runs name it: "image", or the model that wrote the descriptions. */
export function inputLabel(input: RunInput): string {
  return input.kind === 'images' ? 'image' : input.model;
}

export interface DescriptionSource {
  /** Run key: "model/input/description" (stored) or "inline:<id>". */
  run: string;
  descriptions: string[];
}

function asList(answer: string | readonly string[]): string[] {
  return typeof answer === 'string' ? [answer] : [...answer];
}

/** Every description run of a request a user can pick as input: stored ones first, then inline ones, oldest first. */
export function descriptionSources(
  record: ShardRecord,
  state: RequestState | undefined,
): (DescriptionSource & { model: string })[] {
  const stored = record.runs
    .filter((run) => run.task === 'description')
    .map((run) => ({ model: run.model, run: runKey(run), descriptions: asList(run.answer) }));
  const inline = (state?.runs ?? [])
    .filter((run) => run.task === 'description')
    .map((run) => ({ model: run.model, run: run.key, descriptions: asList(run.answer) }));
  return [...stored, ...inline];
}

/** The descriptions for `desc:<model>`: a run named by key, else the stored run of that model, else its latest inline run. */
export function findDescriptions(
  input: Extract<RunInput, { kind: 'descriptions' }>,
  record: ShardRecord,
  state: RequestState | undefined,
): DescriptionSource {
  const sources = descriptionSources(record, state);
  const chosen =
    input.run !== undefined
      ? sources.find((source) => source.run === input.run)
      : (sources.find((source) => source.model === input.model && !source.run.startsWith('inline:')) ??
        sources.filter((source) => source.model === input.model).at(-1));
  if (!chosen) {
    const known = [...new Set(sources.map((source) => source.model))];
    const hint = known.length
      ? ` Description runs here: ${known.map((model) => `desc:${model}`).join(', ')}.`
      : ' This request has no description run.';
    throw new ModelRunError('no-descriptions', `No image descriptions by "${input.model}" for request ${record.id}.${hint}`);
  }
  if (chosen.descriptions.every((text) => text.trim() === '')) {
    throw new ModelRunError('no-descriptions', `The description run ${chosen.run} of request ${record.id} is empty.`);
  }
  return { run: chosen.run, descriptions: chosen.descriptions };
}
