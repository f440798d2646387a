// Types of system-packages.mjs for the TypeScript tests and benchmark.
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function ensureDebianPackages(names: string[]): void;
