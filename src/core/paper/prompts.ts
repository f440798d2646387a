// The exact prompts of the paper's runs (the release's select_instruction and
// generate scripts), for both domains, standard and chain-of-imagery (CoI).
import type { Domain } from '../shard/schema';
import { LETTERS } from './choice';

export type PromptTask = 'rec_title' | 'rec_choice' | 'description';
export type PromptStyle = 'standard' | 'coi';

export interface PromptInput {
  task: PromptTask;
  domain: Domain;
  /** Ignored for 'description' (the release used one instruction there). */
  style: PromptStyle;
  title: string;
  selftext: string;
  /** rec_choice only: the candidates, lettered A.. in this order. */
  choices?: readonly string[];
  /** Text-only models: image descriptions; the first 4 go into the prompt. Absent for vision models. */
  descriptions?: readonly string[];
}

/** Image descriptions a text-only model sees at most. */
export const MAX_DESCRIPTIONS = 4;

const IMAGE_STEP = 'Think step by step. First understand the given image(s) in detail, including its content, style, and vibe.';

export const DESCRIPTION_INSTRUCTION = 'Describe this image in detail, including its content, style, and vibe.';

const TITLE_TERMS: Record<Domain, { plural: string; format: string }> = {
  music: { plural: 'music pieces', format: 'Each piece should take the Artist - Title format.' },
  books: { plural: 'books', format: 'Each book should take the Author - Title format.' },
};

/** The instruction alone, without its trailing newline. */
export function instruction(task: PromptTask, domain: Domain, style: PromptStyle): string {
  if (task === 'description') return DESCRIPTION_INSTRUCTION;
  if (task === 'rec_choice') {
    const start = 'Given the request, choose which recommendation is the most suitable.';
    const end = "Choose a single item. Don't say anything else.";
    if (style === 'standard') return `${start} ${end}`;
    return `${start} ${IMAGE_STEP} Then, carefully inspect each choice. Recall its content and see if it captures the essence of the image(s). Select the item that best captures this essence. ${end}`;
  }
  const { plural, format } = TITLE_TERMS[domain];
  const coi = style === 'coi' ? ` ${IMAGE_STEP} Then, think of ${plural} that capture the essence of the image(s).` : '';
  return `Given the request, provide recommendations.${coi} Enumerate 20 ${plural} (1., 2., ...) in the order of relevance. ${format} Don't say anything else.`;
}

/**
 * The full prompt text. Title generation and description instructions end with
 * a newline (the release appended one), so "\nRequest:" follows an empty line;
 * multiple choice does not. A description prompt is the instruction alone
 * (one call per image).
 */
export function buildPrompt(input: PromptInput): string {
  const { task } = input;
  const head = instruction(task, input.domain, input.style) + (task === 'rec_choice' ? '' : '\n');
  if (task === 'description') return head;
  let prompt = `${head}\nRequest:\n${input.title}\n${input.selftext}\n`;
  if (input.descriptions !== undefined) prompt += `\nImage descriptions:\n${describeImages(input.descriptions)}\n`;
  if (task === 'rec_choice') prompt += `Choices:\n${letterChoices(input.choices)}\n`;
  return prompt;
}

function describeImages(descriptions: readonly string[]): string {
  return descriptions
    .slice(0, MAX_DESCRIPTIONS)
    .map((description, i) => `Image ${i + 1}: ${description}`)
    .join('\n');
}

function letterChoices(choices: readonly string[] | undefined): string {
  if (!choices || choices.length === 0 || choices.length > LETTERS.length) {
    throw new Error(`rec_choice prompt needs 1 to ${LETTERS.length} choices, got ${choices?.length ?? 'none'}`);
  }
  return choices.map((choice, i) => `${LETTERS[i]}. ${choice}`).join('\n');
}
