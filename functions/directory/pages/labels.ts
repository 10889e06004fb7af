import type { Text } from '../../core/i18n.js';

/** Texts shared by the directory's pages (Swedish first). */
export const TEXT = {
  title: { sv: 'Hitta stöd', en: 'Find support' },
  lead: {
    sv: 'Här hittar du vart du kan vända dig vid problem med alkohol, droger, läkemedel eller spel om pengar – som brukare, anhörig eller yrkesverksam.',
    en: 'Find where to turn with problems with alcohol, drugs, medicines or gambling – as a user, a relative or a professional.',
  },
  search: { sv: 'Sök', en: 'Search' },
  query: { sv: 'Vad söker du?', en: 'What are you looking for?' },
  queryHint: { sv: 'Till exempel mini maria, spel eller en ort.', en: 'For example mini maria, gambling or a place.' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  allMunicipalities: { sv: 'Alla kommuner', en: 'All municipalities' },
  targetGroup: { sv: 'För vem', en: 'For whom' },
  substance: { sv: 'Gäller', en: 'Concerns' },
  noReferral: { sv: 'Ingen remiss behövs', en: 'No referral needed' },
  openNow: { sv: 'Öppet nu', en: 'Open now' },
  age: { sv: 'Ålder', en: 'Age' },
  results: { sv: 'Resultat', en: 'Results' },
  none: { sv: 'Inga verksamheter matchar din sökning.', en: 'No services match your search.' },
  some: {
    sv: 'Ingen verksamhet matchar alla dina ord. Här är de som matchar några av dem.',
    en: 'No service matches all your words. These match some of them.',
  },
  more: { sv: 'Nästa sida', en: 'Next page' },
  previous: { sv: 'Föregående sida', en: 'Previous page' },
  browseHint: {
    sv: 'Här är alla verksamheter i området, i bokstavsordning. Sök eller välj filter ovan för att hitta det som passar dig.',
    en: 'These are all services of the area, in alphabetical order. Search or choose filters above to find what suits you.',
  },
  referral: { sv: 'Remiss', en: 'Referral' },
  referralNo: { sv: 'Ingen remiss behövs', en: 'No referral needed' },
  referralYes: { sv: 'Remiss krävs', en: 'Referral required' },
  referralUnknown: { sv: 'Uppgift saknas om remiss', en: 'Referral: not known' },
  contact: { sv: 'Kontakt', en: 'Contact' },
  lastVerified: { sv: 'Senast kontrollerad', en: 'Last verified' },
  notVerified: { sv: 'Uppgifterna är inte kontrollerade ännu.', en: 'The details have not been verified yet.' },
  source: { sv: 'Källa', en: 'Source' },
  planned: { sv: 'Planerad', en: 'Planned' },
  retired: { sv: 'Avvecklad', en: 'Closed' },
  groupsLink: { sv: 'Samverkansgrupper och överenskommelser', en: 'Collaboration groups and agreements' },
  nationalLines: { sv: 'Nationella stödlinjer', en: 'National support lines' },
} satisfies Record<string, Text>;
