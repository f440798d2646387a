// Shards and a loopback model whose answers are known, for batch-run tests:
// request rN is titled "Request rN"; the model names the true item for even N
// (rec_title) and picks the true letter for N divisible by 3 (rec_choice).
import { readFileSync } from 'node:fs';
import type { RecordedRequest, ScriptedAnswer } from '../../helpers/openai-server';
import { makeDataset, makeRecord, type Dataset } from './fixture';

export function makeBatchDataset(t: { after: (fn: () => void) => void }, count: number, withoutChoice: string[] = []): Dataset {
  const records = Array.from({ length: count }, (_, i) => {
    const id = `r${i + 1}`;
    return makeRecord({ id, title: `Request ${id}`, ...(withoutChoice.includes(id) ? { choice: null } : {}) });
  });
  return makeDataset(t, records);
}

/** The request id a chat call is about (from the prompt's title). */
export function requestIdOf(request: RecordedRequest): string {
  const text: string = request.body?.messages?.[0]?.content?.[0]?.text ?? '';
  return /Request (r\d+)/.exec(text)?.[1] ?? '?';
}

export function knownAnswer(request: RecordedRequest, extra: Partial<ScriptedAnswer> = {}): ScriptedAnswer {
  const id = requestIdOf(request);
  const n = Number(id.slice(1));
  const text: string = request.body?.messages?.[0]?.content?.[0]?.text ?? '';
  if (text.includes('Choices:')) return { text: n % 3 === 0 ? 'B. blue hour - night owls' : 'C. gamma - three', ...extra };
  return { text: n % 2 === 0 ? '1. Blue Hour - Night Owls\n2. Zed Band - Song' : '1. Nobody - Nothing', ...extra };
}

export function readLines(file: string): Record<string, any>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

export const ids = (lines: Record<string, any>[]): string[] => lines.map((line) => line.submission_id as string).sort();
export const allIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `r${i + 1}`).sort();
