import { useMutation } from '@apollo/client/react';
import { BALLOTS, BALLOT_LABELS, DECISION_RULES, RULE_DEFAULTS, RULE_LABELS, type Ballot, type DecisionRule } from '@yoriai/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/status';
import { useLang } from '../../../lib/i18n';
import { ConsoleProposalQuery, OpenVotingMutation } from '../api/console';

function defaultThreshold(rule: DecisionRule): string {
  return String(Math.round(RULE_DEFAULTS[rule].threshold * 1000) / 10);
}

/** Rule, threshold, ballot and (for 産官学金労言合意) the minimum number of sectors. */
export function OpenVotingForm({ proposalId, defaultRule, defaultBallot }: { proposalId: string; defaultRule: DecisionRule; defaultBallot: Ballot }) {
  const { t } = useTranslation();
  const { label, lang } = useLang();
  const [rule, setRule] = useState<DecisionRule>(defaultRule);
  const [threshold, setThreshold] = useState(defaultThreshold(defaultRule));
  const [minSectors, setMinSectors] = useState(String(RULE_DEFAULTS.CROSS_SECTOR.minSectors));
  const [ballot, setBallot] = useState<Ballot>(defaultBallot);
  const [open, { loading, error }] = useMutation(OpenVotingMutation, { refetchQueries: [ConsoleProposalQuery] });

  function handleRule(next: DecisionRule) {
    setRule(next);
    setThreshold(defaultThreshold(next));
  }

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    // An untouched default is left to the server, which holds it exactly (2/3 is not 66.7%).
    const share = threshold === defaultThreshold(rule) ? null : Number.parseFloat(threshold) / 100;
    await open({
      variables: {
        input: {
          proposalId,
          rule,
          ballot,
          ...(rule !== 'MAJORITY' && share !== null && Number.isFinite(share) ? { threshold: share } : {}),
          ...(rule === 'CROSS_SECTOR' ? { minSectors: Number.parseInt(minSectors, 10) } : {}),
        },
      },
    }).catch(() => null);
  }

  return (
    <form className="stack" onSubmit={(e) => void handleSubmit(e)} aria-labelledby="open-voting-title">
      <h3 id="open-voting-title">{t('console.openVoting')}</h3>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="vote-rule">{t('console.rule')}</label>
          <select id="vote-rule" className="select" value={rule} onChange={(e) => handleRule(e.target.value as DecisionRule)} aria-describedby="vote-rule-desc">
            {DECISION_RULES.map((r) => (
              <option key={r} value={r}>
                {label(RULE_LABELS[r])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vote-ballot">{t('console.ballot')}</label>
          <select id="vote-ballot" className="select" value={ballot} onChange={(e) => setBallot(e.target.value as Ballot)}>
            {BALLOTS.map((b) => (
              <option key={b} value={b}>
                {label(BALLOT_LABELS[b])}
              </option>
            ))}
          </select>
        </div>
        {rule !== 'MAJORITY' && (
          <div className="field">
            <label htmlFor="vote-threshold">{t('console.threshold')}</label>
            <input id="vote-threshold" className="input" type="number" min={1} max={100} step={0.1} inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </div>
        )}
        {rule === 'CROSS_SECTOR' && (
          <div className="field">
            <label htmlFor="vote-min-sectors">{t('console.minSectors')}</label>
            <input id="vote-min-sectors" className="input" type="number" min={1} max={7} inputMode="numeric" value={minSectors} onChange={(e) => setMinSectors(e.target.value)} />
          </div>
        )}
      </div>
      <p id="vote-rule-desc" className="muted small">
        {lang === 'ja' ? RULE_LABELS[rule].descriptionJa : RULE_LABELS[rule].descriptionEn}
      </p>
      <ErrorMessage error={error} />
      <div>
        <button type="submit" className="btn btn--primary btn--big" disabled={loading}>
          {t('console.openVotingButton')}
        </button>
      </div>
    </form>
  );
}
