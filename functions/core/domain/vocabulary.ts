/**
 * Controlled vocabularies shared by every area (ids are stable so data compares across areas).
 * Source: the field's vocabulary (målbilder from SOU 2021:93, principals, care levels, target groups,
 * substances, severity levels, training topics). Areas may extend lists in their config.
 */

/** A term of a controlled vocabulary: a stable id with Swedish and English labels. */
export interface Term {
  readonly id: string;
  readonly sv: string;
  readonly en: string;
}

/** The ten goal images (målbilder) of SOU 2021:93 "Från delar till helhet". */
export const MALBILDER: readonly Term[] = [
  {
    id: 'tidig-hjalp',
    sv: 'Tidig hjälp med psykisk ohälsa och missbruk',
    en: 'Early help with mental ill-health and substance use',
  },
  {
    id: 'respekt',
    sv: 'Bli lyssnad på, få förståelse och bli behandlad med samma respekt som andra',
    en: 'Being listened to, understood and treated with the same respect as others',
  },
  {
    id: 'latt-att-hitta',
    sv: 'Stöd och vård som är lätt att hitta, komma i kontakt med och som är tillgänglig när jag behöver den',
    en: 'Support and care that are easy to find and reach, and available when I need them',
  },
  {
    id: 'egen-formaga',
    sv: 'Bli stärkt i min egen förmåga att hantera min situation och ha inflytande över min vård och omsorg',
    en: 'Strengthened in my own ability to handle my situation, with influence over my care',
  },
  {
    id: 'fungerande-behandling',
    sv: 'Tillgång till fungerande behandling och möjlighet att välja utifrån det som passar mig',
    en: 'Access to effective treatment and a choice of what suits me',
  },
  {
    id: 'meningsfull-vardag',
    sv: 'En fungerande vardag och ett meningsfullt sammanhang',
    en: 'A working everyday life and a meaningful context',
  },
  {
    id: 'helhet',
    sv: 'Stöd och vård som hänger ihop som en helhet',
    en: 'Support and care that hang together as a whole',
  },
  {
    id: 'en-person',
    sv: 'En person som jag kan lita på och som följer med i hela processen',
    en: 'One person I can trust who follows me through the whole process',
  },
  {
    id: 'inte-utestangd',
    sv: 'Inte bli utestängd från stöd och vård och få hjälp med både beroende och psykisk ohälsa',
    en: 'Not being shut out, and getting help with both addiction and mental ill-health',
  },
  {
    id: 'mitt-natverk',
    sv: 'Att vården och omsorgen lyssnar på, involverar och ger stöd till mitt nätverk',
    en: 'Care that listens to, involves and supports my network',
  },
];

/** Who runs a service (huvudman). */
export const PRINCIPALS: readonly Term[] = [
  {
    id: 'region',
    sv: 'Region (hälso- och sjukvård)',
    en: 'Region (health care)',
  },
  {
    id: 'municipality',
    sv: 'Kommun (socialtjänst)',
    en: 'Municipality (social services)',
  },
  {
    id: 'joint',
    sv: 'Gemensam verksamhet region och kommun',
    en: 'Joint region and municipality',
  },
  {
    id: 'civil-society',
    sv: 'Idéburen organisation eller brukarorganisation',
    en: 'Non-profit or user organisation',
  },
  {
    id: 'private',
    sv: 'Privat utförare',
    en: 'Private provider',
  },
  {
    id: 'state',
    sv: 'Statlig myndighet',
    en: 'State agency',
  },
];

/** Where in the care system a service sits. */
export const CARE_LEVELS: readonly Term[] = [
  {
    id: 'primary-care',
    sv: 'Primärvård (vårdcentral)',
    en: 'Primary care',
  },
  {
    id: 'specialist-addiction',
    sv: 'Specialiserad beroendevård',
    en: 'Specialist addiction care',
  },
  {
    id: 'specialist-psychiatry',
    sv: 'Specialistpsykiatri',
    en: 'Specialist psychiatry',
  },
  {
    id: 'social-services-ifo',
    sv: 'Socialtjänst, individ- och familjeomsorg',
    en: 'Social services, individual and family care',
  },
  {
    id: 'social-services-elderly',
    sv: 'Socialtjänst, äldreomsorg',
    en: 'Social services, elderly care',
  },
  {
    id: 'social-services-disability',
    sv: 'Socialtjänst, funktionshinder och socialpsykiatri',
    en: 'Social services, disability and social psychiatry',
  },
  {
    id: 'youth-school',
    sv: 'Elevhälsa och ungdomsmottagning',
    en: 'School health and youth clinic',
  },
  {
    id: 'civil-society',
    sv: 'Civilsamhälle och stödgrupper',
    en: 'Civil society and support groups',
  },
];

