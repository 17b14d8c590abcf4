import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { html, raw } from '../../../platform/public-html/html.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles, findEntityForModule } from '../../registry/index.ts';
import { productNotFound, subjectNotFound } from '../risk-code.errors.ts';
import { rcCertifiedProduct, rcColourHistory, rcSubject } from '../risk-code.tables.ts';
import { colourNames, explainColour } from '../rules/colour-explanation.ts';
import { type Colour, type ColourFacts, decideColour } from '../rules/risk-colour.ts';
import { colourTableInForce } from './colour-table.ts';
import { announcePublicPageChanges } from './page-cache.ts';
import { colourHex } from './public-page.ts';
import { ensureSubjects, newToken, recomputeColours } from './recompute.ts';

const subjectScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: rcSubject.districtCode, street: rcSubject.streetCode, entity: rcSubject.entityId });

async function subjectOf(ctx: ActorContext, entityId: number) {
  const find = () =>
    ctx.db
      .select()
      .from(rcSubject)
      .where(and(subjectScope(ctx), eq(rcSubject.entityId, entityId)));
  const [row] = await find();
  if (row?.computedAt || (row && row.businessCategory !== 'catering')) return row;
  // A new entity gets its code and colour at the next job run; make them now when asked (404 outside the actor's scope).
  const entity = await findEntityForModule(ctx, entityId);
  if (!row) await ensureSubjects(ctx, entity.districtCode);
  await recomputeColours(ctx, { districtCode: entity.districtCode, entityIds: [entityId], trigger: 'fact' });
  const [made] = await find();
  if (!made) throw subjectNotFound();
  return made;
}

/** Staff and the operator: the colour, why, what would change it, and its history. */
export async function colourOf(ctx: ActorContext, entityId: number) {
  const row = await subjectOf(ctx, entityId);
  const table = await colourTableInForce(ctx, row.districtCode, todayInChina(ctx.clock.now()));
  const facts = row.facts as ColourFacts;
  const explanation = row.colour
    ? explainColour(decideColour({ ...facts, managementCategory: row.managementCategory }, table), facts, table, ctx.meta.language)
    : null;
  const history = await ctx.db
    .select({
      fromColour: rcColourHistory.fromColour,
      toColour: rcColourHistory.toColour,
      trigger: rcColourHistory.trigger,
      changedAt: rcColourHistory.changedAt,
      reasons: rcColourHistory.reasons,
    })
    .from(rcColourHistory)
    .where(and(eq(rcColourHistory.districtCode, row.districtCode), eq(rcColourHistory.entityId, entityId)))
    .orderBy(desc(rcColourHistory.changedAt), desc(rcColourHistory.id))
    .limit(50);
  const [profile] = await entityPublicProfiles(ctx, row.districtCode, { entityIds: [entityId] });
  return {
    entityId,
    name: profile?.name ?? null,
    token: row.revokedAt ? null : row.token,
    managementCategory: row.managementCategory,
    colour: row.colour,
    riskLevel: row.riskLevel,
    computedAt: row.computedAt?.toISOString() ?? null,
    /** The facts the colour was computed from (an absent key: its module does not publish it yet). */
    facts,
    tableIsBureauSetting: true,
    explanation,
    history: history.map((entry) => ({
      ...entry,
      fromColour: entry.fromColour as Colour | null,
      toColour: entry.toColour as Colour,
      changedAt: entry.changedAt.toISOString(),
      reasons: entry.reasons.map((reason) => reason.code),
    })),
  };
}

export async function setManagementCategory(ctx: ActorContext, entityId: number, category: string) {
  const row = await subjectOf(ctx, entityId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rcSubject)
      .set({ managementCategory: category })
      .where(and(eq(rcSubject.districtCode, row.districtCode), eq(rcSubject.id, row.id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'risk_code.category.set',
        objectType: 'entity',
        objectId: entityId,
        detail: { from: row.managementCategory, to: category },
      },
    );
    await recomputeColours({ ...ctx, db: tx }, { districtCode: row.districtCode, entityIds: [entityId], trigger: 'category' });
  });
  return colourOf(ctx, entityId);
}

