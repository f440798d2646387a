// Types of build.mjs's exported bundle options, for the TypeScript benchmark.
import type { BuildOptions } from 'esbuild';

export const webviewBundle: BuildOptions;
export const cliBundle: BuildOptions;
export const extensionBundle: BuildOptions;
