// Which posts are invalid and why: shares of the requests whose validity was
// decided, overall, by reason, per domain and per subreddit. The paper's
// curation found about 2.9% invalid.
import { INVALID_REASONS } from '../annotations/events';
import { proportion, type Proportion } from '../stats/wilson';
import type { ReportRequest } from './load';

export const PAPER_INVALID_SHARE = 0.029;

export interface Curation {
  /** Requests in scope, and those with a decided validity (the denominator). */
  requests: number;
  decided: number;
  invalid: Proportion;
  byReason: { reason: string; invalid: Proportion }[];
  byDomain: { domain: string; invalid: Proportion }[];
  bySubreddit: { subreddit: string; invalid: Proportion }[];
  paper: { invalidShare: number };
}

export function curation(requests: readonly ReportRequest[]): Curation {
  const reasons = new Map<string, number>(INVALID_REASONS.map((reason) => [reason, 0]));
  const domains = new Map<string, { invalid: number; decided: number }>();
  const subreddits = new Map<string, { invalid: number; decided: number }>();
  let decided = 0;
  let invalid = 0;
  for (const request of requests) {
    const validity = request.final?.validity;
    if (!validity) continue;
    decided++;
    const isInvalid = validity.status === 'invalid';
    if (isInvalid) {
      invalid++;
      reasons.set(validity.reason, (reasons.get(validity.reason) ?? 0) + 1);
    }
    count(domains, request.record.domain, isInvalid);
    count(subreddits, request.record.subreddit, isInvalid);
  }
  const shares = (groups: Map<string, { invalid: number; decided: number }>) =>
    [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, tally]) => [key, proportion(tally.invalid, tally.decided)] as const);
  return {
    requests: requests.length,
    decided,
    invalid: proportion(invalid, decided),
    byReason: [...reasons].map(([reason, n]) => ({ reason, invalid: proportion(n, decided) })),
    byDomain: shares(domains).map(([domain, share]) => ({ domain, invalid: share })),
    bySubreddit: shares(subreddits).map(([subreddit, share]) => ({ subreddit, invalid: share })),
    paper: { invalidShare: PAPER_INVALID_SHARE },
  };
}

function count(groups: Map<string, { invalid: number; decided: number }>, key: string, isInvalid: boolean): void {
  const tally = groups.get(key) ?? { invalid: 0, decided: 0 };
  tally.decided++;
  if (isInvalid) tally.invalid++;
  groups.set(key, tally);
}
