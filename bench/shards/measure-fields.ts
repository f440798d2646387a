// Measures the field sizes of the shared release once (deciles), to bake into
// the synthetic shard generator as constants: `node --import tsx bench/shards/measure-fields.ts`.
// The data itself is never copied into the repository.
import { importDomain } from '../../src/core/release/import';
import { SHARED_DATASET, hasSharedDataset } from '../../test/helpers/dataset';

const deciles = (values: number[]): number[] => {
  if (process.argv.includes('--tail')) return tail(values);
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({ length: 11 }, (_, i) => sorted[Math.min(sorted.length - 1, Math.floor((i / 10) * (sorted.length - 1)))]);
};

async function main(): Promise<void> {
  if (!hasSharedDataset) throw new Error(`no shared dataset at ${SHARED_DATASET}`);
  const fields: Record<string, number[]> = {
    title: [],
    selftext: [],
    comments: [],
    commentRaw: [],
    items: [],
    itemLength: [],
    runs: [],
    answer: [],
    recordBytes: [],
  };
  for (const domain of ['books', 'music'] as const) {
    const { records } = await importDomain(SHARED_DATASET, domain);
    for (const record of records) {
      fields.title.push(record.title.length);
      fields.selftext.push(record.selftext.length);
      fields.comments.push(record.comments.length);
      for (const comment of record.comments) {
        fields.commentRaw.push(comment.raw.length);
        fields.items.push(comment.extraction?.items.length ?? 0);
        for (const item of comment.extraction?.items ?? []) fields.itemLength.push(item.length);
      }
      fields.runs.push(record.runs.length);
      for (const run of record.runs) fields.answer.push(JSON.stringify(run.answer).length);
      fields.recordBytes.push(Buffer.byteLength(JSON.stringify({ ...record, runs: [] })));
    }
  }
  for (const [name, values] of Object.entries(fields))
    console.log(`  ${name}: [${deciles(values).join(', ')}], // n=${values.length}`);
}

void main();

/** The top decile in 1% steps, for fields that are mostly zero. */
function tail(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from(
    { length: 11 },
    (_, i) => sorted[Math.min(sorted.length - 1, Math.floor(((90 + i) / 100) * (sorted.length - 1)))],
  );
}
