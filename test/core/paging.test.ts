import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cursorCodec, offsetCursor, pageOf } from '../../functions/core/http/paging.js';
import { ProblemError } from '../../functions/core/http/problem.js';
import { createCalendarApp } from '../../functions/calendar/app.js';
import { createDirectoryApp } from '../../functions/directory/app.js';
import { createFeedbackApp } from '../../functions/feedback/app.js';
import { createIndicatorsApp } from '../../functions/indicators/app.js';
import { testKit } from '../support/deps.js';

const status = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (error) {
    return error instanceof ProblemError ? error.problem.status : 'other';
  }
};

describe('the cursor codec', () => {
  it('reads back what it wrote, and nothing when no cursor was sent', () => {
    const codec = cursorCodec('test-list', z.object({ start: z.string(), id: z.string() }));
    const position = { start: '2026-05-01T09:00:00+02:00', id: 'a' };
    expect(codec.decode(codec.encode(position))).toEqual(position);
    expect(codec.decode(undefined)).toBeUndefined();
    expect(codec.decode('')).toBeUndefined();
  });

  it('refuses a cursor of another list with a 400, even when its position would fit', () => {
    const groups = offsetCursor('groups');
    const agreements = offsetCursor('agreements');
    expect(status(() => agreements.decode(groups.encode(20)))).toBe(400);
    expect(agreements.parse(groups.encode(20))).toBe(false);
  });

  it('refuses any string that is not one of its own cursors with a 400 naming the parameter, never another error', () => {
    const codec = offsetCursor('test-list');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (s) => {
        fc.pre(codec.parse(s) === false);
        const thrown = (() => {
          try {
            codec.decode(s, 'after');
          } catch (error) {
            return error;
          }
        })();
        expect(thrown).toBeInstanceOf(ProblemError);
        expect((thrown as ProblemError).problem.errors?.[0]?.field).toBe('after');
      }),
      { numRuns: 200 },
    );
    for (const bad of ['!!', '%%%', 'abc', Buffer.from('{"l":"test-list","p":-1}').toString('base64url'), 'x'.repeat(3000)])
      expect(codec.parse(bad)).toBe(false);
  });

  it('pages with nextCursor until the last page', () => {
    const codec = offsetCursor('letters');
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = pageOf(items, 0, 2, codec);
    expect(first.items).toEqual(['a', 'b']);
    const second = pageOf(items, codec.decode(first.nextCursor) ?? 0, 2, codec);
    const third = pageOf(items, codec.decode(second.nextCursor) ?? 0, 2, codec);
    expect([...second.items, ...third.items]).toEqual(['c', 'd', 'e']);
    expect(third.nextCursor).toBeUndefined();
  });
});

describe('a malformed or foreign cursor in every service', () => {
  const foreign = offsetCursor('another-service-list').encode(1);

  it('is one 400 in problem+json naming cursor, on every paged list', async () => {
    const kit = await testKit({ area: 'ostergotland' });
    const moderator = await kit.bearer({ roles: ['moderator'] });
    const apps = {
      directory: createDirectoryApp(kit.deps),
      calendar: createCalendarApp(kit.deps),
      indicators: createIndicatorsApp(kit.deps, { cacheWindowMs: 0 }),
      feedback: createFeedbackApp(kit.deps, { secret: new Uint8Array(32).fill(7) }),
    };
    const lists = [
      [apps.directory, '/api/directory/services'],
      [apps.directory, '/api/directory/groups'],
      [apps.directory, '/api/directory/agreements'],
      [apps.calendar, '/api/calendar/events'],
      [apps.indicators, '/api/indicators/values'],
      [apps.feedback, '/api/feedback/submissions'],
      [apps.feedback, '/api/feedback/audit'],
    ] as const;
    expect(lists).toHaveLength(7);
    for (const [app, path] of lists)
      for (const cursor of ['!!', 'abc', foreign]) {
        const res = await app.request(`${path}?cursor=${cursor}`, { headers: { authorization: moderator } });
        expect([path, cursor, res.status]).toEqual([path, cursor, 400]);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = (await res.json()) as { errors: { field: string }[] };
        expect(body.errors.map((e) => e.field)).toContain('cursor');
      }
  });
});
