import { textOf } from '../i18n';
import type { Assessment } from './types';

type Translate = (key: string, params: string[]) => string;

/** The assessment as plain text, in the interface language: what `npm run assess` prints. */
export function describeAssessment(assessment: Assessment, translate: Translate): string {
  const level = translate(`level_${assessment.level.replace('-', '_')}`, []);
  const category = translate(`category_${(assessment.site?.category ?? 'unknown').replace('-', '_')}`, []);
  const name = assessment.site?.name ?? assessment.host;
  const lines = [
    `${name} (${category}): ${translate('warning_title', [level])}`,
    textOf(assessment.summary, translate),
    '',
    `${translate('popup_why', [])}:`,
  ];
  for (const factor of assessment.factors) {
    lines.push(`  - ${textOf(factor.reason, translate)}`);
    for (const evidence of factor.evidence) {
      const where = [evidence.source, evidence.reviewed && `reviewed ${evidence.reviewed}`].filter(Boolean).join(', ');
      const scope = [evidence.where && `only in ${evidence.where.join(', ')}`, evidence.outside && `except ${evidence.outside.join(', ')}`, evidence.operator && `${evidence.operator}'s terms`]
        .filter(Boolean)
        .join('; ');
      lines.push(`      · ${textOf(evidence.text, translate)}${scope ? ` [${scope}]` : ''}${where ? ` (${where})` : ''}`);
    }
  }
  if (assessment.actions.length > 0) {
    lines.push('', `${translate('popup_what_now', [])}:`);
    for (const action of assessment.actions) {
      const details = [action.path, action.url].filter(Boolean).join(' — ');
      lines.push(`  - ${textOf(action.text, translate)}${details ? ` (${details})` : ''}`);
    }
  }
  if (assessment.elsewhere.length > 0) {
    const regions = assessment.regions.length > 0 ? assessment.regions.join(', ') : 'no listed region';
    lines.push('', `${translate('popup_elsewhere', [String(assessment.elsewhere.length)])} — not counted for ${regions}:`);
    for (const fact of assessment.elsewhere) {
      const scope = [fact.where && `only in ${fact.where.join(', ')}`, fact.outside && `except ${fact.outside.join(', ')}`].filter(Boolean).join('; ');
      lines.push(`  - ${fact.text} [${scope}] (${fact.source}, reviewed ${fact.reviewed})`);
    }
  }
  return lines.join('\n');
}
