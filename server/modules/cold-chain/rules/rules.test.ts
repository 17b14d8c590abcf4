import { describe, expect, it } from 'vitest';
import { checkCertificateDataUrl, missingCertificates, sniffCertificateType } from './certificates.ts';
import { parseEpcisDocument } from './epcis-document.ts';
import { stepOfEvent } from './event-steps.ts';
import { codeFromIdentifier, traceCode } from './trace-code.ts';
import { walkTrace } from './trace-walk.ts';

describe('certificates', () => {
  it('judges files by their first bytes', () => {
    expect(sniffCertificateType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffCertificateType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffCertificateType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(checkCertificateDataUrl(`data:application/pdf;base64,${Buffer.from('MZ not a pdf').toString('base64')}`)).toEqual({
      problem: 'not_certificate_file',
    });
    expect(checkCertificateDataUrl(`data:application/pdf;base64,${'A'.repeat(7_000_000)}`)).toEqual({ problem: 'too_large' });
  });
  it('a batch is sellable only with all three', () => {
    expect(missingCertificates(['quarantine', 'disinfection'])).toEqual(['nucleic_acid']);
    expect(missingCertificates(['disinfection', 'nucleic_acid', 'quarantine'])).toEqual([]);
  });
});

describe('trace codes', () => {
  it('start with the district and read back from a label URL', () => {
    const code = traceCode('330212', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]));
    expect(code).toBe('330212012345678Z');
    expect(codeFromIdentifier(`https://zhijian.example/t/${code}`)).toBe(code);
    expect(codeFromIdentifier(`urn:zhijian:lot:${code.toLowerCase()}`)).toBe(code);
    expect(codeFromIdentifier('330212-0123-4567-8Z')).toBe(code);
    expect(codeFromIdentifier('330212012345678I')).toBeUndefined();
  });
  it('map EPCIS events to the bureau steps', () => {
    expect(stepOfEvent('ObjectEvent', 'OBSERVE', 'urn:epcglobal:cbv:bizstep:receiving')).toBe('receive');
    expect(stepOfEvent('ObjectEvent', 'OBSERVE', 'https://ref.gs1.org/cbv/BizStep-retail_selling')).toBe('sell');
    expect(stepOfEvent('ObjectEvent', 'DELETE', 'destroying')).toBe('dispose');
    expect(stepOfEvent('TransformationEvent', undefined, 'unpacking')).toBe('split');
    expect(stepOfEvent('ObjectEvent', 'OBSERVE', 'inspecting')).toBeUndefined();
  });
});

const code = '330212012345678Z';
const validDocument = (overrides: Record<string, unknown> = {}) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2021-05-01T10:00:00Z',
  epcisBody: {
    eventList: [
      {
        type: 'ObjectEvent',
        eventTime: '2021-05-01T09:00:00Z',
        eventTimeZoneOffset: '+00:00',
        action: 'OBSERVE',
        bizStep: 'shipping',
        quantityList: [{ epcClass: `urn:zhijian:lot:${code}`, quantity: 12.5, uom: 'KGM' }],
        bizLocation: { id: 'urn:zhijian:entity:91330212MA2AAAAA1X' },
        destinationList: [{ type: 'owning_party', destination: 'urn:zhijian:entity:92330212MA2BBBBB2Y' }],
        ...overrides,
      },
    ],
  },
});

describe('EPCIS 2.0 documents', () => {
  it('reads a shipment', () => {
    const parsed = parseEpcisDocument(validDocument());
    expect('events' in parsed && parsed.events[0]).toMatchObject({
      step: 'ship',
      code,
      milli: 12_500,
      unit: 'kg',
      holderCreditCode: '91330212MA2AAAAA1X',
      counterpartCreditCode: '92330212MA2BBBBB2Y',
    });
  });
  it('names the path and reason of every error against the standard schema', () => {
    const parsed = parseEpcisDocument(validDocument({ action: 'JUMP', eventTime: undefined }));
    expect(parsed).toEqual({
      problems: [
        { path: '/epcisBody/eventList/0/eventTime', reason: "must have required property 'eventTime'" },
        { path: '/epcisBody/eventList/0/action', reason: 'must be one of OBSERVE, ADD, DELETE' },
      ],
    });
  });
  it('applies the platform rules after the schema', () => {
    const parsed = parseEpcisDocument(
      validDocument({ quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1, uom: 'LTR' }] }),
    );
    expect(parsed).toEqual({
      problems: [
        {
          path: '/epcisBody/eventList/0/quantityList/0/epcClass',
          reason: 'must name a trace code (https://…/t/<code> or urn:zhijian:lot:<code>)',
        },
        { path: '/epcisBody/eventList/0/quantityList/0/uom', reason: 'must be KGM (kg), XBX (box) or H87 (piece)' },
      ],
    });
  });
});

describe('trace walk', () => {
  it('follows a split into another district and back to the batch, one district per read', async () => {
    const reads: string[] = [];
    const world: Record<string, { parentCode: string | null; childCodes: string[]; events: string[]; shippedTo: string[] }> = {
      '330212|A': { parentCode: null, childCodes: [], events: ['A received', 'A shipped'], shippedTo: ['330203'] },
      '330203|A': { parentCode: null, childCodes: ['B'], events: ['A received in 330203', 'A split'], shippedTo: [] },
      '330203|B': { parentCode: 'A', childCodes: [], events: ['B sold'], shippedTo: [] },
    };
    const source = {
      async readCode(district: string, code: string) {
        reads.push(`${district}|${code}`);
        const hop = world[`${district}|${code}`];
        return (
          hop && { code, parentCode: hop.parentCode, childCodes: hop.childCodes, events: hop.events, shippedToDistricts: hop.shippedTo }
        );
      },
    };
    // Codes here are short stand-ins; their "district" is the first 6 characters, so map them.
    const named = {
      readCode: (district: string, code: string) =>
        source.readCode(code === 'B' && district === 'B' ? '330203' : code === 'A' && district === 'A' ? '330212' : district, code),
    };
    const forward = await walkTrace('A', named, { direction: 'forward', maxCodes: 10 });
    expect(forward.events.map((entry) => entry.event)).toEqual(['A received', 'A shipped', 'A received in 330203', 'A split', 'B sold']);
    const back = await walkTrace('B', named, { direction: 'back', maxCodes: 10 });
    expect(back.codes.map((entry) => [entry.code, entry.depth])).toEqual([
      ['B', 0],
      ['A', -1],
    ]);
    expect(reads).toContain('330203|A');
  });
});
