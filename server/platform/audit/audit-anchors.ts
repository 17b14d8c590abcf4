import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Heads of the audit chains recorded outside the database. Someone who can write to the database but not to this
 * file (or to the log collector that receives the same lines) cannot delete the newest events and move audit_head
 * back unnoticed: `audit verify` checks the chain against every anchor. One JSON object per line, appended only.
 */
export interface AuditAnchor {
  at: string;
  districtCode: string;
  seq: number;
  hash: string;
}

/** ZHIJIAN_AUDIT_ANCHOR_FILE, else `audit-anchors.jsonl` in the data folder. */
export function anchorFileOf(config: Pick<Config, 'DATA_DIR' | 'ZHIJIAN_AUDIT_ANCHOR_FILE'>): string {
  return resolve(config.ZHIJIAN_AUDIT_ANCHOR_FILE ?? join(config.DATA_DIR, 'audit-anchors.jsonl'));
}

function isAnchor(value: unknown): value is AuditAnchor {
  const anchor = value as AuditAnchor;
  return (
    typeof anchor === 'object' &&
    anchor !== null &&
    typeof anchor.districtCode === 'string' &&
    Number.isSafeInteger(anchor.seq) &&
    typeof anchor.hash === 'string' &&
    typeof anchor.at === 'string'
  );
}

/** Every anchor in the file (none when it does not exist yet); a line cut short by a crash is skipped. */
export function readAnchors(file: string): AuditAnchor[] {
  if (!existsSync(file)) return [];
  const anchors: AuditAnchor[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isAnchor(parsed)) anchors.push(parsed);
    } catch {
      // A torn last line from a crash mid-append carries no anchor.
    }
  }
  return anchors;
}

/** Appends the anchors and flushes them to the disk before returning. */
export function appendAnchors(file: string, anchors: readonly AuditAnchor[]): void {
  if (!anchors.length) return;
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  try {
    appendFileSync(fd, anchors.map((anchor) => `${JSON.stringify(anchor)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
