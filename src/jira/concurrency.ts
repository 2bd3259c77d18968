/**
 * Runs `task` over `items` with at most `limit` tasks in flight; results come back in input order. A failure stops
 * the workers from starting more tasks (those in flight finish) and rejects with the first error. Jira's rate limits
 * are per site and cost-based: a few requests at once are welcome, hundreds are not.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** `items` cut into `groups` contiguous runs whose lengths differ by at most one (fewer when there are fewer items). */
export function splitEvenly<T>(items: readonly T[], groups: number): T[][] {
  const count = Math.max(1, Math.min(groups, items.length));
  const out: T[][] = [];
  let from = 0;
  for (let g = 0; g < count; g++) {
    const size = Math.floor(items.length / count) + (g < items.length % count ? 1 : 0);
    out.push(items.slice(from, from + size));
    from += size;
  }
  return out.filter((group) => group.length > 0);
}
