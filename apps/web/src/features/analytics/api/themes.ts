import { graphql } from '../../../gql';

export const ProcessThemesQuery = graphql(`
  query ProcessThemes($id: ID!, $pillarId: ID) {
    process(id: $id) {
      id
      pillars {
        id
        position
        title
        titleEn
      }
      themes(pillarId: $pillarId) {
        ...ThemeFields
      }
    }
  }
`);
