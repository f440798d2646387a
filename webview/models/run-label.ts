// The one label of a model run, for every card (stored, inline, live): what
// answered, where it came from, what it was given and which task. The input
// is named as an input ("on descriptions by X"), so a text model run on
// another model's descriptions never reads as if that other model answered.
import type { Task } from '../../src/core/shard/schema';

const TASK_WORDS: Record<Task, string> = {
  rec_title: 'title generation',
  rec_choice: 'multiple choice',
  description: 'image description',
};

/** A run's input as stored: "image" (or "images") for the request's images, else the model that described them. */
export function inputWords(input: string): string {
  return input === 'image' || input === 'images' ? 'on the images' : `on descriptions by ${input}`;
}

export function taskWords(task: Task): string {
  return TASK_WORDS[task];
}

export interface LabelledRun {
  model: string;
  input: string;
  task: Task;
  /** "stored" or "inline" for a kept run; a live run shows its profile instead. */
  source: string;
  prompt?: string;
}

/** Everything after the model's name, in reading order. */
export function runDetails(run: LabelledRun): string[] {
  const prompt = run.prompt === undefined ? [] : [run.prompt === 'coi' ? 'chain-of-imagery prompt' : `${run.prompt} prompt`];
  return [run.source, inputWords(run.input), taskWords(run.task), ...prompt];
}

/** The whole label: "gpt-3.5-turbo-0125 · stored · on descriptions by gpt-4-vision-preview · multiple choice". */
export function runLabel(run: LabelledRun): string {
  return [run.model, ...runDetails(run)].join(' · ');
}
