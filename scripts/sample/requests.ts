// The sample's requests: invented text, each chosen to exercise one thing the
// editor must handle (many comments, NSFW flag, missing image, HTML in text...).
import type { Rgb, Shape } from './images';

export type SampleDomain = 'books' | 'music';

export interface SampleImage {
  shape: Shape;
  top: Rgb;
  bottom: Rgb;
  accent: Rgb;
  /** False: only the remote URL is released, no local file. */
  local: boolean;
}

export interface SampleRequest {
  id: string;
  domain: SampleDomain;
  subreddit: string;
  title: string;
  selftext: string;
  over18: boolean;
  images: SampleImage[];
  comments: number;
  /** Every comment's extractor answer is "None": the request has no items. */
  noItems?: boolean;
  /** Listed in irrelevant_submissions.csv with this reason. */
  invalidReason?: string;
}

const DUSK: Pick<SampleImage, 'top' | 'bottom'> = { top: [24, 32, 84], bottom: [240, 150, 90] };
const FOREST: Pick<SampleImage, 'top' | 'bottom'> = { top: [180, 200, 190], bottom: [30, 70, 50] };
const NEON: Pick<SampleImage, 'top' | 'bottom'> = { top: [20, 10, 40], bottom: [200, 40, 160] };
const SNOW: Pick<SampleImage, 'top' | 'bottom'> = { top: [220, 230, 245], bottom: [120, 140, 170] };
const CREAM: Rgb = [250, 232, 170];

function image(colours: Pick<SampleImage, 'top' | 'bottom'>, shape: Shape, local = true): SampleImage {
  return { ...colours, shape, accent: CREAM, local };
}

export const SAMPLE_REQUESTS: readonly SampleRequest[] = [
  { id: 'smu001', domain: 'music', subreddit: 'PictureTheSound', title: 'What does this sunset sound like?',
    selftext: '', over18: false, images: [image(DUSK, 'sun')], comments: 6 },
  { id: 'smu002', domain: 'music', subreddit: 'ifyoulikeblank', title: 'Songs for a rainy neon city at 2am',
    selftext: 'Slow synths, wet streets, nobody around. Two pictures of the mood.', over18: false,
    images: [image(NEON, 'stripes'), image(NEON, 'none')], comments: 5 },
  { id: 'smu003', domain: 'music', subreddit: 'PictureTheSound', title: 'Music that feels like this lighthouse at dusk',
    selftext: 'Anything goes, I want a long playlist.', over18: false, images: [image(DUSK, 'rings')], comments: 30 },
  { id: 'smu004', domain: 'music', subreddit: 'musicsuggestions',
    title: '<img src=x onerror=alert(1)> Songs that sound like <b>this</b> & "that"?',
    selftext: '<script>alert("hi")</script> (This text must show as text, never run.)', over18: false,
    images: [image(SNOW, 'sun')], comments: 4 },
  { id: 'smu005', domain: 'music', subreddit: 'PictureTheSound', title: 'An empty train platform in winter',
    selftext: '', over18: false, images: [image(SNOW, 'stripes', false)], comments: 4 },
  { id: 'smu006', domain: 'music', subreddit: 'ifyoulikeblank', title: 'Tracks like these three paintings?',
    selftext: '', over18: false, images: [image(FOREST, 'sun'), image(DUSK, 'none'), image(NEON, 'sun')], comments: 5 },
  { id: 'smu007', domain: 'music', subreddit: 'PictureTheSound', title: 'What would this fog sound like?',
    selftext: '', over18: false, images: [image(SNOW, 'none')], comments: 3, noItems: true },
  { id: 'sbk001', domain: 'books', subreddit: 'BooksThatFeelLikeThis', title: 'Books that feel like this foggy forest?',
    selftext: '', over18: false, images: [image(FOREST, 'none')], comments: 6 },
  { id: 'sbk002', domain: 'books', subreddit: 'BooksThatFeelLikeThis', title: 'Books that feel like this painting (NSFW art)',
    selftext: 'Marked NSFW by the poster.', over18: true, images: [image(NEON, 'rings')], comments: 4 },
  { id: 'sbk003', domain: 'books', subreddit: 'BooksThatFeelLikeThis', title: 'A book for this cozy library nook',
    selftext: 'Five pictures, the first four were kept.', over18: false,
    images: [image(DUSK, 'stripes'), image(FOREST, 'stripes'), image(SNOW, 'sun'), image(NEON, 'none'), image(DUSK, 'none', false)],
    comments: 5 },
  { id: 'sbk004', domain: 'books', subreddit: 'BooksThatFeelLikeThis', title: 'Books that feel like this abandoned greenhouse',
    selftext: 'Overgrown, quiet, a little sad but hopeful.\n\nBonus points for short novels.', over18: false,
    images: [image(FOREST, 'sun')], comments: 5 },
  { id: 'sbk005', domain: 'books', subreddit: 'BooksThatFeelLikeThis', title: 'Just sharing my bookshelf, no request',
    selftext: '', over18: false, images: [image(FOREST, 'stripes')], comments: 2, noItems: true,
    invalidReason: 'Not a rec request' },
];

/** Curated-out posts that never reached submissions.jsonl (as in the release). */
export const OTHER_INVALID_POSTS: readonly { subreddit: string; id: string; reason: string }[] = [
  { subreddit: 'musicsuggestions', id: 'sxx001', reason: 'Image is item(s)' },
  { subreddit: 'PictureTheSound', id: 'sxx002', reason: 'Image is text' },
  { subreddit: 'ifyoulikeblank', id: 'sxx003', reason: 'Not music rec' },
  { subreddit: 'BooksThatFeelLikeThis', id: 'sxx004', reason: 'Explicit content' },
];
