// The paper's dataset statistics (Table "statistics"), per domain.
import type { Domain, ShardRecord } from '../shard/schema';

export interface MeanSd {
  mean: number;
  /** Population standard deviation (numpy's np.std default), which reproduces the paper. */
  sd: number;
}

export interface DomainStats {
  /** Benchmark requests (those with multiple-choice candidates, i.e. submissions_ns). */
  requests: number;
  /** Distinct items over those requests' relevance lists (= items.csv: 12,208 books, 38,204 music). */
  items: number;
  /** Images per request, counting every original URL (image_urls), with the total. */
  images: MeanSd & { total: number };
  /** Items per request (length of the request's relevance list). */
  itemsPerRequest: MeanSd;
}

/** Statistics of the benchmark requests among `records`, keyed by domain (absent domains omitted). */
export function datasetStats(records: Iterable<ShardRecord>): Partial<Record<Domain, DomainStats>> {
  const perDomain = new Map<Domain, { items: Set<string>; images: number[]; itemCounts: number[] }>();
  for (const record of records) {
    if (record.choice === null) continue;
    let acc = perDomain.get(record.domain);
    if (!acc) {
      acc = { items: new Set(), images: [], itemCounts: [] };
      perDomain.set(record.domain, acc);
    }
    for (const [item] of record.relevance) acc.items.add(item);
    acc.images.push(record.image_urls.length);
    acc.itemCounts.push(record.relevance.length);
  }
  const result: Partial<Record<Domain, DomainStats>> = {};
  for (const [domain, acc] of perDomain) {
    result[domain] = {
      requests: acc.images.length,
      items: acc.items.size,
      images: { ...meanSd(acc.images), total: sum(acc.images) },
      itemsPerRequest: meanSd(acc.itemCounts),
    };
  }
  return result;
}

export function meanSd(values: readonly number[]): MeanSd {
  if (values.length === 0) return { mean: NaN, sd: NaN };
  const mean = sum(values) / values.length;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
