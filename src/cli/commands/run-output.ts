// What `imagery run` prints: the answer and its score as text, or one JSON
// object (parsed titles or choice, hit1/hit10/hit20 or correct, provenance).
import type { ModelRunOutcome } from '../../core/models/run-model';
import type { ScoredTitle } from '../../core/models/score';
import type { ShardRecord } from '../../core/shard/schema';

type Recorded = { run: string; log: string } | null;

function describeMatch(title: ScoredTitle): string {
  if (title.match === null) return 'miss';
  if (title.match.kind === 'creator') return `hit  (creator match: ${title.match.item})`;
  return `hit  (${title.match.item}, distance ${title.match.distance})`;
}

const hit = (value: 0 | 1 | null): string => (value === null ? '-' : String(value));

export function formatOutcome(outcome: ModelRunOutcome, record: ShardRecord, recorded: Recorded): string {
  const { score, answer } = outcome;
  const lines: string[] = [];
  if (score.task === 'description') {
    (answer as string[]).forEach((text, i) => lines.push(`Image ${i + 1}: ${text}`));
  } else {
    lines.push(answer as string, '');
  }
  if (score.task === 'rec_title') {
    const truth = score.groundTruth.length === 0 ? 'no ground truth' : `${score.groundTruth.length} ground-truth items`;
    lines.push(
      `Hit@1 ${hit(score.hit1)}  Hit@10 ${hit(score.hit10)}  Hit@20 ${hit(score.hit20)}  (${score.titles.length} titles, ${truth})`,
    );
    score.titles.forEach((title, i) => lines.push(`${String(i + 1).padStart(3)}. ${title.title}  -> ${describeMatch(title)}`));
  } else if (score.task === 'rec_choice') {
    const truth =
      score.trueIndex === null ? '-' : `${'ABCDE'[score.trueIndex]}. ${record.choice?.choices[score.trueIndex] ?? ''}`;
    const verdict = score.correct === null ? 'no candidates' : score.correct ? 'right' : 'wrong';
    lines.push(`pick: ${score.pickLetter ?? 'none'}  true: ${truth}  -> ${verdict}`);
  }
  const { draft } = outcome;
  lines.push(
    `${draft.model} at ${draft.host || draft.backend}, ${draft.latencyMs} ms${draft.usage?.totalTokens !== undefined ? `, ${draft.usage.totalTokens} tokens` : ''}`,
  );
  lines.push(recorded ? `recorded as ${recorded.run} in ${recorded.log}` : 'not recorded');
  return lines.join('\n');
}

export function outcomeJson(outcome: ModelRunOutcome, recorded: Recorded): Record<string, unknown> {
  const { score, draft } = outcome;
  const { type: _type, answer, ...provenance } = draft;
  const scored =
    score.task === 'rec_title'
      ? { titles: score.titles, hit1: score.hit1, hit10: score.hit10, hit20: score.hit20, groundTruth: score.groundTruth }
      : score.task === 'rec_choice'
        ? { choice: { index: score.pick, letter: score.pickLetter }, trueIndex: score.trueIndex, correct: score.correct }
        : { descriptions: score.descriptions };
  return {
    answer,
    parseable: outcome.parseable,
    ...scored,
    recorded: recorded !== null,
    run: recorded?.run ?? null,
    log: recorded?.log ?? null,
    provenance,
  };
}
