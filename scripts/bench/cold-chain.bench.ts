import { createTestDistrict, testPassword } from '../../server/test/factories.ts';
import { creditCodeCheckCharacter, organisationCodeCheckCharacter } from '../../shared/credit-code.ts';
import { dropBenchDatabase, rawCopySeconds, reachablePostgres, signIn, withClient } from './bench-server.ts';
import { median, percentile } from './stats.ts';
import type { BenchContext, Benchmark, BenchServer, Measurement } from './types.ts';

/**
 * `cold-chain.epcis` (issue 18): EPCIS 2.0 documents of 500 events each posted through the real capture route
 * (POST /api/v1/cold-chain/epcis: GS1's JSON schema, our rules, the database checks, the closed loop's findings refreshed,
 * one transaction per document) beside a raw COPY of the same rows, as stored, into a same-shaped table in the same run;
 * then trace back (GET /api/v1/cold-chain/trace/:code?direction=back) p95 beside a primary-key lookup of one event.
 * The large variant first fills cc_event to 10,000,000 rows (other codes of the same district) with one set-based insert.
 */

const eventsPerDocument = 500;

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${response.url} → ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

interface Setup {
  districtCode: string;
  cookie: string;
  store: string;
  shop: string;
  codes: string[];
}

/** A district with a cold store and a shop (through the real routes), and `batches` coded batches at the cold store. */
async function setUp(server: BenchServer, batches: number): Promise<Setup> {
  const district = await createTestDistrict(server.platform);
  const cookie = await signIn(server.origin, district.users.section.username, testPassword);
  const call = async (method: string, path: string, body: unknown) =>
    json(
      await fetch(`${server.origin}${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const business = async (organisation: string, name: string) => {
    const code = `91${district.code}${organisation}${organisationCodeCheckCharacter(organisation)}`;
    const creditCode = code + creditCodeCheckCharacter(code);
    const made = await call('POST', '/api/v1/entities', {
      creditCode,
      name,
      kind: 'enterprise',
      legalRepName: '赵六',
      legalRepIdNumber: '11010519491231002X',
      industryCode: 'F52',
      foundedOn: '2015-05-01',
      address: '冷链路1号',
      streetCode: district.stations[0].streetCode,
      businessCategory: 'food_retail',
    });
    return { id: Number(made.id), creditCode };
  };
  const store = await business('MA2H3K4P', '甬港冷库有限公司');
  const shop = await business('MA2H3K5Q', '海鲜食品商行');
  const codes: string[] = [];
  for (let index = 0; index < batches; index += 1) {
    const made = await call('POST', '/api/v1/cold-chain/batches', {
      customsDeclarationNo: `3102202100${String(index).padStart(8, '0')}`,
      originCountry: 'EC',
      product: '冷冻白虾',
      category: 'seafood',
      lot: `L${index}`,
      quantity: 1_000_000,
      unit: 'kg',
      firstHolderEntityId: store.id,
      arrivedOn: '2021-03-01',
    });
    codes.push(String(made.traceCode));
  }
  return { districtCode: district.code, cookie, store: store.creditCode, shop: shop.creditCode, codes };
}

/** A round's documents: each event a shipment from the cold store to the shop or the shop's receipt of it, 1 kg each. */
function documents(setup: Setup, round: number, events: number) {
  const list = Array.from({ length: events }, (_, index) => {
    const code = setup.codes[Math.floor(index / 2) % setup.codes.length] as string;
    const isShip = index % 2 === 0;
    const time = new Date(Date.UTC(2021, 3, 1) + round * 86_400_000 + index * 1000).toISOString();
    return {
      type: 'ObjectEvent',
      eventID: `urn:uuid:00000000-0000-4000-8${String(round).padStart(3, '0')}-${String(index).padStart(12, '0')}`,
      eventTime: time,
      eventTimeZoneOffset: '+00:00',
      action: 'OBSERVE',
      bizStep: isShip ? 'shipping' : 'receiving',
      quantityList: [{ epcClass: `urn:zhijian:lot:${code}`, quantity: 1, uom: 'KGM' }],
      bizLocation: { id: `urn:zhijian:entity:${isShip ? setup.store : setup.shop}` },
      ...(isShip
        ? { destinationList: [{ type: 'owning_party', destination: `urn:zhijian:entity:${setup.shop}` }] }
        : { sourceList: [{ type: 'owning_party', source: `urn:zhijian:entity:${setup.store}` }] }),
    };
  });
  return Array.from({ length: Math.ceil(events / eventsPerDocument) }, (_, index) => ({
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList: list.slice(index * eventsPerDocument, (index + 1) * eventsPerDocument) },
  }));
}

function rawCopy(url: string, districtCode: string, round: number): Promise<number> {
  const prefix = `urn:uuid:00000000-0000-4000-8${String(round).padStart(3, '0')}-`;
  return rawCopySeconds(url, 'cc_event', `district_code = '${districtCode}' AND event_id LIKE '${prefix}%'`);
}

/** Fills cc_event up to `total` rows with other codes' stock counts at the cold store (one INSERT … SELECT generate_series). */
async function fill(url: string, districtCode: string, total: number, ctx: BenchContext) {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM cc_event');
    const missing = total - Number(rows[0]?.count ?? 0);
    if (missing <= 0) return;
    const [holder] = (
      await client.query<{ holder: string; street: string }>(
        `SELECT holder_entity_id AS holder, street_code AS street FROM cc_event WHERE district_code = $1 LIMIT 1`,
        [districtCode],
      )
    ).rows;
    const step = 1_000_000;
    for (let done = 0; done < missing; done += step) {
      await client.query(
        `INSERT INTO cc_event (district_code, event_id, event_type, action, step, biz_step, disposition, event_time, event_time_zone_offset,
           code, quantity, unit, holder_entity_id, street_code, source)
         SELECT $1::char(6), 'urn:zhijian:fill:' || g, 'ObjectEvent', 'OBSERVE', 'store', 'storing', 'in_progress',
           timestamptz '2021-01-01' + g * interval '1 second', '+08:00', $1::text || lpad(to_hex(g % 5000000), 10, '0'), 1, 'kg', $2, $3, 'demo'
         FROM generate_series($4::bigint, $5::bigint) AS g`,
        [districtCode, holder?.holder, holder?.street, done + 1, Math.min(done + step, missing)],
      );
      ctx.log(`filled ${Math.min(done + step, missing).toLocaleString('en-US')} of ${missing.toLocaleString('en-US')} events`);
    }
    await client.query('ANALYZE cc_event');
  });
}

async function measure(ctx: BenchContext, server: BenchServer, url: string, large: boolean): Promise<Measurement[]> {
  const setup = await setUp(server, 50);
  const eventsPerRound = large ? 10_000 : 2_000;
  const ingest: number[] = [];
  const copy: number[] = [];
  const rounds = Math.max(3, Math.min(ctx.rounds, 5));
  for (let round = 1; round <= rounds; round += 1) {
    const begin = performance.now();
    let stored = 0;
    for (const document of documents(setup, round, eventsPerRound))
      stored += Number(
        (
          await json(
            await fetch(`${server.origin}/api/v1/cold-chain/epcis`, {
              method: 'POST',
              headers: { cookie: setup.cookie, 'content-type': 'application/json' },
              body: JSON.stringify(document),
            }),
          )
        ).stored,
      );
    ingest.push((performance.now() - begin) / 1000);
    if (stored !== eventsPerRound) throw new Error(`round ${round}: ${stored} of ${eventsPerRound} events stored`);
    copy.push(await rawCopy(url, setup.districtCode, round));
    ctx.log(`round ${round}: EPCIS ingest ${ingest.at(-1)?.toFixed(2)} s, raw COPY ${copy.at(-1)?.toFixed(3)} s`);
  }
  if (large) await fill(url, setup.districtCode, 10_000_000, ctx);
  // Trace back from the batch codes beside a primary-key lookup of one event, one at a time.
  const traces: number[] = [];
  const lookups: number[] = [];
  const samples = 200;
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM cc_event WHERE district_code = $1 ORDER BY id LIMIT 1000', [
      setup.districtCode,
    ]);
    for (let index = 0; index < samples; index += 1) {
      const code = setup.codes[index % setup.codes.length] as string;
      const begin = performance.now();
      await json(await fetch(`${server.origin}/api/v1/cold-chain/trace/${code}?direction=back`, { headers: { cookie: setup.cookie } }));
      traces.push(performance.now() - begin);
      const again = performance.now();
      await client.query('SELECT * FROM cc_event WHERE district_code = $1 AND id = $2', [
        setup.districtCode,
        rows[index % rows.length]?.id,
      ]);
      lookups.push(performance.now() - again);
    }
  });
  const subject = median(ingest);
  const baseline = median(copy);
  ctx.note(
    `${eventsPerRound.toLocaleString('en-US')} events a round in documents of ${eventsPerDocument}, ${rounds} rounds (medians)` +
      (large ? '; trace after filling cc_event to 10,000,000 rows' : '') +
      `. Trace back: ${samples} requests one at a time through the API (session, scope, the walk) beside a primary-key SELECT over the same pool.`,
  );
  return [
    { metric: 'EPCIS ingest through the API vs raw COPY of the same rows', unit: 's', better: 'lower', subject, baseline },
    { metric: 'throughput', unit: 'events/s', better: 'higher', subject: eventsPerRound / subject, baseline: eventsPerRound / baseline },
    {
      metric: 'trace back p95 vs primary-key lookup p95',
      unit: 'ms',
      better: 'lower',
      subject: percentile(traces, 0.95),
      baseline: percentile(lookups, 0.95),
    },
  ];
}

function coldChainBenchmark(large: boolean): Benchmark {
  const database = large ? 'zj_bench_cold_chain_large' : 'zj_bench_cold_chain';
  return {
    name: large ? 'cold-chain.epcis-large' : 'cold-chain.epcis',
    isLarge: large,
    description:
      'EPCIS 2.0 documents posted through POST /api/v1/cold-chain/epcis (schema, rules, findings refreshed, one transaction ' +
      'each) beside a raw COPY of the same rows into a same-shaped table in the same run; trace back p95 beside a ' +
      `primary-key lookup${large ? ', with cc_event filled to 10,000,000 rows' : ''} (database \`${database}\`).`,
    async run(ctx) {
      const serverUrl = await reachablePostgres();
      if (!serverUrl) throw new Error('no PostgreSQL server: set BENCH_DATABASE_URL or start one on 127.0.0.1:5432');
      await dropBenchDatabase(serverUrl, database);
      const server = await ctx.startServer({ postgres: { serverUrl, database } });
      try {
        return await measure(ctx, server, String(server.platform.config.DATABASE_URL), large);
      } finally {
        await server.close();
        if (!ctx.flags.keep || !large) await dropBenchDatabase(serverUrl, database);
      }
    },
  };
}

export const coldChainEpcis = coldChainBenchmark(false);
export const coldChainEpcisLarge = coldChainBenchmark(true);