/** Whom a service is for. */
export const TARGET_GROUPS: readonly Term[] = [
  {
    id: 'adults',
    sv: 'Vuxna',
    en: 'Adults',
  },
  {
    id: 'youth',
    sv: 'Unga',
    en: 'Young people',
  },
  {
    id: 'relatives',
    sv: 'Anhöriga och närstående',
    en: 'Relatives and significant others',
  },
  {
    id: 'children-as-relatives',
    sv: 'Barn som anhöriga',
    en: 'Children as relatives',
  },
  {
    id: 'co-occurring',
    sv: 'Samsjuklighet (beroende och psykisk ohälsa)',
    en: 'Co-occurring addiction and mental illness',
  },
  {
    id: 'older-adults',
    sv: 'Äldre (65 år och äldre)',
    en: 'Older adults (65+)',
  },
  {
    id: 'women-vulnerable',
    sv: 'Kvinnor i särskilt utsatt situation',
    en: 'Women in particularly vulnerable situations',
  },
  {
    id: 'pregnant',
    sv: 'Gravida',
    en: 'Pregnant women',
  },
  {
    id: 'opioid-dependence',
    sv: 'Opioidberoende (LARO)',
    en: 'Opioid dependence (medication-assisted treatment)',
  },
  {
    id: 'injecting',
    sv: 'Personer som injicerar droger',
    en: 'People who inject drugs',
  },
  {
    id: 'professionals',
    sv: 'Yrkesverksamma (konsultation)',
    en: 'Professionals (consultation)',
  },
];

/** What the problem concerns. */
export const SUBSTANCES: readonly Term[] = [
  {
    id: 'alcohol',
    sv: 'Alkohol',
    en: 'Alcohol',
  },
  {
    id: 'narcotics',
    sv: 'Narkotika',
    en: 'Narcotics',
  },
  {
    id: 'medicines',
    sv: 'Beroendeframkallande läkemedel',
    en: 'Addictive medicines',
  },
  {
    id: 'gambling',
    sv: 'Spel om pengar',
    en: 'Gambling',
  },
  {
    id: 'doping',
    sv: 'Dopningsmedel',
    en: 'Doping substances',
  },
  {
    id: 'tobacco',
    sv: 'Tobak och nikotin',
    en: 'Tobacco and nicotine',
  },
];

/**
 * Types of intervention for indicator breakdowns (one type per intervention: the one it mainly is).
 * `mi` and `laro` share their ids with the training topics of the same name.
 */
export const INTERVENTION_TYPES: readonly Term[] = [
  { id: 'mi', sv: 'Motiverande samtal (MI)', en: 'Motivational interviewing (MI)' },
  { id: 'relapse-prevention', sv: 'Återfallsprevention', en: 'Relapse prevention' },
  { id: 'cra', sv: 'Community Reinforcement Approach (CRA)', en: 'Community Reinforcement Approach (CRA)' },
  { id: 'twelve-step', sv: 'Tolvstegsbehandling (12-steg)', en: 'Twelve-step treatment' },
  { id: 'laro', sv: 'Läkemedelsassisterad behandling (LARO)', en: 'Medication-assisted treatment (LARO)' },
  { id: 'psychosocial', sv: 'Annan psykosocial behandling', en: 'Other psychosocial treatment' },
  { id: 'other', sv: 'Annan insats', en: 'Other intervention' },
];

/** The result of a structured follow-up (ASI, UngDok, FIT) against the assessment at the start. */
export const FOLLOW_UP_OUTCOMES: readonly Term[] = [
  { id: 'improved', sv: 'Förbättrad', en: 'Improved' },
  { id: 'unchanged', sv: 'Oförändrad', en: 'Unchanged' },
  { id: 'worse', sv: 'Försämrad', en: 'Worse' },
];

