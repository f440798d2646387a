// The chat messages exactly as the paper's code sent them: ONE user message,
// the prompt text first, then one image part per image; no system message.
import { createHash } from '../node-crypto';
import { buildPrompt, type PromptStyle } from '../paper/prompts';
import type { ShardRecord, Task } from '../shard/schema';
import type { ChatMessage } from './backend';
import type { ImageInput } from './image-files';
import type { ImageDetail } from './profile';

export interface MessagePlan {
  task: Task;
  prompt: PromptStyle;
  record: ShardRecord;
  detail: ImageDetail;
  /** Image input; empty for description input. */
  images: readonly ImageInput[];
  /** Description input (the protocol's "Image descriptions" block); undefined for image input. */
  descriptions?: readonly string[];
}

function userMessage(text: string, images: readonly ImageInput[], detail: ImageDetail): ChatMessage {
  return {
    role: 'user',
    content: [
      { type: 'text', text },
      // `omit`: no detail key at all, as the paper's code sent it.
      ...images.map((image) => ({
        type: 'image_url' as const,
        image_url: detail === 'omit' ? { url: image.url } : { url: image.url, detail },
      })),
    ],
  };
}

/**
 * One list of messages per call: a single call for rec_title / rec_choice,
 * one call per image for description (as the paper did).
 */
export function planCalls(plan: MessagePlan): ChatMessage[][] {
  const { task, record } = plan;
  const text = buildPrompt({
    task,
    domain: record.domain,
    style: plan.prompt,
    title: record.title,
    selftext: record.selftext,
    choices: task === 'rec_choice' ? record.choice?.choices : undefined,
    descriptions: plan.descriptions,
  });
  if (task === 'description') return plan.images.map((image) => [userMessage(text, [image], plan.detail)]);
  return [[userMessage(text, plan.images, plan.detail)]];
}

/**
 * sha256 (hex) of the JSON of the exact messages sent: the one call's message
 * list, or for description the list of every call's message list.
 */
export function messagesSha256(task: Task, calls: readonly ChatMessage[][]): string {
  const body = task === 'description' ? calls : calls[0];
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
