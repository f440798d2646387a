// The export's summary as text, for the CLI and the editor's output channel.
import path from 'node:path';
import type { ExportSummary } from './export';

const MAX_LISTED = 5;

function listed(values: readonly string[]): string {
  if (values.length === 0) return '';
  const head = values
    .slice(0, MAX_LISTED)
    .map((value) => JSON.stringify(value))
    .join(', ');
  return `: ${head}${values.length > MAX_LISTED ? `, ... (${values.length - MAX_LISTED} more)` : ''}`;
}

export function formatExportSummary(summary: ExportSummary): string {
  const lines = [`Exported to ${summary.outDir} (seed ${summary.seed})`];
  for (const d of summary.domains) {
    lines.push(
      `${d.domain}: ${d.valid - d.copiedFromRelease}/${d.requests} requests valid, ${d.withItems} with items`,
      `  requests invalidated: ${d.invalidated.length}${listed(d.invalidated)}`,
      `  requests with corrected extraction: ${d.corrected.length}`,
      `  items added: ${d.itemsAdded.length}${listed(d.itemsAdded)}`,
      `  items removed: ${d.itemsRemoved.length}${listed(d.itemsRemoved)}`,
      `  positives changed: ${d.positivesChanged.length}${listed(d.positivesChanged.map((p) => `${p.request}: ${p.from ?? '-'} -> ${p.to ?? '-'}`))}`,
    );
    if (d.copiedFromRelease) lines.push(`  posts outside the benchmark copied from the release: ${d.copiedFromRelease}`);
    lines.push(
      `  multiple-choice candidates drawn again (seed ${summary.seed}): ${d.resampled.length}` +
        listed(d.resampled.map((r) => `${r.request}: ${r.reason}`)),
    );
    if (d.choicesSkipped.length)
      lines.push(`  left out of submissions_ns (under 4 negatives available): ${d.choicesSkipped.length}`);
  }
  lines.push(`irrelevant_submissions.csv: ${summary.irrelevantKept} rows kept, ${summary.irrelevantAdded} added`);
  const r = summary.resolution;
  const sources = (c: typeof r.validity) =>
    `${c.adjudicated} adjudicated, ${c.agreed} agreed, ${c.single} by one annotator, ${c.rule} by the rule`;
  lines.push(`decisions: validity ${sources(r.validity)}; extraction ${sources(r.extraction)}`);
  if (r.byRule.length) {
    lines.push(
      `  decided by the rule (${r.rule}): ${r.byRule.length}${listed(r.byRule.map((d) => (d.comment ? `${d.request}/${d.comment}` : d.request)))}`,
    );
  }
  const formulas = summary.formulaCells.reduce((sum, entry) => sum + entry.cells, 0);
  if (formulas) {
    const where = summary.formulaCells.map((entry) => `${path.relative(summary.outDir, entry.file)} (${entry.cells})`).join(', ');
    lines.push(
      `warning: ${formulas} cell(s) start with a formula character (= + - @); open with care in a spreadsheet: ${where}. ` +
        'The files are left as pandas reads them.',
    );
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  for (const w of summary.logWarnings) lines.push(`warning: ${w.file}:${w.line}: ${w.reason}`);
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}
