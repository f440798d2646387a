// The report's plots, drawn with Observable Plot as SVG: in the report view
// (the browser's document) and for the exported page and `imagery report
// --format html` (a document from linkedom), by the same code. Colours are the
// theme's --vscode-* variables (with fallbacks, so an exported page still has
// colours); text in an SVG is text, never markup. No legend helper of Plot is
// used: legends are HTML, so the view's CSP needs one style hash only. Shares
// are 0–1: a percent scale's domain is in percent ([0, 100]), as Plot reads it
// after its ×100 transform. Labels from data are clamped with an ellipsis; the
// whole text is the label's tooltip.
import * as Plot from '@observablehq/plot';
import type { Report } from './report';

export const COLOURS = [
  'var(--vscode-charts-blue, #3794ff)',
  'var(--vscode-charts-orange, #d18616)',
  'var(--vscode-charts-green, #89d185)',
  'var(--vscode-charts-purple, #b180d7)',
  'var(--vscode-charts-red, #f14c4c)',
  'var(--vscode-charts-yellow, #cca700)',
];
const FOREGROUND = 'var(--vscode-foreground, #cccccc)';
const MUTED = 'var(--vscode-descriptionForeground, #9d9d9d)';
const TRUTHS = ['original', 'corrected'] as const;
/** Room right of the Models plot for a run's name (clamped to fit). */
const RUN_LABEL_PX = 150;

export interface PlotSpec {
  id: 'progress' | 'invalid' | 'extraction' | 'models' | 'agreement' | 'extractors';
  title: string;
  /** One-sentence reading of the plot for screen readers and the exported page. */
  description: string;
  /** Legend entries; `colour` indexes COLOURS (the app styles swatches by class: no inline style under the CSP). */
  legend?: { label: string; colour: number }[];
  svg: ReturnType<typeof Plot.plot> | null;
}

/** The document Plot draws with: the page's in a browser, linkedom's in Node. */
export type PlotDocument = NonNullable<Plot.PlotOptions['document']>;

const base = (width: number, document?: PlotDocument) => ({
  width,
  ...(document ? { document } : {}),
  style: { color: FOREGROUND, background: 'transparent', fontSize: '11px' },
});

/** A tick label from data: one line of at most `ems` em, cut with "…" (Plot then adds the whole text as its title). */
const clampedLabels = { textOverflow: 'ellipsis', label: null } as const;

export function progressPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const rows = report.progress.flatMap((series) =>
    series.points.map((point) => ({ annotator: series.annotator, time: new Date(point.time), count: point.count })),
  );
  const legend = report.progress.map((series, i) => ({ label: series.annotator, colour: i % COLOURS.length }));
  return {
    id: 'progress',
    title: 'Progress over time, per annotator',
    description:
      report.progress.map((s) => `${s.annotator}: ${s.decisions} decisions on ${s.requests} requests`).join('; ') ||
      'No decisions yet.',
    legend,
    svg:
      rows.length === 0
        ? null
        : Plot.plot({
            ...base(width, document),
            height: 220,
            x: { type: 'utc', label: 'time' },
            y: { label: 'decisions', grid: true },
            color: { domain: legend.map((l) => l.label), range: legend.map((l) => COLOURS[l.colour]) },
            marks: [Plot.lineY(rows, { x: 'time', y: 'count', stroke: 'annotator', curve: 'step-after', title: 'annotator' })],
          }),
  };
}

export function invalidPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const rows = report.curation.byReason.map((row) => ({ reason: row.reason, count: row.invalid.count }));
  // The axis starts at 0 and reaches at least 1 post: with every count 0, a domain of [0, 0] drew each bar full width.
  const most = Math.max(1, ...rows.map((row) => row.count));
  return {
    id: 'invalid',
    title: 'Invalid posts by reason',
    description: rows.map((r) => `${r.reason}: ${r.count}`).join('; '),
    svg: Plot.plot({
      ...base(width, document),
      height: 40 + 26 * rows.length,
      marginLeft: 130,
      x: { label: 'posts', grid: true, domain: [0, most], ticks: wholeTicks(most), tickFormat: ',d' },
      y: { label: null, domain: rows.map((r) => r.reason) },
      marks: [
        Plot.axisY({ ...clampedLabels, lineWidth: 11 }),
        Plot.barX(rows, {
          x: 'count',
          y: 'reason',
          fill: COLOURS[4],
          title: (d: { reason: string; count: number }) => `${d.reason}: ${d.count}`,
        }),
        Plot.ruleX([0], { stroke: MUTED }),
      ],
    }),
  };
}

