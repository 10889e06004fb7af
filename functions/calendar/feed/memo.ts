/**
 * Rendered feeds of a warm instance, keyed by what they show. Subscribers poll far more often than
 * trainings change, and writing a large calendar costs far more than finding it here, so an
 * unchanged feed is served from here.
 */
export class FeedMemo {
  private readonly entries = new Map<string, string>();

  constructor(private readonly max = 64) {}

  /**
   * The rendered feed for `key`, rendering only when it is not held. The key names the
   * collection's version, the feed's options and how many trainings it shows (for one version and
   * one query the shown set only shrinks as cancelled trainings age out, so the count tells it).
   */
  get(key: string, render: () => string): string {
    const held = this.entries.get(key);
    if (held !== undefined) return held;
    const body = render();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, body);
    return body;
  }
}
