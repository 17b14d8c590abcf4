import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { Db } from '../../../db/client.ts';
import { html, type PublicLanguage, publicPage, type SafeHtml } from '../../../platform/public-html/html.ts';
import { riDraw, riDrawObject, riDrawStratum, riPlan, riTask } from '../random-inspections.tables.ts';
import type { DrawDocument } from '../rules/draw-inspection-sample.ts';
import { buildDrawDocument, findPublicDraw } from './draws.ts';
import { drawRef } from './plans.ts';
import { outcomeTitles } from './tasks.ts';

const words = {
  'zh-CN': {
    title: '双随机、一公开',
    plans: '抽查计划',
    draws: '抽取记录（可验证）',
    results: '抽查结果公示',
    period: '抽查期间',
    departments: '实施部门',
    status: '状态',
    commitment: '承诺值（SHA-256）',
    seed: '随机种子来源',
    verify: '验证本次抽取',
    json: '下载验证数据（JSON）',
    none: '暂无',
    entity: '检查对象',
    result: '检查结果',
    inspectedOn: '检查日期',
    publishedOn: '公示日期',
    strata: '分层与抽取数量',
    tasks: '抽取结果',
    inspectors: '执法人员（执法证号）',
    statuses: { committed: '已公布承诺值，待输入种子', seeded: '已输入种子，待抽取', drawn: '已抽取，待公布', published: '已公布' },
    intro: '抽取前公布名录与承诺值；种子来自事先公告的公开来源；任何人可用验证页面或 zhijian draw verify 命令复算结果。',
  },
  en: {
    title: 'Double random, one public',
    plans: 'Inspection plans',
    draws: 'Draws (verifiable)',
    results: 'Published results',
    period: 'Period',
    departments: 'Departments',
    status: 'Status',
    commitment: 'Commitment (SHA-256)',
    seed: 'Seed source',
    verify: 'Verify this draw',
    json: 'Download the verification data (JSON)',
    none: 'None yet',
    entity: 'Inspected business',
    result: 'Result',
    inspectedOn: 'Inspected on',
    publishedOn: 'Published on',
    strata: 'Strata and sizes',
    tasks: 'Result of the draw',
    inspectors: 'Inspectors (certificate no.)',
    statuses: {
      committed: 'Commitment published, awaiting the seed',
      seeded: 'Seed entered, awaiting the draw',
      drawn: 'Drawn, awaiting publication',
      published: 'Published',
    },
    intro:
      'The directories and their commitment are published before the draw; the seed comes from public sources announced in advance; anyone can recompute the result with the verifier page or `zhijian draw verify`.',
  },
} as const;

/** `/public/random-inspections`: plans, draws with their verification data, published results. */
export async function renderPublicIndex(db: Db, districtCode: string, language: PublicLanguage): Promise<string> {
  const t = words[language];
  const plans = await db
    .select()
    .from(riPlan)
    .where(eq(riPlan.districtCode, districtCode))
    .orderBy(desc(riPlan.year), desc(riPlan.id))
    .limit(50);
  const draws = await db.select().from(riDraw).where(eq(riDraw.districtCode, districtCode)).orderBy(desc(riDraw.id)).limit(50);
  const results = await db
    .select({
      name: riDrawObject.name,
      creditCode: riTask.objectKey,
      result: riTask.result,
      inspectedOn: riTask.inspectedOn,
      publishedAt: riTask.publishedAt,
    })
    .from(riTask)
    .innerJoin(
      riDrawObject,
      and(
        eq(riDrawObject.districtCode, riTask.districtCode),
        eq(riDrawObject.drawId, riTask.drawId),
        eq(riDrawObject.objectKey, riTask.objectKey),
      ),
    )
    .where(and(eq(riTask.districtCode, districtCode), isNotNull(riTask.publishedAt)))
    .orderBy(desc(riTask.publishedAt), desc(riTask.id))
    .limit(200);
  const planTitle = new Map(plans.map((plan) => [plan.id, `${plan.code} ${plan.title}`]));
  const body = html`
<section><p class="muted">${t.intro}</p></section>
<section><h2>${t.plans}</h2>${
    plans.length
      ? html`<table><tr><th>${t.plans}</th><th>${t.period}</th><th>${t.departments}</th></tr>${plans.map(
          (plan) =>
            html`<tr><td>${plan.code}<br>${plan.title}</td><td>${plan.periodStart} – ${plan.periodEnd}</td><td>${plan.departments.join('、')}</td></tr>`,
        )}</table>`
      : html`<p class="muted">${t.none}</p>`
  }</section>
<section><h2>${t.draws}</h2>${
    draws.length
      ? html`<table><tr><th>${t.draws}</th><th>${t.status}</th><th>${t.commitment}</th></tr>${draws.map((draw) => {
          const ref = drawRef(districtCode, draw.id);
          return html`<tr><td><a href="/public/draws/${ref}${language === 'en' ? '?lang=en' : ''}">${ref}</a><br><span class="muted">${planTitle.get(draw.planId) ?? ''}</span></td><td>${t.statuses[draw.status]}</td><td><code>${draw.commitment.slice(0, 16)}…</code></td></tr>`;
        })}</table>`
      : html`<p class="muted">${t.none}</p>`
  }</section>
<section><h2>${t.results}</h2>${
    results.length
      ? html`<table><tr><th>${t.entity}</th><th>${t.result}</th><th>${t.inspectedOn}</th><th>${t.publishedOn}</th></tr>${results.map(
          (row) =>
            html`<tr><td>${row.name}<br><span class="muted">${row.creditCode}</span></td><td>${row.result ? outcomeTitles[row.result][language === 'en' ? 'en' : 'zh'] : ''}</td><td>${row.inspectedOn}</td><td>${row.publishedAt ? todayInChina(row.publishedAt) : ''}</td></tr>`,
        )}</table>`
      : html`<p class="muted">${t.none}</p>`
  }</section>`;
  return publicPage({ language, title: t.title, body, path: '/public/random-inspections' });
}

