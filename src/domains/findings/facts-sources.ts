import type { DbOrTx } from '../../db/client.js';
import type { MatterFacts } from '../../rules/findings/matter-facts.js';

/** Facts of one matter, with who is answerable for it (for lists per unit and officer). */
export type MatterFactsWithOwners = { facts: MatterFacts; unitId?: string | null; officerIds?: string[] };

/**
 * Where the findings job gets facts. Each domain that holds facts about matters (matters,
 * AV records, legal review …) registers a source; the job asks them all. Registration happens
 * when the domain module is loaded, so the job needs no list of them.
 */
export type FactsSource = {
  name: string;
  /** Matters of the agency that may still have findings (not archived, or archived recently). */
  openMatterIds(db: DbOrTx, agencyId: string): Promise<string[]>;
  loadFacts(db: DbOrTx, agencyId: string, matterIds: string[]): Promise<MatterFactsWithOwners[]>;
};

const sources: FactsSource[] = [];

export function registerFactsSource(source: FactsSource) {
  if (!sources.some((s) => s.name === source.name)) sources.push(source);
}

export const factsSources = (): readonly FactsSource[] => sources;
