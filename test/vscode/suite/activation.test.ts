// Activation as the real extension host pays it: the bundle stamps its first
// line and activate() times itself. This checks that both were measured (no
// timed assertion: the figure goes to the log for the README, with the goal).
import assert from 'node:assert/strict';
import { extensionApi } from './harness';

suite('Activation', () => {
  test('records how long loading the bundle and activate() took', async () => {
    const { loadMs, hostPauseMs, activateMs } = (await extensionApi()).activationTime();
    assert.ok(Number.isFinite(loadMs) && loadMs >= 0, `load time measured from the bundle's first line: ${loadMs}`);
    assert.ok(Number.isFinite(hostPauseMs) && hostPauseMs >= 0, `the host's pause measured: ${hostPauseMs}`);
    assert.ok(Number.isFinite(activateMs) && activateMs >= 0, `activate() timed: ${activateMs}`);
    const ours = loadMs + activateMs;
    console.log(
      `activation: ${ours.toFixed(1)} ms of ours (evaluating the bundle ${loadMs.toFixed(1)} ms + activate() ${activateMs.toFixed(1)} ms; ` +
        `goal < 50 ms); the extension host paused ${hostPauseMs.toFixed(1)} ms between loading and activate()`,
    );
  });
});
