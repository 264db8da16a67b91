// Building a vocabulary takes a few milliseconds of every question (each name, synonym and value
// in all its forms). Askers of one dataset who may see the same values share one; the key is every
// visible value, so askers with different scopes never share a vocabulary.
import type { DatasetModel } from '../../semantic/model'
import { buildVocabulary, type Vocabulary } from './vocabulary'

/** Distinct sets of visible values kept per dataset, least recently used dropped first. */
const KEPT_PER_DATASET = 64

const byDataset = new WeakMap<DatasetModel, Map<string, Vocabulary>>()

/**
 * `buildVocabulary`, remembered per dataset and visible values.
 *
 * @example
 * vocabularyFor(orders, { region: ['EU'] }) === vocabularyFor(orders, { region: ['EU'] }) // true
 */
export function vocabularyFor(
  dataset: DatasetModel,
  values: Readonly<Record<string, ReadonlyArray<string | number>>>,
): Vocabulary {
  let kept = byDataset.get(dataset)
  if (!kept) {
    kept = new Map()
    byDataset.set(dataset, kept)
  }
  const key = JSON.stringify(values)
  const found = kept.get(key)
  kept.delete(key)
  const vocabulary = found ?? buildVocabulary(dataset, values)
  kept.set(key, vocabulary)
  if (kept.size > KEPT_PER_DATASET) kept.delete(kept.keys().next().value as string)
  return vocabulary
}
