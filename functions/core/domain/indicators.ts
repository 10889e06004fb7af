import type { IndicatorDefinitionInput, IndicatorMeaningInput } from '../config/schema.js';

/** A default indicator: always with its definition. */
export type DefaultIndicator = IndicatorDefinitionInput & { readonly definition: IndicatorMeaningInput };

/**
 * The default follow-up indicators every area starts from: what the areas' documents say they
 * cannot measure today. A config may switch any off (`indicators.include`) and add its own.
 */
export const DEFAULT_INDICATORS: readonly DefaultIndicator[] = [
  {
    id: 'sip-established',
    sv: 'Upprättade samordnade individuella planer (SIP)',
    en: 'Coordinated individual plans (SIP) established',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender', 'age'],
    higherIsBetter: true,
    counting: 'single-reporter',
    definition: {
      counted: {
        sv: 'Samordnade individuella planer (SIP) där behov som rör missbruk eller beroende ingår och som upprättades under perioden: det första SIP-mötet har hållits och planen är dokumenterad. Varje plan räknas en gång, av den organisation som kallade till mötet; den andra parten anger bara att den deltog.',
        en: 'Coordinated individual plans (SIP) that include needs related to substance use or addiction and were established in the period: the first SIP meeting was held and the plan documented. Each plan is counted once, by the organisation that convened the meeting; the other party only states that it took part.',
      },
      reporter: 'convener',
      period: {
        sv: 'Kvartal: planer upprättade från kvartalets första till dess sista dag. Dagen för det första SIP-mötet avgör kvartalet.',
        en: 'Quarter: plans established from the first to the last day of the quarter. The day of the first SIP meeting decides the quarter.',
      },
      sourceSystem: {
        sv: 'Den kallande organisationens dokumentation: socialtjänstens verksamhetssystem, regionens patientjournal eller områdets gemensamma IT-stöd för SIP där ett sådant finns.',
        en: "The convening organisation's records: the social services' case system, the region's patient record, or the area's shared SIP IT support where there is one.",
      },
      limits: {
        sv: 'Uppföljningsmöten i en befintlig plan räknas inte. SIP utan dokumenterat behov som rör missbruk eller beroende ingår inte, så siffran är lägre än all SIP i området. Planer som en part utanför området kallat till saknas. Ingen Kolada-indikator motsvarar SIP inom missbruksvården.',
        en: 'Follow-up meetings of an existing plan are not counted. SIPs without a documented need related to substance use or addiction are left out, so the figure is lower than all SIPs in the area. Plans convened by a party outside the area are missing. No Kolada KPI corresponds to SIP in addiction care.',
      },
    },
  },
  {
    id: 'persons-in-treatment',
    sv: 'Personer med pågående insats för missbruk eller beroende',
    en: 'Persons with an ongoing intervention for substance use or addiction',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender', 'age', 'principal', 'substance'],
    koladaKpi: 'N35807',
    definition: {
      counted: {
        sv: 'Personer med minst en pågående insats för missbruk eller beroende den sista dagen i perioden: biståndsbedömd öppenvård eller placering inom socialtjänsten, behandling inom regionens beroendevård eller psykiatri. Varje person räknas en gång av varje organisation som rapporterar, under sin huvudsakliga substans enligt senaste bedömning.',
        en: "Persons with at least one ongoing intervention for substance use or addiction on the last day of the period: assessed open or residential interventions of the social services, treatment in the region's addiction care or psychiatry. Each person is counted once by each reporting organisation, under their main substance as last assessed.",
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal, bestånd: personer med pågående insats på kvartalets sista dag (31 mars, 30 juni, 30 september, 31 december).',
        en: 'Quarter, stock: persons with an ongoing intervention on the last day of the quarter (31 March, 30 June, 30 September, 31 December).',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem; regionens patientjournal (beroendemottagning och psykiatri).',
        en: "The social services' case system; the region's patient record (addiction clinic and psychiatry).",
      },
      limits: {
        sv: 'En person med insatser från både kommun och region räknas av båda: områdets summa är personer per huvudman, inte unika personer. Nedbrytningen per huvudman visar fördelningen. Kolada N35807 mäter kommunens individuellt behovsprövade öppna insatser den 1 november och går att jämföra med kommunernas del, inte med regionens.',
        en: "A person with interventions from both municipality and region is counted by both: the area sum is persons per principal, not unique persons. The principal breakdown shows the split. Kolada N35807 measures the municipality's individually assessed open interventions on 1 November and compares with the municipalities' part only, not the region's.",
      },
    },
  },
  {
    id: 'co-occurring-coordinated',
    sv: 'Personer med samsjuklighet som får samordnade insatser från både region och kommun',
    en: 'Persons with co-occurring disorders receiving coordinated interventions from both region and municipality',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender'],
    higherIsBetter: true,
    definition: {
      counted: {
        sv: 'Personer med både missbruk eller beroende och psykisk ohälsa (samsjuklighet) som under perioden fått insatser från både region och kommun enligt en gemensam plan (SIP eller motsvarande överenskommelse).',
        en: 'Persons with both substance use or addiction and a mental health condition (co-occurring disorders) who in the period received interventions from both region and municipality under a joint plan (SIP or an equivalent agreement).',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: personer som haft insatser från båda huvudmännen någon gång under kvartalet.',
        en: 'Quarter: persons who had interventions from both principals at some time in the quarter.',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem och regionens patientjournal; diagnos och behov enligt journal eller utredning.',
        en: "The social services' case system and the region's patient record; diagnosis and needs as recorded or assessed.",
      },
      limits: {
        sv: 'Samma person finns hos båda huvudmännen. Om både kommunen och regionen rapporterar räknas personen två gånger i områdets summa; områden bör låta en part rapportera. Samsjuklighet utan dokumenterad diagnos eller bedömning syns inte. Ingen Kolada-indikator motsvarar måttet.',
        en: 'The same person is known to both principals. If both the municipality and the region report, the person is counted twice in the area sum; areas should let one party report. Co-occurring disorders without a recorded diagnosis or assessment do not show. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'wait-days-first-visit',
    sv: 'Väntetid i dagar från första kontakt till första besök (median)',
    en: 'Waiting time in days from first contact to first visit (median)',
    unit: 'days',
    aggregate: 'median-of-reported',
    frequency: 'quarter',
    breakdown: [],
    higherIsBetter: false,
    definition: {
      counted: {
        sv: 'Median av antalet kalenderdagar från första kontakt (ansökan, egen anmälan eller remiss) till första besök för bedömning eller behandling, för personer som fick sitt första besök under perioden.',
        en: 'Median number of calendar days from first contact (application, self-referral or referral) to the first visit for assessment or treatment, for persons whose first visit was in the period.',
      },
      denominator: {
        sv: 'Antal personer som fick ett första besök under perioden (anges som antal personer bakom medianen).',
        en: 'Number of persons who had a first visit in the period (given as the number of persons behind the median).',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: första besök från kvartalets första till dess sista dag.',
        en: 'Quarter: first visits from the first to the last day of the quarter.',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem; regionens patientjournal eller tidbok.',
        en: "The social services' case system; the region's patient record or booking system.",
      },
      limits: {
        sv: 'Områdets värde är medianen av organisationernas medianer, inte medianen för alla personer. Personer som aldrig fick ett besök ingår inte. Kolada U35537 är ett poängvärde för tid till första personliga besök, inte dagar, och går inte att jämföra direkt.',
        en: "The area value is the median of the organisations' medians, not the median over all persons. Persons who never had a visit are left out. Kolada U35537 is a score for time to the first personal visit, not days, and does not compare directly.",
      },
    },
  },
  {
    id: 'structured-follow-up-share',
    sv: 'Andel avslutade insatser med strukturerad uppföljning (ASI, FIT, UngDok)',
    en: 'Share of completed interventions with structured outcome follow-up',
    unit: 'percent',
    aggregate: 'weighted-mean',
    frequency: 'quarter',
    weight: 'completed-interventions',
    breakdown: [],
    higherIsBetter: true,
    definition: {
      counted: {
        sv: 'Avslutade insatser för missbruk eller beroende där personens situation följts upp med ett strukturerat instrument (ASI, FIT eller UngDok) vid eller efter avslutet, i procent av alla avslutade insatser.',
        en: "Completed interventions for substance use or addiction where the person's situation was followed up with a structured instrument (ASI, FIT or UngDok) at or after completion, as a percentage of all completed interventions.",
      },
      denominator: {
        sv: 'Avslutade insatser under perioden (indikatorn Avslutade insatser).',
        en: 'Interventions completed in the period (the indicator Completed interventions).',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: insatser avslutade från kvartalets första till dess sista dag.',
        en: 'Quarter: interventions completed from the first to the last day of the quarter.',
      },
      sourceSystem: {
        sv: 'ASI-, FIT- eller UngDok-registreringar och verksamhetssystemets avslutsdatum.',
        en: "ASI, FIT or UngDok records and the case system's completion dates.",
      },
      limits: {
        sv: 'Anger att en uppföljning gjordes, inte vad den visade. Insatser som avbröts utan kontakt ingår i nämnaren. Ingen Kolada-indikator motsvarar måttet.',
        en: 'Says that a follow-up was made, not what it showed. Interventions ended without contact are in the denominator. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'completed-interventions',
    sv: 'Avslutade insatser',
    en: 'Completed interventions',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['substance', 'intervention'],
    definition: {
      counted: {
        sv: 'Insatser för missbruk eller beroende som avslutades under perioden, planerat eller avbrutet. En person med två avslutade insatser räknas två gånger. Varje insats räknas under en typ (den insatsen huvudsakligen är) och personens huvudsakliga substans.',
        en: "Interventions for substance use or addiction that ended in the period, as planned or broken off. A person with two completed interventions is counted twice. Each intervention is counted under one type (what it mainly is) and the person's main substance.",
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: flöde under kvartalet, från dess första till dess sista dag. Datumet då insatsen avslutades avgör kvartalet.',
        en: 'Quarter: a flow over the quarter, from its first to its last day. The day the intervention ended decides the quarter.',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem; regionens patientjournal.',
        en: "The social services' case system; the region's patient record.",
      },
      limits: {
        sv: 'Räknar insatser, inte personer. Vad som är en avslutad insats skiljer sig mellan verksamhetssystem. Används som nämnare för andelen med strukturerad uppföljning.',
        en: 'Counts interventions, not persons. What counts as a completed intervention differs between case systems. Used as the denominator of the share with structured follow-up.',
      },
    },
  },
  {
    id: 'completed-interventions-followed-up',
    sv: 'Avslutade insatser med strukturerad uppföljning, efter resultat',
    en: 'Completed interventions with a structured follow-up, by result',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['outcome', 'substance', 'intervention'],
    higherIsBetter: true,
    definition: {
      counted: {
        sv: 'Avslutade insatser för missbruk eller beroende där personens situation följts upp med ett strukturerat instrument (ASI, UngDok eller FIT) vid eller efter avslutet och jämförts med bedömningen vid start. Resultatet anges som förbättrad, oförändrad eller försämrad enligt instrumentets samlade jämförelse. Varje insats räknas en gång, under en typ av insats och personens huvudsakliga substans.',
        en: "Completed interventions for substance use or addiction where the person's situation was followed up with a structured instrument (ASI, UngDok or FIT) at or after completion and compared with the assessment at the start. The result is given as improved, unchanged or worse by the instrument's overall comparison. Each intervention is counted once, under one type of intervention and the person's main substance.",
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: insatser avslutade från kvartalets första till dess sista dag. Avslutsdatumet avgör kvartalet, även om uppföljningen görs senare.',
        en: 'Quarter: interventions completed from the first to the last day of the quarter. The completion date decides the quarter, even when the follow-up is made later.',
      },
      sourceSystem: {
        sv: 'ASI-intervjuer (grund- och uppföljningsintervju), UngDok för unga, FIT-skattningar (ORS) från första och sista sessionen; verksamhetssystemets avslutsdatum.',
        en: "ASI interviews (baseline and follow-up), UngDok for young people, FIT ratings (ORS) from the first and last session; the case system's completion dates.",
      },
      limits: {
        sv: 'Bara insatser som följts upp ingår: de som avbröts utan kontakt saknas, så resultatet är troligen bättre än för alla avslutade insatser (jämför med Avslutade insatser). Instrumenten mäter olika saker och jämförs inte med varandra. Resultatet visar förändring under insatsen, inte att insatsen orsakade den. Ingen Kolada-indikator motsvarar måttet.',
        en: 'Only interventions that were followed up are counted: those broken off without contact are missing, so the result is likely better than for all completed interventions (compare with Completed interventions). The instruments measure different things and are not compared with each other. The result shows change during the intervention, not that the intervention caused it. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'relatives-supported',
    sv: 'Anhöriga som fått stöd',
    en: 'Relatives who received support',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender', 'age'],
    higherIsBetter: true,
    definition: {
      counted: {
        sv: 'Anhöriga till personer med missbruk eller beroende som fått stöd (samtal, grupp eller program som CRAFT) under perioden. Varje anhörig räknas en gång per organisation och period.',
        en: 'Relatives of persons with substance use or addiction who received support (talks, groups or programmes such as CRAFT) in the period. Each relative is counted once per organisation and period.',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: anhöriga som fått stöd någon gång under kvartalet.',
        en: 'Quarter: relatives who received support at some time in the quarter.',
      },
      sourceSystem: {
        sv: 'Verksamhetens egen registrering; anhörigstöd dokumenteras ofta utan akt, så källan varierar.',
        en: "The service's own register; support to relatives is often given without a case file, so the source varies.",
      },
      limits: {
        sv: 'Anonymt stöd kan inte räknas per person och kan räknas två gånger om den anhöriga får stöd från flera organisationer. Ingen Kolada-indikator motsvarar måttet.',
        en: 'Anonymous support cannot be counted per person and may be counted twice if the relative gets support from several organisations. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'youth-reached',
    sv: 'Unga som fått insats vid mottagning för unga (till exempel Mini-Maria)',
    en: 'Young people who received an intervention at a youth reception',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender'],
    definition: {
      counted: {
        sv: 'Unga (till och med 25 år) som fått en insats vid en mottagning för unga med riskbruk eller missbruk, till exempel Maria-mottagning eller Mini-Maria, under perioden.',
        en: 'Young people (up to and including age 25) who received an intervention at a reception for young people with risky use or substance use, such as a Maria or Mini-Maria reception, in the period.',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: unga med minst ett besök med insats under kvartalet.',
        en: 'Quarter: young people with at least one visit with an intervention in the quarter.',
      },
      sourceSystem: {
        sv: 'Mottagningens journal eller verksamhetssystem; UngDok där det används.',
        en: "The reception's record or case system; UngDok where it is used.",
      },
      limits: {
        sv: 'Mottagningar som drivs gemensamt ska rapporteras av en part, annars räknas de unga två gånger. Unga som får insats på annat håll ingår inte. Ingen Kolada-indikator motsvarar måttet.',
        en: 'Jointly run receptions should be reported by one party, otherwise the young people are counted twice. Young people helped elsewhere are left out. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'older-adults-in-treatment',
    sv: 'Personer 65 år och äldre med insats för missbruk eller beroende',
    en: 'Persons aged 65 and over with an intervention for substance use or addiction',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender'],
    definition: {
      counted: {
        sv: 'Personer 65 år och äldre med minst en pågående insats för missbruk eller beroende den sista dagen i perioden (en delmängd av Personer med pågående insats).',
        en: 'Persons aged 65 and over with at least one ongoing intervention for substance use or addiction on the last day of the period (a subset of Persons with an ongoing intervention).',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal, bestånd: ålder och pågående insats på kvartalets sista dag.',
        en: 'Quarter, stock: age and ongoing intervention on the last day of the quarter.',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem; regionens patientjournal.',
        en: "The social services' case system; the region's patient record.",
      },
      limits: {
        sv: 'Samma begränsning som för Personer med pågående insats: en person med insatser från både kommun och region räknas av båda. Missbruk som hanteras inom äldreomsorgen utan särskild insats syns inte.',
        en: 'The same limit as for Persons with an ongoing intervention: a person with interventions from both municipality and region is counted by both. Substance use handled within elderly care without a specific intervention does not show.',
      },
    },
  },
  {
    id: 'gambling-treatment',
    sv: 'Personer i behandling för spel om pengar',
    en: 'Persons in treatment for gambling',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['gender'],
    definition: {
      counted: {
        sv: 'Personer med pågående stöd eller behandling för spel om pengar någon gång under perioden.',
        en: 'Persons with ongoing support or treatment for gambling at some time in the period.',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: personer med minst en kontakt för spelproblem under kvartalet.',
        en: 'Quarter: persons with at least one contact for gambling problems in the quarter.',
      },
      sourceSystem: {
        sv: 'Socialtjänstens verksamhetssystem; regionens patientjournal (diagnos F63.0 där den ställts).',
        en: "The social services' case system; the region's patient record (diagnosis F63.0 where given).",
      },
      limits: {
        sv: 'En person som får stöd från både kommun och region räknas av båda. Stöd via nationella hjälplinjer ingår inte. Ingen Kolada-indikator motsvarar måttet.',
        en: 'A person supported by both municipality and region is counted by both. Support through national helplines is left out. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'integrated-receptions',
    sv: 'Integrerade mottagningar som drivs gemensamt av region och kommun',
    en: 'Integrated receptions run jointly by region and municipality',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'year',
    breakdown: [],
    higherIsBetter: true,
    counting: 'single-reporter',
    definition: {
      counted: {
        sv: 'Mottagningar för missbruk, beroende eller samsjuklighet som region och kommun driver gemensamt, med gemensam lokal, personal från båda huvudmännen och en skriftlig överenskommelse, i drift den sista dagen i året. Varje mottagning räknas en gång, av den part som enligt överenskommelsen är värd; den andra parten anger bara att den deltar.',
        en: 'Receptions for substance use, addiction or co-occurring disorders that region and municipality run jointly, with shared premises, staff of both principals and a written agreement, open on the last day of the year. Each reception is counted once, by the party that hosts it under the agreement; the other party only states that it takes part.',
      },
      reporter: 'convener',
      period: {
        sv: 'År, bestånd: mottagningar i drift den 31 december.',
        en: 'Year, stock: receptions open on 31 December.',
      },
      sourceSystem: {
        sv: 'Överenskommelsen mellan huvudmännen.',
        en: 'The agreement between the principals.',
      },
      limits: {
        sv: 'Säger inget om mottagningens storlek eller öppettider. Ingen Kolada-indikator motsvarar måttet.',
        en: "Says nothing about the reception's size or opening hours. No Kolada KPI corresponds.",
      },
    },
  },
  {
    id: 'staff-trained',
    sv: 'Medarbetare som deltagit i gemensam utbildning, per ämne',
    en: 'Staff who attended joint training, by topic',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['topic'],
    derived: 'calendar-attendance',
    definition: {
      counted: {
        sv: 'Deltagare som närvarat vid gemensamma utbildningar i kalendern under perioden, per ämne. En medarbetare som går två utbildningar räknas två gånger.',
        en: 'Participants who attended joint training events in the calendar in the period, by topic. A member of staff attending two events is counted twice.',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: utbildningstillfällen med startdag inom kvartalet.',
        en: 'Quarter: training events starting within the quarter.',
      },
      sourceSystem: {
        sv: 'Kalendertjänstens närvaroregistrering; hämtas automatiskt, rapporteras inte för hand.',
        en: "The calendar service's attendance records; filled automatically, not reported by hand.",
      },
      limits: {
        sv: 'Räknar närvaro, inte unika personer. Utbildningar som inte finns i kalendern ingår inte. Ingen Kolada-indikator motsvarar måttet.',
        en: 'Counts attendance, not unique persons. Training not in the calendar is left out. No Kolada KPI corresponds.',
      },
    },
  },
  {
    id: 'feedback-received',
    sv: 'Synpunkter från brukare och anhöriga, per målbild',
    en: 'Feedback from users and relatives, by goal image',
    unit: 'count',
    aggregate: 'sum',
    frequency: 'quarter',
    breakdown: ['malbild'],
    derived: 'feedback',
    definition: {
      counted: {
        sv: 'Synpunkter från brukare och anhöriga som lämnats via synpunktstjänsten under perioden, per målbild.',
        en: 'Feedback from users and relatives given through the feedback service in the period, by goal image.',
      },
      reporter: 'both',
      period: {
        sv: 'Kvartal: synpunkter inlämnade från kvartalets första till dess sista dag.',
        en: 'Quarter: feedback given from the first to the last day of the quarter.',
      },
      sourceSystem: {
        sv: 'Synpunktstjänsten; hämtas automatiskt, rapporteras inte för hand.',
        en: 'The feedback service; filled automatically, not reported by hand.',
      },
      limits: {
        sv: 'Visar vilka som valt att lämna synpunkter, inte ett urval. Synpunkter som lämnas på annat sätt ingår inte. Ingen Kolada-indikator motsvarar måttet; U35538–U35544 är brukarbedömningar från en enkät.',
        en: 'Shows who chose to give feedback, not a sample. Feedback given in other ways is left out. No Kolada KPI corresponds; U35538–U35544 are user assessments from a survey.',
      },
    },
  },
];
