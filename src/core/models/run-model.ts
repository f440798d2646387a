// THE entry point for running a model on one request: the editor, `imagery
// run` and the batch runner all come through here. It builds the paper's
// messages, calls the backend (streaming), scores the answer against the
// request's current ground truth and returns the model-run event to append.
// It writes nothing itself: the caller appends `draft` to the annotator's log
// (or, in a batch, to its own output).
import path from 'node:path';
import type { RequestState } from '../annotations/state';
import type { PromptStyle } from '../paper/prompts';
import type { ShardRecord, Task } from '../shard/schema';
import type { ChatBackend, ChatCallbacks, ChatResult, TokenUsage } from './backend';
import { ModelRunError } from './errors';
import { imageRootsFor } from '../image-roots';
import { DEFAULT_IMAGE_POLICY, loadImages, type ImageInput, type ImagePolicy } from './image-files';
import { messagesSha256, planCalls } from './messages';
import { baseUrlHost, type ModelProfile } from './profile';
import { findDescriptions, inputLabel, type RunInput } from './run-input';
import type { ModelRunDraft, ModelRunOutcome } from './run-outcome';
import { isParseable, scoreAnswer } from './score';
import { TruncatedAnswerError, truncatedMessage } from './truncation';

export interface ModelRunSpec {
  task: Task;
  prompt: PromptStyle;
  input: RunInput;
}

export interface ModelRunTarget {
  /** The shard file: image paths are relative to its folder. */
  shardFile: string;
  record: ShardRecord;
  /** The request's replayed annotation state (corrections, inline runs); undefined when untouched. */
  state: RequestState | undefined;
  /**
   * Real paths local images must lie in: the image folders of imageRootsFor
   * (the editor's and the CLI's); default: those of the shard with its manifest trusted.
   */
  imageRoots?: readonly string[];
}

export interface ModelRunCallbacks extends ChatCallbacks {
  /** Description runs make one call per image: called before each (0-based). */
  onCall?(index: number, total: number): void;
}

export interface ModelRunOptions {
  profile: ModelProfile;
  backend: ChatBackend;
  signal?: AbortSignal;
  callbacks?: ModelRunCallbacks;
  images?: Partial<ImagePolicy>;
  /** Return an answer cut at the token limit (its draft marked `truncated`) instead of failing with TruncatedAnswerError. */
  keepTruncated?: boolean;
}

export type { ModelRunDraft, ModelRunOutcome } from './run-outcome';

function sumUsage(results: readonly ChatResult[]): TokenUsage | undefined {
  const usages = results.map((result) => result.usage).filter((usage): usage is TokenUsage => usage !== undefined);
  if (usages.length === 0) return undefined;
  const total = (key: keyof TokenUsage): number | undefined =>
    usages.some((usage) => usage[key] !== undefined) ? usages.reduce((sum, usage) => sum + (usage[key] ?? 0), 0) : undefined;
  const usage: TokenUsage = {};
  for (const key of ['promptTokens', 'completionTokens', 'totalTokens', 'reasoningTokens'] as const) {
    const value = total(key);
    if (value !== undefined) usage[key] = value;
  }
  return usage;
}

function checkApplicable(spec: ModelRunSpec, record: ShardRecord): void {
  if (spec.task === 'rec_choice' && record.choice === null) {
    throw new ModelRunError(
      'not-applicable',
      `Request ${record.id} has no multiple-choice candidates, so rec_choice cannot run on it.`,
    );
  }
  if (spec.task === 'description' && spec.input.kind !== 'images') {
    throw new ModelRunError('not-applicable', 'The description task describes images: its input must be the images.');
  }
}

