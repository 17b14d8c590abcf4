import { addDays, addMonths } from '../../../../shared/calendar-day.ts';

/**
 * 免办3C产品的后续监管: when the next follow-up check of a CCC exemption is due. The seed asks for the follow-up
 * ("加强免办3C产品认证企业的后续监管"); no national interval was found, so the intervals are a BUREAU SETTING
 * (docs/decisions/0034): a first check within 30 days of the grant (are the exempt products used only for the
 * exempted purpose?), then every 6 months while the exemption runs, and a closing check within 30 days after it
 * expires (no exempt product sold on). Nothing is due for a revoked exemption or after the closing check.
 */
export const cccFollowUpSetting = { source: 'bureau_setting', firstWithinDays: 30, everyMonths: 6, closingWithinDays: 30 } as const;

export function cccFollowUpDue(
  exemption: { grantedOn: string; expiresOn: string; isRevoked: boolean },
  lastCheckedOn: string | null,
  setting: typeof cccFollowUpSetting = cccFollowUpSetting,
): string | null {
  if (exemption.isRevoked) return null;
  if (lastCheckedOn !== null && lastCheckedOn >= exemption.expiresOn) return null;
  const closing = addDays(exemption.expiresOn, setting.closingWithinDays);
  const next =
    lastCheckedOn === null ? addDays(exemption.grantedOn, setting.firstWithinDays) : addMonths(lastCheckedOn, setting.everyMonths);
  // ISO days compare as text.
  if (next > closing) return closing;
  return next;
}
