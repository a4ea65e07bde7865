import { TRAINING_MINING_KINDS, type TrainingMining } from '../core/photo/c2pa';
import type { Translate } from './i18n';

/** "generative-AI training: not allowed, data mining: allowed", from a photo's C2PA training-mining assertion, in the
 *  order the assertion defines its uses; or that the photo's content credentials could not be read. */
export function trainingMiningText(value: TrainingMining | 'unreadable', translate: Translate): string {
  if (value === 'unreadable') return translate('c2pa_unreadable');
  const uses = TRAINING_MINING_KINDS.flatMap((kind) => {
    const use = value.uses[kind];
    return use ? [translate('c2pa_use', [translate(`c2pa_kind_${kind}`), translate(`c2pa_use_${use.toLowerCase()}`)])] : [];
  });
  return translate('c2pa_says', [uses.length > 0 ? uses.join(', ') : translate('c2pa_nothing_stated')]);
}
