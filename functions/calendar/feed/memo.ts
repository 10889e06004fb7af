import { createHash } from 'node:crypto';
import type { CalendarEvent } from '../model/event.js';

/**
 * Rendered feeds of a warm instance, keyed by a fingerprint of what they show. Subscribers poll
 * far more often than trainings change, and writing a large calendar costs far more than reading
 * the trainings, so an unchanged feed is served from here.
 */
export class FeedMemo {
  private readonly entries = new Map<string, string>();

  constructor(private readonly max = 64) {}

  /** The rendered feed for these events and options, rendering only when it is not held. */
  get(events: readonly CalendarEvent[], options: unknown, render: () => string): string {
    const hash = createHash('sha256').update(JSON.stringify(options));
    for (const e of events) hash.update(`${e.id}|${e.updatedAt}|${e.sequence}|${e.status}\n`);
    const key = hash.digest('base64url');
    const held = this.entries.get(key);
    if (held !== undefined) return held;
    const body = render();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, body);
    return body;
  }
}
