import type { DataNode } from 'antd/es/tree';
import type { ReactNode } from 'react';
import type { EventView, TraceView } from './api.ts';

/** The code out of what was scanned or typed: a label's URL ends in /t/<code>. */
export function codeOf(scanned: string): string {
  const trimmed = scanned.trim();
  const match = /\/t\/([0-9A-Za-z]+)\/?(?:[?#].*)?$/.exec(trimmed);
  return (match?.[1] ?? trimmed).toUpperCase();
}

/** The chain as a tree: each code with its events (holder and district), the lots made from it beneath. */
export function traceTree(
  trace: TraceView,
  eventTitle: (event: EventView) => ReactNode,
  lotTitle: (lot: TraceView['lots'][number]) => ReactNode,
): DataNode[] {
  const codes = new Set(trace.lots.map((lot) => lot.code));
  const childrenOf = new Map<string, TraceView['lots']>();
  for (const lot of trace.lots) {
    const parent = lot.parentCode && codes.has(lot.parentCode) ? lot.parentCode : '';
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), lot]);
  }
  const eventsOf = new Map<string, EventView[]>();
  for (const event of trace.events) eventsOf.set(event.code, [...(eventsOf.get(event.code) ?? []), event]);
  const seen = new Set<string>();
  const node = (lot: TraceView['lots'][number]): DataNode => {
    seen.add(lot.code);
    return {
      key: `lot:${lot.code}`,
      title: lotTitle(lot),
      children: [
        ...(eventsOf.get(lot.code) ?? []).map((event) => ({
          key: `event:${event.districtCode}:${event.id}`,
          title: eventTitle(event),
          isLeaf: true,
        })),
        ...(childrenOf.get(lot.code) ?? []).filter((child) => !seen.has(child.code)).map(node),
      ],
    };
  };
  return (childrenOf.get('') ?? []).map(node);
}
