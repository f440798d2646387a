// What a server has shown it takes and refuses, learnt from its answers (a
// refused parameter, a model that reasons), kept per profile so the next
// request, the rest of a batch and the next session do not pay the retries.
// The host keeps it in globalState, the CLI in a small state file.
import * as z from 'zod';

export const ServerQuirks = z.object({
  /** The token parameter this server took (after refusing the other). */
  tokenParameter: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
  /** The server refused `temperature`: send none. */
  temperatureRefused: z.boolean().optional(),
  /** The server refused `stream_options`: send none. */
  streamOptionsRefused: z.boolean().optional(),
  /** The model spends tokens reasoning: send the reasoning headroom. */
  reasons: z.boolean().optional(),
  /** Where the thinking came: "reasoning", "reasoning_content", "think-tag" or "hidden" (only counted). */
  reasoningField: z.string().optional(),
  /** Streams carried usage. */
  streamsUsage: z.boolean().optional(),
  /** When a test connection last checked it (ISO time). */
  checkedAt: z.string().optional(),
});
export type ServerQuirks = z.infer<typeof ServerQuirks>;

/** The key a profile's quirks are kept under: a changed URL or model starts afresh. */
export function quirksKey(profile: { name: string; baseUrl: string; model: string }): string {
  return JSON.stringify([profile.name, profile.baseUrl, profile.model]);
}

/** One profile's learnt quirks, shared by every call of a backend; `onLearn` persists a change. */
export class QuirkMemory {
  private current: ServerQuirks;

  constructor(
    initial: ServerQuirks = {},
    private readonly onLearn?: (quirks: ServerQuirks) => void,
  ) {
    this.current = { ...initial };
  }

  get(): Readonly<ServerQuirks> {
    return this.current;
  }

  learn(patch: ServerQuirks): void {
    const next = { ...this.current, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.onLearn?.({ ...next });
  }
}

/** Reads a stored quirks value; anything unreadable is forgotten (it is only a cache of retries). */
export function readQuirks(value: unknown): ServerQuirks {
  const parsed = ServerQuirks.safeParse(value);
  return parsed.success ? parsed.data : {};
}
