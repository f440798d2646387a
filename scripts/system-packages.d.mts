// Types of system-packages.mjs for the TypeScript tests and benchmark.
export const CHROMIUM: string;
export function ensureDebianPackages(names: string[]): void;
