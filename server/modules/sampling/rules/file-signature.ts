/**
 * Uploaded report and photo files are checked by their first bytes (magic numbers), not only by the
 * declared Content-Type: PDF starts with "%PDF-" (ISO 32000-1 §7.5.2), PNG with its 8-byte signature
 * (ISO/IEC 15948 §5.2), JPEG with the SOI marker FF D8 followed by a marker FF (ISO/IEC 10918-1 B.1.1.3).
 */
export const maxUploadBytes = 10 * 1024 * 1024;

const signatures: Record<'application/pdf' | 'image/png' | 'image/jpeg', readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export type UploadCheck =
  | { ok: true; contentType: keyof typeof signatures }
  | { ok: false; reason: 'empty' | 'too_large' | 'type' | 'signature' };

export function checkUpload(declaredType: string | undefined, bytes: Uint8Array): UploadCheck {
  const contentType = (declaredType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(contentType in signatures)) return { ok: false, reason: 'type' };
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxUploadBytes) return { ok: false, reason: 'too_large' };
  const signature = signatures[contentType as keyof typeof signatures];
  const matches = signature.every((byte, index) => bytes[index] === byte);
  return matches ? { ok: true, contentType: contentType as keyof typeof signatures } : { ok: false, reason: 'signature' };
}
