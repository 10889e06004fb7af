import * as z from 'zod';
import type { Staff } from '../../core/auth/auth.js';
import { assertIfMatch } from '../../core/http/preconditions.js';
import { badRequest, preconditionFailed } from '../../core/http/problem.js';
import { toStockholmIso } from '../../core/i18n.js';
import { PreconditionFailedError } from '../../core/store/store.js';
import { multiLine, singleLine } from '../../core/text/index.js';
import type { FeedbackContext } from '../context.js';
import { redact } from '../guard/personal-data.js';
import type { Submission } from '../data/submissions.js';
import { updateSnapshotQuote } from '../summary/snapshot.js';
import { logAction, readState, writeState, type ModerationState, type Status } from './state.js';
import { once } from '../../core/once.js';

/** A theme tag: a single line (`core/text`), then a lower-case word with hyphens. */
export const TAG = once(() => singleLine(40).pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Tags are lower-case words with hyphens')));

/** A quote: words of the submission, which may run over lines (`core/text` multi-line rules). */
export const QUOTE = once(() => multiLine(1000, { required: true }));

/** A moderator's change of one submission; absent fields stay as they are. */
export interface ModerationChange {
  readonly status?: Status;
  readonly tags?: readonly string[];
  readonly quote?: string | null;
}

/**
 * Apply a moderator's change over the version they saw (`ifMatch`), log who did what and when
 * (never the text), and bring the published quote in the summary snapshot up to date (the
 * counts follow at the next scheduled run). A quote must be words of the submission and is
 * stored redacted.
 */
export async function applyChange(
  ctx: FeedbackContext,
  submission: Submission,
  staff: Staff,
  change: ModerationChange,
  ifMatch: string,
): Promise<{ state: ModerationState; etag: string }> {
  const { deps } = ctx;
  const current = await readState(deps.store, submission.id);
  assertIfMatch(ifMatch, current.etag, { current: current.state });
  if (change.quote && !submission.text.includes(change.quote))
    throw badRequest([
      { field: 'quote', message: 'A quote must be words of the submission itself', sv: 'Citatet måste vara ord ur synpunkten' },
    ]);
  const quote = change.quote === undefined ? current.state.quote : change.quote === null ? null : redact(change.quote).text;
  const now = deps.clock.now();
  const by = staff.sub;
  const next: ModerationState = {
    status: change.status ?? current.state.status,
    tags: change.tags ?? current.state.tags,
    quote,
    updatedAt: toStockholmIso(now),
    updatedBy: by,
    categories: submission.categories,
  };
  let etag: string;
  try {
    ({ etag } = await writeState(deps.store, submission.id, next, current.etag));
  } catch (error) {
    if (!(error instanceof PreconditionFailedError)) throw error;
    const latest = await readState(deps.store, submission.id);
    throw preconditionFailed(latest.etag, latest.state);
  }
  const fields = Object.keys(change).filter((k) => change[k as keyof ModerationChange] !== undefined);
  await logAction(deps.store, { at: toStockholmIso(now), by, submission: submission.id, action: 'change', fields }, now);
  deps.log.info('feedback moderated', { id: submission.id, status: next.status, by });
  await updateSnapshotQuote(deps.store, deps.clock, deps.log, submission.id, next);
  return { state: next, etag };
}
