/**
 * Aho–Corasick over integer symbols (syllable ids), so thousands of phrases cost one pass over a
 * document's syllables and a phrase can only start and end on syllable boundaries.
 */

/** A built automaton; `find` reports every (pattern, end position) pair. */
export class SymbolAutomaton {
  /** Per node: symbol → child. */
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at a node, including those reached by suffix links (filled by build). */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[] = [];
  private built = false;

  /** Adds a pattern (a non-empty symbol sequence); returns its index. */
  add(symbols: readonly number[]): number {
    if (this.built) throw new Error('automaton already built');
    if (symbols.length === 0) throw new Error('empty pattern');
    let node = 0;
    for (const s of symbols) {
      const edges = this.next[node] as Map<number, number>;
      let child = edges.get(s);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        edges.set(s, child);
      }
      node = child;
    }
    const id = this.lengths.length;
    this.lengths.push(symbols.length);
    (this.out[node] as number[]).push(id);
    return id;
  }

  /** Computes failure links breadth-first and merges outputs along them. */
  build(): this {
    const queue: number[] = [];
    for (const child of (this.next[0] as Map<number, number>).values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi] as number;
      for (const [sym, child] of this.next[node] as Map<number, number>) {
        queue.push(child);
        let f = this.fail[node] as number;
        while (f !== 0 && !(this.next[f] as Map<number, number>).has(sym)) f = this.fail[f] as number;
        const target = (this.next[f] as Map<number, number>).get(sym);
        const fl = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fl;
        const inherited = this.out[fl] as number[];
        if (inherited.length > 0) this.out[child] = [...(this.out[child] as number[]), ...inherited];
      }
    }
    this.built = true;
    return this;
  }

  /** Number of symbols of pattern `id`. */
  length(id: number): number {
    return this.lengths[id] ?? 0;
  }

  /**
   * Calls `hit(pattern, first, last)` for every occurrence, with inclusive symbol positions.
   * A negative symbol (a syllable no pattern uses) resets the search.
   */
  find(symbols: ArrayLike<number>, hit: (pattern: number, first: number, last: number) => void): void {
    let node = 0;
    for (let i = 0; i < symbols.length; i++) {
      const s = symbols[i] as number;
      if (s < 0) {
        node = 0;
        continue;
      }
      let child = (this.next[node] as Map<number, number>).get(s);
      while (child === undefined && node !== 0) {
        node = this.fail[node] as number;
        child = (this.next[node] as Map<number, number>).get(s);
      }
      node = child ?? 0;
      const outs = this.out[node] as number[];
      for (const p of outs) hit(p, i - (this.lengths[p] as number) + 1, i);
    }
  }
}
