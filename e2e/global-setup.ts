// Generates the demo district once per browser-test run; each file then starts its server on a copy of it
// (startHarness({ demo: true })), instead of spending a minute generating it again. E2E_DEMO_DATA_DIR names a
// folder to keep it in between runs (generated there when empty), for running one file again and again.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateDemoDataDir } from './harness.ts';

let workDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const kept = process.env.E2E_DEMO_DATA_DIR;
  if (kept) {
    const ready = join(kept, 'ready');
    if (!existsSync(ready)) {
      await rm(join(kept, 'data'), { recursive: true, force: true });
      await generateDemoDataDir(join(kept, 'data'));
      await writeFile(ready, new Date().toISOString());
    }
    project.provide('demoDataDir', join(kept, 'data'));
    return;
  }
  workDir = await mkdtemp(join(tmpdir(), 'zhijian-e2e-demo-'));
  const dataDir = join(workDir, 'data');
  await generateDemoDataDir(dataDir);
  project.provide('demoDataDir', dataDir);
}

export async function teardown(): Promise<void> {
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