/** Runs `spec` on one request. Rejects with a ModelRunError for every fault (no run is recorded then). */
export async function runModel(spec: ModelRunSpec, target: ModelRunTarget, options: ModelRunOptions): Promise<ModelRunOutcome> {
  const { record, state } = target;
  const { profile, backend, signal, callbacks = {} } = options;
  checkApplicable(spec, record);
  const shardFolder = path.dirname(path.resolve(target.shardFile));
  let images: ImageInput[] = [];
  let descriptions: { run: string; descriptions: string[] } | undefined;
  if (spec.input.kind === 'images') {
    const policy = { ...DEFAULT_IMAGE_POLICY, ...options.images };
    const roots =
      target.imageRoots ??
      (await imageRootsFor({ shardFile: target.shardFile, workspaceFolders: [], trustManifest: true })).imageFolders;
    images = await loadImages(record.images, shardFolder, roots, policy);
  } else {
    descriptions = findDescriptions(spec.input, record, state);
  }
  const calls = planCalls({
    task: spec.task,
    prompt: spec.prompt,
    record,
    detail: profile.imageDetail,
    images,
    descriptions: descriptions?.descriptions,
  });
  const startedAt = new Date();
  const started = performance.now();
  const results: ChatResult[] = [];
  for (const [index, messages] of calls.entries()) {
    if (signal?.aborted) throw new ModelRunError('cancelled', 'The run was cancelled.');
    callbacks.onCall?.(index, calls.length);
    const settings = {
      tokenParameter: profile.tokenParameter,
      reasoningBudget: profile.reasoningBudget,
      reasoningEffort: profile.reasoningEffort,
      streamUsage: profile.streamUsage,
    };
    const result = await backend.chat(
      { messages, model: profile.model, temperature: profile.temperature, maxTokens: profile.maxTokens, settings },
      callbacks,
      signal,
    );
    // A cut answer may be empty (reasoning took the whole budget): that is truncation, not an empty answer.
    if (result.text.trim() === '' && result.finishReason !== 'length')
      throw new ModelRunError('empty-answer', `The model ${profile.model} gave an empty answer.`);
    results.push(result);
  }
  const latencyMs = Math.round(performance.now() - started);
  const answer = spec.task === 'description' ? results.map((result) => result.text) : results[0].text;
  const score = scoreAnswer(spec.task, answer, record, state);
  const parseable = isParseable(score);
  const usage = sumUsage(results);
  const finishReason = results.at(-1)?.finishReason;
  const cut = results.find((result) => result.finishReason === 'length');
  const thinking = spec.task === 'description' ? results.map((result) => result.thinking ?? '') : results[0].thinking;
  const sent = results.at(-1)?.sent;
  const draft: ModelRunDraft = {
    type: 'model-run',
    request: record.id,
    profile: profile.name,
    backend: backend.kind,
    model: profile.model,
    host: backend.kind === 'openai' ? baseUrlHost(profile.baseUrl) : '',
    task: spec.task,
    prompt: spec.prompt,
    input: inputLabel(spec.input),
    ...(descriptions ? { descriptionsFrom: descriptions.run } : {}),
    messagesSha256: messagesSha256(spec.task, calls),
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + latencyMs).toISOString(),
    latencyMs,
    temperature: profile.temperature,
    temperatureApplied: results.every((result) => result.temperatureApplied),
    maxTokens: profile.maxTokens,
    ...(sent ? { sent: { ...sent, imageDetail: profile.imageDetail } } : {}),
    ...(usage ? { usage } : {}),
    ...(finishReason ? { finishReason } : {}),
    answer,
    ...(thinking !== undefined && (Array.isArray(thinking) ? thinking.some(Boolean) : thinking) ? { thinking } : {}),
    ...(parseable ? {} : { unparseable: true }),
    ...(cut ? { truncated: true } : {}),
  };
  const warnings = [...new Set(results.flatMap((result) => result.warnings ?? []))];
  const outcome = { answer, score, parseable, draft, warnings };
  if (cut && !options.keepTruncated) throw new TruncatedAnswerError(truncatedMessage(cut, profile.model), outcome);
  return outcome;
}