/** Revokes the code (the old page answers 404) and issues a new one. */
export async function reissueToken(ctx: ActorContext, entityId: number, reason: string) {
  const row = await subjectOf(ctx, entityId);
  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rcSubject)
      .set({ token })
      .where(and(eq(rcSubject.districtCode, row.districtCode), eq(rcSubject.id, row.id)));
    await writeAudit({ ...ctx, db: tx }, { action: 'risk_code.token.reissue', objectType: 'entity', objectId: entityId, reason });
  });
  await announcePublicPageChanges(ctx.db, [row.token]);
  return { entityId, token };
}

export async function revokeToken(ctx: ActorContext, entityId: number, reason: string) {
  const row = await subjectOf(ctx, entityId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rcSubject)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(rcSubject.districtCode, row.districtCode), eq(rcSubject.id, row.id)));
    await writeAudit({ ...ctx, db: tx }, { action: 'risk_code.token.revoke', objectType: 'entity', objectId: entityId, reason });
  });
  await announcePublicPageChanges(ctx.db, [row.token]);
  return { entityId, token: null };
}

export function publicUrl(base: string, token: string): string {
  return `${base.replace(/\/$/, '')}/p/${token}`;
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' });
}

/** A6 door stickers for one shop or a whole street, one print job, a page per sticker. */
export async function stickers(ctx: ActorContext, query: { entityId?: number; streetCode?: string }, base: string): Promise<string> {
  const where = and(
    subjectScope(ctx),
    isNull(rcSubject.revokedAt),
    query.entityId ? eq(rcSubject.entityId, query.entityId) : undefined,
    query.streetCode ? eq(rcSubject.streetCode, query.streetCode) : undefined,
  );
  const subjects = await ctx.db
    .select({ entityId: rcSubject.entityId, token: rcSubject.token, colour: rcSubject.colour })
    .from(rcSubject)
    .where(where)
    .orderBy(asc(rcSubject.entityId))
    .limit(2000);
  if (query.entityId && subjects.length === 0) throw subjectNotFound();
  const profiles = new Map(
    (await entityPublicProfiles(ctx, ctx.actor.districtCode, { entityIds: subjects.map((s) => s.entityId) })).map((p) => [p.id, p]),
  );
  const pages = [];
  for (const subject of subjects) {
    const profile = profiles.get(subject.entityId);
    if (!profile) continue;
    const url = publicUrl(base, subject.token);
    const colour = subject.colour as Colour | null;
    pages.push(
      html`<div class="sticker"><div class="band" style="background:${colour ? colourHex[colour] : '#9e9e9e'}">${colour ? colourNames[colour]['zh-CN'] : '一码全知道'}</div><h1>${profile.name}</h1><p>${profile.licenceNumber ?? profile.creditCode}</p><div class="qr">${raw(await qrSvg(url))}</div><p class="code">${subject.token}</p><p class="hotline">扫码查看食品安全信息 · 投诉举报 12315</p></div>`,
    );
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>五色码门贴</title><style>@page{size:A6;margin:0}body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC",sans-serif}.sticker{width:105mm;height:148mm;box-sizing:border-box;padding:6mm;text-align:center;page-break-after:always;break-after:page}.band{color:#fff;font-size:22pt;padding:4mm;border-radius:3mm}h1{font-size:16pt;margin:4mm 0 2mm}svg{width:70mm;height:70mm}.code{font-family:monospace;font-size:9pt}.hotline{font-size:11pt}</style></head><body>${pages.map((page) => page.text).join('')}</body></html>`;
}

/** Certified products 品字码. */
export async function listProducts(ctx: ActorContext, query: { page: number; pageSize: number }) {
  const where = scopeWhere(ctx.actor, { district: rcCertifiedProduct.districtCode, entity: rcCertifiedProduct.entityId });
  const items = await ctx.db
    .select()
    .from(rcCertifiedProduct)
    .where(where)
    .orderBy(asc(rcCertifiedProduct.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: items.map(productView), total: (await ctx.db.$count(rcCertifiedProduct, where)) as number };
}

export function productView(row: typeof rcCertifiedProduct.$inferSelect) {
  return {
    id: row.id,
    entityId: row.entityId,
    firmName: row.firmName,
    firmCreditCode: row.firmCreditCode,
    productName: row.productName,
    certificateNumber: row.certificateNumber,
    issuer: row.issuer,
    validUntil: row.validUntil,
    standard: row.standard,
    token: row.revokedAt ? null : row.token,
  };
}

export async function createProduct(
  ctx: ActorContext,
  body: {
    entityId?: number;
    firmName: string;
    firmCreditCode: string;
    productName: string;
    certificateNumber: string;
    issuer: string;
    validUntil: string;
    standard: string;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rcCertifiedProduct)
      .values({ districtCode: ctx.actor.districtCode, ...body, entityId: body.entityId ?? null, token: newToken() })
      .returning();
    const saved = row as typeof rcCertifiedProduct.$inferSelect;
    await writeAudit({ ...ctx, db: tx }, { action: 'risk_code.product.create', objectType: 'rc_certified_product', objectId: saved.id });
    return productView(saved);
  });
}