export function extractionPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const x = report.extraction;
  const rows = [
    { figure: 'wrong', value: x.wrong.value, low: x.wrong.low, high: x.wrong.high, paper: x.paper.wrongShare },
    { figure: 'missed', value: x.missed.value, low: x.missed.low, high: x.missed.high, paper: x.paper.missedShare },
  ].filter((row) => row.value !== null);
  return {
    id: 'extraction',
    title: 'Extraction: wrong and missed items, 95% intervals, paper as ticks',
    description: `wrong ${share(x.wrong.value)}, missed ${share(x.missed.value)} (paper: 0% wrong, 9% missed)`,
    legend: [
      { label: 'ours', colour: 0 },
      { label: 'paper', colour: 1 },
    ],
    svg:
      rows.length === 0
        ? null
        : Plot.plot({
            ...base(width, document),
            height: 120,
            marginLeft: 60,
            x: { label: 'share of items', domain: [0, 100], percent: true, grid: true },
            y: { label: null, domain: ['wrong', 'missed'] },
            marks: [
              Plot.ruleY(rows, { y: 'figure', x1: 'low', x2: 'high', stroke: COLOURS[0], strokeWidth: 2 }),
              Plot.dot(rows, {
                y: 'figure',
                x: 'value',
                fill: COLOURS[0],
                r: 4,
                title: (d: { figure: string; value: number; low: number; high: number }) =>
                  `${d.figure}: ${share(d.value)} (95% CI ${share(d.low)}–${share(d.high)})`,
              }),
              Plot.tickX(rows, {
                y: 'figure',
                x: 'paper',
                stroke: COLOURS[1],
                strokeWidth: 2,
                title: (d: { figure: string; paper: number }) => `${d.figure}, paper: ${share(d.paper)}`,
              }),
            ],
          }),
  };
}

export function modelsPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const figures = [
    ['hit1', 'Hit@1'],
    ['hit10', 'Hit@10'],
    ['hit20', 'Hit@20'],
    ['accuracy', 'accuracy'],
  ] as const;
  const rows = report.models.flatMap((row) =>
    figures.flatMap(([key, label]) =>
      TRUTHS.flatMap((truth) => {
        const value = row[truth][key].value;
        return value === null
          ? []
          : [
              {
                run: runLabel(row),
                figure: label,
                truth,
                value,
              },
            ];
      }),
    ),
  );
  const runs = [...new Set(rows.map((row) => row.run))];
  return {
    id: 'models',
    title: 'Models: Hit@k and accuracy, original against corrected truth',
    description: `${runs.length} run(s), ${rows.length} bars`,
    legend: TRUTHS.map((truth, i) => ({ label: truth, colour: i })),
    svg:
      rows.length === 0
        ? null
        : Plot.plot({
            ...base(width, document),
            height: 60 + 110 * runs.length,
            marginLeft: 40,
            marginRight: RUN_LABEL_PX,
            fx: { label: null, domain: figures.map(([, label]) => label) },
            fy: { label: null, domain: runs },
            x: { axis: null, domain: [...TRUTHS] },
            y: { label: 'score', domain: [0, 100], percent: true, grid: true },
            color: { domain: [...TRUTHS], range: [COLOURS[0], COLOURS[1]] },
            marks: [
              Plot.axisFy({ ...clampedLabels, anchor: 'right', lineWidth: RUN_LABEL_PX / 11 - 1 }),
              Plot.barY(rows, {
                fx: 'figure',
                fy: 'run',
                x: 'truth',
                y: 'value',
                fill: 'truth',
                title: (d: { run: string; figure: string; truth: string; value: number }) =>
                  `${d.run}\n${d.figure}, ${d.truth}: ${share(d.value)}`,
              }),
              Plot.ruleY([0], { stroke: MUTED }),
            ],
          }),
  };
}

export function agreementPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const rows = report.agreement.pairs.flatMap((pair) => [
    ...(pair.cohenKappa === null
      ? []
      : [{ pair: `${pair.a} / ${pair.b}`, measure: "Cohen's kappa (validity)", value: pair.cohenKappa }]),
    ...(pair.itemF1 === null ? [] : [{ pair: `${pair.a} / ${pair.b}`, measure: 'item F1 (extraction)', value: pair.itemF1 }]),
  ]);
  const measures = ["Cohen's kappa (validity)", 'item F1 (extraction)'];
  return {
    id: 'agreement',
    title: 'Agreement per annotator pair',
    description: rows.map((r) => `${r.pair} ${r.measure} ${r.value.toFixed(3)}`).join('; ') || 'Needs two annotators.',
    legend: measures.map((label, i) => ({ label, colour: i + 2 })),
    svg:
      rows.length === 0
        ? null
        : Plot.plot({
            ...base(width, document),
            height: 50 + 50 * report.agreement.pairs.length,
            marginLeft: 120,
            x: { label: 'agreement', domain: [Math.min(0, ...rows.map((r) => r.value)), 1], grid: true },
            y: { label: null },
            // The legend names the measures: facet labels on the right were cut at the panel's edge.
            fy: { label: null, axis: null },
            color: { domain: measures, range: [COLOURS[2], COLOURS[3]] },
            marks: [
              Plot.axisY({ ...clampedLabels, lineWidth: 11 }),
              Plot.barX(rows, {
                y: 'pair',
                fy: 'measure',
                x: 'value',
                fill: 'measure',
                title: (d: { pair: string; measure: string; value: number }) => `${d.pair}\n${d.measure}: ${d.value.toFixed(3)}`,
              }),
              Plot.ruleX([0], { stroke: MUTED }),
            ],
          }),
  };
}

