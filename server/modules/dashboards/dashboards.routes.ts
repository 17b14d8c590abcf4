import { bureauStaffRoles, leadershipRoles } from '../../../shared/roles.ts';
import type { FigureDefinition } from '../../platform/figures/figure-definition.ts';
import { actorContextOf, contextOf } from '../../platform/http/context.ts';
import { fileResponse, type RoutePlugin, requireRole } from '../../platform/http/routes.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import {
  FiguresExportQuery,
  NewScreenTokenView,
  ScreenTokenBody,
  ScreenTokenList,
  ScreenTokenView,
  ScreenView,
} from './dashboards.schemas.ts';
import { exportFigures } from './service/figures-export.ts';
import { screenData } from './service/screen-data.ts';
import { createScreenToken, districtOfScreenToken, listScreenTokens, revokeScreenToken } from './service/screen-tokens.ts';

const tags = ['dashboards'];
const screenManagers = requireRole(...leadershipRoles);
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Home-page exports, the big screen's tokens and the big screen's data (a kiosk: token, no sign-in). */
export function dashboardRoutes(figures: readonly FigureDefinition[]): RoutePlugin {
  return (app, platform) => {
    app.get(
      '/api/v1/dashboards/figures.xlsx',
      {
        preHandler: requireRole(...bureauStaffRoles),
        schema: { tags, querystring: FiguresExportQuery, response: { 200: fileResponse(xlsx, 'The figures, .xlsx') } },
      },
      async (request, reply) => {
        const body = await exportFigures(actorContextOf(platform, request), figures, request.query);
        return reply
          .type(xlsx)
          .header(
            'content-disposition',
            `attachment; filename="figures-${request.query.module ? `${request.query.module}-` : ''}${request.query.period.replaceAll('.', '')}.xlsx"`,
          )
          .send(body);
      },
    );
    app.get('/api/v1/screen-tokens', { preHandler: screenManagers, schema: { tags, response: { 200: ScreenTokenList } } }, (request) =>
      listScreenTokens(actorContextOf(platform, request)),
    );
    app.post(
      '/api/v1/screen-tokens',
      { preHandler: screenManagers, schema: { tags, body: ScreenTokenBody, response: { 201: NewScreenTokenView } } },
      async (request, reply) => reply.status(201).send(await createScreenToken(actorContextOf(platform, request), request.body)),
    );
    app.post(
      '/api/v1/screen-tokens/:id/revoke',
      { preHandler: screenManagers, schema: { tags, params: IdParams, response: { 200: ScreenTokenView } } },
      (request) => revokeScreenToken(actorContextOf(platform, request), request.params.id),
    );
    // The kiosk sends its token in a header, taken from the page address's fragment: never in a URL a log keeps.
    app.get('/api/screen/v1/district', { schema: { tags, response: { 200: ScreenView } } }, async (request) => {
      const ctx = contextOf(platform, request);
      const header = request.headers['x-screen-token'];
      const districtCode = await districtOfScreenToken(ctx, typeof header === 'string' ? header : undefined);
      return screenData(ctx, figures, districtCode);
    });
  };
}
