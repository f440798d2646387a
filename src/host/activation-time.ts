// How long activation took, as the extension host pays it: from the first
// line of dist/extension.js (the bundle's banner stamps it, scripts/build.mjs)
// through evaluating its modules to activate() returning. The integration
// suite reads it (test/vscode/suite/activation.test.ts).

/** Set by the bundle's banner; absent when this code runs outside the bundle (unit tests). */
declare const __imageryBundleStart: number | undefined;

export interface ActivationTime {
  /** Evaluating the bundle's modules (the first line to the entry module's body). */
  loadMs: number;
  /** The extension host's own pause between loading the bundle and calling activate(). */
  hostPauseMs: number;
  /** activate() itself. */
  activateMs: number;
}

const bundleStart = typeof __imageryBundleStart === 'number' ? __imageryBundleStart : Number.NaN;
let modulesLoaded = Number.NaN;
let measured: ActivationTime = { loadMs: Number.NaN, hostPauseMs: Number.NaN, activateMs: Number.NaN };

/** Call from the entry module's body: every module it imports has been evaluated by then. */
export function markModulesLoaded(): void {
  modulesLoaded = performance.now();
}

/** Call first thing in activate(); the returned function, last. */
export function timeActivation(): () => void {
  const start = performance.now();
  return () => {
    measured = {
      loadMs: modulesLoaded - bundleStart,
      hostPauseMs: start - modulesLoaded,
      activateMs: performance.now() - start,
    };
  };
}

export const activationTime = (): ActivationTime => measured;