/** How severe the difficulties are. */
export const SEVERITY_LEVELS: readonly Term[] = [
  {
    id: 'mild',
    sv: 'Lindriga svårigheter',
    en: 'Mild difficulties',
  },
  {
    id: 'moderate',
    sv: 'Medelsvåra svårigheter',
    en: 'Moderate difficulties',
  },
  {
    id: 'severe',
    sv: 'Stora och omfattande svårigheter',
    en: 'Severe and extensive difficulties',
  },
];

/** Topics of the joint training programme (kompetenshjul). */
export const TRAINING_TOPICS: readonly Term[] = [
  {
    id: 'mi',
    sv: 'Motiverande samtal (MI)',
    en: 'Motivational interviewing',
  },
  {
    id: 'asi',
    sv: 'ASI',
    en: 'Addiction Severity Index',
  },
  {
    id: 'screening',
    sv: 'Screening med AUDIT och DUDIT',
    en: 'Screening with AUDIT and DUDIT',
  },
  {
    id: 'sip',
    sv: 'Samordnad individuell plan (SIP)',
    en: 'Coordinated individual plan',
  },
  {
    id: 'lvm',
    sv: 'LVM-lagstiftningen',
    en: 'The compulsory care act (LVM)',
  },
  {
    id: 'guidelines',
    sv: 'Nationella riktlinjer för missbruk och beroende',
    en: 'National guidelines for addiction care',
  },
  {
    id: 'co-occurring',
    sv: 'Samsjuklighet',
    en: 'Co-occurring disorders',
  },
  {
    id: 'case-management',
    sv: 'Case management och ACT',
    en: 'Case management and ACT',
  },
  {
    id: 'relatives',
    sv: 'Anhörigstöd',
    en: 'Support to relatives',
  },
  {
    id: 'gambling',
    sv: 'Spel om pengar',
    en: 'Gambling',
  },
  {
    id: 'laro',
    sv: 'Läkemedelsassisterad behandling (LARO)',
    en: 'Medication-assisted treatment',
  },
  {
    id: 'follow-up',
    sv: 'Uppföljning (FIT, UngDok, SBR)',
    en: 'Outcome follow-up',
  },
  {
    id: 'youth',
    sv: 'Unga och missbruk',
    en: 'Young people and substance use',
  },
  {
    id: 'older-adults',
    sv: 'Äldre och missbruk',
    en: 'Older adults and substance use',
  },
  {
    id: 'stigma',
    sv: 'Bemötande och stigma',
    en: 'Attitudes and stigma',
  },
];

/** Age bands used in indicator breakdowns. */
export const AGE_BANDS = ['0-17', '18-25', '26-64', '65+'] as const;

/** The level of a collaboration group (samverkansnivå), from politics down to working groups. */
export const GROUP_LEVELS: readonly Term[] = [
  { id: 'politisk', sv: 'Politisk nivå', en: 'Political level' },
  { id: 'strategisk', sv: 'Strategisk nivå', en: 'Strategic level' },
  { id: 'operativ', sv: 'Operativ nivå', en: 'Operational level' },
  { id: 'arbetsgrupp', sv: 'Arbetsgrupp', en: 'Working group' },
];

/** Where an agreement (överenskommelse) is in its life cycle. */
export const AGREEMENT_STATUSES: readonly Term[] = [
  { id: 'under-utarbetande', sv: 'Under utarbetande', en: 'Being drafted' },
  { id: 'pa-remiss', sv: 'På remiss', en: 'Out for consultation' },
  { id: 'gallande', sv: 'Gällande', en: 'In force' },
  { id: 'under-revidering', sv: 'Under revidering', en: 'Under revision' },
  { id: 'upphort', sv: 'Upphört', en: 'Ended' },
];

/** How far an action-plan item or a decision has come. */
export const PLAN_ITEM_STATUSES: readonly Term[] = [
  { id: 'ej-paborjad', sv: 'Ej påbörjad', en: 'Not started' },
  { id: 'pagar', sv: 'Pågår', en: 'In progress' },
  { id: 'klar', sv: 'Klar', en: 'Done' },
  { id: 'skjuten-upp', sv: 'Skjuten upp', en: 'Postponed' },
  { id: 'stoppad', sv: 'Stoppad', en: 'Stopped' },
];
