/** An error a script reports to the person running it, in Swedish and English; nothing was changed. */
export class ScriptError extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(`sv: ${sv}\nen: ${en}`);
    this.name = new.target.name;
  }
}
