import * as z from 'zod';
import { BASELINE_PERIOD } from '../domain/goal-baseline.js';
import { SUBSTANCES, TARGET_GROUPS } from '../domain/vocabulary.js';

/**
 * The county config schema: the single source of truth for config types, validation messages
 * and the generated `config/county.schema.json`. Every message is bilingual (see `bilingual`).
 */

/** Separates the Swedish and the English text inside one zod message. */
export const MESSAGE_SEPARATOR = '\u241f';

/** A zod message carrying a Swedish and an English text; `splitMessage` takes it apart. */
export function bilingual(sv: string, en: string): { message: string } {
  return { message: `${sv}${MESSAGE_SEPARATOR}${en}` };
}

/** The Swedish and English parts of a message made by `bilingual`, if it is one. */
export function splitMessage(message: string): { sv: string; en: string } | undefined {
  const [sv, en] = message.split(MESSAGE_SEPARATOR);
  return en === undefined || sv === undefined ? undefined : { sv, en };
}

const text = (max = 200) => z.string().trim().min(1).max(max);
const id = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,62}$/,
    bilingual('Ska vara små bokstäver a–z, siffror och bindestreck.', 'Must be lower-case a–z, digits and hyphens.'),
  );
const municipalityCode = z
  .string()
  .regex(
    /^\d{4}$/,
    bilingual(
      'En kommunkod är fyra siffror inom citattecken, till exempel "2380".',
      'A municipality code is four digits in quotes, e.g. "2380".',
    ),
  );
const termSchema = z.strictObject({ id, sv: text(), en: text() });

/** A vocabulary term given in config (id, Swedish and English label). */
export type TermInput = z.infer<typeof termSchema>;

const municipalitySchema = z.strictObject({ code: municipalityCode, name: text(80) });
const regionUnitSchema = z.strictObject({ id, name: text(120) });
const partOfCountySchema = z.strictObject({ id, name: text(120), municipalities: z.array(municipalityCode).min(1) });

/** Who runs a seeded unit. */
const principalId = z.enum(['region', 'municipality', 'joint', 'civil-society', 'private', 'state']);

/** Where a seeded fact comes from: a file of the area's source documents and a passage quoted from it. */
const seedSourceSchema = z.strictObject({
  document: z
    .string()
    .regex(
      /^[\w.-]+\.txt$/,
      bilingual(
        'Filnamnet på källdokumentet, till exempel 003_c033900fa3dc0081.txt.',
        'The source file name, e.g. 003_c033900fa3dc0081.txt.',
      ),
    ),
  passage: text(400),
});
/** A seeded fact's source. */
export type SeedSource = z.output<typeof seedSourceSchema>;
const orgRef = z.union([municipalityCode, id]);
const seedUnitSchema = z.strictObject({
  name: text(160),
  principal: principalId,
  /** The organisation that keeps the entry (a region unit id, `region` or a municipality code); default: `municipality`, else `region`. */
  organization: orgRef.optional(),
  municipality: municipalityCode.optional(),
  ages: text(80).optional(),
  note: text(600).optional(),
  status: z.enum(['active', 'planned']).default('active'),
  /** Every municipality the unit serves, when more than the one it is in (one unit may serve several). */
  municipalities: z.array(municipalityCode).optional(),
  referralRequired: z.boolean().optional(),
  targetGroups: z.array(z.enum(TARGET_GROUPS.map((t) => t.id) as [string, ...string[]])).optional(),
  substances: z.array(z.enum(SUBSTANCES.map((t) => t.id) as [string, ...string[]])).optional(),
  source: seedSourceSchema.optional(),
});
/** The status of a seeded plan item or decision. */
const seedItemStatus = z.enum(['ej-paborjad', 'pagar', 'klar', 'skjuten-upp', 'stoppad']).default('ej-paborjad');
/** A seeded meeting of a group, with the decisions the source records (not its minutes). */
const seedMeetingSchema = z.strictObject({
  date: z.iso.date(),
  agenda: text(600).optional(),
  decisions: z
    .array(
      z.strictObject({
        text: text(600),
        responsible: orgRef,
        deadline: z.iso.date().optional(),
        status: seedItemStatus,
      }),
    )
    .default([]),
  source: seedSourceSchema.optional(),
});
/** A seeded meeting. */
export type SeedMeeting = z.output<typeof seedMeetingSchema>;
const seedGroupSchema = z.strictObject({
  name: text(160),
  note: text(600).optional(),
  level: z.enum(['politisk', 'strategisk', 'operativ', 'arbetsgrupp']).optional(),
  reportsTo: text(160).optional().describe('Namnet på gruppen den rapporterar till. / The name of the group it reports to.'),
  members: z.array(orgRef).default([]),
  memberRoles: z.array(z.strictObject({ organization: orgRef, role: text(160) })).default([]),
  convenes: orgRef.optional(),
  meetingRhythm: text(160).optional(),
  meetings: z.array(seedMeetingSchema).max(100).default([]).describe('Möten med beslut. / Meetings with their decisions.'),
  source: seedSourceSchema.optional(),
});
/**
 * A goal ("mål och mått") of a seeded agreement, linked to indicators of the area. Agreements mostly
 * state a direction without a number: then `target` is left out (never invented) and the goal is
 * judged against a baseline (`baseline`, else the first released period since the agreement applies).
 */
