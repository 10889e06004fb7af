import type { CountyConfig } from '../../core/config/schema.js';
import { GROUP_LEVELS, PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { formatDate, t, type Lang, type Text } from '../../core/i18n.js';
import { orgName } from '../data/orgs.js';
import type { CollaborationGroup } from '../model/group.js';
import { termLabel } from '../model/vocab.js';

/** A public group: named contacts never reach a page. */
export type PageGroup = Omit<CollaborationGroup, 'contacts'>;

const day = (date: string, lang: Lang) => formatDate(`${date}T12:00:00+01:00`, lang);

/** The `n` latest decisions of a group, newest meeting first. */
export function latestDecisions(group: PageGroup, n: number) {
  return [...group.meetings]
    .sort((a, b) => b.date.localeCompare(a.date))
    .flatMap((m) => m.decisions.map((d) => ({ ...d, date: m.date })))
    .slice(0, n);
}

/** A list of decisions: text, responsible organisation, deadline and status. */
export function DecisionList(props: {
  config: CountyConfig;
  lang: Lang;
  decisions: readonly ReturnType<typeof latestDecisions>[number][];
}) {
  const { config, lang } = props;
  return (
    <ul>
      {props.decisions.map((d) => (
        <li>
          {d.text} – {orgName(config, d.responsible)}
          {d.deadline ? `, ${t(lang, { sv: 'senast', en: 'by' })} ${day(d.deadline, lang)}` : ''}{' '}
          <span class="tag">{termLabel(PLAN_ITEM_STATUSES, d.status, lang)}</span>{' '}
          <span class="muted">
            ({t(lang, { sv: 'beslut', en: 'decided' })} {day(d.date, lang)})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What a group is: level, mandate, members with the role each sends, who convenes, how often it meets. */
export function GroupFacts(props: { config: CountyConfig; lang: Lang; group: PageGroup }) {
  const { config, lang, group: g } = props;
  const roleOf = (org: string) =>
    g.memberRoles
      .filter((r) => r.organization === org)
      .map((r) => r.role)
      .join(', ');
  const members = g.members
    .map((o) => {
      const role = roleOf(o);
      return role ? `${orgName(config, o)} (${role})` : orgName(config, o);
    })
    .join('; ');
  const facts: [Text, string | undefined][] = [
    [{ sv: 'Nivå', en: 'Level' }, g.level ? termLabel(GROUP_LEVELS, g.level, lang) : undefined],
    [{ sv: 'Mandat', en: 'Mandate' }, g.mandate],
    [{ sv: 'Medlemmar', en: 'Members' }, members || undefined],
    [{ sv: 'Sammankallande', en: 'Convened by' }, g.convenes ? orgName(config, g.convenes) : undefined],
    [{ sv: 'Kontakt (roll)', en: 'Contact (role)' }, g.contactRole],
    [{ sv: 'Möten', en: 'Meetings' }, g.meetingRhythm],
  ];
  return (
    <dl class="facts">
      {facts.map(([label, value]) =>
        value ? (
          <>
            <dt>{t(lang, label)}</dt>
            <dd>{value}</dd>
          </>
        ) : null,
      )}
    </dl>
  );
}

/** The area's groups as a tree (nested lists): roots are groups reporting to no active group. */
export function GroupTree(props: { config: CountyConfig; lang: Lang; groups: readonly PageGroup[] }) {
  const { config, lang, groups } = props;
  const ids = new Set(groups.map((g) => g.id));
  const byName = (a: PageGroup, b: PageGroup) => a.name.localeCompare(b.name, 'sv');
  const childrenOf = (id: string | undefined) =>
    groups.filter((g) => (id === undefined ? g.reportsTo === undefined || !ids.has(g.reportsTo) : g.reportsTo === id)).sort(byName);
  const branch = (list: readonly PageGroup[], seen: ReadonlySet<string>) => (
    <ul class="tree">
      {list.map((g) => {
        const below = childrenOf(g.id).filter((c) => !seen.has(c.id));
        const decisions = latestDecisions(g, 3);
        return (
          <li>
            <a href={`/hitta-stod/samverkan/grupp/${g.id}${lang === 'en' ? '?lang=en' : ''}`}>{g.name}</a>
            <GroupFacts config={config} lang={lang} group={g} />
            {decisions.length ? (
              <>
                <p>{t(lang, { sv: 'Senaste beslut', en: 'Latest decisions' })}:</p>
                <DecisionList config={config} lang={lang} decisions={decisions} />
              </>
            ) : null}
            {below.length ? branch(below, new Set([...seen, ...below.map((c) => c.id)])) : null}
          </li>
        );
      })}
    </ul>
  );
  const roots = childrenOf(undefined);
  return branch(roots, new Set(roots.map((r) => r.id)));
}
