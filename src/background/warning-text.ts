import { textOf } from '../core/i18n';
import type { Assessment } from '../core/risk/types';
import type { Translate } from '../shared/i18n';
import type { WarningText } from '../shared/protocol';

/** The in-page warning's words for an assessment, in the chosen language. */
export function warningText(assessment: Assessment, translate: Translate, lang: string): WarningText {
  const level = translate(`level_${assessment.level.replace('-', '_')}`);
  // Emphasise the level word wherever the translation puts it: fill its slot with a marker, then split on it.
  const marker = '\u2063level\u2063';
  const [before = '', after = ''] = translate('warning_title', [marker]).split(marker);
  const siteName = assessment.site?.name ?? assessment.host;
  const photos = assessment.photoCount > 1 ? ` · ${translate('warning_photos', [assessment.photoCount])}` : '';
  return {
    lang,
    label: translate('warning_label'),
    title: [before, level, after],
    site: translate('warning_site', [siteName]) + photos,
    reason: textOf(assessment.reason, (key, params) => translate(key, params)),
    why: translate('warning_why'),
    mute: translate('warning_mute'),
    close: translate('warning_close'),
    muted: translate('warning_muted'),
  };
}
