import type { ColdChainStep, ColdChainUnit } from '../../../../shared/vocabularies/cold-chain.ts';

/**
 * The bureau's steps as GS1 EPCIS 2.0 events with CBV 2.0 vocabulary (EPCIS 2.0 §7.4; CBV 2.0 §7.1 BizStep, §7.2
 * Disposition): receiving, storing, shipping and selling observe an object; a split unpacks one lot into several and a
 * transformation (cutting, repacking) repackages it (TransformationEvent: inputs consumed, outputs created);
 * an aggregation packs lots under a parent; disposal destroys (DELETE).
 */
export interface EpcisShape {
  eventType: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string;
  disposition: string;
}

export const stepShapes: Readonly<Record<ColdChainStep, EpcisShape>> = {
  receive: { eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
  store: { eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'storing', disposition: 'in_progress' },
  ship: { eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit' },
  split: { eventType: 'TransformationEvent', action: null, bizStep: 'unpacking', disposition: 'in_progress' },
  aggregate: { eventType: 'AggregationEvent', action: 'ADD', bizStep: 'packing', disposition: 'in_progress' },
  transform: { eventType: 'TransformationEvent', action: null, bizStep: 'repackaging', disposition: 'in_progress' },
  sell: { eventType: 'ObjectEvent', action: 'OBSERVE', bizStep: 'retail_selling', disposition: 'retail_sold' },
  dispose: { eventType: 'ObjectEvent', action: 'DELETE', bizStep: 'destroying', disposition: 'destroyed' },
};

/** Steps that take the code's quantity out of the holder's hands, and steps that create new codes. */
export const outgoingSteps: readonly ColdChainStep[] = ['ship', 'sell', 'split', 'aggregate', 'transform'];
export const producingSteps: readonly ColdChainStep[] = ['split', 'aggregate', 'transform'];

/** A CBV value in any of its spellings (bare word, `urn:epcglobal:cbv:bizstep:…`, `https://ref.gs1.org/cbv/BizStep-…`). */
export function bareCbv(value: string): string {
  return value
    .replace(/^urn:epcglobal:cbv:(bizstep|disp):/, '')
    .replace(/^https?:\/\/ref\.gs1\.org\/cbv\/(BizStep|Disp)-/, '')
    .trim();
}

/** The step an EPCIS event stands for, from its type, action and bizStep; undefined when it is none of ours. */
export function stepOfEvent(eventType: string, action: string | undefined, bizStep: string | undefined): ColdChainStep | undefined {
  const step = bizStep ? bareCbv(bizStep) : '';
  if (eventType === 'AggregationEvent') return action === 'ADD' ? 'aggregate' : undefined;
  if (eventType === 'TransformationEvent') return step === 'unpacking' ? 'split' : 'transform';
  if (eventType !== 'ObjectEvent') return undefined;
  if (action === 'DELETE' || step === 'destroying') return 'dispose';
  const byBizStep: Record<string, ColdChainStep> = {
    receiving: 'receive',
    accepting: 'receive',
    arriving: 'receive',
    storing: 'store',
    stocking: 'store',
    stock_taking: 'store',
    shipping: 'ship',
    departing: 'ship',
    retail_selling: 'sell',
  };
  return byBizStep[step];
}

/** UN/CEFACT Rec. 20 unit codes (EPCIS `uom`): kilogram KGM, box XBX (Rec. 21 package code), piece H87. */
export const unitCodes: Readonly<Record<ColdChainUnit, string>> = { kg: 'KGM', box: 'XBX', piece: 'H87' };

export function unitOfCode(uom: string | undefined): ColdChainUnit | undefined {
  if (uom === undefined) return undefined;
  return (Object.entries(unitCodes).find(([, code]) => code === uom)?.[0] as ColdChainUnit | undefined) ?? undefined;
}
