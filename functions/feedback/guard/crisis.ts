/**
 * Words that suggest the writer may be in crisis. A match flags the submission for the moderators
 * (who see it first); the writer always sees 1177, 112 and Självmordslinjen on the thank-you page.
 */
const CRISIS = [
  /självmord/i,
  /suicid/i,
  /ta livet av mig/i,
  /ta mitt (eget )?liv/i,
  /vill (jag )?(inte leva|dö)/i,
  /inte vill leva/i,
  /orkar inte leva/i,
  /skada mig själv/i,
  /överdos/i,
  /kill myself/i,
  /want to die/i,
];

/** Whether a text contains words that suggest a crisis. */
export function mentionsCrisis(text: string): boolean {
  return CRISIS.some((pattern) => pattern.test(text));
}
