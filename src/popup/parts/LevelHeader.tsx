import { textOf } from '../../core/i18n';
import type { Level } from '../../core/levels';
import type { Assessment } from '../../core/risk/types';
import { useT } from '../../ui/i18n-context';

const MARKS: Record<Level, string> = { low: 'i', medium: '!', high: '!!', 'very-high': '!!!' };

/** The level in words, mark and colour (never colour alone), then the one-sentence summary. */
export function LevelHeader({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const words = t(`level_${assessment.level.replace('-', '_')}`);
  return (
    <section class={`level level-${assessment.level}`} aria-labelledby="level-words">
      <span class="mark" aria-hidden="true">
        {MARKS[assessment.level]}
      </span>
      <div>
        <p id="level-words" class="level-words" data-testid="level" data-level={assessment.level}>
          {t('popup_level', [words])}
        </p>
        <p class="summary" data-testid="summary">
          {textOf(assessment.summary, t)}
        </p>
      </div>
    </section>
  );
}
