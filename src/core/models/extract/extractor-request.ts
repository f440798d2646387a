// The paper's item extractor, byte for byte: its instruction per domain (as
// the paper's script built it, twelve spaces before each line break), `\n`,
// then the comment's raw text, sent as ONE user message whose content is a
// plain string; temperature 0, max_tokens 200.
import { createHash } from '../../node-crypto';
import type { Domain } from '../../shard/schema';
import type { ChatMessage } from '../backend';

/** The paper's extractor model, temperature and token limit. */
export const PAPER_EXTRACTOR_MODEL = 'gpt-3.5-turbo-0125';
export const EXTRACTOR_TEMPERATURE = 0;
export const EXTRACTOR_MAX_TOKENS = 200;

// A Python string continued with backslashes kept the next line's indentation: twelve spaces.
const BREAK = '            \n';

const INSTRUCTIONS: Readonly<Record<Domain, string>> = {
  music:
    'In the following text, extract all music tracks.' +
    BREAK +
    'Each track should be in the Artist - Title format and separated by a newline.' +
    BREAK +
    'If an artist is mentioned without the title, output the artist only.' +
    BREAK +
    'If there are no mentions, output None.',
  books:
    'In the following text, extract all books.' +
    BREAK +
    'Each book should be in the Author - Title format and separated by a newline.' +
    BREAK +
    'If an author is mentioned without the title, output the author only.' +
    BREAK +
    'If there are no mentions, output None.',
};

export function extractorInstruction(domain: Domain): string {
  return INSTRUCTIONS[domain];
}

/** The one message the extractor sends for a comment. */
export function extractorMessages(domain: Domain, commentRaw: string): ChatMessage[] {
  return [{ role: 'user', content: `${extractorInstruction(domain)}\n${commentRaw}` }];
}

/** sha256 (hex) of the JSON of the exact messages sent, as model runs record it. */
export function extractorMessagesSha256(messages: readonly ChatMessage[]): string {
  return createHash('sha256').update(JSON.stringify(messages)).digest('hex');
}
