import { staffSectionPaths } from './session/sections.js';

/** The four services of the kit. */
export const SERVICES = ['directory', 'calendar', 'indicators', 'feedback'] as const;
/** One service's name. */
export type ServiceName = (typeof SERVICES)[number];

/** The paths a service answers: its API prefix and its public page prefixes. */
export interface ServicePaths {
  readonly api: string;
  readonly pages: readonly string[];
  readonly sv: string;
  readonly en: string;
  readonly summarySv: string;
  readonly summaryEn: string;
}

/**
 * The route table shared by the local server (which dispatches on it) and the stack (which makes
 * one API Gateway route per prefix from it), so the two can never disagree.
 */
export const SERVICE_PATHS: Readonly<Record<ServiceName, ServicePaths>> = {
  directory: {
    api: '/api/directory',
    pages: ['/hitta-stod'],
    sv: 'Hitta stöd',
    en: 'Find support',
    summarySv: 'Vart du kan vända dig som brukare, anhörig eller yrkesverksam, samverkansgrupper och överenskommelser.',
    summaryEn: 'Where users, relatives and professionals can turn; collaboration groups and agreements.',
  },
  calendar: {
    api: '/api/calendar',
    pages: ['/utbildningar'],
    sv: 'Utbildningar',
    en: 'Trainings',
    summarySv: 'Gemensam utbildningskalender för region och kommuner, med anmälan och kalenderprenumeration.',
    summaryEn: 'The shared training calendar of region and municipalities, with registration and calendar feeds.',
  },
  indicators: {
    api: '/api/indicators',
    pages: ['/uppfoljning'],
    sv: 'Uppföljning',
    en: 'Follow-up',
    summarySv: 'Vilka vi når, med vad och med vilket resultat: gemensamma nyckeltal per kommun och period.',
    summaryEn: 'Whom we reach, with what and with what result: shared figures per municipality and period.',
  },
  feedback: {
    api: '/api/feedback',
    pages: ['/tyck-till'],
    sv: 'Tyck till',
    en: 'Have your say',
    summarySv: 'Berätta anonymt hur du upplever stödet och vården. Brukarrådet tar del av det.',
    summaryEn: 'Tell us anonymously how you experience support and care. The user council reads it.',
  },
};

/**
 * The paths of the staff function: sign-in, the OIDC callback, sign-out and the workspace's
 * landing page. `/personal/<section>` belongs to the service that registered the section
 * (`STAFF_SECTIONS`); any other path below `/personal/` falls to the staff function (a 404 page).
 */
export const STAFF_PATHS = ['/logga-in', '/auth/callback', '/logga-ut', '/personal'] as const;

/** Every path prefix a service's function answers: API, public pages and its staff sections. */
export function servicePrefixes(service: ServiceName): string[] {
  const paths = SERVICE_PATHS[service];
  return [paths.api, ...paths.pages, ...staffSectionPaths(service)];
}

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The service whose paths include `pathname`, if any. */
export function serviceForPath(pathname: string): ServiceName | undefined {
  return SERVICES.find((s) => servicePrefixes(s).some((p) => under(pathname, p)));
}

/** Whether the staff function answers `pathname` (after `serviceForPath` found no service). */
export function isStaffPath(pathname: string): boolean {
  return STAFF_PATHS.some((p) => under(pathname, p));
}
