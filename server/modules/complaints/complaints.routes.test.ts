import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { systemContext } from '../../platform/http/context.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { sendQueuedSms } from '../../platform/sms/sms.service.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import { multipartBody, tinyPng } from './complaints.probes.ts';
import { complaintAttachment, complaintStatusFailure } from './complaints.tables.ts';
import { complaintStatistics, seedComplaintsDemo } from './index.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
let entityId = 0;
let creditCode = '';

async function call(user: keyof TestDistrict['users'], method: 'GET' | 'POST', url: string, payload?: unknown) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  return app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const complainant = { complainantName: '李小明', complainantPhone: '13912345678', complainantAddress: '中河街道88号' };

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  const body = `92${home.code}0000000${String(Date.now() % 10)}0`;
  creditCode = body + creditCodeCheckCharacter(body);
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode,
    name: '顺发餐饮店',
    kind: 'individual',
    legalRepName: '张三',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'H62',
    foundedOn: '2019-05-01',
    address: '中河路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'catering',
  });
  expect(created.statusCode).toBe(201);
  entityId = created.json().id;
}, 60_000);

afterAll(async () => {
  await app.close();
  await platform.database.close();
});

async function intake(extra: Record<string, unknown> = {}) {
  const response = await call('section', 'POST', '/api/v1/complaints', {
    kind: 'complaint',
    channel: 'hotline_12315',
    category: 'food',
    entityId,
    ...complainant,
    facts: '就餐后腹泻',
    request: '退还餐费并赔偿',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('intake and privacy', () => {
  it('names every field Order 20 Art. 9 requires that is missing', async () => {
    const response = await call('section', 'POST', '/api/v1/complaints', {
      kind: 'complaint',
      channel: 'letter',
      category: 'food',
      entityId,
      complainantName: '王五',
      facts: '短斤缺两',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual([
      'complainantPhone',
      'complainantAddress',
      'request',
    ]);
  });

  it('routes to the station of the respondent street, masks the complainant and reveals only with an audited reason', async () => {
    const item = await intake();
    expect(item).toMatchObject({
      status: 'received',
      stationId: home.stations[0].id,
      respondentName: '顺发餐饮店',
      complainantName: '李**',
      complainantPhone: '139****5678',
      ruleSet: 'samr-order-20',
      ruleSetConfirmed: true,
      // Received Monday 2026-03-02: 3-3..3-6 (4), 3-9..3-11 (7).
      acceptDue: '2026-03-11',
      currentStep: 'accept',
    });
    const list = await call('section', 'GET', '/api/v1/complaints?pageSize=100');
    expect(list.body).not.toContain('13912345678');
    expect(list.body).not.toContain('李小明');
    expect((await call('inspector1', 'GET', `/api/v1/complaints/${item.id}`)).statusCode).toBe(200);
    expect((await call('inspector2', 'GET', `/api/v1/complaints/${item.id}`)).statusCode).toBe(404);
    expect((await call('operator', 'GET', `/api/v1/complaints/${item.id}`)).statusCode).toBe(403);
    expect((await call('operator', 'GET', '/api/v1/complaints')).statusCode).toBe(403);
    expect((await call('leader', 'POST', `/api/v1/complaints/${item.id}/reveal`, { reason: '回访' })).statusCode).toBe(403);
    const revealed = await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/reveal`, { reason: '电话回访核实' });
    expect(revealed.json()).toEqual({ name: '李小明', phone: '13912345678', address: '中河街道88号' });
    const audit = await call('admin', 'GET', `/api/v1/audit?action=complaint.reveal_complainant&objectId=${item.id}`);
    expect(audit.body).toContain('电话回访核实');
  });

  it('keeps nothing of an anonymous reporter and refuses anonymity for a complaint', async () => {
    const report = await intake({
      kind: 'report',
      isAnonymous: true,
      complainantName: undefined,
      complainantPhone: undefined,
      complainantAddress: undefined,
      request: undefined,
    });
    expect(report).toMatchObject({ isAnonymous: true, complainantName: null, status: 'verifying', currentStep: 'verify' });
    const refused = await call('section', 'POST', '/api/v1/complaints', {
      kind: 'complaint',
      channel: 'visit',
      category: 'food',
      entityId,
      isAnonymous: true,
      facts: 'x',
      request: 'y',
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('handling with legal deadlines', () => {
  it('flags an item due soon and then overdue, for the handler and the leader', async () => {
    const item = await intake();
    // Sessions time out while the clock jumps: sign in again at each time.
    cookies.clear();
    platform.clock.set('2026-03-10T01:00:00Z');
    try {
      const soon = await call('inspector1', 'GET', '/api/v1/complaints?flag=due_soon&pageSize=100');
      expect(soon.json().items.map((row: { id: number }) => row.id)).toContain(item.id);
      expect((await call('leader', 'GET', `/api/v1/complaints/${item.id}`)).json().flag).toBe('due_soon');
      platform.clock.set('2026-03-12T01:00:00Z');
      cookies.clear();
      const overdue = await call('leader', 'GET', '/api/v1/complaints?flag=overdue&pageSize=100');
      expect(overdue.json().items.map((row: { id: number }) => row.id)).toContain(item.id);
      expect((await call('inspector1', 'GET', '/api/v1/complaints/flags')).json().overdue).toBeGreaterThan(0);
      expect((await call('inspector2', 'GET', '/api/v1/complaints/flags')).json()).toEqual({ overdue: 0, dueSoon: 0, open: 0 });
    } finally {
      platform.clock.set('2026-03-02T01:00:00Z');
      cookies.clear();
    }
  });

  it('goes accept → mediation → notice → closed → survey by text message, in order only', async () => {
    const item = await intake();
    expect((await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/reply`, { on: '2026-03-02' })).statusCode).toBe(409);
    const accepted = (await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/accept`, { on: '2026-03-02' })).json();
    // 45 working days from 3-2: March 3-31 (21), April 1-3 (24), 4-7..4-10 (28), 4-13..4-30 (42), holidays 5-1..5-5, 5-6, 5-7, 5-8 (45).
    expect(accepted).toMatchObject({
      status: 'mediating',
      mediationDue: '2026-05-08',
      allowedActions: ['end_mediation', 'start_verification'],
    });
    const ended = (
      await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/end-mediation`, {
        on: '2026-03-02',
        outcome: 'agreement',
        amountRecovered: '1234.50',
      })
    ).json();
    expect(ended).toMatchObject({ status: 'awaiting_reply', amountRecovered: '1234.50', notifyDue: '2026-03-11', currentStep: 'notify' });
    const closed = (await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/reply`, { on: '2026-03-02' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-03-02', currentStep: null });
    expect((await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/survey`, {})).statusCode).toBe(200);
    expect((await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/survey`, {})).statusCode).toBe(409);
    const sent: { phone: string; body: string }[] = [];
    const result = await sendQueuedSms(systemContext(platform), { name: 'test', send: async (message) => void sent.push(message) });
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const survey = sent.find((message) => message.body.includes(item.number));
    expect(survey?.phone).toBe('13912345678');
    expect(survey?.body).not.toContain('李小明');
    const answered = (await call('inspector1', 'POST', `/api/v1/complaints/${item.id}/survey-answer`, { answer: 'satisfied' })).json();
    expect(answered).toMatchObject({ surveyAnswer: 'satisfied', surveyAnsweredOn: '2026-03-02' });
  });

  it('opens a filed case from a real-name report and tells the reporter within 5 working days, without passing on who reported', async () => {
    const report = await intake({ kind: 'report', category: 'unlicensed', request: undefined, facts: '后厨使用过期原料' });
    const decided = await call('inspector1', 'POST', `/api/v1/complaints/${report.id}/decide-case`, {
      on: '2026-03-02',
      decision: 'open_case',
      violationType: 'food_safety',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'awaiting_reply',
      caseDecision: 'case_opened',
      replyDue: '2026-03-09',
      currentStep: 'reply',
    });
    const caseFile = await call('inspector1', 'GET', `/api/v1/cases/${decided.json().caseId}`);
    expect(caseFile.json()).toMatchObject({ stage: 'filed', source: 'report', partyName: '顺发餐饮店' });
    expect(caseFile.body).not.toContain('李小明');
    expect(caseFile.body).not.toContain('13912345678');
    const timeline = await call('section', 'GET', `/api/v1/entities/${entityId}/timeline`);
    expect(timeline.body).not.toContain(report.number);
    expect(timeline.body).not.toContain('李小明');
  });

  it('reassigns an item to another station, which then handles it', async () => {
    const item = await intake();
    expect(
      (await call('section', 'POST', `/api/v1/complaints/${item.id}/reassign`, { stationId: home.stations[1].id })).json().stationId,
    ).toBe(home.stations[1].id);
    expect((await call('inspector2', 'GET', `/api/v1/complaints/${item.id}`)).statusCode).toBe(200);
    expect((await call('inspector1', 'GET', `/api/v1/complaints/${item.id}`)).statusCode).toBe(404);
  });
});

describe('the public form', () => {
  const form = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/public/complaints',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('shows the shop of the code page and takes a complaint without login, rate-limited per address', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/complaints/new?district=${home.code}&entity=${creditCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('顺发餐饮店');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script; the counter is an optional file
    const incomplete = await form({
      district: home.code,
      entity: creditCode,
      kind: 'complaint',
      category: 'food',
      name: '赵六',
      facts: '变质',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('请填写联系电话');
    const accepted = await form({
      district: home.code,
      entity: creditCode,
      kind: 'complaint',
      category: 'food',
      name: '赵六',
      phone: '13700001111',
      address: '百丈街道1号',
      facts: '买到变质熟食',
      request: '退款',
    });
    expect(accepted.statusCode).toBe(201);
    const number = /TS\d{8}-\d{4}/.exec(accepted.body)?.[0];
    expect(number).toBeDefined();
    const listed = (await call('section', 'GET', `/api/v1/complaints?q=${number}`)).json();
    expect(listed.items[0]).toMatchObject({ channel: 'web', entityId, complainantPhone: '137****1111' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++)
      statuses.push((await form({ district: home.code, kind: 'report', facts: 'x' })).statusCode);
    expect(statuses).toContain(429);
  });
});

describe('the public form, for everyone', () => {
  const browser = { accept: 'text/html', 'accept-language': 'zh-CN' };

  it('ties every label to its control, marks required fields in text and aria-required, and preselects no street', async () => {
    const page = (await app.inject({ method: 'GET', url: `/public/complaints/new?district=${home.code}`, headers: browser })).body;
    const labelled = [...page.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]);
    const controls = [...page.matchAll(/<(?:input|select|textarea) [^>]*id="([^"]+)"/g)].map((match) => match[1]);
    expect(labelled.sort()).toEqual(controls.sort());
    expect(labelled).toEqual(expect.arrayContaining(['respondentName', 'streetCode', 'name', 'phone', 'facts', 'request']));
    for (const field of ['respondentName', 'respondentAddress', 'streetCode', 'facts'])
      expect(page).toMatch(new RegExp(`id="${field}"[^>]*required aria-required="true"`));
    expect(page).toMatch(/<label for="facts">事实经过<span class="req">（必填）<\/span>/);
    expect(page).toMatch(/<label for="phone">联系电话<span class="req">（投诉必填）<\/span>/);
    expect(page).toMatch(/<select id="streetCode"[^>]*><option value="" selected>请选择街道<\/option>/);
    expect(page).toContain('id="facts-count" data-max="4000" aria-live="polite">最多 4000 字');
    expect(page).toMatch(/id="facts"[^>]*aria-describedby="facts-count"/);
    const script = await app.inject({ method: 'GET', url: '/public/complaints/counter.js' });
    expect(script.headers['content-type']).toContain('text/javascript');
  });

  it('names a text over 4,000 characters on the form, keeps what was written, and links each error to its field', async () => {
    const facts = '很'.repeat(4001);
    const response = await app.inject({
      method: 'POST',
      url: '/public/complaints',
      remoteAddress: '127.0.0.14', // the form's own 5 posts per 10 minutes were spent by the test above
      headers: { ...browser, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ district: home.code, kind: 'complaint', category: 'food', respondentName: '某店', facts }).toString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('事实经过最多 4000 字，现为 4001 字');
    expect(response.body).toContain(facts);
    expect(response.body).toContain('<li class="error"><a href="#facts">');
    expect(response.body).toContain('<li class="error"><a href="#streetCode">请选择所在街道</a></li>');
    expect(response.body).toMatch(/id="facts"[^>]*aria-describedby="facts-count facts-error" aria-invalid="true"/);
    expect(response.body).toContain('<p class="error" id="facts-error">');
  });

  it('reads a typed date "2026/12/01" as 2026-12-01, and names the expected shape for one it cannot read', async () => {
    const post = (knewOn: string, address: string) =>
      app.inject({
        method: 'POST',
        url: '/public/complaints',
        remoteAddress: address,
        headers: { ...browser, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          district: home.code,
          kind: 'complaint',
          category: 'food',
          respondentName: '某店',
          knewOn,
        }).toString(),
      });
    const slashes = await post('2020/12/01', '127.0.0.15');
    expect(slashes.statusCode).toBe(400); // other fields are missing; the date is not among the errors
    expect(slashes.body).not.toContain('href="#knewOn"');
    expect(slashes.body).toMatch(/id="knewOn"[^>]*value="2020\/12\/01"/);
    const garbled = await post('61201-02-02', '127.0.0.16');
    expect(garbled.body).toContain('<li class="error"><a href="#knewOn">日期请按 年-月-日 填写，例如 2026-12-01</a></li>');
    expect(garbled.body).toMatch(/id="knewOn"[^>]*inputmode="numeric"[^>]*aria-describedby="knewOn-hint knewOn-error"/);
  });
});

describe('the public status page', () => {
  const lookUp = (number: string, digits: string) =>
    app.inject({
      method: 'POST',
      url: '/public/complaints/status',
      headers: { accept: 'text/html', 'accept-language': 'zh-CN', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ district: home.code, number, digits }).toString(),
    });

  it('shows the stage and dates of the person’s own item to its number and phone digits, nothing of anyone else, and resists guessing', async () => {
    const form = await app.inject({ method: 'GET', url: `/public/complaints/status?district=${home.code}` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<label for="digits">联系电话后四位/);
    const mine = await intake();
    const theirs = await intake({ complainantPhone: '13800009999' });
    const found = await lookUp(mine.number, '5678');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`编号 ${mine.number}`);
    expect(found.body).toContain('已收到，待决定是否受理');
    expect(found.body).toContain(mine.receivedOn);
    for (const secret of ['李小明', '13912345678', '5678', '中河街道88号', '就餐后腹泻', '顺发餐饮店'])
      expect(found.body).not.toContain(secret);
    // Someone else's number with my digits, an unknown number and wrong digits get the same answer.
    const refusal = '编号或电话后四位不正确';
    expect((await lookUp(theirs.number, '5678')).body).toContain(refusal);
    expect((await lookUp('TS20990101-0001', '5678')).body).toContain(refusal);
    const wrong = await lookUp(mine.number, '0000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(refusal);
    expect(wrong.body).not.toContain('已收到');
    // Five wrong tries lock the number, even for the right digits.
    for (let attempt = 0; attempt < 4; attempt++) await lookUp(mine.number, String(1000 + attempt));
    const locked = await lookUp(mine.number, '5678');
    expect(locked.body).toContain('查询失败次数过多');
    expect(locked.body).not.toContain('已收到');
    // And an address has 10 tries in 10 minutes: the 11th is refused with a page.
    const more = [await lookUp(mine.number, '5678'), await lookUp(mine.number, '5678')];
    expect(more.map((response) => response.statusCode)).toContain(429);
    const limited = more.find((response) => response.statusCode === 429);
    expect(limited?.headers['content-type']).toContain('text/html');
  });

  it('keeps the lock of a number in the database (every process sees it) and lifts it an hour after the first wrong try', async () => {
    const mine = await intake();
    const from = (address: string) => (digits: string) =>
      app.inject({
        method: 'POST',
        url: '/public/complaints/status',
        remoteAddress: address,
        headers: { accept: 'text/html', 'accept-language': 'zh-CN', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ district: home.code, number: mine.number, digits }).toString(),
      });
    const start = platform.clock.now().getTime();
    for (let attempt = 0; attempt < 5; attempt++) await from('127.0.0.31')(String(2000 + attempt));
    const [stored] = await platform.database.db.select().from(complaintStatusFailure).where(eq(complaintStatusFailure.number, mine.number));
    expect(stored).toMatchObject({ districtCode: home.code, failures: 5 });
    expect((await from('127.0.0.32')('5678')).body).toContain('查询失败次数过多');
    platform.clock.set(new Date(start + 3_600_000 + 1_000));
    try {
      const found = await from('127.0.0.33')('5678');
      expect(found.body).toContain('已收到，待决定是否受理');
      expect(
        await platform.database.db.select().from(complaintStatusFailure).where(eq(complaintStatusFailure.number, mine.number)),
      ).toEqual([]);
    } finally {
      platform.clock.set(new Date(start));
    }
  });
});

describe('attachments on the public form', () => {
  const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
  let address = 0;
  /** Each post from its own address, so the per-IP rate limit of the form stays out of the way. */
  const post = (files: Parameters<typeof multipartBody>[1], facts = '买到发霉面包') => {
    const { payload, contentType } = multipartBody(
      {
        district: home.code,
        entity: creditCode,
        kind: 'complaint',
        category: 'food',
        name: '钱七',
        phone: '13600002222',
        address: '百丈街道2号',
        facts,
        request: '退款',
      },
      files,
    );
    address += 1;
    return app.inject({
      method: 'POST',
      url: '/public/complaints',
      headers: { 'content-type': contentType },
      payload,
      remoteAddress: `10.9.0.${address}`,
    });
  };
  const attachmentCount = async () => {
    const rows = await platform.database.db
      .select({ id: complaintAttachment.id })
      .from(complaintAttachment)
      .where(eq(complaintAttachment.districtCode, home.code));
    return rows.length;
  };
  const itemOf = async (body: string) => {
    const number = /TS\d{8}-\d{4}/.exec(body)?.[0];
    expect(number).toBeDefined();
    return (await call('section', 'GET', `/api/v1/complaints?q=${number}`)).json().items[0] as { id: number };
  };

  it('renders a multipart form with a file input limited to images and PDF', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/complaints/new?district=${home.code}&entity=${creditCode}` });
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain(
      '<input id="attachments" type="file" name="attachments" multiple accept="image/jpeg,image/png,application/pdf">',
    );
  });

  it('stores a real PNG and PDF with the complaint, downloadable by the handling station only, audited', async () => {
    const posted = await post([
      { field: 'attachments', filename: '../../收据 照片.png', contentType: 'image/png', content: tinyPng },
      { field: 'attachments', filename: 'receipt.pdf', contentType: 'application/octet-stream', content: tinyPdf },
    ]);
    expect(posted.statusCode, posted.body).toBe(201);
    const item = await itemOf(posted.body);
    const listed = await call('inspector1', 'GET', `/api/v1/complaints/${item.id}/attachments`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      total: 2,
      items: [
        { filename: '收据 照片.png', contentType: 'image/png', size: tinyPng.length },
        { filename: 'receipt.pdf', contentType: 'application/pdf', size: tinyPdf.length },
      ],
    });
    const [png, pdf] = listed.json().items as { id: number }[];
    const download = await call('inspector1', 'GET', `/api/v1/complaints/${item.id}/attachments/${png?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('收据 照片.png')}`);
    expect(download.rawPayload.equals(tinyPng)).toBe(true);
    const pdfDownload = await call('inspector1', 'GET', `/api/v1/complaints/${item.id}/attachments/${pdf?.id}`);
    expect(pdfDownload.rawPayload.equals(tinyPdf)).toBe(true);
    expect((await call('inspector2', 'GET', `/api/v1/complaints/${item.id}/attachments`)).statusCode).toBe(404);
    expect((await call('inspector2', 'GET', `/api/v1/complaints/${item.id}/attachments/${png?.id}`)).statusCode).toBe(404);
    expect((await call('operator', 'GET', `/api/v1/complaints/${item.id}/attachments/${png?.id}`)).statusCode).toBe(403);
    const audit = await call('admin', 'GET', `/api/v1/audit?action=complaint.download_attachment&objectId=${item.id}`);
    expect(audit.json().total).toBe(2);
  });

  it('refuses a text file renamed .png, naming the attachment, and stores nothing', async () => {
    const before = await attachmentCount();
    const posted = await post(
      [
        { field: 'attachments', filename: 'photo.png', contentType: 'image/png', content: tinyPng },
        { field: 'attachments', filename: 'fake.png', contentType: 'image/png', content: Buffer.from('just some text, not an image') },
      ],
      '假图片测试',
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('附件“fake.png”不是JPEG、PNG图片或PDF文件');
    expect(await attachmentCount()).toBe(before);
    const listed = (await call('section', 'GET', `/api/v1/complaints?q=${encodeURIComponent('假图片测试')}`)).json();
    expect(listed.total).toBe(0);
  });

  it('refuses a file over 5 MB and a fourth file, storing nothing', async () => {
    const before = await attachmentCount();
    const total = (await call('section', 'GET', '/api/v1/complaints?pageSize=1')).json().total;
    const big = Buffer.concat([tinyPng, Buffer.alloc(6 * 1024 * 1024)]);
    const tooLarge = await post([{ field: 'attachments', filename: 'big.png', contentType: 'image/png', content: big }]);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('附件不能超过5MB');
    const four = Array.from({ length: 4 }, (_, index) => ({
      field: 'attachments',
      filename: `p${index}.png`,
      contentType: 'image/png',
      content: tinyPng,
    }));
    const tooMany = await post(four);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('最多上传3个附件');
    expect(await attachmentCount()).toBe(before);
    expect((await call('section', 'GET', '/api/v1/complaints?pageSize=1')).json().total).toBe(total);
  });
});

