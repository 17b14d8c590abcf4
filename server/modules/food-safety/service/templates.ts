import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { templateNotFound } from '../food-safety.errors.ts';
import type { CreateTemplateBody, TemplateView, UpdateTemplateBody } from '../food-safety.schemas.ts';
import { inspectionTemplate, inspectionTemplateItem } from '../food-safety.tables.ts';

/**
 * The default checklist: the 餐饮服务 items of the 量化分级 dynamic inspection (国家食药监局 2012 指导意见 附表,
 * condensed), grouped like the national 检查要点表. Key items 重点项目 are the ones whose failure makes a business
 * ungraded when two or more fail.
 */
export const defaultTemplateItems: { category: string; text: string; isKey: boolean }[] = [
  { category: '许可管理', text: '食品经营许可证合法有效，经营场所、主体业态、经营项目等与许可一致', isKey: true },
  { category: '信息公示', text: '在显著位置公示许可证、量化等级、监督检查结果记录表', isKey: false },
  { category: '人员管理', text: '从业人员持有效健康证明，患有有碍食品安全疾病的人员未从事接触直接入口食品工作', isKey: true },
  { category: '人员管理', text: '配备食品安全管理人员并经培训考核合格，从业人员个人卫生符合要求', isKey: false },
  { category: '场所环境', text: '食品处理区布局合理，地面、墙壁、天花板清洁，无积水、霉斑，防鼠防蝇防虫设施完好', isKey: false },
  { category: '设施设备', text: '冷藏冷冻、洗手消毒、通风排烟等设施设备运转正常，食品容器、工具清洁', isKey: false },
  { category: '采购贮存', text: '查验供货者许可证和食品合格证明，建立进货查验记录，未采购使用禁止经营的食品', isKey: true },
  { category: '采购贮存', text: '食品分类分架、离地离墙存放，冷藏冷冻温度符合要求，无过期变质食品', isKey: false },
  { category: '加工制作', text: '生熟分开，烹饪食品烧熟煮透，需冷藏的熟制品冷却后及时冷藏，专间操作规范', isKey: true },
  { category: '清洗消毒', text: '餐用具清洗消毒保洁规范，消毒设施正常使用，消毒后餐具存放于保洁设施内', isKey: true },
  { category: '食品添加剂', text: '食品添加剂专人专柜专用工具存放、专册记录，未超范围超限量使用，未使用非食用物质', isKey: true },
  { category: '留样与废弃物', text: '按规定对重大活动、集体用餐等进行留样，餐厨废弃物分类收集、交由有资质单位处置', isKey: false },
];

export type TemplateItemRow = typeof inspectionTemplateItem.$inferSelect;

async function insertTemplate(
  ctx: ServiceContext,
  districtCode: string,
  name: string,
  isDefault: boolean,
  items: { category: string; text: string; isKey: boolean; passTenths?: number; partialTenths?: number; failTenths?: number }[],
): Promise<number> {
  const [template] = await ctx.db
    .insert(inspectionTemplate)
    .values({ districtCode, name, isDefault })
    .returning({ id: inspectionTemplate.id });
  const templateId = (template as { id: number }).id;
  await ctx.db
    .insert(inspectionTemplateItem)
    .values(items.map((item, index) => ({ districtCode, templateId, position: index + 1, ...item })));
  return templateId;
}

/** The district's default template, made from the 量化分级 items the first time it is needed. */
export async function ensureDefaultTemplate(ctx: ServiceContext, districtCode: string): Promise<number> {
  const [existing] = await ctx.db
    .select({ id: inspectionTemplate.id })
    .from(inspectionTemplate)
    .where(and(eq(inspectionTemplate.districtCode, districtCode), eq(inspectionTemplate.isDefault, true)));
  if (existing) return existing.id;
  return insertTemplate(ctx, districtCode, '餐饮服务食品安全监督检查表（量化分级）', true, defaultTemplateItems);
}

export async function templateItems(ctx: ServiceContext, districtCode: string, templateId: number): Promise<TemplateItemRow[]> {
  return ctx.db
    .select()
    .from(inspectionTemplateItem)
    .where(and(eq(inspectionTemplateItem.districtCode, districtCode), eq(inspectionTemplateItem.templateId, templateId)))
    .orderBy(asc(inspectionTemplateItem.position));
}

function toView(row: typeof inspectionTemplate.$inferSelect, items: TemplateItemRow[]): TemplateView {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    isActive: row.isActive,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      category: item.category,
      text: item.text,
      isKey: item.isKey,
      passTenths: item.passTenths,
      partialTenths: item.partialTenths,
      failTenths: item.failTenths,
    })),
  };
}

export async function listTemplates(ctx: ActorContext): Promise<{ items: TemplateView[]; total: number }> {
  const districtCode = ctx.actor.districtCode;
  await ensureDefaultTemplate(ctx, districtCode);
  const templates = await ctx.db
    .select()
    .from(inspectionTemplate)
    .where(eq(inspectionTemplate.districtCode, districtCode))
    .orderBy(asc(inspectionTemplate.id));
  const items = await ctx.db
    .select()
    .from(inspectionTemplateItem)
    .where(eq(inspectionTemplateItem.districtCode, districtCode))
    .orderBy(asc(inspectionTemplateItem.position));
  const views = templates.map((template) =>
    toView(
      template,
      items.filter((item) => item.templateId === template.id),
    ),
  );
  return { items: views, total: views.length };
}

export async function getTemplate(ctx: ActorContext, id: number): Promise<TemplateView> {
  const [row] = await ctx.db
    .select()
    .from(inspectionTemplate)
    .where(and(eq(inspectionTemplate.districtCode, ctx.actor.districtCode), eq(inspectionTemplate.id, id)));
  if (!row) throw templateNotFound();
  return toView(row, await templateItems(ctx, row.districtCode, row.id));
}

/** A new template (items cannot change once inspections use them: to change items, make a new template). */
export async function createTemplate(ctx: ActorContext, body: CreateTemplateBody): Promise<TemplateView> {
  const id = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const templateId = await insertTemplate(txCtx, ctx.actor.districtCode, body.name, false, body.items);
    await writeAudit(txCtx, { action: 'inspection_template.create', objectType: 'inspection_template', objectId: templateId });
    return templateId;
  });
  return getTemplate(ctx, id);
}

export async function updateTemplate(ctx: ActorContext, id: number, body: UpdateTemplateBody): Promise<TemplateView> {
  const current = await getTemplate(ctx, id);
  await ctx.db.transaction(async (tx) => {
    if (body.isDefault === true && !current.isDefault) {
      await tx
        .update(inspectionTemplate)
        .set({ isDefault: false })
        .where(and(eq(inspectionTemplate.districtCode, ctx.actor.districtCode), eq(inspectionTemplate.isDefault, true)));
    }
    await tx
      .update(inspectionTemplate)
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.isActive === undefined ? {} : { isActive: body.isActive }),
        ...(body.isDefault === true ? { isDefault: true, isActive: true } : {}),
      })
      .where(and(eq(inspectionTemplate.districtCode, ctx.actor.districtCode), eq(inspectionTemplate.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'inspection_template.update',
        objectType: 'inspection_template',
        objectId: id,
        detail: { fields: Object.keys(body) },
      },
    );
  });
  return getTemplate(ctx, id);
}
