// What the screen shows: theme variables, images (blur, placeholders,
// enlarged view), the virtualized comment list, help, unreadable lines,
// relevance and model panels, and that the strict CSP is never violated.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KEYMAP } from '../../webview/keymap';
import { initMessage, makeLargeRecord, makeRecord, showMessage } from '../fixtures/synthetic-record';
import { THEME, ofType, openHarness, type Harness } from './harness';

describe('rendering', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
    await h.send(initMessage());
  });
  after(() => h?.close());

  const showImages = async (over_18: boolean) => {
    await h.send(
      showMessage(
        makeRecord({
          id: `img-${Math.random()}`,
          over_18,
          runs: [
            {
              model: 'describer-a',
              input: 'image',
              task: 'description',
              answer: ['first run, image one', 'first run, image two'],
            },
            { model: 'describer-b', input: 'image', task: 'description', answer: ['second run, image one'] },
          ],
        }),
        {
          images: [
            { src: `${h.origin}/img/ok.png`, url: 'https://example.invalid/ok.png' },
            { src: `${h.origin}/img/missing.png`, url: 'https://example.invalid/broken.png' },
            { src: null, url: 'https://example.invalid/refused.png', error: 'path leaves the dataset' },
          ],
        },
      ),
    );
    await h.page.locator('ia-gallery img').first().waitFor();
  };

  it('uses the VS Code theme variables', async () => {
    await h.send(showMessage(makeRecord()));
    const colours = await h.pageValue(`(() => {
      const app = document.querySelector('ia-app');
      const comment = app.shadowRoot.querySelector('ia-comment-list').shadowRoot.querySelector('ia-comment');
      const chip = comment.shadowRoot.querySelector('li.chip');
      return { background: getComputedStyle(app).backgroundColor, color: getComputedStyle(app).color, chip: getComputedStyle(chip).backgroundColor };
    })()`);
    assert.equal(colours.background, THEME['--vscode-editor-background']);
    assert.equal(colours.color, THEME['--vscode-foreground']);
    assert.equal(colours.chip, THEME['--vscode-badge-background']);
  });

  it('outlines the current comment with the high-contrast border when the theme has one', async () => {
    await h.send(showMessage(makeRecord()));
    const outline = (selector: string) =>
      h.pageValue(`(() => {
        const list = document.querySelector('ia-app').shadowRoot.querySelector('ia-comment-list').shadowRoot;
        const article = [...list.querySelectorAll('ia-comment')].map((c) => c.shadowRoot.querySelector('article')).find((a) => a.matches(${JSON.stringify(selector)}));
        const style = getComputedStyle(article);
        return style.outlineStyle + ' ' + style.outlineColor;
      })()`);
    await h.pageValue(`document.body.style.setProperty('--vscode-contrastActiveBorder', 'rgb(243, 133, 24)')`);
    try {
      assert.equal(await outline('.current'), 'dashed rgb(243, 133, 24)');
      assert.notEqual(await outline(':not(.current)'), 'dashed rgb(243, 133, 24)');
    } finally {
      await h.pageValue(`document.body.style.removeProperty('--vscode-contrastActiveBorder')`);
    }
  });

  it('shows a placeholder with URL and error for broken and refused images', async () => {
    await showImages(false);
    const placeholders = h.page.locator('ia-gallery .grid .placeholder');
    await placeholders.nth(1).waitFor();
    const texts = await placeholders.allTextContents();
    assert.equal(texts.length, 2);
    assert.match(texts[0], /failed to load/);
    assert.match(texts[0], /https:\/\/example\.invalid\/broken\.png/);
    assert.match(texts[1], /path leaves the dataset/);
    assert.match(texts[1], /refused\.png/);
  });

  it('shows one description run at a time under its image', async () => {
    await showImages(false);
    assert.deepEqual(await h.page.locator('ia-gallery figcaption').allTextContents(), [
      'first run, image one',
      'first run, image two',
      '(no description for this image)',
    ]);
  });

  it('blurs adult images until revealed', async () => {
    await showImages(true);
    const filter = () =>
      h.page
        .locator('ia-gallery img')
        .first()
        .evaluate((img) => (globalThis as any).getComputedStyle(img).filter as string);
    assert.match(await filter(), /blur/);
    await h.page.getByRole('button', { name: 'Reveal NSFW images' }).click();
    assert.equal(await filter(), 'none');
  });

  it('enlarges an image; arrows switch images, not requests; Esc closes', async () => {
    await showImages(false);
    await h.clearPosted();
    await h.page.locator('ia-gallery button.thumb').first().click();
    const dialog = h.page.getByRole('dialog');
    assert.match((await dialog.getAttribute('aria-label')) ?? '', /^Image 1 of 3/);
    await h.page.keyboard.press('ArrowRight');
    assert.match((await dialog.getAttribute('aria-label')) ?? '', /^Image 2 of 3/);
    await h.page.keyboard.press('ArrowLeft');
    await h.page.keyboard.press('ArrowLeft');
    assert.match((await dialog.getAttribute('aria-label')) ?? '', /^Image 3 of 3/);
    await h.page.keyboard.press('Escape');
    assert.equal(await h.page.getByRole('dialog').count(), 0);
    assert.deepEqual(ofType(await h.posted(), 'navigate'), []);
  });

  it('virtualizes 2,000 comments: far fewer rows in the DOM, sorted by upvotes', async () => {
    await h.send(showMessage(makeLargeRecord(2000)));
    await h.page.locator('ia-comment').first().waitFor();
    const rows = await h.page.locator('ia-comment').count();
    assert.ok(rows > 0 && rows < 100, `${rows} rows rendered`);
    assert.match((await h.page.locator('ia-comment .upvotes').first().textContent()) ?? '', /2000/);
    // Moving far down renders the row that becomes current.
    for (let i = 0; i < 60; i++) await h.page.keyboard.press('ArrowDown');
    await h.page.locator('ia-comment article[aria-current="true"]').waitFor();
    assert.match((await h.page.locator('ia-comment article[aria-current="true"] .upvotes').textContent()) ?? '', /1940/);
  });

  it('keeps the current comment per request', async () => {
    const a = makeRecord({ id: 'keep-a' });
    const b = makeRecord({ id: 'keep-b' });
    await h.send(showMessage(a));
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('ArrowDown');
    await h.send(showMessage(b));
    assert.match((await h.page.locator('ia-comment article[aria-current="true"]').textContent()) ?? '', /Gamma Trio/);
    await h.send(showMessage(a));
    assert.match((await h.page.locator('ia-comment article[aria-current="true"]').textContent()) ?? '', /No idea/);
    const saved = await h.pageValue('window.__savedState');
    assert.deepEqual(saved.ui.find(([id]: [string]) => id === 'keep-a')[1], { comment: 2, item: 0 });
  });

  it('? shows the keymap from the one table and Esc closes it', async () => {
    await h.page.keyboard.press('?');
    const rows = h.page.locator('ia-help tr');
    assert.equal(await rows.count(), KEYMAP.length);
    assert.match((await rows.first().textContent()) ?? '', /Next request/);
    await h.page.keyboard.press('Escape');
    assert.equal(await h.page.locator('ia-help').count(), 0);
  });

  it('shows an unreadable line with file:line and reason, and still navigates', async () => {
    await h.send({
      type: 'show',
      position: 4,
      total: 9,
      filter: 'all',
      matching: 9,
      view: { kind: 'unreadable', unreadable: { file: 'music.shard.jsonl', line: 5, reason: 'Unexpected token } in JSON' } },
    });
    assert.equal(await h.page.locator('.unreadable .location').textContent(), 'music.shard.jsonl:5');
    assert.equal(await h.page.locator('.unreadable .reason').textContent(), 'Unexpected token } in JSON');
    assert.equal(await h.page.locator('ia-toolbar .position').textContent(), '5 / 9');
    await h.clearPosted();
    await h.page.keyboard.press('j');
    assert.deepEqual(ofType(await h.posted(), 'navigate'), [{ type: 'navigate', target: { kind: 'next' } }]);
  });

  it('recomputes S_r live and shows changes and the positive', async () => {
    await h.send(showMessage(makeRecord({ id: 'rel' })));
    assert.equal(await h.page.locator('ia-relevance .positive-item').textContent(), 'gamma trio - harbour lights');
    // Remove the top comment's only item: gamma trio drops out, the positive changes.
    await h.page.keyboard.press('x');
    assert.equal(await h.page.locator('ia-relevance .positive-item').textContent(), 'alpha band - moon song');
    assert.match((await h.page.locator('ia-relevance .changes .removed').textContent()) ?? '', /gamma trio - harbour lights/);
  });

  it('an item whose every mention was removed leaves the item list and no longer counts as a hit', async () => {
    // The release scored gamma trio 11, one more than its only comment's 10 upvotes (reconstructed extraction).
    const base = makeRecord();
    await h.send(
      showMessage(
        makeRecord({
          id: 'gone',
          relevance: base.relevance.map(([item, score]) => [item, item.startsWith('gamma') ? 11 : score]),
          runs: [{ model: 'vision-model', input: 'image', task: 'rec_title', answer: '1. Gamma Trio - Harbour Lights' }],
        }),
      ),
    );
    const items = h.page.locator('ia-relevance ol.items li');
    const titles = h.page.locator('ia-model-panel article').first().locator('li');
    assert.equal(await titles.first().getAttribute('class'), 'hit');
    // The current comment is the top one (gamma trio's only mention): remove its item.
    await h.page.keyboard.press('x');
    await h.page.locator('ia-relevance .changes li').first().waitFor();
    assert.deepEqual(await h.page.locator('ia-relevance .changes li').allTextContents(), ['− gamma trio - harbour lights 11']);
    assert.ok(!(await items.allTextContents()).some((text) => text.includes('gamma trio')), 'gone from the item list');
    assert.equal(await titles.first().getAttribute('class'), 'miss');
    assert.match((await h.page.locator('ia-model-panel .hit-at').first().textContent()) ?? '', /Hit@1 0/);
  });

  it('flags a request whose stored extraction does not give back the released S_r; a correction never shows a negative S_r', async () => {
    // Request 12lnov3 of the shared music release, cut down: the release scores the second spelling 2, the stored
    // extraction credits the 67-upvote comment with it too. Removing it there once showed "2 → -65".
    const pixies = ['pixies - where is my mind?', 'pixies - where is my mind'];
    const comment = (n: number, upvotes: number) => ({
      ...makeRecord().comments[0],
      id: `p${n}`,
      upvotes,
      raw: 'Pixies, Where Is My Mind (both spellings).',
      extraction: { raw: pixies.join('\n'), items: [...pixies] },
    });
    await h.send(
      showMessage(
        makeRecord({
          id: 'mismatch',
          comment_ids: ['p1', 'p2', 'p3'],
          comments: [comment(1, 67), comment(2, 1), comment(3, 1)],
          relevance: [
            [pixies[0], 67],
            [pixies[1], 2],
          ],
        }),
      ),
    );
    const flag = h.page.locator('ia-relevance .mismatch');
    await flag.waitFor();
    assert.match(
      (await flag.textContent())?.replace(/\s+/g, ' ') ?? '',
      /2 items differ, e\.g\. pixies - where is my mind\?: released 67, recomputed 69\)\. Export writes: the released S_r/,
    );
    // The top comment (67) is current; select its second item and remove it.
    await h.page.keyboard.press(']');
    await h.page.keyboard.press('x');
    await h.page.locator('ia-relevance .changes li').first().waitFor();
    assert.deepEqual(await h.page.locator('ia-relevance .changes li').allTextContents(), [`~ ${pixies[0]} 67 → 69`]);
    assert.deepEqual(await h.page.locator('ia-relevance ol.items li').allTextContents(), [`69 ${pixies[0]}`, `2 ${pixies[1]}`]);
    assert.match(
      (await flag.textContent()) ?? '',
      /Export writes: S_r recomputed by the paper's rule over the corrected extraction/,
    );
    // A request whose extraction adds up carries no flag.
    await h.send(showMessage(makeRecord({ id: 'adds-up' })));
    await h.page.locator('ia-relevance .positive-item').waitFor();
    assert.equal(await h.page.locator('ia-relevance .mismatch').count(), 0);
  });

  it('model panel marks generated titles that hit the ground truth and checks choices', async () => {
    await h.send(
      showMessage(
        makeRecord({
          id: 'runs',
          choice: { choices: ['x - 1', 'gamma trio - harbour lights', 'y - 2', 'z - 3', 'w - 4'], true_index: 1 },
          runs: [
            {
              model: 'vision-model',
              input: 'image',
              task: 'rec_title',
              answer: '1. Nobody - Nothing\n2. "Gamma Trio - Harbor Lights"\nnot a title',
            },
            { model: 'vision-model', input: 'image', task: 'rec_choice', answer: 'B. gamma trio' },
          ],
        }),
      ),
    );
    const titles = h.page.locator('ia-model-title-run li');
    assert.deepEqual(await titles.evaluateAll((lis) => lis.map((li) => li.className)), ['miss', 'hit']);
    assert.match((await h.page.locator('ia-model-title-run h3').textContent()) ?? '', /Hit@1 0 · Hit@10 1/);
    assert.match((await h.page.locator('ia-model-choice-run h3').textContent()) ?? '', /picked B: right/);
  });

  it('toolbar shows position and progress; f focuses the filter', async () => {
    await h.send(showMessage(makeRecord({ id: 'tb' }), { position: 11, total: 796 }));
    await h.send({ type: 'progress', progress: { reviewed: 40, total: 796, invalid: 3, corrected: 12 } });
    assert.equal(await h.page.locator('ia-toolbar .position').textContent(), '12 / 796');
    assert.match((await h.page.locator('ia-toolbar label.progress').textContent()) ?? '', /40 \/ 796 reviewed/);
    await h.page.keyboard.press('f');
    const focused = await h.pageValue(`(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.closest('vscode-dropdown')?.tagName ?? element?.tagName;
    })()`);
    assert.equal(focused, 'VSCODE-DROPDOWN');
  });

  it('never violates the content security policy and throws nothing', async () => {
    await showImages(false);
    assert.deepEqual(
      (await h.violations()).filter((v) => !v.includes('missing.png')),
      [],
    );
    assert.deepEqual(h.pageErrors, []);
  });

  it('lays the screen out as designed: toolbar, request, then comments (3/5) beside the side panels (2/5)', async () => {
    await showImages(false);
    await h.page.locator('ia-comment').nth(2).waitFor();
    const box = async (selector: string, index = 0) => {
      const found = await h.page.locator(selector).nth(index).boundingBox();
      assert.ok(found && found.width > 0 && found.height > 0, `${selector} #${index} is not shown`);
      return { ...found, right: found.x + found.width, bottom: found.y + found.height };
    };
    const [toolbar, query, list, side] = await Promise.all(
      ['ia-toolbar', 'ia-query', 'ia-comment-list', 'ia-app .side'].map((selector) => box(selector)),
    );
    const width = 1280; // the harness's viewport
    for (const [name, b] of Object.entries({ toolbar, query, list, side })) {
      assert.ok(b.x >= 0 && b.right <= width, `${name} inside the window: ${b.x}..${b.right}`);
    }
    assert.ok(toolbar.bottom <= query.y, `toolbar (bottom ${toolbar.bottom}) above the request (top ${query.y})`);
    assert.ok(query.bottom <= list.y && query.bottom <= side.y, 'the request above both columns');
    assert.ok(list.right <= side.x, `comments (right ${list.right}) left of the side panels (left ${side.x})`);
    assert.ok(Math.abs(list.y - side.y) <= 1, `both columns start on one line: ${list.y} / ${side.y}`);
    assert.ok(Math.abs(list.width / side.width - 1.5) < 0.1, `columns 3:2, got ${list.width}:${side.width}`);
    // Comment rows one under another, in order, inside the list; gallery tiles side by side inside the side panels.
    const rows = await Promise.all([0, 1, 2].map((index) => box('ia-comment', index)));
    for (const [index, row] of rows.entries()) {
      assert.ok(row.x >= list.x - 1 && row.right <= list.right + 1, `comment ${index} inside the list`);
      if (index > 0) assert.ok(row.y >= rows[index - 1].bottom - 1, `comment ${index} below comment ${index - 1}`);
    }
    const tiles = await Promise.all([0, 1, 2].map((index) => box('ia-gallery .grid > *', index)));
    for (const [index, tile] of tiles.entries()) {
      assert.ok(tile.x >= side.x - 1 && tile.right <= side.right + 1, `gallery tile ${index} inside the side panels`);
      for (const other of tiles.slice(0, index)) {
        const apart =
          tile.x >= other.right - 1 || other.x >= tile.right - 1 || tile.y >= other.bottom - 1 || other.y >= tile.bottom - 1;
        assert.ok(apart, `gallery tile ${index} overlaps another`);
      }
    }
    assert.equal(
      await h.pageValue('document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth'),
      true,
      'no horizontal scrolling',
    );
  });
});