const seedGoalSchema = z.strictObject({
  text: text(400),
  indicators: z.array(id).min(1).max(10).describe('Indikatorernas id. / The ids of the indicators that follow the goal.'),
  target: z
    .number()
    .finite()
    .optional()
    .describe('Målvärdet, bara om källan anger ett. / The target value, only when the source states one.'),
  direction: z.enum(['increase', 'decrease', 'maintain']),
  baseline: z
    .string()
    .regex(BASELINE_PERIOD, bilingual('En period som 2015, 2015-Q1 eller 2015-03.', 'A period such as 2015, 2015-Q1 or 2015-03.'))
    .optional()
    .describe('Utgångsperioden för ett mål utan målvärde. / The baseline period of a goal without a target.'),
  source: seedSourceSchema.optional(),
});
/** A goal of a seeded agreement. */
export type SeedGoal = z.output<typeof seedGoalSchema>;

const seedAgreementSchema = z.strictObject({
  name: text(240),
  parties: z.array(orgRef).default([]),
  partyRoles: z.array(z.strictObject({ organization: orgRef, role: text(160) })).default([]),
  owner: orgRef.optional(),
  starts: z.iso.date().optional(),
  ends: z.iso.date().nullable().default(null),
  lifecycle: z
    .array(
      z.strictObject({ status: z.enum(['under-utarbetande', 'pa-remiss', 'gallande', 'under-revidering', 'upphort']), date: z.iso.date() }),
    )
    .default([]),
  note: text(600).optional(),
  groups: z
    .array(text(160))
    .default([])
    .describe(
      'Namnen på grupperna som äger och följer upp överenskommelsen. / The names of the groups that own and follow up the agreement.',
    ),
  goals: z.array(seedGoalSchema).max(50).default([]).describe('Mål och mått. / Goals and measures.'),
  source: seedSourceSchema.optional(),
});
const seedPlanSchema = z.strictObject({
  title: text(240),
  owner: orgRef,
  /** The name of the seeded group, or of the seeded agreement, the plan belongs to (exactly one). */
  group: text(160).optional(),
  agreement: text(240).optional(),
  items: z
    .array(
      z.strictObject({
        what: text(400),
        responsible: orgRef,
        start: z.iso.date().optional(),
        deadline: z.iso.date().optional(),
        status: seedItemStatus,
      }),
    )
    .default([]),
  source: seedSourceSchema.optional(),
});
/** A seeded action plan. */
export type SeedPlan = z.output<typeof seedPlanSchema>;

const unit = z.enum(['count', 'percent', 'days', 'ratio']);
const aggregate = z.enum(['sum', 'median-of-reported', 'weighted-mean']);
const frequency = z.enum(['month', 'quarter', 'year']);
const breakdown = z.enum(['gender', 'age', 'principal', 'topic', 'malbild', 'substance', 'intervention', 'outcome']);
const suppressionSchema = z.strictObject({
  minCount: z.int().min(1).max(100).default(5),
  minDenominator: z.int().min(1).max(1000).default(10),
});

