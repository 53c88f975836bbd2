import { graphql } from '../../../gql';

export const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      participant {
        id
        displayName
        kind
      }
    }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      participant {
        id
        displayName
        kind
      }
    }
  }
`);
