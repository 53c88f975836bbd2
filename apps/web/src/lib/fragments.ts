import { graphql } from '../gql';

// Selections that several features ask for in exactly the same shape. Fragment masking is off
// (codegen.ts), so a spread fragment's fields are inlined into each operation's result type and
// the components read them as before; the client preset adds the fragment's definition to every
// document that spreads it.

/**
 * A whole tally, as the tally chart draws it and as `withLiveTally` writes a socket update into
 * the Apollo cache: every query that shows a live tally must select exactly these fields.
 */
export const TallyFieldsFragment = graphql(`
  fragment TallyFields on Tally {
    agree
    disagree
    abstain
    block
    total
    bySector {
      sector
      agree
      disagree
      abstain
      block
      total
      mergedSectors
    }
  }
`);

/** The process, the viewer's role in it and its pillars: the header of a page within a process. */
export const ProcessPillarsFieldsFragment = graphql(`
  fragment ProcessPillarsFields on Process {
    id
    title
    myMembership {
      id
      role
    }
    pillars {
      id
      position
      title
      titleEn
    }
  }
`);

/** A proposal's KPI as it is shown and edited. */
export const KpiFieldsFragment = graphql(`
  fragment KpiFields on Kpi {
    indicator
    baseline
    target
    deadline
  }
`);
