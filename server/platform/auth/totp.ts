import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 TOTP: 6 digits, 30-second steps, one step of clock drift either way. */
const period = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Zhijian', label, secret: Secret.fromBase32(secret), digits: 6, period, algorithm: 'SHA1' });
}

export async function totpEnrolment(secret: string, label: string): Promise<{ otpauthUri: string; qrSvg: string }> {
  const otpauthUri = totpFor(secret, label).toString();
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { otpauthUri, qrSvg };
}

/**
 * The time step a code belongs to, or null when it is wrong. A step at or before `lastUsedStep` is
 * refused, so an observed code cannot be replayed (ASVS 6.5.1).
 */
export function acceptedTotpStep(secret: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpFor(secret, 'check');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / period) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** A valid code for `now`: for tests and the CLI. */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, 'code').generate({ timestamp: now.getTime() });
}
