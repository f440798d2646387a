// positionOf over a million ids: a hash table in typed arrays over the ids
// array, since a Map of a million ids would cost ~80 MB.

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Open addressing over positions: first position of each id, as the reader always resolved duplicates. */
export class IdLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly ids: readonly (string | null)[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position];
      if (id === null) continue;
      const slot = this.find(id);
      if (this.slots[slot] === -1) this.slots[slot] = position;
    }
  }

  positionOf(id: string): number | undefined {
    const position = this.slots[this.find(id)];
    return position === -1 ? undefined : position;
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private find(id: string): number {
    let slot = hash(id) & this.mask;
    for (;;) {
      const position = this.slots[slot];
      if (position === -1 || this.ids[position] === id) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}
