import type { CountyConfig } from '../../core/config/schema.js';
import { TRAINING_TOPICS, type Term } from '../../core/domain/vocabulary.js';

/** The area's training topics: the shared list plus `calendar.extraTopics` from config. */
export function trainingTopics(config: CountyConfig): readonly Term[] {
  const extra = config.calendar.extraTopics.filter((x) => !TRAINING_TOPICS.some((t) => t.id === x.id));
  return [...TRAINING_TOPICS, ...extra];
}

export { organisationName, organisations, type Organisation } from '../../core/organisations.js';

/** Roles of the audience a training is meant for. */
export const AUDIENCE_ROLES: readonly Term[] = [
  { id: 'social-worker', sv: 'Socialsekreterare', en: 'Social workers' },
  { id: 'treatment-staff', sv: 'Behandlingspersonal', en: 'Treatment staff' },
  { id: 'nurse', sv: 'Sjuksköterskor', en: 'Nurses' },
  { id: 'physician', sv: 'Läkare', en: 'Physicians' },
  { id: 'psychologist', sv: 'Psykologer', en: 'Psychologists' },
  { id: 'manager', sv: 'Chefer', en: 'Managers' },
  { id: 'peer', sv: 'Brukar- och anhörigföreträdare', en: 'User and relative representatives' },
];

/** The domain used in feed UIDs: the area's own domain when configured, else a stable local one. */
export function uidDomain(config: CountyConfig): string {
  return config.aws.customDomain?.domainName ?? `${config.id}.utbildningar.invalid`;
}
