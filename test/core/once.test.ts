import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineContract } from '../../functions/core/contracts/contract.js';
import { cursorCodec } from '../../functions/core/http/paging.js';
import { once } from '../../functions/core/once.js';

/** A schema factory that counts how often it was called. */
function counted<S>(make: () => S): { make: () => S; calls: () => number } {
  let calls = 0;
  return {
    make: () => {
      calls++;
      return make();
    },
    calls: () => calls,
  };
}

describe('values built on first use', () => {
  it('builds nothing when defined, then once, and hands back the same value every time', () => {
    const factory = counted(() => z.object({ name: z.string() }));
    const schema = once(factory.make);
    expect(factory.calls()).toBe(0);
    const first = schema();
    expect(schema()).toBe(first);
    expect(factory.calls()).toBe(1);
  });

  it('keeps a value that is undefined instead of building it again', () => {
    const factory = counted(() => undefined);
    const value = once(factory.make);
    value();
    value();
    expect(factory.calls()).toBe(1);
  });

  it('builds a contract’s schema when it is first read, not when the contract is defined', () => {
    const factory = counted(() => z.array(z.object({ id: z.string() })));
    const contract = defineContract({
      key: 'calendar/public/example.json',
      publisher: 'calendar',
      readers: ['indicators'],
      schema: factory.make,
      fixture: [{ id: 'a' }],
    });
    expect(factory.calls()).toBe(0);
    expect(contract.schema.safeParse(contract.fixture).success).toBe(true);
    expect(contract.schema).toBe(contract.schema);
    expect(factory.calls()).toBe(1);
  });

  it('still refuses, when defined, a contract whose key is outside its publisher’s public prefix', () => {
    expect(() =>
      defineContract({
        key: 'calendar/private/x.json',
        publisher: 'calendar',
        readers: [],
        schema: () => z.array(z.string()),
        fixture: [],
      }),
    ).toThrow(/not under calendar\/public\//);
  });

  it('builds a cursor codec’s position schema on the first cursor it reads, and checks positions with it', () => {
    const factory = counted(() => z.number().int().min(0));
    const codec = cursorCodec('test-list', factory.make);
    expect(codec.encode(3)).toBeTypeOf('string');
    expect(factory.calls()).toBe(0);
    expect(codec.decode(codec.encode(3))).toBe(3);
    expect(codec.parse(codec.encode(-1))).toBe(false);
    expect(factory.calls()).toBe(1);
  });
});
