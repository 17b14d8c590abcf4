/**
 * 食品安全法 Art. 88: the re-test (复检) lab is drawn at random from the published list and must not be the
 * lab that gave the first result. `random` returns a number in [0, 1) (a CSPRNG in production, a seeded
 * generator in the demo and tests). Returns null when no other lab is available.
 */
export function drawRetestLab(labIds: readonly number[], firstLabId: number | null, random: () => number): number | null {
  const candidates = [...new Set(labIds)].filter((id) => id !== firstLabId).sort((a, b) => a - b);
  if (candidates.length === 0) return null;
  const index = Math.min(Math.floor(random() * candidates.length), candidates.length - 1);
  return candidates[index] as number;
}
