/** The factors a site's datasets give: its history (weighed by src/core/risk/history.ts) and the collections that
 *  still take new photos from it. Neither counts for a photo only its owner can see. */
import type { DatasetRule } from '../rules/types';
import { datasetWeight, historyPoints } from './history';
import { msg } from './message';
import type { Evidence, Factor, Knowledge, Signals } from './types';

const STATUS_EVIDENCE: Record<DatasetRule['status'], string> = {
  active: 'evidence_dataset_active',
  'withdrawn-circulating': 'evidence_dataset_withdrawn_circulating',
  restricted: 'evidence_dataset_restricted',
  withdrawn: 'evidence_dataset_withdrawn',
  deleted: 'evidence_dataset_deleted',
};

const datasetEvidence = (dataset: DatasetRule): Evidence => ({
  kind: 'dataset',
  text: `${dataset.name} (${dataset.year}): ${dataset.summary}`,
  source: dataset.sources[0]?.url,
  reviewed: dataset.reviewed,
});

function datasetsOf(signals: Signals, knowledge: Knowledge): DatasetRule[] {
  return (signals.site?.datasets ?? []).map((id) => knowledge.datasets.get(id)).filter((d): d is DatasetRule => !!d);
}

/** Datasets already built from this site's photos: history, weighed by how recent each is and whether it is still
 *  handed out (src/core/risk/history.ts). Collections that keep growing count as an ongoing mechanism instead. */
export function historyFactor(signals: Signals, knowledge: Knowledge, exposure: Signals['visibility']): Factor[] {
  const site = signals.site;
  if (!site || exposure === 'private') return [];
  const datasets = datasetsOf(signals, knowledge).filter((dataset) => !dataset.ongoing);
  if (datasets.length === 0) return [];
  const total = datasets.reduce((sum, dataset) => sum + datasetWeight(dataset, signals.asOf), 0);
  // Strongest first, so the evidence opens with what weighs most today.
  const ordered = [...datasets].sort((a, b) => datasetWeight(b, signals.asOf) - datasetWeight(a, signals.asOf) || b.year - a.year);
  const evidence: Evidence[] = ordered.flatMap((dataset) => [
    datasetEvidence(dataset),
    { kind: 'dataset' as const, text: msg(STATUS_EVIDENCE[dataset.status], dataset.name, dataset.statusDate ?? dataset.year), source: dataset.sources[0]?.url },
  ]);
  const points = historyPoints(total);
  const recent = datasets.filter((dataset) => datasetWeight(dataset, signals.asOf) >= 0.5).length;
  return [
    {
      id: 'site-datasets',
      points,
      reason:
        points === 0
          ? msg('factor_site_datasets_deleted', site.name, datasets.length)
          : recent > 0
            ? msg('factor_site_datasets', site.name, datasets.length)
            : msg('factor_site_datasets_old', site.name, datasets.length),
      evidence,
    },
  ];
}

/** A face search engine or scraper that still collects from this site: it takes new uploads, not only old ones. */
export function ongoingFactor(signals: Signals, knowledge: Knowledge, exposure: Signals['visibility']): Factor[] {
  if (!signals.site || exposure === 'private') return [];
  const collecting = datasetsOf(signals, knowledge).filter((dataset) => dataset.ongoing && dataset.status !== 'deleted');
  if (collecting.length === 0) return [];
  const [first] = collecting;
  return [
    {
      id: 'ongoing-collection',
      points: 2,
      reason: msg('factor_ongoing_collection', first?.name ?? '', signals.site.name),
      evidence: collecting.map(datasetEvidence),
    },
  ];
}
