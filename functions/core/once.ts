/**
 * A value made on first use and kept for the life of the process. For zod schemas and tables a
 * module would otherwise build when it loads: a cold function pays only for what its first request
 * uses (each zod schema costs a few microseconds to build, and a service has hundreds).
 *
 * @example
 * export const inputSchema = once(() => z.strictObject({ name: z.string() }));
 * inputSchema().parse({ name: 'Mottagningen' });
 */
export function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
