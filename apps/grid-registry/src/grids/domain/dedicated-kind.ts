import type { dedicatedKinds } from '@gridline/contracts';

/** What a dedicated grid (专属网格) serves: a school, hospital, market, company or something else. */
export type DedicatedKind = (typeof dedicatedKinds)[number];
