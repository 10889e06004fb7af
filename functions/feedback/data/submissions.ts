import type { Store } from '../../core/store/store.js';
import { getJson, putJson } from '../../core/store/json.js';
import { toStockholmIso } from '../../core/i18n.js';
import { mentionsCrisis } from '../guard/crisis.js';
import { redact, type FindingKind } from '../guard/personal-data.js';
import type { FormInput } from '../form/input.js';
import {
  CONTACTS_PREFIX,
  parseSubmissionKey,
  quarterOf,
  submissionKey,
  submissionPrefix,
  SUBMISSIONS_PREFIX,
  type KeyFacts,
} from './keys.js';

/** A stored submission: only redacted text, never contact details. */
export interface Submission {
  readonly id: string;
  /** ISO 8601 with the Europe/Stockholm offset. */
  readonly receivedAt: string;
  readonly period: string;
  readonly categories: readonly string[];
  readonly municipality: string | null;
  readonly service: string | null;
  readonly writer: string | null;
  readonly rating: number | null;
  readonly text: string;
  /** How many pieces of personal data of each kind were removed from the text. */
  readonly redactions: Partial<Record<FindingKind, number>>;
  readonly hasContact: boolean;
  /** `crisis` when the text has words suggesting the writer may be in crisis (for moderators). */
  readonly flags: readonly 'crisis'[];
}

/** Contact details, kept apart from the text under `feedback/contacts/`. */
export interface Contact {
  readonly submission: string;
  readonly contact: string;
  readonly kind: 'email' | 'phone';
  readonly consentAt: string;
}

/**
 * Store one submission create-only under its own unique key (never overwritten), and its contact
 * details apart when the person asked for an answer. The text is always stored redacted.
 */
export async function saveSubmission(store: Store, input: FormInput, now: Date, uniquePart: string): Promise<Submission> {
  const id = `${String(now.getTime()).padStart(13, '0')}-${uniquePart}`;
  const categories = [...input.categories].sort();
  const crisis = mentionsCrisis(input.text);
  const facts: KeyFacts = { id, receivedAt: now, period: quarterOf(now), municipality: input.municipality || null, categories, crisis };
  const { text, counts } = redact(input.text);
  const submission: Submission = {
    id,
    receivedAt: toStockholmIso(now),
    period: facts.period,
    categories,
    municipality: facts.municipality,
    service: input.service || null,
    writer: input.writer || null,
    rating: input.rating ? Number(input.rating) : null,
    text,
    redactions: counts,
    hasContact: Boolean(input.contact && input.consent),
    flags: crisis ? ['crisis'] : [],
  };
  if (submission.hasContact) {
    const contact: Contact = {
      submission: id,
      contact: input.contact,
      kind: input.contact.includes('@') ? 'email' : 'phone',
      consentAt: submission.receivedAt,
    };
    await putJson(store, `${CONTACTS_PREFIX}${id}.json`, contact, { ifNoneMatch: '*' });
  }
  await putJson(store, submissionKey(facts), submission, { ifNoneMatch: '*' });
  return submission;
}

/** The oldest moment the app still shows, by `retention.feedbackDays`. */
export function retentionStart(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 3600 * 1000);
}

/**
 * Every submission key under `prefix` (default all), as facts, skipping those older than `since`.
 *
 * @example
 * for await (const facts of submissionFacts(store, since, 'feedback/submissions/2026-Q4/')) …
 */
export async function* submissionFacts(store: Store, since: Date, prefix = SUBMISSIONS_PREFIX): AsyncGenerator<KeyFacts & { key: string }> {
  let cursor: string | undefined;
  do {
    const page = await store.list(prefix, { cursor, limit: 1000 });
    for (const item of page.items) {
      const facts = parseSubmissionKey(item.key);
      if (facts && facts.receivedAt >= since) yield { ...facts, key: item.key };
    }
    cursor = page.cursor;
  } while (cursor);
}

/** Read one submission by id; `undefined` when absent or older than `since`. */
export async function readSubmission(store: Store, id: string, since: Date): Promise<Submission | undefined> {
  const prefix = submissionPrefix(id);
  if (!prefix) return undefined;
  const page = await store.list(prefix, { limit: 1 });
  const key = page.items[0]?.key;
  const facts = key ? parseSubmissionKey(key) : undefined;
  if (!key || !facts || facts.receivedAt < since) return undefined;
  return (await getJson<Submission>(store, key))?.value;
}
