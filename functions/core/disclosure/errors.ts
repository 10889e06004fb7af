/**
 * A disclosure problem that cannot be solved as stated (unknown id, an equation the true values
 * break, a protection width below the minimum). `message` is English, `sv` Swedish; `field` names
 * the offending part of the input.
 *
 * @example
 * throw new DisclosureInputError('levels.lower', 'Skyddsnivån är för låg.', 'The protection level is too low.');
 */
export class DisclosureInputError extends Error {
  override readonly name = 'DisclosureInputError';
  constructor(
    readonly field: string,
    readonly sv: string,
    message: string,
  ) {
    super(message);
  }
}
