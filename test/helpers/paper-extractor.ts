// The paper's extractor instructions as JSON strings, copied from
// paper-protocol.md (twelve spaces before each line break): the CLI's and the
// editor's request tests compare the bytes sent with these.
export const PAPER_EXTRACTOR_INSTRUCTION = {
  music:
    'In the following text, extract all music tracks.            \nEach track should be in the Artist - Title format and separated by a newline.            \nIf an artist is mentioned without the title, output the artist only.            \nIf there are no mentions, output None.',
  books:
    'In the following text, extract all books.            \nEach book should be in the Author - Title format and separated by a newline.            \nIf an author is mentioned without the title, output the author only.            \nIf there are no mentions, output None.',
} as const;

/** The `"messages":[…]` bytes of the extractor's request body for a comment. */
export function paperExtractorMessagesBytes(domain: 'music' | 'books', raw: string): string {
  return `"messages":${JSON.stringify([{ role: 'user', content: `${PAPER_EXTRACTOR_INSTRUCTION[domain]}\n${raw}` }])}`;
}
