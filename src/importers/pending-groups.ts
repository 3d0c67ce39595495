/**
 * Rows of a grouping importer (a Kraken refid, a Binance second) waiting to be mapped as groups.
 *
 * Each entry is a group (its key) or a row alone, in the order of its first row, and entries are
 * handed to `map` in that order: at `finish()` or, with a `window`, as soon as `window` rows have
 * been added after the entry's first. The rows of a group sit together in real exports, so a
 * window bounds what is held (a million parsed rows held to the end of a file cost ~350 MB)
 * without changing the groups. A row whose group was already handed over makes `add` answer
 * `false`: holding the groups to the end would have grouped it differently.
 */
import { ownText } from '../model/own-text.js';

export class PendingGroups<R> {
  private readonly groups = new Map<string, R[]>();
  /** Waiting entries from `next` on: a group's key, or a row alone, with the rows added before it. */
  private order: (string | { readonly row: R })[] = [];
  private addedBefore: number[] = [];
  private next = 0;
  private added = 0;
  /** Keys of the groups handed over before the end (only with a window). */
  private readonly handedOver = new Set<string>();

  constructor(
    private readonly window: number | undefined,
    private readonly map: (rows: readonly R[]) => void,
  ) {}

  /** Add a row (`key` undefined: a row alone); false if its group was already handed over. */
  add(key: string | undefined, row: R): boolean {
    const group = key === undefined ? undefined : this.groups.get(key);
    // a second row makes an array of two: `push` onto the literal of one would make room for 17
    if (group) {
      if (group.length === 1) this.groups.set(key as string, [group[0] as R, row]);
      else group.push(row);
    } else if (key !== undefined && this.handedOver.has(key)) return false;
    else {
      if (key !== undefined) this.groups.set(key, [row]);
      this.order.push(key ?? { row });
      this.addedBefore.push(this.added);
    }
    this.added++;
    if (this.window !== undefined) this.handOverOlderThan(this.window);
    return true;
  }

  /** Hand over every waiting entry. */
  finish(): void {
    while (this.next < this.order.length) this.handOverNext();
  }

  private handOverOlderThan(window: number): void {
    while (this.next < this.order.length && this.added - (this.addedBefore[this.next] as number) > window) this.handOverNext();
    if (this.next >= 4096 && this.next * 2 >= this.order.length) {
      this.order = this.order.slice(this.next);
      this.addedBefore = this.addedBefore.slice(this.next);
      this.next = 0;
    }
  }

  private handOverNext(): void {
    const entry = this.order[this.next] as string | { readonly row: R };
    this.order[this.next++] = ''; // let the rows go
    if (typeof entry !== 'string') return this.map([entry.row]);
    const rows = this.groups.get(entry) ?? [];
    this.groups.delete(entry);
    if (this.window !== undefined) this.handedOver.add(ownText(entry));
    this.map(rows);
  }
}
