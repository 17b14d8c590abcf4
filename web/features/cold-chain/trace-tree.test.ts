import { describe, expect, it } from 'vitest';
import type { EventView, TraceView } from './api.ts';
import { codeOf, traceTree } from './trace-tree.ts';

const event = (id: number, code: string, step: EventView['step'], districtCode = '330212'): EventView => ({
  id,
  districtCode,
  eventId: `urn:uuid:${id}`,
  eventType: 'ObjectEvent',
  action: 'OBSERVE',
  step,
  bizStep: step,
  disposition: null,
  eventTime: `2021-03-1${id}T02:00:00.000Z`,
  code,
  quantity: '10',
  unit: 'kg',
  holderEntityId: id,
  holderName: `holder ${id}`,
  counterpartName: null,
  outputCodes: [],
  referenceDocument: null,
  source: 'form',
});

describe('the trace page', () => {
  it('reads the code out of a label URL or a typed code', () => {
    expect(codeOf(' https://zhijian.example/t/330212abcdefghjk ')).toBe('330212ABCDEFGHJK');
    expect(codeOf('https://zhijian.example/t/330212ABCDEFGHJK/?lang=en')).toBe('330212ABCDEFGHJK');
    expect(codeOf('330212abcdefghjk')).toBe('330212ABCDEFGHJK');
  });

  it('hangs each code’s events and the lots made from it under it, across districts', () => {
    const trace: TraceView = {
      code: '330212AAAAAAAAAA',
      lots: [
        { code: '330212AAAAAAAAAA', parentCode: null, product: '冷冻白虾', quantity: '500', unit: 'kg', depth: 0 },
        { code: '330203BBBBBBBBBB', parentCode: '330212AAAAAAAAAA', product: '冷冻白虾', quantity: '60', unit: 'kg', depth: 1 },
      ],
      events: [
        event(1, '330212AAAAAAAAAA', 'ship'),
        event(2, '330212AAAAAAAAAA', 'receive', '330203'),
        event(3, '330203BBBBBBBBBB', 'sell', '330203'),
      ],
      holders: [],
      isTruncated: false,
    };
    const tree = traceTree(
      trace,
      (row) => `${row.step}@${row.districtCode}`,
      (lot) => lot.code,
    );
    const shape = (nodes: typeof tree): unknown[] =>
      nodes.map((node) => (node.children?.length ? [node.title, shape(node.children)] : node.title));
    expect(shape(tree)).toEqual([['330212AAAAAAAAAA', ['ship@330212', 'receive@330203', ['330203BBBBBBBBBB', ['sell@330203']]]]]);
  });
});
