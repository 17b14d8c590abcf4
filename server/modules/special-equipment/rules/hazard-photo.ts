/**
 * Hazard photos: JPEG or PNG judged by their first bytes (the declared type does not count) — JPEG starts with the SOI
 * marker FF D8 followed by a marker FF (ISO/IEC 10918-1 B.1.1.3), PNG with its 8-byte signature (ISO/IEC 15948 §5.2) —
 * at most 5 MB each (a phone photo), at most 6 per hazard and stage. The same limits as food-safety inspection photos.
 */
export const hazardPhotoLimits = { fileSize: 5 * 1024 * 1024, perStage: 6 } as const;

/** Photos of the hazard as found (expert, staff) and as rectified (the user's evidence). */
export const hazardPhotoStages = ['found', 'rectified'] as const;
export type HazardPhotoStage = (typeof hazardPhotoStages)[number];

export type PhotoType = 'image/jpeg' | 'image/png';
export type PhotoProblem = 'not_image' | 'empty' | 'too_large';

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffPhotoType(content: Uint8Array): PhotoType | undefined {
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (png.every((byte, index) => content[index] === byte)) return 'image/png';
  return undefined;
}

/** Size from a base64 text's length, so an oversize upload is refused before it is decoded. */
export function base64Size(base64: string): number {
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

/** A data URL checked: its bytes and real type, or the problem. */
export function checkPhotoDataUrl(dataUrl: string): { content: Buffer; type: PhotoType } | { problem: PhotoProblem } {
  const match = /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) return { problem: 'not_image' };
  const base64 = match[1] as string;
  if (base64Size(base64) > hazardPhotoLimits.fileSize) return { problem: 'too_large' };
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) return { problem: 'empty' };
  const type = sniffPhotoType(content);
  return type ? { content, type } : { problem: 'not_image' };
}
