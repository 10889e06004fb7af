import type * as z from 'zod';
import type { Logger } from '../log.js';
import { once } from '../once.js';
import type { ServiceName } from '../routes.js';
import type { Versioned } from '../store/json.js';
import type { PutOptions, Store } from '../store/store.js';

/**
 * A file one service publishes for others: where it lives, its shape, who writes it, who reads
 * it, and an example that is both documentation and test fixture.
 */
export interface Contract<S extends z.ZodType> {
  /** The store key (under the publisher's own `public/` prefix). */
  readonly key: string;
  /** The only service that writes the file. */
  readonly publisher: ServiceName;
  /** The services that may read it (the stack grants them read access to `key`, nothing more). */
  readonly readers: readonly ServiceName[];
  /** The shape both sides agree on. */
  readonly schema: S;
  /** A small valid example. */
  readonly fixture: z.output<S>;
}

/** What `defineContract` takes: a contract whose schema is built on first use. */
export interface ContractDefinition<S extends z.ZodType> extends Omit<Contract<S>, 'schema'> {
  /** Builds the shape both sides agree on; called once, when a reader or writer first needs it. */
  readonly schema: () => S;
}

/**
 * Define a contract, checking at load time that its key lies under the publisher's `public/`
 * prefix. Its schema is built on first use, not when the module loads, and that its fixture fits
 * is checked by the contract tests: a cold start pays for neither.
 *
 * @example
 * export const exampleContract = defineContract({
 *   key: 'calendar/public/example.json', publisher: 'calendar', readers: ['indicators'],
 *   schema: () => z.array(z.object({ id: z.string() })), fixture: [{ id: 'a' }],
 * });
 */
export function defineContract<S extends z.ZodType>(definition: ContractDefinition<S>): Contract<S> {
  const { key, publisher, readers, fixture } = definition;
  if (!key.startsWith(`${publisher}/public/`)) throw new Error(`${key} is not under ${publisher}/public/`);
  const schema = once(definition.schema);
  return {
    key,
    publisher,
    readers,
    fixture,
    get schema() {
      return schema();
    },
  };
}

/**
 * The JSON body a writer stores: the value as given, after checking it against the schema (a
 * writer that drifts fails loudly instead of its readers; a field the schema does not know is
 * kept, so the contract test sees it).
 */
export function serialiseContract<S extends z.ZodType>(contract: Contract<S>, value: z.input<S>): string {
  contract.schema.parse(value);
  return JSON.stringify(value);
}

/** Write the file of `contract` (the value checked against its schema) with the store's conditions. */
export async function writeContract<S extends z.ZodType>(
  store: Store,
  contract: Contract<S>,
  value: z.input<S>,
  options: Omit<PutOptions, 'contentType'> = {},
): Promise<{ etag: string }> {
  return store.put(contract.key, serialiseContract(contract, value), { ...options, contentType: 'application/json' });
}

const decoder = new TextDecoder();

/**
 * Parse a stored body of `contract`. A body that is not JSON or does not fit the schema is treated
 * as absent (`undefined`) with one warning naming the key and the first bad field: a reader
 * never fails a request on another service's file.
 */
export function decodeContract<S extends z.ZodType>(contract: Contract<S>, body: Uint8Array, log: Logger): z.output<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(body));
  } catch {
    log.warn('published file is not JSON; treated as absent', { key: contract.key });
    return undefined;
  }
  const parsed = contract.schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  log.warn('published file does not fit its contract; treated as absent', {
    key: contract.key,
    field: issue?.path.join('.') ?? '',
    problem: issue?.message ?? '',
  });
  return undefined;
}

/** Read and check the file of `contract`; `undefined` when absent or unreadable (see `decodeContract`). */
export async function readContract<S extends z.ZodType>(
  store: Store,
  contract: Contract<S>,
  log: Logger,
): Promise<Versioned<z.output<S>> | undefined> {
  const found = await store.get(contract.key);
  if (found === undefined || found === 'not-modified') return undefined;
  const value = decodeContract(contract, found.body, log);
  return value === undefined ? undefined : { value, etag: found.etag };
}
