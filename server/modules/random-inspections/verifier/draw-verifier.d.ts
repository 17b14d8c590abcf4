import type { DrawDocument, DrawResult } from '../rules/draw-inspection-sample.ts';

export interface VerifierCheck {
  name: 'commitment' | 'seed' | 'result';
  ok: boolean;
  published: string;
  recomputed: string;
}

export function sha256Hex(text: string): string;
export function canonicalJson(value: unknown): string;
export function recomputeDraw(
  document: DrawDocument,
  hash?: (text: string) => string,
): { commitment: string; seed: string; result: DrawResult };
export function verifyDrawDocument(
  document: DrawDocument,
  hash?: (text: string) => string,
): { ok: boolean; checks: VerifierCheck[]; recomputed: { commitment: string; seed: string; result: DrawResult } };
