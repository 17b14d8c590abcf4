import type { ColdChainStep, ColdChainUnit } from '../../../../shared/vocabularies/cold-chain.ts';
import { toMilli } from './closed-loop.ts';
import { unitCodes } from './event-steps.ts';

/**
 * Stored events written back as one EPCIS 2.0 JSON document (EPCIS 2.0 §9; the same shape `epcis-document.ts` reads, so
 * an export is a valid capture document for another system): the code as `urn:zhijian:lot:<code>` with its quantity
 * and UN/CEFACT unit, the holder in bizLocation and the counterpart as the owning party in sourceList (receive) or
 * destinationList (ship), a split or transformation's new lots in outputQuantityList, an aggregation's new code as parentID.
 */
export interface ExportEvent {
  eventId: string;
  eventType: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  step: ColdChainStep;
  bizStep: string;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  code: string;
  quantity: string;
  unit: ColdChainUnit;
  holderCreditCode: string;
  counterpartCreditCode: string | null;
  readPoint: string | null;
  /** New codes with their quantities (split, aggregate, transform). */
  outputs: { code: string; quantity: string }[];
  referenceDocument: string | null;
}

const lotUrn = (code: string) => `urn:zhijian:lot:${code}`;
const entityUrn = (creditCode: string) => `urn:zhijian:entity:${creditCode}`;
const quantityItem = (code: string, quantity: string, unit: ColdChainUnit) => ({
  epcClass: lotUrn(code),
  quantity: toMilli(quantity) / 1000,
  uom: unitCodes[unit],
});

/** `customs_declaration:3102…` → a bizTransaction of our own type (a URI, as the schema asks); free text is left out. */
function transactionOf(reference: string | null) {
  const match = reference ? /^([a-z_]{2,40}):(\S{1,150})$/.exec(reference) : null;
  if (!match) return undefined;
  return [{ type: `urn:zhijian:btt:${match[1]}`, bizTransaction: `urn:zhijian:doc:${encodeURIComponent(match[2] as string)}` }];
}

export function epcisEventOf(event: ExportEvent): Record<string, unknown> {
  const common: Record<string, unknown> = {
    type: event.eventType,
    eventID: event.eventId,
    eventTime: new Date(event.eventTime).toISOString(),
    eventTimeZoneOffset: event.eventTimeZoneOffset,
    bizStep: event.bizStep,
    ...(event.disposition ? { disposition: event.disposition } : {}),
    ...(event.readPoint && /^[a-z][a-z0-9+.-]*:/i.test(event.readPoint) ? { readPoint: { id: event.readPoint } } : {}),
    bizLocation: { id: entityUrn(event.holderCreditCode) },
  };
  const transactions = transactionOf(event.referenceDocument);
  if (transactions) common.bizTransactionList = transactions;
  if (event.counterpartCreditCode && event.step === 'receive')
    common.sourceList = [{ type: 'owning_party', source: entityUrn(event.counterpartCreditCode) }];
  if (event.counterpartCreditCode && event.step === 'ship')
    common.destinationList = [{ type: 'owning_party', destination: entityUrn(event.counterpartCreditCode) }];
  if (event.eventType === 'TransformationEvent')
    return {
      ...common,
      inputQuantityList: [quantityItem(event.code, event.quantity, event.unit)],
      outputQuantityList: event.outputs.map((output) => quantityItem(output.code, output.quantity, event.unit)),
    };
  if (event.eventType === 'AggregationEvent')
    return {
      ...common,
      action: event.action ?? 'ADD',
      ...(event.outputs[0] ? { parentID: lotUrn(event.outputs[0].code) } : {}),
      childQuantityList: [quantityItem(event.code, event.quantity, event.unit)],
    };
  return { ...common, action: event.action ?? 'OBSERVE', quantityList: [quantityItem(event.code, event.quantity, event.unit)] };
}

export interface EpcisDocumentOut extends Record<string, unknown> {
  type: 'EPCISDocument';
  schemaVersion: string;
  creationDate: string;
}

export function epcisDocumentOf(events: readonly ExportEvent[], creationDate: Date): EpcisDocumentOut {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument' as const,
    schemaVersion: '2.0',
    creationDate: creationDate.toISOString(),
    epcisBody: { eventList: events.map(epcisEventOf) },
  };
}

/**
 * FSMA 204 (21 CFR 1.1455(c)(3)(ii)) sortable spreadsheet: one row per critical tracking event with its key data
 * elements. Receiving, shipping and transformation (split, aggregation, repacking) are CTEs; the first receipt of an
 * imported batch is its initial receiving. Stock counts, retail sales and disposals are not CTEs and are left out.
 */
export const fsmaEvents: Readonly<Partial<Record<ColdChainStep, string>>> = {
  receive: 'Receiving',
  ship: 'Shipping',
  split: 'Transformation',
  aggregate: 'Transformation',
  transform: 'Transformation',
};
