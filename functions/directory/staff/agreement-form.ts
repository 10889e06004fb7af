import { agreementInputSchema, type Agreement, type AgreementInput } from '../model/group.js';
import {
  COMMON_TEXTS,
  checkedInput,
  entryInput,
  optional,
  postedFields,
  postedRoles,
  rolesOf,
  rolesText,
  type CollabFormValues,
  type FieldTexts,
} from './collab-form.js';
import type { FormFieldError } from './service-form.js';

/** The single fields of the agreement form (`newStatus` and `statusDate` add a dated status change). */
export const AGREEMENT_FIELDS = [
  'title',
  'owner',
  'starts',
  'ends',
  'reviewDate',
  'documentUrl',
  'note',
  'newStatus',
  'statusDate',
] as const;
/**
 * The fields of one goal row (`g<n>.<field>`); `more` carries further indicators the form does not show.
 * A goal without a target states only its direction and may name the `baseline` period it is judged against.
 */
export const GOAL_FIELDS = ['text', 'indicator', 'target', 'direction', 'more', 'baseline'] as const;
/** Empty goal rows offered below an agreement's goals. */
export const NEW_GOAL_ROWS = 1;

/** Texts of the agreement form's fields. */
export const AGREEMENT_TEXTS: FieldTexts = {
  title: { sv: 'Skriv överenskommelsens namn (högst 240 tecken).', en: 'Enter the title of the agreement (at most 240 characters).' },
  parties: {
    sv: 'Välj minst en part som du får ändra för (din egen organisation).',
    en: 'Choose at least one party you may edit for (your own organisation).',
  },
  starts: COMMON_TEXTS.date!,
  ends: {
    sv: 'Skriv slutdatum som ÅÅÅÅ-MM-DD, tidigast startdatum; tomt = tills vidare.',
    en: 'Enter the end as YYYY-MM-DD, not before the start; empty = until further notice.',
  },
  reviewDate: COMMON_TEXTS.date!,
  statusDate: {
    sv: 'Skriv datum för statusändringen som ÅÅÅÅ-MM-DD, inte före den förra ändringen.',
    en: 'Enter the date of the status change as YYYY-MM-DD, not before the previous change.',
  },
  documentUrl: COMMON_TEXTS.url!,
  target: {
    sv: 'Skriv målvärdet som ett tal, till exempel 75 eller 2,5, eller lämna tomt när överenskommelsen bara anger riktning (då Öka eller Minska).',
    en: 'Enter the target as a number, e.g. 75 or 2.5, or leave it empty when the agreement states only a direction (then Increase or Decrease).',
  },
  baseline: {
    sv: 'Skriv utgångsperioden som 2015, 2015-Q1 eller 2015-03, bara för ett mål utan målvärde; tomt = första publicerade perioden sedan överenskommelsen började gälla.',
    en: 'Enter the baseline period as 2015, 2015-Q1 or 2015-03, only for a goal without a target; empty = the first period released since the agreement applies.',
  },
  indicator: { sv: 'Välj en indikator från områdets indikatorer.', en: "Choose an indicator from the area's indicators." },
  text: { sv: 'Skriv målet (högst 400 tecken).', en: 'Enter the goal (at most 400 characters).' },
};

/** A stored agreement as form text. */
export function formFromAgreement(a: Agreement): CollabFormValues {
  const fields: Record<string, string> = {
    title: a.title,
    owner: a.owner ?? '',
    starts: a.starts ?? '',
    ends: a.ends ?? '',
    reviewDate: a.reviewDate ?? '',
    documentUrl: a.documentUrl ?? '',
    note: a.note ?? '',
    ...rolesText(a.partyRoles),
  };
  a.goals.forEach((g, n) =>
    Object.assign(fields, {
      [`g${n}.text`]: g.text,
      [`g${n}.indicator`]: g.indicators[0] ?? '',
      [`g${n}.target`]: g.target === undefined ? '' : String(g.target),
      [`g${n}.direction`]: g.direction,
      [`g${n}.more`]: g.indicators.slice(1).join(','),
      [`g${n}.baseline`]: g.baseline ?? '',
    }),
  );
  return { fields, orgs: a.parties };
}

/** How many goal rows a form shows. */
export function goalRows(values: CollabFormValues): number {
  let n = 0;
  while (`g${n}.text` in values.fields) n++;
  return n + NEW_GOAL_ROWS;
}