describe('the demo district figures', () => {
  it('gives the 2020 work summary: 3,325 complaints and reports (+60.47%), 481 petitions, 98% satisfaction', async () => {
    const demo = await createTestDistrict(platform);
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    await seedComplaintsDemo(demo.ctx, { districtCode: demo.code, random, today: '2026-03-02' });
    const user = demo.users.leader;
    const ctx: ActorContext = {
      ...demo.ctx,
      actor: {
        userId: user.id,
        username: user.username,
        displayName: user.username,
        districtCode: demo.code,
        districtCodes: [demo.code],
        roles: user.roles,
        orgUnitId: null,
        isDistrictWide: true,
        streetCodes: [],
        entityIds: [],
        labId: null,
      },
    };
    const figures = await complaintStatistics(ctx, { from: '2020-01-01', to: '2020-12-31' });
    expect(figures.total).toMatchObject({
      complaintsAndReports: 3325,
      complaintsAndReportsLastYear: 2072,
      yearOnYear: '60.47',
      petitionsClosed: 481,
      surveyAnswers: 2000,
      satisfactionRate: '98.00',
    });
    expect(figures.byStation.reduce((sum, row) => sum + row.complaintsAndReports, 0)).toBe(3325);
  }, 120_000);
});

describe('deadlines and the holiday calendar', () => {
  it('marks provisional the deadline of an item received on 2026-12-28, which counts 2027 without its holidays', async () => {
    platform.clock.set('2026-12-28T02:00:00Z');
    cookies.clear();
    const created = await intake({ receivedOn: '2026-12-28' });
    expect(created.currentDue).toBe('2027-01-06');
    expect(created.isDueProvisional).toBe(true);
    const view = (await call('section', 'GET', `/api/v1/complaints/${created.id}`)).json();
    expect(view.openSteps).toEqual([expect.objectContaining({ due: '2027-01-06', isProvisional: true })]);
    const early = await intake({ receivedOn: '2026-12-01' });
    expect(early.isDueProvisional).toBe(false);
  });
});
