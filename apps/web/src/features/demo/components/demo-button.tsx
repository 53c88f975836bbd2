import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../../gql';
import { sessionChanged } from '../../../lib/session';
import { createDemo, type DemoStep } from '../seed.ts';

const DemoSignInMutation = graphql(`
  mutation DemoSignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      participant {
        id
      }
    }
  }
`);

/**
 * First run: builds the みなと川市 demo workshop through the public API (a dozen accounts,
 * proposals, comments, a decided proposal and a live meeting), then signs this browser in as
 * its organiser. Takes a few seconds; progress is announced politely.
 */
export function DemoButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<DemoStep | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [signIn] = useMutation(DemoSignInMutation);
  const running = step !== null && step !== 'done';

  async function handleClick() {
    setFailure(null);
    setStep('accounts');
    try {
      const demo = await createDemo({ baseUrl: '', onProgress: (s) => setStep(s) });
      const organiser = demo.credentials[0];
      if (!organiser) throw new Error('no organiser');
      const res = await signIn({ variables: { email: organiser.email, password: organiser.password } });
      if (!res.data) throw new Error('sign-in failed');
      sessionChanged('signed-in');
      await client.resetStore();
      await navigate(`/p/${demo.processId}?demo=1`);
    } catch (e) {
      setStep(null);
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="stack">
      <div>
        <button type="button" className="btn btn--primary btn--big" onClick={() => void handleClick()} disabled={running} aria-describedby="demo-status">
          {running ? t('demo.running') : t('demo.create')}
        </button>
      </div>
      <p id="demo-status" role="status" aria-live="polite" className="muted small">
        {step && step !== 'done' ? t(`demo.step.${step}`) : ''}
      </p>
      {failure && (
        <p role="alert" className="form-error">
          {t('demo.failed', { message: failure })}
        </p>
      )}
    </div>
  );
}
