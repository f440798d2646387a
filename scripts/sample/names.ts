// Invented creators and titles for the synthetic sample: word lists combined
// by a seeded generator, so no real artist, author or work appears.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const FIRST = ['Mira', 'Oskar', 'Lune', 'Tavi', 'Ilse', 'Corin', 'Abel', 'Wren', 'Sefa', 'Noor', 'Emrys', 'Juno'];
const LAST = ['Solenne', 'Vantreek', 'Halloway', 'Quill', 'Marrow', 'Ostrander', 'Felk', 'Amberlyn', 'Drossel', 'Kettering'];
const BAND_ADJECTIVE = ['Velvet', 'Paper', 'Glass', 'Hollow', 'Northern', 'Static', 'Quiet', 'Amber', 'Copper', 'Lunar'];
const BAND_NOUN = ['Lanterns', 'Foxes', 'Orchards', 'Satellites', 'Harbours', 'Moths', 'Engines', 'Tides', 'Cathedrals'];
const TITLE_START = ['Harbour of', 'Letters to', 'The Last', 'Under the', 'Songs for', 'A House of', 'Beyond the', 'Ashes of'];
const TITLE_END = ['Glass', 'Winter', 'Small Hours', 'Lanterns', 'Quiet Seas', 'Salt', 'Paper Birds', 'Slow Rivers', 'Neon Rain'];

/** A seeded generator of invented names; the same seed always gives the same sequence. */
export class NameGenerator {
  private rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** Uniform integer in [0, size). */
  index(size: number): number {
    return uniformInt(this.rng, 0, size - 1);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.index(list.length)];
  }

  person(): string {
    return `${this.pick(FIRST)} ${this.pick(LAST)}`;
  }

  band(): string {
    return `The ${this.pick(BAND_ADJECTIVE)} ${this.pick(BAND_NOUN)}`;
  }

  creator(domain: 'books' | 'music'): string {
    return domain === 'music' && this.index(2) === 0 ? this.band() : this.person();
  }

  title(): string {
    return `${this.pick(TITLE_START)} ${this.pick(TITLE_END)}`;
  }
}
