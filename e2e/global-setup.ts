// Generates the demo district once per browser-test run; each file then starts its server on a copy of it
// (startHarness({ demo: true })), instead of spending a minute generating it again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateDemoDataDir } from './harness.ts';

let workDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  workDir = await mkdtemp(join(tmpdir(), 'zhijian-e2e-demo-'));
  const dataDir = join(workDir, 'data');
  await generateDemoDataDir(dataDir);
  project.provide('demoDataDir', dataDir);
}

export async function teardown(): Promise<void> {
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