/** The form text of a posted agreement form (empty goal rows dropped). */
export function agreementFormFromPost(form: URLSearchParams, orgs: readonly string[]): CollabFormValues {
  const fields = { ...postedFields(form, AGREEMENT_FIELDS), ...postedRoles(form, orgs) };
  let row = 0;
  for (let n = 0; n < 50 + NEW_GOAL_ROWS; n++) {
    const typed = GOAL_FIELDS.map((f) => form.get(`g${n}.${f}`) ?? '');
    if (!typed[0]!.trim() && !typed[2]!.trim()) continue;
    GOAL_FIELDS.forEach((f, i) => (fields[`g${row}.${f}`] = typed[i]!));
    row++;
  }
  return { fields, orgs: form.getAll('parties') };
}

/** The stored agreement as input again. */
export const agreementInputOf = (a: Agreement): Omit<AgreementInput, 'verified'> => entryInput(a);

/** The form name of an API path of an agreement (`goals.1.indicators.0` → `g1.indicator`). */
export function agreementField(path: string, partyRoles: readonly { organization: string }[] = []): string {
  const [head, index, sub] = path.split('.');
  if (head === 'partyRoles') return `role.${partyRoles[Number(index)]?.organization ?? ''}`;
  if (head === 'organization') return 'parties';
  if (head === 'lifecycle') return sub === 'status' ? 'newStatus' : 'statusDate';
  if (head === 'goals') return `g${index}.${sub === 'indicators' ? 'indicator' : (sub ?? 'text')}`;
  return head ?? 'title';
}

/** A number typed the Swedish or the English way, or the text itself (which the schema refuses). */
const number = (text: string) => {
  const n = Number(text.trim().replace(/\s/g, '').replace(',', '.'));
  return text.trim() && Number.isFinite(n) ? n : text;
};

/**
 * The agreement input of the form over `base` (stored status changes kept, the new one appended),
 * checked with the API's schema and `check`; or the form's errors.
 */
export function agreementFromForm(
  values: CollabFormValues,
  base: Partial<AgreementInput>,
  allOrgs: readonly string[],
  check: (input: AgreementInput) => void,
): { input: AgreementInput } | { errors: FormFieldError[] } {
  const f = values.fields;
  const goals = [];
  for (let n = 0; `g${n}.text` in f; n++) {
    const more = (f[`g${n}.more`] ?? '').split(',').filter(Boolean);
    const target = optional(f[`g${n}.target`]);
    const baseline = optional(f[`g${n}.baseline`]);
    const text = (f[`g${n}.text`] ?? '').trim();
    const stored = base.goals?.find((g) => g.text === text);
    goals.push({
      text,
      indicators: [f[`g${n}.indicator`] ?? '', ...more].filter(Boolean),
      ...(target !== undefined ? { target: number(target) } : {}),
      direction: f[`g${n}.direction`] ?? '',
      ...(baseline !== undefined ? { baseline } : {}),
      // the passage a seeded goal rests on is kept while the goal keeps its words
      ...(stored?.source !== undefined ? { source: stored.source } : {}),
    });
  }
  const before = base.lifecycle ?? [];
  const extra: FormFieldError[] = [];
  const newStatus = optional(f.newStatus);
  if (!newStatus && optional(f.statusDate))
    extra.push({ field: 'newStatus', sv: 'Välj den nya statusen för datumet.', en: 'Choose the new status for the date.' });
  const lifecycle = newStatus ? [...before, { status: newStatus, date: (f.statusDate ?? '').trim() }] : before;
  const partyRoles = rolesOf(f, allOrgs);
  const raw = {
    ...base,
    title: f.title ?? '',
    owner: optional(f.owner),
    starts: optional(f.starts),
    ends: optional(f.ends) ?? null,
    reviewDate: optional(f.reviewDate),
    documentUrl: optional(f.documentUrl),
    note: f.note ?? '',
    parties: values.orgs,
    partyRoles,
    lifecycle,
    goals,
    verified: false,
  };
  return checkedInput(
    (r) => agreementInputSchema().safeParse(r),
    raw,
    check,
    (p) => agreementField(p, partyRoles),
    AGREEMENT_TEXTS,
    extra,
  );
}
