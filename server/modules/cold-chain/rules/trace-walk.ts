/**
 * Trace back and forward 追溯 from one code to every holder and every sale, across districts, as a loop in code over
 * one-district queries (docs/decisions/0020: never a recursive query over several districts; each step asks the one
 * district that holds the code, which its prefix names). Back: the code's parent lot, up to the batch. Forward: the
 * lots split or transformed from it, down to the last. At each code, the events of every district it was seen in
 * (its own, and each district it was shipped to). A visited set stops cycles; `maxCodes` bounds the walk.
 */
export interface TraceHop<Event> {
  code: string;
  parentCode: string | null;
  childCodes: readonly string[];
  events: readonly Event[];
  /** Districts the code was shipped to, whose events of the code must also be read. */
  shippedToDistricts: readonly string[];
}

export interface TraceSource<Event> {
  /** The code's lot (parent and children) and its events in one district, or undefined when the district holds nothing of it. */
  readCode(district: string, code: string): Promise<TraceHop<Event> | undefined>;
}

export interface TraceResult<Event> {
  codes: { code: string; parentCode: string | null; depth: number }[];
  events: { district: string; event: Event }[];
  isTruncated: boolean;
}

export async function walkTrace<Event>(
  start: string,
  source: TraceSource<Event>,
  options: { direction: 'back' | 'forward' | 'both'; maxCodes: number },
): Promise<TraceResult<Event>> {
  const result: TraceResult<Event> = { codes: [], events: [], isTruncated: false };
  const seen = new Set<string>();
  const queue: { code: string; depth: number; way: 'back' | 'forward' | 'start' }[] = [{ code: start, depth: 0, way: 'start' }];
  while (queue.length > 0) {
    const next = queue.shift() as (typeof queue)[number];
    if (seen.has(next.code)) continue;
    if (seen.size >= options.maxCodes) {
      result.isTruncated = true;
      break;
    }
    seen.add(next.code);
    const home = next.code.slice(0, 6);
    const hop = await source.readCode(home, next.code);
    if (!hop) continue;
    result.codes.push({ code: next.code, parentCode: hop.parentCode, depth: next.depth });
    for (const event of hop.events) result.events.push({ district: home, event });
    const visitedDistricts = new Set([home]);
    const pending = [...hop.shippedToDistricts];
    while (pending.length > 0) {
      const district = pending.shift() as string;
      if (visitedDistricts.has(district)) continue;
      visitedDistricts.add(district);
      const away = await source.readCode(district, next.code);
      if (!away) continue;
      for (const event of away.events) result.events.push({ district, event });
      pending.push(...away.shippedToDistricts);
      for (const child of away.childCodes)
        if (options.direction !== 'back' && next.way !== 'back') queue.push({ code: child, depth: next.depth + 1, way: 'forward' });
    }
    if (hop.parentCode && options.direction !== 'forward' && next.way !== 'forward')
      queue.push({ code: hop.parentCode, depth: next.depth - 1, way: 'back' });
    if (options.direction !== 'back' && next.way !== 'back')
      for (const child of hop.childCodes) queue.push({ code: child, depth: next.depth + 1, way: 'forward' });
  }
  return result;
}
