import { and, asc, eq } from 'drizzle-orm';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { street } from '../../../platform/org/org.tables.ts';
import type { EntityView, RevealBody } from '../registry.schemas.ts';
import { entityStatusHistory, licence, premises } from '../registry.tables.ts';
import { findEntityInScope } from './entity-scope.ts';

/** The entity page: identity (personal data masked), licences, premises and status history. */
export async function getEntity(ctx: ActorContext, id: number): Promise<EntityView> {
  const row = await findEntityInScope(ctx, id);
  const [licences, places, history, [streetRow]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(licence)
        .where(and(eq(licence.districtCode, row.districtCode), eq(licence.entityId, row.id)))
        .orderBy(asc(licence.kind), asc(licence.issuedOn)),
    () =>
      ctx.db
        .select()
        .from(premises)
        .where(and(eq(premises.districtCode, row.districtCode), eq(premises.entityId, row.id)))
        .orderBy(asc(premises.id)),
    () =>
      ctx.db
        .select()
        .from(entityStatusHistory)
        .where(and(eq(entityStatusHistory.districtCode, row.districtCode), eq(entityStatusHistory.entityId, row.id)))
        .orderBy(asc(entityStatusHistory.since), asc(entityStatusHistory.id)),
    () =>
      ctx.db
        .select({ name: street.name })
        .from(street)
        .where(and(eq(street.districtCode, row.districtCode), eq(street.code, row.streetCode))),
  );
  return {
    id: row.id,
    districtCode: row.districtCode,
    creditCode: row.creditCode,
    name: row.name,
    kind: row.kind,
    legalRepName: row.legalRepName,
    legalRepIdMasked: row.legalRepIdMask,
    phoneMasked: row.phoneMask,
    industryCode: row.industryCode,
    registeredCapitalWan: row.registeredCapitalWan,
    foundedOn: row.foundedOn,
    status: row.status,
    statusSince: row.statusSince,
    endedOn: row.endedOn,
    address: row.address,
    streetCode: row.streetCode,
    streetName: streetRow?.name ?? '',
    communityCode: row.communityCode,
    lng: row.lng,
    lat: row.lat,
    businessCategory: row.businessCategory,
    revision: row.revision,
    licences: licences.map((item) => ({
      id: item.id,
      kind: item.kind,
      number: item.number,
      issuer: item.issuer,
      issuedOn: item.issuedOn,
      validUntil: item.validUntil,
      scopeItems: item.scopeItems,
      status: item.status,
    })),
    premises: places.map((place) => ({
      id: place.id,
      label: place.label,
      address: place.address,
      streetCode: place.streetCode,
      communityCode: place.communityCode,
      lng: place.lng,
      lat: place.lat,
      isRegisteredAddress: place.isRegisteredAddress,
    })),
    statusHistory: history.map((change) => ({ status: change.status, since: change.since, reason: change.reason })),
  };
}

/**
 * Shows one piece of personal data in clear, to a role that needs it and inside its scope (the route
 * checks the role); the reveal and its reason go to the audit trail in the same transaction.
 */
export async function revealEntityField(ctx: ActorContext, id: number, input: RevealBody) {
  const row = await findEntityInScope(ctx, id);
  const ciphertext = input.field === 'legalRepIdNumber' ? row.legalRepIdEnc : row.phoneEnc;
  const value = ciphertext ? ctx.crypto.decrypt(ciphertext) : null;
  await ctx.db.transaction(async (tx) => {
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: input.field === 'legalRepIdNumber' ? 'entity.reveal_id_number' : 'entity.reveal_phone',
        objectType: 'entity',
        objectId: row.id,
        reason: input.reason,
        districtCode: row.districtCode,
        detail: { field: input.field },
      },
    );
  });
  return { field: input.field, value };
}
