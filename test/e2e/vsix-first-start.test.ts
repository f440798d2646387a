// The first start of an installed copy (.vsix into a fresh code-server): the
// walkthrough opens once, on the first start only, and never when the person
// turned walkthroughs-on-install off; "Open the Sample" in the welcome view
// opens a sample shard with a request and its image on screen.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { until } from './editor-steps';
import { FIRST_RUN_SETTINGS, runCommand, shot, UI_TIMEOUT } from './first-run-steps';
import { packageVsix, restoreDevelopmentBuild, timesLogged, VSIX, waitForLogged } from './vsix-steps';
import { openWorkbench, REPO_ROOT, webview, workbenchPerTest, type Workbench } from './workbench';
import { errorMessage } from '../../src/core/error-message';

const TITLE = 'Get started with Imagery Annotator';
const STEPS = ['import', 'openShard', 'keyboard', 'annotator', 'model', 'export', 'report'];
const OPEN_ON_INSTALL = 'workbench.welcomePage.walkthroughs.openOnInstall';
const OPENING = 'Walkthrough: first start, opening';
const KEPT_CLOSED_BY_SETTING = 'Walkthrough: first start, but it stays closed';
const KEPT_CLOSED_LATER = 'Walkthrough: offered on an earlier start; it stays closed.';

before(() => packageVsix());
after(() => restoreDevelopmentBuild());

/** The walkthrough itself, its steps on screen: the Welcome page's list of walkthroughs names it too. */
const walkthroughEditor = (workbench: Workbench) =>
  workbench.page.locator('.gettingStartedContainer:has(.gettingStarted.showDetails)', { hasText: TITLE });

interface Walkthrough {
  id: string;
  steps: { id: string; media: { svg?: string } }[];
}
const { contributes } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: Walkthrough[] };
};

/** The aria-label of a step's SVG, which tells it apart from the other steps' images. */
function svgLabel(stepId: string): string {
  const media = contributes.walkthroughs[0].steps.find((step) => step.id === stepId)?.media.svg;
  assert.ok(media, `step ${stepId} has an SVG`);
  const label = /aria-label="([^"]*)"/.exec(readFileSync(path.join(REPO_ROOT, media), 'utf8'))?.[1];
  assert.ok(label, `${media} has an aria-label`);
  return label;
}

/** The first line of a Playwright error and the last lines of its call log, which say what stopped it. */
function callLogEnd(error: unknown): string {
  const text = errorMessage(error);
  // eslint-disable-next-line no-control-regex -- Playwright colours its call log.
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const reasons = lines.slice(1).filter((line) => line.trim() !== '' && !/^\s*- waiting \d+ms/.test(line));
  return [lines[0], ...reasons.slice(-3)].map((line) => line.trim()).join(' | ');
}

const isExpanded = (step: Locator) => step.evaluate((element) => element.classList.contains('expanded'));

/**
 * Clicks a step until it is expanded. A click is given a few seconds; a missed
 * one is followed by the keyboard (focus, Enter), as a keyboard user opens a
 * step, and what stopped the click is printed.
 */
async function expand(page: Page, step: Locator, id: string): Promise<void> {
  const misses: string[] = [];
  try {
    await until(`step ${id} to expand`, async () => {
      if (await isExpanded(step)) return true;
      try {
        await step.click({ timeout: 5_000 });
      } catch (error) {
        misses.push(callLogEnd(error));
        await step.focus({ timeout: 2_000 });
        await page.keyboard.press('Enter');
      }
      return isExpanded(step);
    });
  } catch (error) {
    const file = await shot(page, `walkthrough-failed-${id}`);
    throw new Error(`${(error as Error).message}; clicks that missed: ${JSON.stringify(misses)}; screenshot ${file}`, {
      cause: error,
    });
  }
  if (misses.length > 0)
    console.log(`# step ${id}: expanded by the keyboard after ${misses.length} missed click(s): ${misses[0]}`);
}