/** The documented default protection width (docs/indicators.md, "The rule"). */
export const DEFAULT_PROTECTION = { lower: 3, upper: 3 } as const;
/** The narrowest protection width check-config accepts. */
export const MIN_PROTECTION = 2;
const protectionSchema = z.strictObject({
  lower: z.int().max(50).default(DEFAULT_PROTECTION.lower),
  upper: z.int().max(50).default(DEFAULT_PROTECTION.upper),
});
/** When releases are made: the reporting deadline and the revision schedule. */
export const DEFAULT_RELEASE = { deadlineDays: 30, revisionIntervalDays: 90, scheduled: true } as const;
const releaseSchema = z.strictObject({
  deadlineDays: z.int().min(0).max(365).default(DEFAULT_RELEASE.deadlineDays),
  revisionIntervalDays: z.int().min(1).max(3650).default(DEFAULT_RELEASE.revisionIntervalDays),
  scheduled: z.boolean().default(DEFAULT_RELEASE.scheduled),
});

const definitionText = (max: number) => z.strictObject({ sv: text(max), en: text(max) });

/** Who reports an indicator: a municipality, a region unit, both, or the organisation that convened (SIP). */
export const REPORTERS = ['municipality', 'region', 'both', 'convener'] as const;
/**
 * How cases are counted so that none is counted twice: `each-own` (every organisation reports its own
 * cases; the area total is their sum) or `single-reporter` (a joint measure: exactly one party, the
 * convening organisation, reports each case; the other reports participation only, or nothing).
 */
export const COUNTING_RULES = ['each-own', 'single-reporter'] as const;

/** What an indicator means: shown on its page, in the CSV template, the reporting API and the exports. */
const indicatorMeaningSchema = z.strictObject({
  /** What is counted (the numerator). */
  counted: definitionText(600),
  /** The denominator, for shares and other ratios. */
  denominator: definitionText(400).optional(),
  reporter: z.enum(REPORTERS),
  /** The period and the reference date (a flow over the period, or a stock on a day). */
  period: definitionText(400),
  /** The source system the figure is taken from, where one exists. */
  sourceSystem: definitionText(400),
  /** Known limits of the figure. */
  limits: definitionText(1000),
});

/** An indicator's definition as written in config. */
export type IndicatorMeaningInput = z.input<typeof indicatorMeaningSchema>;
/** An indicator's definition. */
export type IndicatorMeaning = z.output<typeof indicatorMeaningSchema>;

const indicatorDefinitionSchema = z.strictObject({
  id,
  sv: text(240),
  en: text(240),
  descriptionSv: text(2000).optional(),
  descriptionEn: text(2000).optional(),
  unit,
  aggregate,
  weight: id.optional(),
  frequency,
  breakdown: z.array(breakdown).default([]),
  higherIsBetter: z.boolean().optional(),
  koladaKpi: z
    .string()
    .regex(/^[NU]\d{5}$/, bilingual('Ett Kolada-id ser ut som N35001 eller U35537.', 'A Kolada KPI id looks like N35001 or U35537.'))
    .optional(),
  source: z.enum(['manual', 'SBR', 'UngDok', 'ASI', 'FIT', 'Kolada', 'derived']).default('manual'),
  derived: z.enum(['calendar-attendance', 'feedback']).optional(),
  suppression: suppressionSchema.partial().optional(),
  /** Required for every indicator; check-config names a custom indicator that lacks one. */
  definition: indicatorMeaningSchema.optional(),
  counting: z.enum(COUNTING_RULES).default('each-own'),
});

/** An area's own indicator: its definition is required, and check-config says so by key and line. */
const customIndicatorSchema = indicatorDefinitionSchema.extend({
  definition: z.strictObject(indicatorMeaningSchema.shape, {
    error: (issue) =>
      issue.input === undefined
        ? bilingual(
            'En egen indikator måste ha en definition: counted, reporter, period, sourceSystem och limits på svenska och engelska (se docs/indicators.md).',
            'An own indicator must have a definition: counted, reporter, period, sourceSystem and limits in Swedish and English (see docs/indicators.md).',
          ).message
        : undefined,
  }),
});

