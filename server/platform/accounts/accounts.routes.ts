import { actorContextOf } from '../http/context.ts';
import { IdParams, listOf, NoBody, type RoutePlugin, requireRole } from '../http/routes.ts';
import { CreatedUserView, CreateUserBody, InitialPasswordView, UpdateUserBody, UserListQuery, UserView } from './accounts.schemas.ts';
import { createUser, getUser, listUsers, resetPassword, resetTotp, setUserDisabled, updateUser } from './accounts.service.ts';

export const accountRoutes: RoutePlugin = (app, platform) => {
  const adminOnly = { preHandler: requireRole('admin') };
  const tags = ['accounts'];

  app.get('/api/v1/users', { ...adminOnly, schema: { tags, querystring: UserListQuery, response: { 200: listOf(UserView) } } }, (request) =>
    listUsers(actorContextOf(platform, request), request.query),
  );
  app.post(
    '/api/v1/users',
    { ...adminOnly, schema: { tags, body: CreateUserBody, response: { 201: CreatedUserView } } },
    async (request, reply) => reply.status(201).send(await createUser(actorContextOf(platform, request), request.body)),
  );
  app.get('/api/v1/users/:id', { ...adminOnly, schema: { tags, params: IdParams, response: { 200: UserView } } }, (request) =>
    getUser(actorContextOf(platform, request), request.params.id),
  );
  app.patch(
    '/api/v1/users/:id',
    { ...adminOnly, schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserView } } },
    (request) => updateUser(actorContextOf(platform, request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/disable',
    { ...adminOnly, schema: { tags, params: IdParams, body: NoBody, response: { 200: UserView } } },
    (request) => setUserDisabled(actorContextOf(platform, request), request.params.id, true),
  );
  app.post(
    '/api/v1/users/:id/enable',
    { ...adminOnly, schema: { tags, params: IdParams, body: NoBody, response: { 200: UserView } } },
    (request) => setUserDisabled(actorContextOf(platform, request), request.params.id, false),
  );
  app.post(
    '/api/v1/users/:id/reset-password',
    { ...adminOnly, schema: { tags, params: IdParams, body: NoBody, response: { 200: InitialPasswordView } } },
    (request) => resetPassword(actorContextOf(platform, request), request.params.id),
  );
  app.post(
    '/api/v1/users/:id/reset-totp',
    { ...adminOnly, schema: { tags, params: IdParams, body: NoBody, response: { 200: UserView } } },
    (request) => resetTotp(actorContextOf(platform, request), request.params.id),
  );
};
