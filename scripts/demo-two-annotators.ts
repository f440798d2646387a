// `node --import tsx scripts/demo-two-annotators.ts <shard folder>`: plays two
// scripted annotators and a reviewer over the review queues `extraction-100`
// and `validity-100` (made first with `imagery sample`), so the report's
// extraction, agreement and adjudication figures can be shown on real shards.
// A deterministic simulation for demonstrations, not a way to label data:
// - ana keeps each extracted item whose title is in the comment, and adds
//   every "Artist - Title" line or "Title by Artist" phrase not extracted;
// - ben does the same without the "by" phrases;
// - on validity, each calls a request invalid by a hash of its id (ana ~8%,
//   ben most of those plus a few of his own);
// - cleo adjudicates every disagreement with ana's answer.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AnnotationLog } from '../src/core/annotations/log';
import type { EventDraft, InvalidReason } from '../src/core/annotations/events';
import { readQueue } from '../src/core/validation/queue-file';
import type { ShardRecord } from '../src/core/shard/schema';

const folder = path.resolve(process.argv[2] ?? 'shards');
const records = new Map<string, ShardRecord>();
for (const name of readdirSync(folder).filter((file) => file.endsWith('.shard.jsonl')))
  for (const line of readFileSync(path.join(folder, name), 'utf8').split('\n'))
    if (line) {
      const record = JSON.parse(line) as ShardRecord;
      records.set(record.id, record);
    }

const words = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const plain = (text: string): string => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]+/g, '');
const dashLines = (raw: string): string[] =>
  plain(raw)
    .split('\n')
    .map((line) => /^(.{2,60}?)\s+[-–—]\s+(.{2,80})$/.exec(line.replace(/^[\s*>•\-\d.)]+/, '').trim()))
    .flatMap((match) => (match ? [`${match[1]} - ${match[2]}`.toLowerCase()] : []));
const byPhrases = (raw: string): string[] =>
  [...plain(raw).matchAll(/["“]?([A-Z][\w' ]{1,40})["”]? by ([A-Z][\w' &]{1,40})/g)].map((m) =>
    `${m[2]} - ${m[1]}`.toLowerCase(),
  );

function checkExtraction(raw: string, extracted: string[], readsByPhrases: boolean): string[] | 'confirmed' {
  const text = words(raw);
  const kept = extracted.filter((item) => text.includes(words(item.split(' - ').slice(1).join(' - ') || item)));
  const seen = new Set(extracted.map(words));
  const missed = [...dashLines(raw), ...(readsByPhrases ? byPhrases(raw) : [])].filter((item) => !seen.has(words(item)));
  return kept.length === extracted.length && missed.length === 0 ? 'confirmed' : [...kept, ...missed];
}

const unit = (text: string): number => createHash('sha1').update(text).digest().readUInt32BE(0) / 2 ** 32;
const REASONS: InvalidReason[] = ['Not a rec request', 'Image is item(s)', 'Image is text', 'Not music rec'];
function checkValidity(id: string, isAna: boolean): { verdict: 'valid' } | { verdict: 'invalid'; reason: InvalidReason } {
  const h = unit(id);
  const invalid = isAna ? h < 0.08 : h < 0.06 || (h > 0.1 && h < 0.12);
  return invalid
    ? { verdict: 'invalid', reason: REASONS[Math.floor(unit(`${id}/reason`) * REASONS.length)] }
    : { verdict: 'valid' };
}

async function main(): Promise<void> {
  const extraction = await readQueue(path.join(folder, 'extraction-100.queue.json'));
  const validity = await readQueue(path.join(folder, 'validity-100.queue.json'));
  const answers = new Map<string, Map<string, EventDraft>>();
  const answer = async (shard: string, annotator: string, key: string, draft: EventDraft): Promise<void> => {
    await AnnotationLog.open(path.join(folder, shard), annotator).append(draft);
    if (!answers.has(key)) answers.set(key, new Map());
    answers.get(key)?.set(annotator, draft);
  };
  for (const annotator of ['ana', 'ben']) {
    for (const item of extraction.items) {
      const comment = records.get(item.request)?.comments.find((c) => c.id === item.comment);
      if (!comment || !item.comment) continue;
      const verdict = checkExtraction(comment.raw, comment.extraction?.items ?? [], annotator === 'ana');
      const base = { type: 'extraction', request: item.request, comment: item.comment } as const;
      await answer(
        item.shard,
        annotator,
        `${item.shard}|${item.request}|${item.comment}`,
        verdict === 'confirmed' ? { ...base, verdict } : { ...base, verdict: 'corrected', items: verdict },
      );
    }
    for (const item of validity.items)
      await answer(item.shard, annotator, `${item.shard}|${item.request}|`, {
        type: 'validity',
        request: item.request,
        ...checkValidity(item.request, annotator === 'ana'),
      });
  }
  let settled = 0;
  for (const [key, byAnnotator] of answers) {
    const ana = byAnnotator.get('ana');
    if (!ana || JSON.stringify(ana) === JSON.stringify(byAnnotator.get('ben'))) continue;
    const [shard, request, comment] = key.split('|');
    if (ana.type === 'extraction' && ana.verdict !== 'unreviewed')
      await AnnotationLog.open(path.join(folder, shard), 'cleo').append({
        type: 'adjudication',
        request,
        comment,
        verdict: ana.verdict,
        ...(ana.items ? { items: ana.items } : {}),
      });
    if (ana.type === 'validity' && ana.verdict !== 'unreviewed')
      await AnnotationLog.open(path.join(folder, shard), 'cleo').append({
        type: 'adjudication',
        request,
        verdict: ana.verdict,
        ...(ana.reason ? { reason: ana.reason } : {}),
      });
    settled++;
  }
  console.log(
    `ana and ben: ${extraction.items.length} comments and ${validity.items.length} requests each; cleo settled ${settled} disagreements`,
  );
}

void main();
