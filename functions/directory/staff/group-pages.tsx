import { GROUP_LEVELS, PLAN_ITEM_STATUSES } from '../../core/domain/vocabulary.js';
import { formatDate, t, type Text } from '../../core/i18n.js';
import { orgName } from '../data/orgs.js';
import type { CollaborationGroup, Meeting } from '../model/group.js';
import { termLabel } from '../model/vocab.js';
import type { CollabFormValues } from './collab-form.js';
import {
  COLLAB_PATH as PATH,
  CollabFormPage,
  langQuery,
  DATE_HINT,
  NONE,
  orgOptions,
  OrgRoles,
  type CollabPageBase,
} from './collab-parts.js';
import { Field, Select } from './form-parts.js';
import { decisionRows } from './group-form.js';
import type { FormFieldError } from './service-form.js';

/** Props of `GroupEditPage`. */
export interface GroupEditPageProps extends CollabPageBase {
  readonly group?: CollaborationGroup;
  readonly etag?: string;
  readonly values: CollabFormValues;
  readonly errors: readonly FormFieldError[];
  /** The other groups of the area (for "reports to"). */
  readonly groups: readonly CollaborationGroup[];
  /** On a conflict: the version someone else stored meanwhile. */
  readonly stored?: CollabFormValues;
}

function groupRows(props: GroupEditPageProps, v: CollabFormValues): [Text, string][] {
  const { config, lang } = props;
  const f = v.fields;
  return [
    [{ sv: 'Namn', en: 'Name' }, f.name ?? ''],
    [{ sv: 'Nivå', en: 'Level' }, f.level ? termLabel(GROUP_LEVELS, f.level, lang) : ''],
    [{ sv: 'Rapporterar till', en: 'Reports to' }, props.groups.find((g) => g.id === f.reportsTo)?.name ?? ''],
    [{ sv: 'Mandat', en: 'Mandate' }, f.mandate ?? ''],
    [
      { sv: 'Medlemmar', en: 'Members' },
      v.orgs.map((o) => `${orgName(config, o)}${f[`role.${o}`] ? ` (${f[`role.${o}`]})` : ''}`).join('\n'),
    ],
    [{ sv: 'Sammankallande', en: 'Convened by' }, f.convenes ? orgName(config, f.convenes) : ''],
    [{ sv: 'Mötesrytm', en: 'Meeting rhythm' }, f.meetingRhythm ?? ''],
    [{ sv: 'Kontaktpersoner', en: 'Contacts' }, f.contacts ?? ''],
  ];
}

