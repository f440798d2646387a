// The report as a list of text blocks (headings, paragraphs, tables), which
// Markdown and HTML render alike: one wording, two formats.
import { decimal, percent, share, signed } from './format-numbers';
import type { Report } from './report';
import { AUDIT_COLUMNS, auditCountCells } from '../models/audit-table';
import { isolate } from '../untrusted-text';

export type Block = { kind: 'h1' | 'h2' | 'h3' | 'p'; text: string } | { kind: 'table'; headers: string[]; rows: string[][] };

function table(headers: string[], rows: string[][]): Block {
  return { kind: 'table', headers, rows };
}

export function reportBlocks(report: Report): Block[] {
  const { extraction: x, curation: c, agreement: a } = report;
  const queue = report.scope.queue;
  const p = (text: string): Block => ({ kind: 'p', text });
  const parts: Block[] = [
    { kind: 'h1', text: 'Validation report' },
    p(
      `${report.scope.requests} requests from ${report.scope.shards} shard(s)` +
        (queue
          ? `, limited to review queue "${isolate(queue.name)}" (${queue.unit}: ${queue.found} of ${queue.items} items found).`
          : '.') +
        ` Annotators: ${report.annotators.length ? report.annotators.map(isolate).join(', ') : 'none yet'}.` +
        ' Every share comes with its 95% Wilson interval (CI).',
    ),
    { kind: 'h2', text: 'Extraction quality' },
    p(
      `${x.comments} comments checked (${x.confirmed} confirmed, ${x.corrected} corrected); ${x.extractedItems} items extracted, ${x.trueItems} true items.` +
        bulkText(x.bulk),
    ),
    table(
      ['figure', 'ours', 'paper'],
      [
        ['comments checked', String(x.comments), String(x.paper.comments)],
        ['wrong (share of extracted)', share(x.wrong), percent(x.paper.wrongShare, 0)],
        ['missed (share of true)', share(x.missed), percent(x.paper.missedShare, 0)],
        ['exact match (per comment)', share(x.exactMatch), '–'],
        ['precision (micro)', share(x.precision), '–'],
        ['recall (micro)', share(x.recall), '–'],
        ['F1 (micro)', decimal(x.f1), '–'],
      ],
    ),
    ...extractorBlocks(report),
    { kind: 'h2', text: 'Curation' },
    p(
      `${c.decided} of ${c.requests} requests have a validity decision. Invalid: ${share(c.invalid)} (paper: about ${percent(c.paper.invalidShare)}).`,
    ),
    table(
      ['reason', 'invalid'],
      c.byReason.map((row) => [row.reason, share(row.invalid)]),
    ),
    table(
      ['domain', 'invalid'],
      c.byDomain.map((row) => [row.domain, share(row.invalid)]),
    ),
    table(
      ['subreddit', 'invalid'],
      c.bySubreddit.map((row) => [row.subreddit, share(row.invalid)]),
    ),
    { kind: 'h2', text: 'Models: original against corrected ground truth' },
    table(
      ['domain', 'model', 'input', 'figure', 'original', 'corrected', 'difference'],
      report.models.flatMap((row) =>
        (['hit1', 'hit10', 'hit20', 'accuracy'] as const).map((key) => [
          row.domain,
          row.source === 'inline' ? `${isolate(row.model)} (inline)` : row.model,
          row.input,
          { hit1: 'Hit@1', hit10: 'Hit@10', hit20: 'Hit@20', accuracy: 'accuracy' }[key],
          share(row.original[key], 2),
          share(row.corrected[key], 2),
          signed(row.difference[key], 2),
        ]),
      ),
    ),
    p(leftOut(report)),
    { kind: 'h3', text: 'Matcher audit' },
    p(
      report.audit.rows.length === 0
        ? 'No verdicts on model answers yet.'
        : `Annotators judged ${report.audit.overall.titlesJudged} titles and ${report.audit.overall.choicesJudged} choice answers on ${report.audit.overall.requests} requests: ` +
            `${report.audit.overall.falseHits} false hits (the matcher counted a wrong match), ${report.audit.overall.falseMisses} false misses ` +
            `(it missed a relevant title), choice agreement ${percent(report.audit.overall.agreement)}.`,
    ),
    table(
      AUDIT_COLUMNS,
      report.audit.rows.map((row) => [row.source, row.model, row.input, row.task, ...auditCountCells(row, percent)]),
    ),
    { kind: 'h2', text: 'Agreement' },
    p(
      a.annotators.length < 2
        ? 'Agreement needs two or more annotators; ' +
            (a.annotators.length ? `only ${isolate(a.annotators[0])} has annotated.` : 'nobody has annotated yet.')
        : `Validity (valid / invalid): Cohen's kappa ${decimal(a.cohenKappa)}${a.annotators.length > 2 ? ' (per pair below)' : ''}, Krippendorff's alpha ${decimal(a.krippendorffAlpha)} over ${a.validityUnits} requests decided by two or more.`,
    ),
    table(
      ['pair', 'validity: agreed', "Cohen's kappa", 'extraction: same items', 'item F1'],
      a.pairs.map((pair) => [
        `${isolate(pair.a)} / ${isolate(pair.b)}`,
        `${pair.validityAgreed}/${pair.validityUnits}`,
        decimal(pair.cohenKappa),
        `${pair.extractionAgreed}/${pair.extractionUnits}`,
        decimal(pair.itemF1),
      ]),
    ),
    { kind: 'h3', text: 'Disagreements' },
    table(
      ['request', 'comment', 'kind', 'answers', 'adjudicated'],
      a.disagreements.map((d) => [
        d.request,
        d.comment ?? '',
        d.kind,
        d.values
          .map(
            (v) =>
              `${isolate(v.annotator)}: ${v.validity ?? (v.items!.length ? v.items!.map(isolate).join('; ') : '(no items)')}`,
          )
          .join(' · '),
        d.adjudicated ? 'yes' : 'no',
      ]),
    ),
  ];
  const r = report.resolution;
  const counts = (c: typeof r.validity): string =>
    `${c.adjudicated} adjudicated, ${c.agreed} agreed by all, ${c.single} by one annotator, ${c.rule} by the rule`;
  parts.push(
    { kind: 'h2', text: 'Final decisions' },
    p(`Validity: ${counts(r.validity)}. Extraction: ${counts(r.extraction)}. The rule: ${r.rule}.`),
    table(
      ['request', 'comment', 'answers', 'taken'],
      r.byRule.map((d) => [
        d.request,
        d.comment ?? '',
        d.answers.map((x) => `${isolate(x.annotator)}: ${isolate(x.answer)}`).join(' · '),
        d.chosen,
      ]),
    ),
  );
  if (report.warnings.length)
    parts.push(
      { kind: 'h2', text: 'Warnings' },
      table(
        ['warning'],
        report.warnings.map((warning) => [warning]),
      ),
    );
  return parts;
}

