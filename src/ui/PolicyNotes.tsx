import type { PolicyProblem } from '../core/policy';
import { useT } from '../ui/i18n-context';

/** Under a control an organisation set: why it cannot be changed here. */
export function PolicyNote() {
  const t = useT();
  return (
    <p class="policy-note" data-testid="policy-note">
      {t('policy_set_by_organisation')}
    </p>
  );
}

/** Values in the organisation's policy that Afterlife could not use, each by name and why; nothing else changes. */
export function PolicyProblems({ problems }: { problems: readonly PolicyProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div class="note" role="note" data-testid="policy-problems">
      <p>{t('policy_problems_intro')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <code>{problem.key}</code>: {t(`policy_problem_${problem.reason.replace(/-/g, '_')}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
