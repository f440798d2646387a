// A cut answer (finish_reason "length") is a fault of its own: the message
// names the limit reached, the reasoning tokens spent and the setting to
// raise; the outcome rides along so a user who asks can still keep it.
import type { ChatResult } from './backend';
import { ModelRunError } from './errors';
import type { ModelRunOutcome } from './run-outcome';

export class TruncatedAnswerError extends ModelRunError {
  constructor(
    message: string,
    /** The cut answer, scored, its draft marked `truncated`: recorded only when the user keeps it. */
    readonly outcome: ModelRunOutcome,
  ) {
    super('truncated', message);
  }
}

export function truncatedMessage(result: ChatResult, model: string): string {
  const sent = result.sent;
  const limit = sent ? `${sent.tokenParameter} ${sent.tokenLimit}` : 'the token limit';
  const reasoning = result.usage?.reasoningTokens;
  const spent = reasoning !== undefined ? `, ${reasoning} of them spent reasoning` : '';
  const visible =
    result.text.trim() === '' ? 'no visible answer' : `the visible answer cut after ${result.text.length} characters`;
  const raise =
    sent && sent.reasoningBudget > 0
      ? 'raise `reasoningBudget` in the profile (or lower `reasoningEffort`)'
      : 'raise `maxTokens` in the profile, or give the model reasoning headroom with `reasoningBudget`';
  return `The answer of ${model} was cut: it reached ${limit}${spent}, ${visible}. To get a whole answer, ${raise}; to keep this one as it is, use --record-truncated (Keep in the panel).`;
}
