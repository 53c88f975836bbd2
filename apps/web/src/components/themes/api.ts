import { graphql } from '../../gql';

export const ThemeFieldsFragment = graphql(`
  fragment ThemeFields on Theme {
    id
    label
    renamed
    keyPhrases
    size
    sectors {
      sector
      count
      share
      target
      underRepresented
    }
    smallSectors
    silentSectors
    stances {
      stance
      count
    }
    bridging
    divide
    trend
  }
`);

export const MeetingThemesQuery = graphql(`
  query MeetingThemes($id: ID!) {
    meeting(id: $id) {
      id
      themes {
        ...ThemeFields
      }
    }
  }
`);

export const RenameThemeMutation = graphql(`
  mutation RenameTheme($themeId: ID!, $label: String!) {
    renameTheme(themeId: $themeId, label: $label) {
      ...ThemeFields
    }
  }
`);

export const MergeThemesMutation = graphql(`
  mutation MergeThemes($themeIds: [ID!]!) {
    mergeThemes(themeIds: $themeIds) {
      ...ThemeFields
    }
  }
`);
