import { createHash } from 'node:crypto';
import { addDays, chinaInstant, daysBetween } from '../../../../shared/calendar-day.ts';
import type { CertificateKind, ColdChainCategory, ColdChainStep, ColdChainUnit } from '../../../../shared/vocabularies/cold-chain.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { type EntityWithLicences, entitiesWithLicences } from '../../registry/index.ts';
import { ccBatch, ccCertificate, ccEvent, ccLot } from '../cold-chain.tables.ts';
import { fromMilli } from '../rules/closed-loop.ts';
import { stepShapes } from '../rules/event-steps.ts';
import { traceCode } from '../rules/trace-code.ts';
import { refreshFindings } from '../service/findings.ts';
import { chinaOffset } from '../service/shared-views.ts';

/**
 * The demo's imported cold chain, from November 2020 (when Zhejiang's 浙冷链 began) to today: a batch every 4 days
 * arrives at an importer or a cold store, is counted into the cold store, shipped to two wholesale-market traders and a
 * supermarket; each trader splits its share into two coded lots, ships one to a restaurant and sells the other. Three
 * gaps are left for the findings page — a stock count short at a cold store, a trader's oversell, a shipment a
 * restaurant never scanned in — and the newest batch waits at its cold store without its disinfection certificate.
 */
export const demoColdChain = {
  firstArrival: '2020-11-02',
  everyDays: 4,
  /** The batches of 2020: 2 November to 31 December, one every 4 days. */
  batches2020: 15,
  /** The gaps, by how many batches before the newest. */
  gapAt: { loopGap: 30, oversell: 20, notReceived: 5 },
  loopGapMilli: 35_000,
  oversellMilli: 12_000,
} as const;

const products: readonly { product: string; category: ColdChainCategory; unit: ColdChainUnit; origins: string[]; hs: string }[] = [
  { product: '冷冻去骨牛肉', category: 'meat', unit: 'kg', origins: ['BR', 'AR', 'UY', 'AU', 'NZ'], hs: '0202' },
  { product: '冷冻猪肋排', category: 'meat', unit: 'kg', origins: ['ES', 'DK', 'NL', 'CA'], hs: '0203' },
  { product: '冷冻鸡翅中', category: 'poultry', unit: 'kg', origins: ['BR', 'US', 'TH'], hs: '0207' },
  { product: '冷冻大西洋鲑', category: 'seafood', unit: 'kg', origins: ['NO', 'CL', 'FO'], hs: '0303' },
  { product: '冷冻南美白虾', category: 'seafood', unit: 'kg', origins: ['EC', 'IN', 'VN'], hs: '0306' },
  { product: '冷冻带鱼段', category: 'seafood', unit: 'kg', origins: ['MY', 'ID'], hs: '0303' },
  { product: '马苏里拉奶酪', category: 'dairy', unit: 'kg', origins: ['NZ', 'FR', 'DE'], hs: '0406' },
  { product: '冷冻榴莲果肉', category: 'fruit', unit: 'kg', origins: ['TH', 'MY'], hs: '0811' },
];

const certificateWords: Record<CertificateKind, { title: string; prefix: string }> = {
  quarantine: { title: 'Entry Goods Inspection and Quarantine Certificate', prefix: '3102' },
  nucleic_acid: { title: 'SARS-CoV-2 Nucleic Acid Test Report', prefix: 'HS' },
  disinfection: { title: 'Disinfection Certificate', prefix: 'XD' },
};