/** Expands each step, as a person reading it does, and keeps a screenshot of each. */
async function shootSteps(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  // Beside the Side Bar the walkthrough is too narrow to show its images: close it, as a reader might,
  // with the title bar's toggle. (Not the palette: a key meant for it that reaches the walkthrough,
  // Escape, is "Go Back" there, to the Welcome page.)
  const sideBar = page.locator('.part.sidebar');
  if (await sideBar.isVisible()) await page.locator('[aria-label^="Toggle Primary Side Bar"]').first().click();
  await sideBar.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await walkthroughEditor(workbench).waitFor({ timeout: UI_TIMEOUT });
  for (const [index, id] of STEPS.entries()) {
    const step = page.locator(`.getting-started-step[data-step-id$="#${id}"]`);
    await step.waitFor({ timeout: UI_TIMEOUT });
    await expand(page, step, id);
    // The step's own image, shown in a webview beside the list (found by its label: the webview is reused).
    await page
      .locator('.getting-started-media iframe')
      .first()
      .contentFrame()
      .frameLocator('iframe#active-frame')
      .locator(`svg[aria-label=${JSON.stringify(svgLabel(id))}]`)
      .waitFor({ timeout: UI_TIMEOUT });
    await shot(page, `walkthrough-${index + 1}-${id}`);
  }
}

describe('the walkthrough of an installed copy, with walkthroughs-on-install on', () => {
  test('the first start opens it; a second start of the same install does not', async () => {
    const settings = { ...FIRST_RUN_SETTINGS, [OPEN_ON_INSTALL]: true };
    const first = await openWorkbench({ vsix: VSIX, settings, keepData: true });
    const { dataRoot } = first;
    try {
      try {
        await walkthroughEditor(first).first().waitFor({ timeout: UI_TIMEOUT });
        await waitForLogged(dataRoot, OPENING);
        await shootSteps(first);
      } finally {
        await first.close();
      }
      // Same user data and extensions, a new server and a new browser: a later start.
      const second = await openWorkbench({ vsix: VSIX, settings, dataRoot });
      try {
        await waitForLogged(dataRoot, KEPT_CLOSED_LATER);
        await second.page.locator('.part.editor').waitFor({ timeout: UI_TIMEOUT });
        assert.equal(await walkthroughEditor(second).count(), 0, 'the walkthrough stays closed on the second start');
        assert.equal(timesLogged(dataRoot, OPENING), 1, 'opened on one start only');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});

describe('the walkthrough of an installed copy, with walkthroughs-on-install off', () => {
  const current = workbenchPerTest({ vsix: VSIX, settings: { ...FIRST_RUN_SETTINGS, [OPEN_ON_INSTALL]: false } });

  test('the first start leaves it closed', async () => {
    const workbench = current();
    await waitForLogged(workbench.dataRoot, KEPT_CLOSED_BY_SETTING);
    assert.equal(await walkthroughEditor(workbench).count(), 0);
    assert.equal(timesLogged(workbench.dataRoot, OPENING), 0);
  });
});

describe('Open the Sample, from the welcome view of an installed copy', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'imagery-empty-'));
  after(() => rmSync(empty, { recursive: true, force: true }));
  // Registered before the workbench's own hook, so it runs first: the clock starts before code-server does.
  let coldStart = 0;
  beforeEach(() => {
    coldStart = Date.now();
  });
  const current = workbenchPerTest({ vsix: VSIX, workspace: empty, settings: FIRST_RUN_SETTINGS });

  test('opens the sample shard with a request and its image on screen', async () => {
    const { page } = current();
    await runCommand(page, 'Imagery Annotator: Focus on Shards View');
    const button = page.locator('.welcome-view-content .monaco-button', { hasText: 'Open the Sample' }).first();
    await button.waitFor({ timeout: UI_TIMEOUT });
    await shot(page, 'sample-1-welcome');
    await button.click();
    // The window reopens on the sample folder, then its first shard opens.
    const view = webview(page);
    await view.locator('h1.title').waitFor({ timeout: UI_TIMEOUT });
    console.log(`# cold start (code-server launched) -> first sample request on screen: ${Date.now() - coldStart} ms`);
    assert.match((await view.locator('h1.title').textContent()) ?? '', /\S/);
    await until('the request image to render', async () =>
      view.locator('img').evaluateAll((images) => images.some((image) => (image as { naturalWidth: number }).naturalWidth > 0)),
    );
    assert.match(decodeURIComponent(page.url()), /sample/);
    await page.locator('.tabs-container .tab.active', { hasText: /\.shard\.jsonl/ }).waitFor({ timeout: UI_TIMEOUT });
    await shot(page, 'sample-2-first-request');
  });
});
