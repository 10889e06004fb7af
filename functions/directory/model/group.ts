import * as z from 'zod';
import { singleLine } from '../../core/text/index.js';
import { optionalMultiLine, type Stamp } from './service.js';

const orgRef = z.string().regex(/^(\d{4}|[a-z][a-z0-9-]{0,62})$/, 'A municipality code or a region unit id');

/** The fields staff send for a collaboration group (samverkansgrupp). */
export const groupInputSchema = z.strictObject({
  name: singleLine(160),
  mandate: optionalMultiLine(1000),
  members: z.array(orgRef).max(100).default([]),
  contactRole: singleLine(160).optional(),
  meetingRhythm: singleLine(160).optional(),
  status: z.enum(['active', 'retired']).default('active'),
  source: singleLine(400).optional(),
  verified: z.boolean().default(false),
});
/** What staff send for a group. */
export type GroupInput = z.output<typeof groupInputSchema>;

/** A stored collaboration group. */
export interface CollaborationGroup extends Omit<GroupInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
}

/** The fields staff send for an agreement (överenskommelse). `ends: null` = until further notice. */
export const agreementInputSchema = z.strictObject({
  title: singleLine(240),
  parties: z.array(orgRef).max(100).default([]),
  starts: z.iso.date().optional(),
  ends: z.iso.date().nullable().default(null),
  documentUrl: z.url({ protocol: /^https?$/ }).optional(),
  note: optionalMultiLine(1000),
  status: z.enum(['active', 'retired']).default('active'),
  source: singleLine(400).optional(),
  verified: z.boolean().default(false),
});
/** What staff send for an agreement. */
export type AgreementInput = z.output<typeof agreementInputSchema>;

/** A stored agreement. */
export interface Agreement extends Omit<AgreementInput, 'verified'> {
  readonly id: string;
  readonly created: Stamp;
  readonly updated: Stamp;
  readonly verified?: Stamp;
}
