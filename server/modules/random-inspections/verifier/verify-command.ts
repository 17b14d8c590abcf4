import { readFile } from 'node:fs/promises';
import type { DrawDocument } from '../rules/draw-inspection-sample.ts';
import { sha256Hex } from '../rules/rivest-sampler.ts';
import { verifyDrawDocument } from './draw-verifier.js';

/**
 * `zhijian draw verify FILE`: recomputes a published draw with the standalone verifier (no database) and
 * prints each check. Returns the exit code: 0 when the commitment, the seed and the result all match.
 */
export async function verifyDrawFile(file: string, print: (line: string) => void = console.log): Promise<number> {
  const document = JSON.parse(await readFile(file, 'utf8')) as DrawDocument;
  const verdict = verifyDrawDocument(document, sha256Hex);
  print(
    `Draw ${document.inputs?.drawRef ?? '?'} (${document.format}): ${document.inputs?.objects.length ?? 0} objects, ${document.inputs?.inspectors.length ?? 0} inspectors`,
  );
  for (const check of verdict.checks) {
    print(`${check.ok ? 'OK      ' : 'MISMATCH'} ${check.name}: published ${check.published}; recomputed ${check.recomputed}`);
  }
  print(verdict.ok ? 'The draw is reproduced exactly.' : 'The draw does NOT match its published data.');
  return verdict.ok ? 0 : 1;
}
