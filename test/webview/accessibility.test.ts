// Accessibility, checked by axe-core (the standard engine) on the real bundle
// in Chromium: every screen state a keyboard user reaches, WCAG 2.1 A and AA.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { emptyRequestState } from '../../src/core/annotations/state';
import { initMessage, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { openHarness, type Harness } from './harness';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe over the page (open shadow roots included) and lists what breaks WCAG 2.1 A/AA. */
async function violations(h: Harness): Promise<Violation[]> {
  // Injected through the debugging protocol, which the page's CSP does not govern.
  if (!(await h.pageValue('typeof window.axe === "object"'))) await h.pageValue(AXE_SOURCE);
  return h.pageValue(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' > ')) })))`);
}

const explain = (found: Violation[]) =>
  found.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join('\n  ')}`).join('\n');

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
    await h.send(
      showMessage(
        makeRecord({
          id: 'a11y',
          over_18: true,
          choice: { choices: ['x - 1', 'gamma trio - harbour lights', 'y - 2', 'z - 3', 'w - 4'], true_index: 1 },
          runs: [
            { model: 'describer', input: 'image', task: 'description', answer: ['a grey harbour', 'a lighthouse'] },
            { model: 'vision-model', input: 'image', task: 'rec_title', answer: '1. Gamma Trio - Harbour Lights' },
            { model: 'vision-model', input: 'image', task: 'rec_choice', answer: 'B.' },
          ],
        }),
        {
          images: [
            { src: `${h.origin}/img/ok.png`, url: 'https://example.invalid/ok.png' },
            { src: null, url: 'https://example.invalid/refused.png', error: 'refused: path leaves the dataset' },
          ],
        },
      ),
    );
    await h.send({ type: 'progress', progress: { reviewed: 1, total: 4, invalid: 0, corrected: 0 } });
    await h.page.locator('ia-comment').first().waitFor();
  });
  after(() => h?.close());

  it('the request screen has no violation', async () => {
    const found = await violations(h);
    assert.deepEqual(found, [], explain(found));
  });

  /** Opens a state by keyboard or click, checks it, and leaves it with Escape. */
  async function violationsIn(open: () => Promise<void>, shown: string): Promise<Violation[]> {
    await h.blurFocus();
    await open();
    await h.page.locator(shown).waitFor();
    const found = await violations(h);
    await h.page.keyboard.press('Escape');
    return found;
  }

  it('with an item being edited, no violation', async () => {
    const found = await violationsIn(() => h.page.keyboard.press('a'), 'ia-comment ia-text-field.item-editor input');
    assert.deepEqual(found, [], explain(found));
  });

  it('the keyboard help and the enlarged image have no violation', async () => {
    const inHelp = await violationsIn(() => h.page.keyboard.press('?'), 'ia-help [role=dialog]');
    const enlarged = await violationsIn(async () => {
      await h.page.getByRole('button', { name: 'Reveal NSFW images' }).click();
      await h.page.getByRole('button', { name: 'Enlarge image 1' }).click();
    }, 'ia-gallery [role=dialog]');
    assert.deepEqual(inHelp, [], explain(inHelp));
    assert.deepEqual(enlarged, [], explain(enlarged));
  });

  it("announces hotkeys without putting them in the buttons' names", async () => {
    const valid = h.page.getByRole('button', { name: 'Valid', exact: true });
    assert.equal(await valid.getAttribute('aria-keyshortcuts'), 'v');
    const reason = h.page.getByRole('button', { name: '2 Image is item(s): mark invalid' });
    assert.equal(await reason.getAttribute('aria-keyshortcuts'), '2');
  });

  it('with suggested items (misses, wrong marks) and Suggest Items running, no violation', async () => {
    const source = { kind: 'inline', event: 'e1', annotator: 'a', profile: 'paper', model: 'gpt', time: 't' } as const;
    await h.send(
      showMessage(makeRecord({ id: 'a11y-suggest' }), {
        state: {
          ...emptyRequestState(),
          extractionRuns: [
            { comment: 'c2', items: ['gamma trio - harbour lights', 'delta choir - salt air'], source },
            { comment: 'c1', items: ['alpha band - moon song'], source },
          ],
        },
      }),
    );
    await h.send({
      type: 'suggestRun',
      run: {
        ...{ id: 'r', requestId: 'a11y-suggest', scope: 'request', profile: 'paper', model: 'gpt' },
        ...{ total: 3, done: 1, phase: 'running', asking: [{ comment: 'c1', text: 'Alpha' }] },
      },
    });
    await h.page.locator('ia-comment li.chip.miss').waitFor();
    await h.page.keyboard.press(']');
    const found = await violations(h);
    assert.deepEqual(found, [], explain(found));
  });
});
