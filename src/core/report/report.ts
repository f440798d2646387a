// The report: every figure of the validation loop, as one plain JSON object
// (the CLI prints it, the report view draws it, Markdown and HTML format it).
import { agreement, type Agreement } from './agreement';
import { curation, type Curation } from './curation';
import { extractionQuality, type ExtractionQuality } from './extraction-quality';
import { extractorScores, type ExtractorRow } from './extractors';
import type { ResolutionSummary } from '../annotations/resolve';
import { MatcherAudit, type AuditReport } from '../models/audit';
import type { ReportData } from './load';
import { modelScores, type ModelRow } from './models';
import { progress, type ProgressSeries } from './progress';

export const REPORT_VERSION = 1;

export interface Report {
  version: typeof REPORT_VERSION;
  scope: {
    shards: number;
    requests: number;
    /** The review queue the figures are limited to, and how many of its items the shards hold. */
    queue: ReportData['queue'];
  };
  annotators: string[];
  progress: ProgressSeries[];
  extraction: ExtractionQuality;
  /** Second extractors (extraction-run events) on the decided comments, beside the stored extraction. */
  extractors: ExtractorRow[];
  curation: Curation;
  models: ModelRow[];
  /** Where annotators' verdicts on model answers disagree with the automatic scoring (core/models/audit.ts). */
  audit: AuditReport;
  agreement: Agreement;
  /** How the final decisions were reached: adjudicated, agreed, single annotator, or by the documented rule. */
  resolution: ResolutionSummary;
  warnings: string[];
}

export function buildReport(data: ReportData): Report {
  return {
    version: REPORT_VERSION,
    scope: {
      shards: new Set(data.requests.map((request) => request.shard)).size,
      requests: data.requests.length,
      queue: data.queue,
    },
    annotators: data.annotators,
    progress: progress(data.decisions, data.annotators),
    extraction: extractionQuality(data.requests),
    extractors: extractorScores(data.requests),
    curation: curation(data.requests),
    models: modelScores(data.requests),
    audit: matcherAudit(data),
    agreement: agreement(data.requests, data.annotators, data.isAdjudicated),
    resolution: data.resolution,
    warnings: [...data.warnings, ...data.resolution.warnings],
  };
}

function matcherAudit(data: ReportData): AuditReport {
  const audit = new MatcherAudit();
  for (const request of data.requests) audit.add(request.record, request.final);
  return audit.report();
}
