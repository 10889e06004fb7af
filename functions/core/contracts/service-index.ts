import * as z from 'zod';
import { defineContract } from './contract.js';
import { once } from '../once.js';

/** One service of the directory's public index: what the feedback form offers to choose from. */
export const serviceIndexRow = once(() =>
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** The municipality codes the service serves (the whole area when it names none). */
    municipalities: z.array(z.string()),
  }),
);

/** One row of `directory/public/service-index.json`. */
export type ServiceIndexRow = z.infer<ReturnType<typeof serviceIndexRow>>;

/**
 * `directory/public/service-index.json`: every service that is not retired, sorted by name.
 * Written by the directory on every change, read by the feedback form.
 */
export const serviceIndexContract = defineContract({
  key: 'directory/public/service-index.json',
  publisher: 'directory',
  readers: ['feedback'],
  schema: () => z.array(serviceIndexRow()),
  fixture: [
    { id: 'svc-beroendemottagning', name: 'Beroendemottagningen', municipalities: ['2380'] },
    { id: 'svc-stodsamtal', name: 'Stödsamtal för anhöriga', municipalities: ['2380', '2361'] },
  ],
});
