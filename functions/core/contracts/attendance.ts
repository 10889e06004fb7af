import * as z from 'zod';
import { QUARTER } from '../period.js';
import { defineContract } from './contract.js';
import { once } from '../once.js';

/** One row of the calendar's public attendance file: confirmed seats per organisation, quarter and topic. */
export const attendanceRow = once(() =>
  z.object({
    org: z.string().min(1),
    period: z.string().regex(QUARTER),
    topic: z.string().min(1),
    count: z.number().int().min(0),
  }),
);

/** One row of `calendar/public/attendance.json`. */
export type AttendanceRow = z.infer<ReturnType<typeof attendanceRow>>;

/**
 * `calendar/public/attendance.json`: confirmed registrations of trainings that were not cancelled.
 * Written by the calendar, read by indicators (the `calendar-attendance` derived indicator).
 */
export const attendanceContract = defineContract({
  key: 'calendar/public/attendance.json',
  publisher: 'calendar',
  readers: ['indicators'],
  schema: () => z.array(attendanceRow()),
  fixture: [
    { org: '2380', period: '2026-Q3', topic: 'mi', count: 3 },
    { org: 'region', period: '2026-Q3', topic: 'mi', count: 1 },
  ],
});