/** The public draw document (null if there is no such draw); the result only once published. */
export async function publicDrawDocument(db: Db, ref: string): Promise<DrawDocument | null> {
  const draw = await findPublicDraw(db, ref);
  if (!draw) return null;
  return buildDrawDocument(db, draw, { withResult: draw.status === 'published' });
}

/** `/public/draws/:ref`: one draw's ceremony, step by step, with links to its data and the verifier. */
export async function renderPublicDraw(db: Db, ref: string, language: PublicLanguage): Promise<string | null> {
  const draw = await findPublicDraw(db, ref);
  if (!draw) return null;
  const t = words[language];
  const [plan] = await db
    .select()
    .from(riPlan)
    .where(and(eq(riPlan.districtCode, draw.districtCode), eq(riPlan.id, draw.planId)));
  const strata = await db
    .select()
    .from(riDrawStratum)
    .where(and(eq(riDrawStratum.districtCode, draw.districtCode), eq(riDrawStratum.drawId, draw.id)));
  const document = draw.status === 'published' ? await buildDrawDocument(db, draw, { withResult: true }) : null;
  const names = document?.result?.tasks.length
    ? new Map(
        (
          await db
            .select({ key: riDrawObject.objectKey, name: riDrawObject.name })
            .from(riDrawObject)
            .innerJoin(
              riTask,
              and(
                eq(riTask.districtCode, riDrawObject.districtCode),
                eq(riTask.drawId, riDrawObject.drawId),
                eq(riTask.objectKey, riDrawObject.objectKey),
              ),
            )
            .where(and(eq(riDrawObject.districtCode, draw.districtCode), eq(riDrawObject.drawId, draw.id)))
        ).map((row) => [row.key, row.name]),
      )
    : new Map<string, string>();
  const tasks: SafeHtml = document?.result
    ? html`<table><tr><th>#</th><th>${t.entity}</th><th>${t.inspectors}</th></tr>${document.result.tasks.map(
        (task) =>
          html`<tr><td>${task.stratum}-${task.position}</td><td>${names.get(task.object) ?? ''}<br><span class="muted">${task.object}</span></td><td>${task.inspectors.join('、')}</td></tr>`,
      )}</table>`
    : html`<p class="muted">${t.statuses[draw.status]}</p>`;
  const body = html`
<section><h2>${plan?.code ?? ''} ${plan?.title ?? ''}</h2><p>${t.status}: ${t.statuses[draw.status]}</p>
<p>${t.commitment}:<br><code style="word-break:break-all">${draw.commitment}</code></p>
<p>${t.seed}: ${draw.seedAnnouncement}</p>
${draw.seedComponents ? html`<ul>${draw.seedComponents.map((item) => html`<li>${item.source}: <code style="word-break:break-all">${item.value}</code></li>`)}</ul>` : ''}
<p><a class="button" href="/public/draws/verify?ref=${ref}">${t.verify}</a> <a href="/public/draws/${ref}/verification.json">${t.json}</a></p></section>
<section><h2>${t.strata}</h2><table>${strata.map((row) => html`<tr><td>${row.label} (${row.creditClasses.join('/')})</td><td>${row.size} / ${row.population}</td></tr>`)}</table></section>
<section><h2>${t.tasks}</h2>${tasks}</section>`;
  return publicPage({ language, title: `${t.title} · ${ref}`, body, path: `/public/draws/${ref}` });
}

/** The standalone verifier page: plain HTML, its script in a separate file (CSP script-src 'self'). */
export function renderVerifyPage(language: PublicLanguage): string {
  const isEnglish = language === 'en';
  const body = html`
<section><p class="muted">${
    isEnglish
      ? 'Recomputes a draw from its published JSON in this browser: the commitment, the seed and every task. Nothing is sent to the server.'
      : '在本浏览器中根据公布的 JSON 复算抽取：承诺值、种子和每一条任务。不向服务器发送任何数据。'
  }</p>
<label for="draw-file">${isEnglish ? 'Verification JSON file' : '验证数据文件（JSON）'}</label><input type="file" id="draw-file" accept="application/json,.json">
<label for="draw-json">${isEnglish ? 'or paste it here' : '或粘贴到这里'}</label><textarea id="draw-json" rows="6"></textarea>
<p><button type="button" id="verify-button">${isEnglish ? 'Verify' : '验证'}</button></p>
<div id="verify-output" aria-live="polite"></div></section>
<script type="module" src="/public/draws/verify-page.js"></script>`;
  return publicPage({ language, title: isEnglish ? 'Verify a random draw' : '验证随机抽取', body, path: '/public/draws/verify' });
}
