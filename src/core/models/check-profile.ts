// Test connection: one tiny request (a short question and one 8×8 image)
// through the same backend a run uses, so every adaptation (token parameter,
// temperature, stream_options, reasoning headroom) happens here once and is
// learnt in the profile's QuirkMemory: the first real run pays no retries.
import type { ChatBackend, ChatResult } from './backend';
import { isModelRunError } from './errors';
import type { ModelProfile } from './profile';
import type { QuirkMemory, ServerQuirks } from './server-quirks';

/** An 8×8 red PNG. */
export const CHECK_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGO4oKCAFTEMLQkAvk5EAfjoixEAAAAASUVORK5CYII=';
export const CHECK_QUESTION = 'What colour is this image? Answer in one word.';

export interface CheckLine {
  /** token parameter, temperature, images, streaming usage, reasoning, answer. */
  what: string;
  ok: boolean;
  says: string;
}

export interface CheckReport {
  profile: string;
  /** The request worked (possibly after adapting to the server). */
  ok: boolean;
  lines: CheckLine[];
  /** What the profile's state now holds. */
  quirks: ServerQuirks;
  fault?: { kind: string; message: string };
}

function linesOf(result: ChatResult, profile: ModelProfile, quirks: Readonly<ServerQuirks>): CheckLine[] {
  const sent = result.sent;
  const lines: CheckLine[] = [];
  if (sent) {
    const learnt =
      quirks.tokenParameter !== undefined && profile.tokenParameter === 'auto' ? ' (learnt: the other was refused)' : '';
    lines.push({ what: 'token parameter', ok: true, says: `${sent.tokenParameter} ${sent.tokenLimit}${learnt}` });
  }
  const temperature =
    profile.temperature === null
      ? { ok: true, says: 'not sent (the profile says null)' }
      : result.temperatureApplied
        ? { ok: true, says: `${profile.temperature} accepted` }
        : { ok: false, says: 'refused by the server: runs send none and record temperatureApplied: false' };
  lines.push({ what: 'temperature', ...temperature });
  lines.push({ what: 'images', ok: true, says: 'accepted' });
  const usage = result.usage
    ? { ok: true, says: 'reported' }
    : sent?.streamUsage
      ? { ok: false, says: 'not reported: runs will have no token counts' }
      : { ok: false, says: 'not asked (stream_options off or refused): runs will have no token counts' };
  lines.push({ what: 'streaming usage', ...usage });
  const reasoningTokens = result.usage?.reasoningTokens;
  const field = quirks.reasoningField;
  const reasoning =
    field !== undefined || (reasoningTokens ?? 0) > 0
      ? `yes (${field === 'think-tag' ? '<think> in the answer, split off' : field === 'hidden' || field === undefined ? 'hidden, counted only' : `delta.${field}`}${reasoningTokens !== undefined ? `, ${reasoningTokens} tokens` : ''}): headroom ${sent?.reasoningBudget ?? 0} tokens`
      : 'none seen';
  lines.push({ what: 'reasoning', ok: true, says: reasoning });
  lines.push({ what: 'answer', ok: true, says: JSON.stringify(result.text.trim().slice(0, 80)) });
  return lines;
}

/** Sends the tiny request and reports what works; learnt quirks stay in `memory` (with `checkedAt`). */
export async function checkProfile(
  profile: ModelProfile,
  backend: ChatBackend,
  memory: QuirkMemory,
  signal?: AbortSignal,
): Promise<CheckReport> {
  const detail = profile.imageDetail === 'omit' ? {} : { detail: profile.imageDetail };
  try {
    const result = await backend.chat(
      {
        model: profile.model,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: CHECK_QUESTION },
              { type: 'image_url', image_url: { url: CHECK_IMAGE, ...detail } },
            ],
          },
        ],
        temperature: profile.temperature,
        maxTokens: profile.maxTokens,
        settings: {
          tokenParameter: profile.tokenParameter,
          reasoningBudget: profile.reasoningBudget,
          reasoningEffort: profile.reasoningEffort,
          streamUsage: profile.streamUsage,
        },
      },
      {},
      signal,
    );
    memory.learn({ checkedAt: new Date().toISOString() });
    const lines = linesOf(result, profile, memory.get());
    if (result.finishReason === 'length')
      lines.push({
        what: 'answer limit',
        ok: false,
        says: 'reached even for a one-word answer: raise `reasoningBudget` (or lower `reasoningEffort`)',
      });
    return { profile: profile.name, ok: result.finishReason !== 'length', lines, quirks: { ...memory.get() } };
  } catch (error) {
    if (!isModelRunError(error)) throw error;
    return {
      profile: profile.name,
      ok: false,
      lines: [],
      quirks: { ...memory.get() },
      fault: { kind: error.kind, message: error.message },
    };
  }
}

/** The report as lines of text (the CLI's output, the editor's output channel). */
export function formatCheck(report: CheckReport): string {
  const head = report.fault
    ? `${report.profile}: FAILED: ${report.fault.kind}: ${report.fault.message}`
    : `${report.profile}: ${report.ok ? 'works' : 'answers, with a problem'}`;
  return [head, ...report.lines.map((line) => `  ${line.ok ? '✓' : '✗'} ${line.what}: ${line.says}`)].join('\n');
}