interface ExtractorMark {
  row: string;
  source: 'run' | 'stored';
  measure: 'precision' | 'recall' | 'F1';
  value: number;
  low: number | null;
  high: number | null;
}

/** The Extractors plot's rows: each extractor, then the stored extraction on the same comments. */
export function extractorMarks(report: Report): ExtractorMark[] {
  return report.extractors.flatMap((row) =>
    (
      [
        [row.extractor, 'run', row.scores],
        [`stored, on ${row.extractor}'s comments`, 'stored', row.stored],
      ] as const
    ).flatMap(([label, source, scores]) => [
      ...(['precision', 'recall'] as const).flatMap((measure) => {
        const p = scores[measure];
        return p.value === null ? [] : [{ row: label, source, measure, value: p.value, low: p.low, high: p.high }];
      }),
      ...(scores.f1 === null ? [] : [{ row: label, source, measure: 'F1' as const, value: scores.f1, low: null, high: null }]),
    ]),
  );
}

/** The title of one mark of the Extractors plot: the row, the measure, the value and its interval. */
export const extractorMarkTitle = (d: ExtractorMark): string =>
  `${d.row}\n${d.measure}: ${share(d.value)}${d.low === null ? '' : ` (95% CI ${share(d.low)}–${share(d.high)})`}`;

export function extractorsPlot(report: Report, width: number, document?: PlotDocument): PlotSpec {
  const rows = extractorMarks(report);
  const intervals = rows.filter((row) => row.low !== null && row.high !== null);
  const colour = (d: ExtractorMark): string => (d.source === 'run' ? COLOURS[0] : COLOURS[1]);
  return {
    id: 'extractors',
    title: 'Extractors: item precision, recall and F1 beside the stored extraction, 95% intervals',
    description:
      report.extractors
        .map((r) => `${r.extractor}: F1 ${share(r.scores.f1)} on ${r.comments} comments (stored ${share(r.stored.f1)})`)
        .join('; ') || 'No extraction runs on decided comments yet.',
    legend: [
      { label: 'extractor', colour: 0 },
      { label: 'stored extraction', colour: 1 },
    ],
    svg:
      rows.length === 0
        ? null
        : Plot.plot({
            ...base(width, document),
            height: 50 + 80 * report.extractors.length,
            marginLeft: 170,
            marginRight: 70,
            x: { label: 'share of items', domain: [0, 100], percent: true, grid: true },
            y: { label: null, domain: ['precision', 'recall', 'F1'], axis: 'right' },
            fy: { label: null, domain: [...new Set(rows.map((row) => row.row))] },
            marks: [
              Plot.axisFy({ ...clampedLabels, anchor: 'left', lineWidth: 15 }),
              Plot.ruleY(intervals, { y: 'measure', fy: 'row', x1: 'low', x2: 'high', stroke: colour, strokeWidth: 2 }),
              Plot.dot(rows, { y: 'measure', fy: 'row', x: 'value', fill: colour, r: 4, title: extractorMarkTitle }),
            ],
          }),
  };
}

/** Tick values for a count axis from 0 to `most`: whole numbers only, at most 9 of them. */
function wholeTicks(most: number): number[] {
  const step = Math.ceil(most / 8);
  return Array.from({ length: Math.floor(most / step) + 1 }, (_, i) => i * step);
}

/** How the Models plot names a run (its facet label and the first line of each bar's title). */
export const runLabel = (row: Report['models'][number]): string =>
  `${row.domain} · ${row.model}${row.source === 'inline' ? ' (inline)' : ''} · ${row.input}`;

export function reportPlots(report: Report, width: number, document?: PlotDocument): PlotSpec[] {
  return [progressPlot, invalidPlot, extractionPlot, extractorsPlot, modelsPlot, agreementPlot].map((plot) =>
    plot(report, width, document),
  );
}

function share(value: number | null): string {
  return value === null ? '–' : `${(100 * value).toFixed(1)}%`;
}
