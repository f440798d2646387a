// The verdicts an annotator gives on model answers, and their words on screen.
// Pressing a verdict a target already has takes it back ("unreviewed").
import type { EventDraft } from '../../src/core/annotations/events';

export const TITLE_VERDICTS = [
  { verdict: 'relevant', label: 'really relevant', key: 'r' },
  { verdict: 'not-relevant', label: 'wrong match', key: 'w' },
  { verdict: 'unsure', label: 'unsure', key: 'u' },
] as const;
export type TitleVerdict = (typeof TITLE_VERDICTS)[number]['verdict'];

export const CHOICE_VERDICTS = [
  { verdict: 'agree', label: 'agree', key: 'y' },
  { verdict: 'disagree', label: 'disagree', key: 'd' },
] as const;
export type ChoiceVerdict = (typeof CHOICE_VERDICTS)[number]['verdict'];

export type PanelVerdict = TitleVerdict | ChoiceVerdict;

/** The word shown for a recorded verdict (older logs wrote correct/incorrect on choices). */
export function verdictLabel(verdict: string): string {
  const known = [...TITLE_VERDICTS, ...CHOICE_VERDICTS].find((entry) => entry.verdict === verdict);
  if (known) return known.label;
  if (verdict === 'correct') return 'agree';
  if (verdict === 'incorrect') return 'disagree';
  return verdict;
}

export interface VerdictTarget {
  run: string;
  target: { kind: 'title'; index: number } | { kind: 'choice' };
}

export function verdictDraft(
  request: string,
  { run, target }: VerdictTarget,
  verdict: PanelVerdict,
  current: string | undefined,
): EventDraft {
  return { type: 'model-verdict', request, run, target, verdict: current === verdict ? 'unreviewed' : verdict } as EventDraft;
}
