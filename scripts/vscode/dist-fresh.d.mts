// Types of dist-fresh.mjs for the TypeScript end-to-end tests.
export function distStaleReason(repoRoot: string): string | undefined;
