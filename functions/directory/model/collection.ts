import { serviceIndexContract, type ServiceIndexRow } from '../../core/contracts/service-index.js';
import type { Agreement, CollaborationGroup } from './group.js';
import type { ActionPlan } from './plan.js';
import type { Service } from './service.js';

/** The store key of the whole directory: a small collection read whole and cached by ETag. */
export const COLLECTION_KEY = 'directory/data/collection.json';
/** The public index other services read (see `serviceIndexContract`). */
export const SERVICE_INDEX_KEY = serviceIndexContract.key;
/** Prefix of the explicit change history (one object per committed change, unique keys). */
export const HISTORY_PREFIX = 'directory/history/';

/** Everything the directory stores, in one object. */
export interface Collection {
  readonly schemaVersion: 1;
  readonly seededAt?: string;
  /** Grows by one with every write; orders the history. */
  readonly revision?: number;
  /** The history object of the change that wrote this version. */
  readonly change?: string;
  readonly services: readonly Service[];
  readonly groups: readonly CollaborationGroup[];
  readonly agreements: readonly Agreement[];
  readonly plans: readonly ActionPlan[];
}

/** The kinds of entries staff edit. */
export type EntryKind = 'services' | 'groups' | 'agreements' | 'plans';

/** One entry of the public service index. */
export type ServiceIndexEntry = ServiceIndexRow;