export async function getProduct(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(rcCertifiedProduct)
    .where(
      and(
        scopeWhere(ctx.actor, { district: rcCertifiedProduct.districtCode, entity: rcCertifiedProduct.entityId }),
        eq(rcCertifiedProduct.id, id),
      ),
    );
  if (!row) throw productNotFound();
  return row;
}

export async function revokeProduct(ctx: ActorContext, id: number) {
  const row = await getProduct(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(rcCertifiedProduct)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(rcCertifiedProduct.districtCode, row.districtCode), eq(rcCertifiedProduct.id, id)));
    await writeAudit({ ...ctx, db: tx }, { action: 'risk_code.product.revoke', objectType: 'rc_certified_product', objectId: id });
  });
  await announcePublicPageChanges(ctx.db, [row.token]);
  return productView({ ...row, revokedAt: ctx.clock.now() });
}

/** Open data: published colours (no personal data), by stable credit code, a page at a time. */
export async function openData(ctx: ServiceContext, query: { district: string; page: number; pageSize: number }) {
  const where = and(
    eq(rcSubject.districtCode, query.district),
    eq(rcSubject.businessCategory, 'catering'),
    isNull(rcSubject.revokedAt),
    sql`${rcSubject.colour} is not null`,
  );
  const rows = await ctx.db
    .select({
      entityId: rcSubject.entityId,
      token: rcSubject.token,
      colour: rcSubject.colour,
      riskLevel: rcSubject.riskLevel,
      facts: rcSubject.facts,
      computedAt: rcSubject.computedAt,
    })
    .from(rcSubject)
    .where(where)
    .orderBy(asc(rcSubject.entityId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = (await ctx.db.$count(rcSubject, where)) as number;
  const profiles = new Map(
    (await entityPublicProfiles(ctx, query.district, { entityIds: rows.map((r) => r.entityId) })).map((p) => [p.id, p]),
  );
  const items = rows.flatMap((row) => {
    const profile = profiles.get(row.entityId);
    if (profile?.status !== 'active') return [];
    const facts = row.facts as ColourFacts;
    return [
      {
        creditCode: profile.creditCode,
        name: profile.name,
        licenceNumber: profile.licenceNumber,
        address: profile.address,
        streetCode: profile.streetCode,
        lng: profile.lng,
        lat: profile.lat,
        colour: row.colour as Colour,
        riskGrade: facts.riskGrade ?? null,
        dynamicGrade: facts.dynamicGrade ?? null,
        latestInspectionOn: facts.latestInspection?.on ?? null,
        ratedAt: row.computedAt?.toISOString() ?? null,
        pageToken: row.token,
      },
    ];
  });
  return { items, total };
}
