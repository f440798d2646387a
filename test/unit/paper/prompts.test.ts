import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildPrompt, instruction } from '../../../src/core/paper/prompts';

// Literal instructions as the protocol states them.
const MUSIC_TITLES =
  "Given the request, provide recommendations. Enumerate 20 music pieces (1., 2., ...) in the order of relevance. Each piece should take the Artist - Title format. Don't say anything else.";
const BOOKS_TITLES =
  "Given the request, provide recommendations. Enumerate 20 books (1., 2., ...) in the order of relevance. Each book should take the Author - Title format. Don't say anything else.";
const MUSIC_TITLES_COI =
  "Given the request, provide recommendations. Think step by step. First understand the given image(s) in detail, including its content, style, and vibe. Then, think of music pieces that capture the essence of the image(s). Enumerate 20 music pieces (1., 2., ...) in the order of relevance. Each piece should take the Artist - Title format. Don't say anything else.";
const BOOKS_TITLES_COI =
  "Given the request, provide recommendations. Think step by step. First understand the given image(s) in detail, including its content, style, and vibe. Then, think of books that capture the essence of the image(s). Enumerate 20 books (1., 2., ...) in the order of relevance. Each book should take the Author - Title format. Don't say anything else.";
const CHOICE =
  "Given the request, choose which recommendation is the most suitable. Choose a single item. Don't say anything else.";
const CHOICE_COI =
  "Given the request, choose which recommendation is the most suitable. Think step by step. First understand the given image(s) in detail, including its content, style, and vibe. Then, carefully inspect each choice. Recall its content and see if it captures the essence of the image(s). Select the item that best captures this essence. Choose a single item. Don't say anything else.";
const DESCRIBE = 'Describe this image in detail, including its content, style, and vibe.';

const request = { title: 'Songs that feel like this?', selftext: 'Rainy city at night.' };
const choices = ['zed band - blue hour', 'quiet owls', 'lamp post - glow', 'noon - tide', 'early bird'];
const lettered = 'Choices:\nA. zed band - blue hour\nB. quiet owls\nC. lamp post - glow\nD. noon - tide\nE. early bird\n';

describe('instructions', () => {
  test('title generation, both domains, standard and CoI', () => {
    assert.equal(instruction('rec_title', 'music', 'standard'), MUSIC_TITLES);
    assert.equal(instruction('rec_title', 'books', 'standard'), BOOKS_TITLES);
    assert.equal(instruction('rec_title', 'music', 'coi'), MUSIC_TITLES_COI);
    assert.equal(instruction('rec_title', 'books', 'coi'), BOOKS_TITLES_COI);
  });

  test('multiple choice (same for both domains) and description', () => {
    for (const domain of ['music', 'books'] as const) {
      assert.equal(instruction('rec_choice', domain, 'standard'), CHOICE);
      assert.equal(instruction('rec_choice', domain, 'coi'), CHOICE_COI);
      assert.equal(instruction('description', domain, 'coi'), DESCRIBE);
    }
  });
});

describe('buildPrompt', () => {
  test('title generation with images: an empty line before "Request:"', () => {
    assert.equal(
      buildPrompt({ task: 'rec_title', domain: 'music', style: 'standard', ...request }),
      `${MUSIC_TITLES}\n\nRequest:\nSongs that feel like this?\nRainy city at night.\n`,
    );
  });

  test('multiple choice with images: no empty line, lettered choices one a line', () => {
    assert.equal(
      buildPrompt({ task: 'rec_choice', domain: 'books', style: 'coi', ...request, choices }),
      `${CHOICE_COI}\nRequest:\nSongs that feel like this?\nRainy city at night.\n${lettered}`,
    );
  });

  test('empty selftext still leaves its line', () => {
    assert.equal(
      buildPrompt({ task: 'rec_choice', domain: 'music', style: 'standard', title: 'T', selftext: '', choices }),
      `${CHOICE}\nRequest:\nT\n\n${lettered}`,
    );
  });

  test('text-only: the first 4 descriptions after the request, before the choices', () => {
    const descriptions = ['a red door', 'a grey sky', 'wet streets', 'neon signs', 'a fifth one'];
    const block = '\nImage descriptions:\nImage 1: a red door\nImage 2: a grey sky\nImage 3: wet streets\nImage 4: neon signs\n';
    assert.equal(
      buildPrompt({ task: 'rec_choice', domain: 'music', style: 'standard', ...request, choices, descriptions }),
      `${CHOICE}\nRequest:\nSongs that feel like this?\nRainy city at night.\n${block}${lettered}`,
    );
    assert.equal(
      buildPrompt({ task: 'rec_title', domain: 'books', style: 'coi', ...request, descriptions: descriptions.slice(0, 1) }),
      `${BOOKS_TITLES_COI}\n\nRequest:\nSongs that feel like this?\nRainy city at night.\n\nImage descriptions:\nImage 1: a red door\n`,
    );
  });

  test('description prompt is the instruction and its newline', () => {
    assert.equal(buildPrompt({ task: 'description', domain: 'books', style: 'standard', ...request }), `${DESCRIBE}\n`);
  });

  test('multiple choice without choices is an error', () => {
    assert.throws(
      () => buildPrompt({ task: 'rec_choice', domain: 'music', style: 'standard', ...request }),
      /1 to 5 choices, got none/,
    );
    assert.throws(
      () => buildPrompt({ task: 'rec_choice', domain: 'music', style: 'standard', ...request, choices: [] }),
      /1 to 5 choices, got 0/,
    );
    assert.throws(
      () => buildPrompt({ task: 'rec_choice', domain: 'music', style: 'standard', ...request, choices: [...choices, 'sixth'] }),
      /1 to 5 choices, got 6/,
    );
  });
});