function leftOut(report: Report): string {
  const invalid = report.models.reduce((sum, row) => sum + row.invalidLeftOut, 0);
  const redraw = report.models.reduce((sum, row) => sum + row.choiceNotScorable, 0);
  if (report.models.length === 0) return 'No stored runs to score.';
  return (
    `Corrected scores leave out requests marked invalid (${invalid} run answers) and multiple-choice answers whose ` +
    `candidates would have to be drawn again (${redraw} answers over all runs; per run: ` +
    report.models.map((row) => `${row.model}/${row.input} ${row.choiceNotScorable}`).join(', ') +
    ').'
  );
}

/** Second extractors beside the stored extraction, on the decided comments each answered. */
function extractorBlocks(report: Report): Block[] {
  if (report.extractors.length === 0) return [];
  return [
    { kind: 'h3', text: 'Extractors (extraction runs on the decided comments)' },
    table(
      [
        'extractor',
        'comments',
        'precision',
        'recall',
        'F1',
        'stored precision',
        'stored recall',
        'stored F1',
        'human-added items found',
      ],
      report.extractors.map((row) => [
        row.extractor,
        String(row.comments),
        share(row.scores.precision),
        share(row.scores.recall),
        decimal(row.scores.f1),
        share(row.stored.precision),
        share(row.stored.recall),
        decimal(row.stored.f1),
        share(row.missesFound),
      ]),
    ),
  ];
}

/** Comments confirmed in bulk are not checked one by one: say how many were left out, and whose. */
function bulkText(bulk: Report['extraction']['bulk']): string {
  if (bulk.byAnnotator.length === 0) return '';
  const by = bulk.byAnnotator.map((row) => `${isolate(row.annotator)} ${row.comments}`).join(', ');
  return ` Confirmed in bulk, not read one by one: ${by}; ${bulk.leftOut} such comments are left out of these figures.`;
}