/** Create or edit a group: level, reports-to, mandate, members with roles, contacts, convener, rhythm; its meetings. */
export function GroupEditPage(props: GroupEditPageProps) {
  const { lang, config, values, errors, group } = props;
  const f = (name: string) => values.fields[name] ?? '';
  const title = group
    ? t(lang, { sv: `Ändra grupp: ${group.name}`, en: `Edit group: ${group.name}` })
    : t(lang, { sv: 'Lägg till en grupp', en: 'Add a group' });
  const parents = props.groups
    .filter((g) => g.id !== group?.id && g.status !== 'retired')
    .map((g) => ({ id: g.id, sv: g.name, en: g.name }));
  return (
    <CollabFormPage
      {...props}
      title={title}
      path={group ? `${PATH}/grupper/${group.id}` : `${PATH}/grupper/ny`}
      back={{ href: PATH, text: { sv: 'Tillbaka till samverkan', en: 'Back to collaboration' } }}
      stored={props.stored && group ? groupRows(props, props.stored) : undefined}
      submit={group ? { sv: 'Spara gruppen', en: 'Save the group' } : { sv: 'Lägg till gruppen', en: 'Add the group' }}
      after={group ? <Meetings {...props} group={group} /> : null}
    >
      <Field lang={lang} name="name" label={{ sv: 'Namn', en: 'Name' }} value={f('name')} errors={errors} required />
      <Select
        lang={lang}
        name="level"
        label={{ sv: 'Nivå', en: 'Level' }}
        options={[{ id: '', ...NONE }, ...GROUP_LEVELS]}
        value={f('level')}
        errors={errors}
      />
      <Select
        lang={lang}
        name="reportsTo"
        label={{ sv: 'Rapporterar till', en: 'Reports to' }}
        options={[{ id: '', ...NONE }, ...parents]}
        value={f('reportsTo')}
        errors={errors}
      />
      <Field lang={lang} name="mandate" label={{ sv: 'Mandat', en: 'Mandate' }} value={f('mandate')} errors={errors} multiline />
      <OrgRoles
        lang={lang}
        config={config}
        name="members"
        legend={{ sv: 'Medlemmar och vilken roll var och en skickar', en: 'Members and the role each sends' }}
        roleLabel={{ sv: 'Roll', en: 'Role' }}
        checked={values.orgs}
        fields={values.fields}
        errors={errors}
      />
      <Select
        lang={lang}
        name="convenes"
        label={{ sv: 'Sammankallande', en: 'Convened by' }}
        options={orgOptions(config, NONE)}
        value={f('convenes')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="contactRole"
        label={{ sv: 'Kontakt (roll, visas för alla)', en: 'Contact (role, shown to all)' }}
        value={f('contactRole')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="meetingRhythm"
        label={{ sv: 'Mötesrytm', en: 'Meeting rhythm' }}
        hint={{ sv: 'Till exempel: fyra gånger per år.', en: 'For example: four times a year.' }}
        value={f('meetingRhythm')}
        errors={errors}
      />
      <Field
        lang={lang}
        name="contacts"
        label={{ sv: 'Kontaktpersoner (bara för personal)', en: 'Contact persons (staff only)' }}
        hint={{
          sv: 'En per rad: namn | titel | e-post på en arbetsadress. Visas aldrig för allmänheten.',
          en: 'One per line: name | title | e-mail at a work address. Never shown to the public.',
        }}
        value={f('contacts')}
        errors={errors}
        multiline
      />
    </CollabFormPage>
  );
}

function Meetings(props: GroupEditPageProps & { group: CollaborationGroup }) {
  const { lang, config, group } = props;
  const q = langQuery(lang);
  const meetings = [...group.meetings].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <h2>{t(lang, { sv: 'Möten och beslut', en: 'Meetings and decisions' })}</h2>
      <p>
        <a href={`${PATH}/grupper/${group.id}/moten/ny${q}`}>{t(lang, { sv: 'Lägg till ett möte', en: 'Add a meeting' })}</a>
      </p>
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li>
              <a href={`${PATH}/grupper/${group.id}/moten/${m.id}${q}`}>
                {t(lang, { sv: 'Möte', en: 'Meeting' })} {formatDate(`${m.date}T12:00:00+01:00`, lang)}
              </a>
              {m.decisions.length ? (
                <ul>
                  {m.decisions.map((d) => (
                    <li>
                      {d.text} – {orgName(config, d.responsible)} <span class="tag">{termLabel(PLAN_ITEM_STATUSES, d.status, lang)}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, { sv: 'Inga möten ännu.', en: 'No meetings yet.' })}</p>
      )}
    </>
  );
}

/** Props of `MeetingEditPage`. */
export interface MeetingEditPageProps extends CollabPageBase {
  readonly group: CollaborationGroup;
  readonly meeting?: Meeting;
  readonly etag: string;
  readonly values: CollabFormValues;
  readonly errors: readonly FormFieldError[];
  readonly stored?: CollabFormValues;
}

function meetingRows(props: MeetingEditPageProps, v: CollabFormValues): [Text, string][] {
  const f = v.fields;
  const decisions = [];
  for (let n = 0; `d${n}.text` in f; n++)
    decisions.push(
      `${f[`d${n}.text`]} – ${orgName(props.config, f[`d${n}.responsible`] ?? '')} ${f[`d${n}.deadline`] ?? ''} (${termLabel(PLAN_ITEM_STATUSES, f[`d${n}.status`] ?? '', props.lang)})`,
    );
  return [
    [{ sv: 'Datum', en: 'Date' }, f.date ?? ''],
    [{ sv: 'Dagordning', en: 'Agenda' }, f.agenda ?? ''],
    [{ sv: 'Länk till minnesanteckningar', en: 'Link to the minutes' }, f.minutesUrl ?? ''],
    [{ sv: 'Beslut', en: 'Decisions' }, decisions.join('\n')],
  ];
}

/** Add or edit one meeting of a group: date, agenda, minutes link and its decisions. */
export function MeetingEditPage(props: MeetingEditPageProps) {
  const { lang, config, values, errors, group, meeting } = props;
  const f = (name: string) => values.fields[name] ?? '';
  const base = `${PATH}/grupper/${group.id}/moten/${meeting?.id ?? 'ny'}`;
  const title = meeting
    ? t(lang, { sv: `Möte ${meeting.date}: ${group.name}`, en: `Meeting ${meeting.date}: ${group.name}` })
    : t(lang, { sv: `Lägg till ett möte: ${group.name}`, en: `Add a meeting: ${group.name}` });
  const statuses = PLAN_ITEM_STATUSES;
  return (
    <CollabFormPage
      {...props}
      title={title}
      path={base}
      back={{ href: `${PATH}/grupper/${group.id}`, text: { sv: 'Tillbaka till gruppen', en: 'Back to the group' } }}
      stored={props.stored ? meetingRows(props, props.stored) : undefined}
      submit={{ sv: 'Spara mötet', en: 'Save the meeting' }}
    >
      <Field lang={lang} name="date" label={{ sv: 'Datum', en: 'Date' }} hint={DATE_HINT} value={f('date')} errors={errors} required />
      <Field
        lang={lang}
        name="startsAt"
        label={{ sv: 'Starttid (valfri)', en: 'Start time (optional)' }}
        hint={{ sv: 'TT:MM, till exempel 13:00.', en: 'HH:MM, e.g. 13:00.' }}
        value={f('startsAt')}
        errors={errors}
      />
      <Field lang={lang} name="agenda" label={{ sv: 'Dagordning', en: 'Agenda' }} value={f('agenda')} errors={errors} multiline />
      <Field
        lang={lang}
        name="minutesUrl"
        label={{ sv: 'Länk till minnesanteckningar', en: 'Link to the minutes' }}
        value={f('minutesUrl')}
        errors={errors}
      />
      <h2>{t(lang, { sv: 'Beslut', en: 'Decisions' })}</h2>
      <p class="hint">
        {t(lang, {
          sv: 'Lämna en rad tom om den inte behövs. Ett tömt beslut tas bort.',
          en: 'Leave a row empty when not needed. A decision emptied is removed.',
        })}
      </p>
      {Array.from({ length: decisionRows(values) }, (_, n) => (
        <fieldset>
          <legend>{t(lang, { sv: `Beslut ${n + 1}`, en: `Decision ${n + 1}` })}</legend>
          <Field
            lang={lang}
            name={`d${n}.text`}
            label={{ sv: 'Vad som beslutades', en: 'What was decided' }}
            value={f(`d${n}.text`)}
            errors={errors}
          />
          <Select
            lang={lang}
            name={`d${n}.responsible`}
            label={{ sv: 'Ansvarig organisation', en: 'Responsible organisation' }}
            options={orgOptions(config)}
            value={f(`d${n}.responsible`) || (props.staff.org ?? '')}
            errors={errors}
          />
          <Field
            lang={lang}
            name={`d${n}.deadline`}
            label={{ sv: 'Senast (valfritt)', en: 'Deadline (optional)' }}
            hint={DATE_HINT}
            value={f(`d${n}.deadline`)}
            errors={errors}
          />
          <Select
            lang={lang}
            name={`d${n}.status`}
            label={{ sv: 'Status', en: 'Status' }}
            options={statuses}
            value={f(`d${n}.status`)}
            errors={errors}
          />
        </fieldset>
      ))}
    </CollabFormPage>
  );
}
