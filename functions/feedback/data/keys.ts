import { quarterOf } from '../../core/period.js';

export { QUARTER, quarterOf } from '../../core/period.js';

/** Raw submissions (a lifecycle rule deletes them after `retention.feedbackDays`). */
export const SUBMISSIONS_PREFIX = 'feedback/submissions/';
/** Contact details of people who asked for an answer (deleted after `retention.contactDays`). */
export const CONTACTS_PREFIX = 'feedback/contacts/';
/** The moderators' state of each submission (status, tags, quote). */
export const MODERATION_PREFIX = 'feedback/moderation/';
/** One create-only object per moderator action: who, when, what (never the text). */
export const AUDIT_PREFIX = 'feedback/audit/';

/** A submission id: `<epoch ms>-<unique part>`. */
export const SUBMISSION_ID = /^(\d{13})-([A-Za-z0-9]{1,64})$/;

/** What a submission's key says without reading it. */
export interface KeyFacts {
  readonly id: string;
  readonly receivedAt: Date;
  readonly period: string;
  readonly municipality: string | null;
  readonly categories: readonly string[];
  /** The text suggested a crisis: in the key, so the moderators' queue finds them first by listing. */
  readonly crisis?: boolean;
}

/**
 * The key of a submission. Its period, municipality and categories are part of the key, so the
 * summary counts come from listing alone (one request per 1,000 submissions); `_k` at the end
 * marks a possible crisis, so the moderators' queue shows those first across every page.
 */
export function submissionKey(facts: KeyFacts): string {
  const cats = facts.categories.join('+');
  return `${SUBMISSIONS_PREFIX}${facts.period}/${facts.id}_${facts.municipality ?? 'x'}_${cats}${facts.crisis ? '_k' : ''}.json`;
}

/** Read the facts back from a submission key; `undefined` for a key of another shape. */
export function parseSubmissionKey(key: string): KeyFacts | undefined {
  const m = /^feedback\/submissions\/(\d{4}-Q[1-4])\/((\d{13})-[A-Za-z0-9]+)_(\d{4}|x)_([a-z0-9+-]+)(_k)?\.json$/.exec(key);
  if (!m) return undefined;
  const [, period, id, ms, municipality, cats, crisis] = m as unknown as [string, string, string, string, string, string, string?];
  return {
    id,
    period,
    receivedAt: new Date(Number(ms)),
    municipality: municipality === 'x' ? null : municipality,
    categories: cats.split('+'),
    crisis: crisis !== undefined,
  };
}

/** The key prefix under which the submission `id` lives. */
export function submissionPrefix(id: string): string | undefined {
  const m = SUBMISSION_ID.exec(id);
  if (!m) return undefined;
  return `${SUBMISSIONS_PREFIX}${quarterOf(new Date(Number(m[1])))}/${id}_`;
}
