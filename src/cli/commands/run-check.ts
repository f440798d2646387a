// imagery run --check: the profile's test connection (core check-profile.ts).
// What it learns is kept in the command line's state file, so the next
// `imagery run` with this profile sends the right request at once.
import { checkProfile, formatCheck } from '../../core/models/check-profile';
import { redact } from '../../core/models/errors';
import { createOpenAIBackend } from '../../core/models/openai-backend';
import { fileQuirkMemory, quirksStateFile } from '../../core/models/quirks-file';
import type { Output } from '../output';
import { chooseProfile, numberOption, type ProfileFlags } from './run-profile';

export interface CheckFlags extends ProfileFlags {
  timeout?: string;
  json?: boolean;
}

export async function runCheckCommand(values: CheckFlags, output: Output): Promise<number> {
  const profile = chooseProfile(values);
  const apiKey = process.env.OPENAI_API_KEY ?? '';
  const state = fileQuirkMemory(quirksStateFile(), profile);
  const backend = createOpenAIBackend({
    profile,
    apiKey,
    quirks: state.memory,
    timeoutMs: numberOption('timeout', values.timeout, 1000),
  });
  const report = await checkProfile(profile, backend, state.memory);
  await state.saved();
  const safe = redact(values.json ? JSON.stringify(report) : formatCheck(report), apiKey || undefined);
  output.out(safe);
  return report.ok ? 0 : 1;
}