/** A one-page PDF (Helvetica, ASCII text): enough for a viewer to open and for the magic-byte check. */
export function certificatePdf(lines: readonly string[]): Buffer {
  const text = lines.map((line, index) => `BT /F1 ${index === 0 ? 16 : 11} Tf 36 ${250 - index * 24} Td (${line}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 298] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

type EventRow = typeof ccEvent.$inferInsert;

export async function seedColdChainDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const { districtCode, random, today } = input;
  const active = (rows: EntityWithLicences[]) => rows.filter((row) => row.status === 'active');
  const others = active(await entitiesWithLicences(ctx, districtCode, { category: 'other' }));
  const retail = active(await entitiesWithLicences(ctx, districtCode, { category: 'food_retail' }));
  const catering = active(await entitiesWithLicences(ctx, districtCode, { category: 'catering' }));
  const coldStores = others.filter((row) => /仓储|物流/.test(row.name)).slice(0, 3);
  const importers = others.filter((row) => /进出口|国际贸易/.test(row.name)).slice(0, 3);
  // The first food retailers are the wholesale market's traders (the demo account cold.trader acts for the first).
  const supermarkets = retail
    .slice(1)
    .filter((row) => row.name.endsWith('超市有限公司'))
    .slice(0, 6);
  const traders = retail.filter((row) => !supermarkets.includes(row)).slice(0, 6);
  const restaurants = catering.slice(0, 12);
  if (!coldStores.length || !importers.length || traders.length < 2 || !supermarkets.length || !restaurants.length) return;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const bytes = () => Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256));
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `urn:uuid:${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  const usedCodes = new Set<string>();
  const newCode = () => {
    let code = traceCode(districtCode, bytes());
    while (usedCodes.has(code)) code = traceCode(districtCode, bytes());
    usedCodes.add(code);
    return code;
  };

  // China has kept one offset since 1991: read it once from the time-zone database.
  const offset = chinaOffset(chinaInstant(demoColdChain.firstArrival));
  const count = Math.floor(daysBetween(demoColdChain.firstArrival, addDays(today, -1)) / demoColdChain.everyDays) + 1;
  const gapIndex = (back: number) => (count > 40 ? count - 1 - back : -1);
  const batches: (typeof ccBatch.$inferInsert)[] = [];
  const certificates: { code: string; kind: CertificateKind; number: string; issuedOn: string; content: Buffer }[] = [];
  const lots: (typeof ccLot.$inferInsert)[] = [];
  const events: EventRow[] = [];

  for (let index = 0; index < count; index++) {
    const arrivedOn = addDays(demoColdChain.firstArrival, index * demoColdChain.everyDays);
    const item = pick(products);
    const origin = pick(item.origins);
    const code = newCode();
    const coldStore = pick(coldStores);
    const viaImporter = random() < 0.4 ? pick(importers) : null;
    const firstHolder = viaImporter ?? coldStore;
    const milli = between(3_000, 18_000) * 1000;
    const declaration = `3102${arrivedOn.slice(0, 4)}${String(100_000_000_000 + index * 7_919 + between(0, 999)).slice(-10)}`;
    const isNewest = index === count - 1;
    batches.push({
      districtCode,
      traceCode: code,
      customsDeclarationNo: declaration,
      originCountry: origin,
      product: item.product,
      category: item.category,
      lot: `${origin}${arrivedOn.replaceAll('-', '').slice(2)}-${between(1, 99)}`,
      quantity: fromMilli(milli),
      unit: item.unit,
      firstHolderEntityId: firstHolder.id,
      streetCode: firstHolder.streetCode,
      arrivedOn,
      isSellable: !isNewest,
      sellableSince: isNewest ? null : addDays(arrivedOn, 1),
    });
    for (const kind of ['quarantine', 'nucleic_acid', 'disinfection'] as const) {
      if (isNewest && kind === 'disinfection') continue;
      const number = `${certificateWords[kind].prefix}${arrivedOn.replaceAll('-', '')}${String(between(1000, 9999))}`;
      const issuedOn = addDays(arrivedOn, kind === 'quarantine' ? -2 : -1);
      certificates.push({
        code,
        kind,
        number,
        issuedOn,
        content: certificatePdf([
          certificateWords[kind].title,
          `No. ${number}   Issued ${issuedOn}`,
          `Declaration ${declaration}   Origin ${origin}   HS ${item.hs}`,
          `Quantity ${fromMilli(milli)} ${item.unit}   Trace code ${code}`,
          kind === 'nucleic_acid' ? 'Result: negative (outer packaging and goods)' : 'Conclusion: conforms',
        ]),
      });
    }

    const event = (
      step: ColdChainStep,
      day: string,
      time: string,
      eventCode: string,
      quantity: number,
      holder: EntityWithLicences,
      extra: Partial<EventRow> = {},
    ) => {
      if (day > today) return;
      const shape = stepShapes[step];
      events.push({
        districtCode,
        eventId: uuid(),
        eventType: shape.eventType,
        action: shape.action,
        step,
        bizStep: shape.bizStep,
        disposition: shape.disposition,
        eventTime: chinaInstant(day, time).toISOString(),
        eventTimeZoneOffset: offset,
        code: eventCode,
        quantity: fromMilli(quantity),
        unit: item.unit,
        holderEntityId: holder.id,
        streetCode: holder.streetCode,
        counterpartDistrictCode: null,
        counterpartEntityId: null,
        outputCodes: [],
        referenceDocument: null,
        source: 'demo',
        ...extra,
      });
    };
    const to = (entity: EntityWithLicences) => ({ counterpartDistrictCode: districtCode, counterpartEntityId: entity.id });
    const handOver = (
      day: string,
      time: string,
      eventCode: string,
      quantity: number,
      from: EntityWithLicences,
      into: EntityWithLicences,
    ) => {
      event('ship', day, time, eventCode, quantity, from, to(into));
      event(
        'receive',
        day,
        `${String(Number(time.slice(0, 2)) + 2).padStart(2, '0')}${time.slice(2)}`,
        eventCode,
        quantity,
        into,
        to(from),
      );
    };

    // Arrival: at the importer (then into a cold store the same day) or straight into the cold store.
    event('receive', arrivedOn, '08:10:00', code, milli, firstHolder, { referenceDocument: `customs_declaration:${declaration}` });
    if (viaImporter) handOver(arrivedOn, '11:30:00', code, milli, viaImporter, coldStore);
    const counted = index === gapIndex(demoColdChain.gapAt.loopGap) ? milli - demoColdChain.loopGapMilli : milli;
    event('store', addDays(arrivedOn, 1), '10:00:00', code, counted, coldStore);
    if (isNewest) continue; // waits at the cold store for its disinfection certificate

    const [first, second] = [pick(traders), pick(traders)] as [EntityWithLicences, EntityWithLicences];
    const pair = first === second ? [first, traders[(traders.indexOf(first) + 1) % traders.length] as EntityWithLicences] : [first, second];
    const shares = [Math.round((milli * 0.35) / 1000) * 1000, Math.round((milli * 0.35) / 1000) * 1000];
    const supermarket = pick(supermarkets);
    const rest = milli - (shares[0] as number) - (shares[1] as number);
    pair.forEach((trader, side) => {
      const share = shares[side] as number;
      handOver(addDays(arrivedOn, 2), side === 0 ? '07:00:00' : '07:40:00', code, share, coldStore, trader);
      const lotA = newCode();
      const lotB = newCode();
      const milliA = Math.round(share / 2000) * 1000;
      const milliB = share - milliA;
      if (addDays(arrivedOn, 3) <= today) {
        for (const [lotCode, lotMilli] of [
          [lotA, milliA],
          [lotB, milliB],
        ] as const)
          lots.push({
            districtCode,
            code: lotCode,
            parentCode: code,
            rootCode: code,
            product: item.product,
            quantity: fromMilli(lotMilli),
            unit: item.unit,
            holderEntityId: trader.id,
          });
        event('split', addDays(arrivedOn, 3), '06:30:00', code, share, trader, { outputCodes: [lotA, lotB] });
      }
      const restaurant = pick(restaurants);
      const lost = side === 0 && index === gapIndex(demoColdChain.gapAt.notReceived);
      if (lost) event('ship', addDays(arrivedOn, 4), '09:00:00', lotA, milliA, trader, to(restaurant));
      else {
        handOver(addDays(arrivedOn, 4), '09:00:00', lotA, milliA, trader, restaurant);
        const eaten = Math.round(milliA / 2000) * 1000;
        event('sell', addDays(arrivedOn, 5), '19:30:00', lotA, eaten, restaurant);
        event('sell', addDays(arrivedOn, 8), '19:30:00', lotA, milliA - eaten, restaurant);
      }
      const oversold = side === 1 && index === gapIndex(demoColdChain.gapAt.oversell) ? demoColdChain.oversellMilli : 0;
      const sold = Math.round(milliB / 1600) * 1000;
      event('sell', addDays(arrivedOn, 4), '10:00:00', lotB, sold, trader);
      event('sell', addDays(arrivedOn, 6), '10:00:00', lotB, milliB - sold + oversold, trader);
    });
    handOver(addDays(arrivedOn, 2), '09:10:00', code, rest, coldStore, supermarket);
    const expired = index % 10 === 9 ? 5_000 : 0;
    const firstSale = Math.round(rest / 2000) * 1000;
    event('sell', addDays(arrivedOn, 3), '18:00:00', code, firstSale, supermarket);
    event('sell', addDays(arrivedOn, 7), '18:00:00', code, rest - firstSale - expired, supermarket);
    if (expired) event('dispose', addDays(arrivedOn, 9), '21:00:00', code, expired, supermarket, { referenceDocument: '临期销毁' });
  }

  const stored = await insertRows<typeof ccBatch, { id: number | string; trace_code: string }>(ctx.db, ccBatch, batches, {
    returning: ['id', 'trace_code'],
  });
  const batchIdOf = new Map(stored.map((row) => [row.trace_code, Number(row.id)]));
  const certificateRows = certificates.map((certificate) => ({
    districtCode,
    batchId: batchIdOf.get(certificate.code) as number,
    kind: certificate.kind,
    number: certificate.number,
    issuedOn: certificate.issuedOn,
    contentType: 'application/pdf',
    sizeBytes: certificate.content.length,
    sha256: createHash('sha256').update(certificate.content).digest('hex'),
    content: certificate.content,
  }));
  for (let from = 0; from < certificateRows.length; from += 400)
    await ctx.db.insert(ccCertificate).values(certificateRows.slice(from, from + 400));
  await insertRows<typeof ccLot, { id: number }>(ctx.db, ccLot, lots, { returning: ['id'] });
  events.sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
  for (let from = 0; from < events.length; from += 5000)
    await insertRows<typeof ccEvent, { id: number }>(ctx.db, ccEvent, events.slice(from, from + 5000), { returning: ['id'] });
  await refreshFindings(ctx, districtCode);
}
