import type { AutoActions } from '../core/auto-actions-setting';
import type { PreparedFiles } from './before-page';
import { cleanFiles } from './clean-files';
import { reserveFiles } from './reserve-files';
import type { Send } from './send';

/** The person's automatic actions on a choice of photos, in the order that keeps both: clean first (which removes
 *  all metadata, a reservation included), then write the reservation into the cleaned copy. */
export async function prepareFiles(files: readonly File[], actions: AutoActions, send: Send): Promise<PreparedFiles> {
  let current = [...files];
  let cleanedCount = 0;
  let reservedCount = 0;
  if (actions.clean) {
    const cleaned = await cleanFiles(current);
    current = cleaned.files;
    cleanedCount = cleaned.cleaned;
  }
  if (actions.reserve) {
    const reserved = await reserveFiles(current, send);
    current = reserved.files;
    reservedCount = reserved.reserved;
  }
  return { files: current, cleanedCount, reservedCount };
}
