import type { Role, Staff } from '../auth/auth.js';
import type { CountyConfig } from '../config/schema.js';
import type { ServiceName } from '../routes.js';

/** One service's part of the staff workspace, linked from `/personal`. */
export interface StaffSection {
  /** The service whose function answers the section (API Gateway routes the path to it). */
  readonly service: ServiceName;
  /** The section's path, below `/personal/`. */
  readonly path: `/personal/${string}`;
  readonly sv: string;
  readonly en: string;
  /** What a person does there. */
  readonly summarySv: string;
  readonly summaryEn: string;
  /** Who may use it. */
  readonly roles: readonly Role[];
}

/**
 * The staff sections that exist. A service adds its entry here when it serves the pages: the
 * landing page links to them, and the route table sends their paths to the service's function
 * (locally and on API Gateway). A test checks that every entry's service really answers it.
 */
export const STAFF_SECTIONS: readonly StaffSection[] = [
  {
    service: 'feedback',
    path: '/personal/tyck-till',
    sv: 'Tyck till: moderering',
    en: 'Have your say: moderation',
    summarySv: 'Granska nya synpunkter (de som kan gälla en kris först), publicera eller dölj dem och välj citat till brukarrådet.',
    summaryEn: 'Review new feedback (possible crises first), publish or hide it, and choose quotes for the user council.',
    roles: ['moderator', 'admin'],
  },
  {
    service: 'directory',
    path: '/personal/hitta-stod',
    sv: 'Hitta stöd: tjänster',
    en: 'Find support: services',
    summarySv: 'Lägg till, ändra och avsluta din organisations tjänster och bekräfta att uppgifterna fortfarande stämmer.',
    summaryEn: "Add, edit and retire your organisation's services and confirm that the details are still correct.",
    roles: ['editor', 'admin'],
  },
  {
    service: 'directory',
    path: '/personal/hitta-stod/samverkan',
    sv: 'Hitta stöd: samverkan',
    en: 'Find support: collaboration',
    summarySv: 'Samverkansgrupper med möten och beslut, överenskommelser med mål, och handlingsplanernas punkter för din organisation.',
    summaryEn: 'Collaboration groups with meetings and decisions, agreements with goals, and the action-plan items of your organisation.',
    roles: ['editor', 'admin'],
  },
  {
    service: 'calendar',
    path: '/personal/utbildningar',
    sv: 'Utbildningar',
    en: 'Trainings',
    summarySv: 'Publicera, ändra och ställ in din organisations utbildningar och se anmälningar och väntelista.',
    summaryEn: "Publish, change and cancel your organisation's trainings and see registrations and the waiting list.",
    roles: ['editor', 'admin'],
  },
  {
    service: 'indicators',
    path: '/personal/uppfoljning',
    sv: 'Uppföljning: rapportera och publicera',
    en: 'Follow-up: report and release',
    summarySv: 'Rapportera och rätta organisationens siffror för en period; för administratörer: vem som har rapporterat och publicering.',
    summaryEn: "Report and correct your organisation's figures for a period; for admins: who has reported, and release.",
    roles: ['editor', 'admin'],
  },
];

/** The sections of enabled services that `staff` may use, in registry order. */
export function staffSectionsFor(config: CountyConfig, staff: Staff): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => config.modules[s.service] && s.roles.some((r) => staff.roles.includes(r)));
}

/** The staff-section paths a service answers (a section below another of the service's is in it). */
export function staffSectionPaths(service: ServiceName): string[] {
  const paths = STAFF_SECTIONS.filter((s) => s.service === service).map((s) => s.path);
  return paths.filter((p) => !paths.some((other) => p.startsWith(`${other}/`)));
}
