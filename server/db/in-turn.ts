/**
 * Runs queries one after the other and returns their results in order, as `Promise.all` would. A service may be
 * handed a transaction's single client instead of the pool; node-postgres takes one query at a time on a client
 * (overlapping ones are deprecated and refused from pg 9), so services do not overlap queries on `ctx.db`.
 */
export async function inTurn<T extends readonly unknown[]>(...queries: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
}
