/** Every public read of the calendar, by what it shows, for a store seeded by `seedCalendar`. */
export const PUBLIC_READS: readonly string[] = [
  '/utbildningar',
  '/utbildningar?topic=mi&seatsLeft=true&lang=en',
  '/utbildningar/arshjul?year=2026',
  '/utbildningar/seed-3',
  '/utbildningar/seed-3.ics',
  '/utbildningar/avboka/seed-3/token-seed-3',
  '/utbildningar/kalender.ics',
  '/utbildningar/kalender.ics?topic=mi&lang=en',
  '/api/calendar/events',
  '/api/calendar/events?from=2026-04-01&to=2026-06-30&limit=10',
  '/api/calendar/events/seed-3',
  '/api/calendar/year?year=2026',
];