/**
 * A goal the area sets for an indicator (e.g. from an agreement's "mål och mått"): the target
 * value of the area figure, whether it must be at least or at most that, and the year it is for.
 */
const goalSchema = z.strictObject({
  indicator: id,
  target: z.number().min(0).max(1_000_000_000),
  direction: z.enum(['at-least', 'at-most']),
  year: z.int().min(2000).max(2100),
});

/** An area goal of an indicator. */
export type IndicatorGoal = z.output<typeof goalSchema>;

/** An indicator definition as written in config or in the defaults. */
export type IndicatorDefinitionInput = z.input<typeof indicatorDefinitionSchema>;
/** An indicator definition after defaults are applied. */
export type IndicatorDefinition = z.output<typeof indicatorDefinitionSchema>;

/** The top-level shape; cross-field rules are added in `countyConfigSchema`. */
const baseSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: text(80).describe('Områdets namn som invånare ser det. / The area name people see.'),
  kind: z.enum(['county', 'subregion']).describe('county: ett län; subregion: en del av ett län. / A county or a subregion.'),
  countyCode: z
    .string()
    .regex(
      /^\d{2}$/,
      bilingual('Länskoden är två siffror inom citattecken, till exempel "23".', 'The county code is two digits in quotes, e.g. "23".'),
    ),
  region: z.strictObject({
    name: text(120),
    units: z.array(regionUnitSchema).default([]),
  }),
  municipalities: z
    .array(municipalitySchema)
    .min(1)
    .describe('Kommunerna i samarbetet med kommunkod inom citattecken. / The municipalities with their codes.'),
  areas: z
    .array(partOfCountySchema)
    .default([])
    .describe('Länsdelar som används i uppföljningen. / Parts of the county used in follow-up.'),
  languages: z
    .array(
      z
        .string()
        .regex(
          /^[a-z]{2,3}$/,
          bilingual(
            'Ett språk anges med sin ISO 639-kod, till exempel sv, en, fi, se, fit.',
            'A language is its ISO 639 code, e.g. sv, en, fi, se, fit.',
          ),
        ),
    )
    .default(['sv', 'en'])
    .describe('Språk som verksamheter kan erbjuda stöd på; sv och en krävs. / Languages services may be offered in.'),
  branding: z.strictObject({
    siteName: text(120),
    colour: z
      .string()
      .regex(
        /^#[0-9a-fA-F]{6}$/,
        bilingual('En färg skrivs som #RRGGBB, till exempel "#005a8c".', 'A colour is written #RRGGBB, e.g. "#005a8c".'),
      ),
    logoText: text(60),
  }),
  aws: z
    .strictObject({
      account: z
        .string()
        .regex(/^\d{12}$/, bilingual('Ett AWS-konto är tolv siffror inom citattecken.', 'An AWS account is twelve digits in quotes.'))
        .optional(),
      region: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, bilingual('En AWS-region ser ut som eu-north-1.', 'An AWS region looks like eu-north-1.'))
        .default('eu-north-1'),
      customDomain: z
        .strictObject({
          domainName: z
            .string()
            .regex(
              /^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/,
              bilingual('Ett domännamn, till exempel stod.regionjh.se.', 'A domain name, e.g. stod.regionjh.se.'),
            ),
          certificateArn: z
            .string()
            .regex(
              /^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/,
              bilingual('ARN för ett certifikat i AWS Certificate Manager.', 'The ARN of an AWS Certificate Manager certificate.'),
            ),
        })
        .optional(),
      throttle: z
        .strictObject({
          rateLimit: z.int().min(1).max(10000).default(50),
          burstLimit: z.int().min(1).max(5000).default(100),
        })
        .default({ rateLimit: 50, burstLimit: 100 }),
      budget: z
        .strictObject({
          monthlyUsd: z.number().positive().max(100000).describe('Månadsbudget i USD. / Monthly budget in USD.'),
          email: z
            .email(
              bilingual(
                'En giltig e-postadress behövs, till exempel it@region.se.',
                'A valid e-mail address is needed, e.g. it@region.se.',
              ),
            )
            .optional(),
        })
        .optional()
        .describe('Kostnadsvarning från AWS Budgets. / A cost alert from AWS Budgets.'),
      staffEmail: z
        .strictObject({
          from: z.email(
            bilingual(
              'En giltig e-postadress behövs, till exempel noreply@region.se.',
              'A valid e-mail address is needed, e.g. noreply@region.se.',
            ),
          ),
          name: text(80).optional(),
          sesRegion: z
            .string()
            .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, bilingual('En AWS-region ser ut som eu-north-1.', 'An AWS region looks like eu-north-1.'))
            .optional(),
        })
        .optional()
        .describe('Personalens e-post via SES från en egen adress. / Staff e-mail through SES from an own address.'),
      dashboard: z.boolean().default(false).describe('En CloudWatch-översikt för området. / A CloudWatch dashboard for the area.'),
    })
    .default({ region: 'eu-north-1', throttle: { rateLimit: 50, burstLimit: 100 }, dashboard: false }),
  alarmEmail: z.email(
    bilingual('En giltig e-postadress behövs, till exempel it@region.se.', 'A valid e-mail address is needed, e.g. it@region.se.'),
  ),
  modules: z
    .strictObject({
      directory: z.boolean().default(true),
      calendar: z.boolean().default(true),
      indicators: z.boolean().default(true),
      feedback: z.boolean().default(true),
    })
    .default({ directory: true, calendar: true, indicators: true, feedback: true }),
  retention: z.strictObject({
    feedbackDays: z.int().min(30).max(3650),
    contactDays: z.int().min(1).max(90).default(30),
    registrationDays: z.int().min(1).max(730),
    oldVersionsDays: z.int().min(1).max(3650).default(90),
  }),
  directory: z
    .strictObject({
      synonyms: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
      contactEmailDomains: z
        .array(
          z
            .string()
            .regex(
              /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/,
              bilingual(
                'Ett domännamn, eventuellt med *. först för underdomäner, till exempel *.regionostergotland.se.',
                'A domain name, optionally starting with *. for subdomains, e.g. *.regionostergotland.se.',
              ),
            ),
        )
        .default([])
        .describe(
          'Domäner som namngivna kontakters e-post i samverkansgrupper får ha. / Work e-mail domains allowed for named contacts of collaboration groups.',
        ),
      seed: z
        .strictObject({
          source: text(400).optional(),
          units: z.array(seedUnitSchema).default([]),
          groups: z.array(seedGroupSchema).default([]),
          agreements: z.array(seedAgreementSchema).default([]),
          plans: z.array(seedPlanSchema).default([]),
        })
        .default({ units: [], groups: [], agreements: [], plans: [] }),
    })
    .default({ synonyms: {}, contactEmailDomains: [], seed: { units: [], groups: [], agreements: [], plans: [] } }),
  calendar: z
    .strictObject({
      extraTopics: z.array(termSchema).default([]),
    })
    .default({ extraTopics: [] }),
  indicators: z
    .strictObject({
      include: z.union([z.literal('all'), z.array(id)]).default('all'),
      custom: z.array(customIndicatorSchema).default([]),
      suppression: suppressionSchema.default({ minCount: 5, minDenominator: 10 }),
      protection: protectionSchema.default(DEFAULT_PROTECTION),
      release: releaseSchema.default(DEFAULT_RELEASE),
      goals: z.array(goalSchema).default([]).describe('Områdets mål per indikator. / The area goals per indicator.'),
    })
    .default({
      include: 'all',
      custom: [],
      suppression: { minCount: 5, minDenominator: 10 },
      protection: DEFAULT_PROTECTION,
      release: DEFAULT_RELEASE,
      goals: [],
    }),
  feedback: z
    .strictObject({
      maxTextLength: z.int().min(200).max(10000).default(2000),
      extraCategories: z.array(termSchema).default([]),
    })
    .default({ maxTextLength: 2000, extraCategories: [] }),
});

/** The config as written in YAML (optional keys may be absent). */
export type CountyConfigInput = z.input<typeof baseSchema>;
/** The validated config with every default applied: what the code receives. */
export type CountyConfig = z.output<typeof baseSchema>;

export { baseSchema as countyConfigShape };
