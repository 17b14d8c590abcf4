// Browser-test harness: the real server (bin/zhijian.js) on a fresh data folder and a free port, and Debian's
// Chromium driven by playwright-core. It builds nothing: run `npm run build` first so dist/web exists.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const adminPassword = 'Zhijian-Admin-2026!';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (no cookies, no localStorage) and a page in it. */
  newPage: (viewport?: { width: number; height: number }, options?: { isMobile?: boolean; javaScriptEnabled?: boolean }) => Promise<Page>;
  /** The server's output so far, for failure messages. */
  serverLog: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export interface HarnessOptions {
  /**
   * Start with the demo district (ZHIJIAN_DEMO=on: 51,632 entities and the demo accounts of
   * server/demo/demo-accounts.ts). e2e/global-setup.ts generates it once per run and each file starts on its own
   * copy; run alone (no global setup) it is generated here, which takes about a minute.
   */
  demo?: boolean;
}

/** Starts the server on `dataDir` and resolves when /api/health answers. */
function spawnServer(dataDir: string, port: number, demo: boolean): ChildProcess {
  return spawn(process.execPath, ['bin/zhijian.js', 'start'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ZHIJIAN_DEMO: demo ? 'on' : 'off',
      ZHIJIAN_ADMIN_PASSWORD: adminPassword,
      ZHIJIAN_JOBS: 'false',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(timer);
}

/**
 * Generates the demo district into `dataDir` by starting the server once and stopping it cleanly (the server
 * checkpoints the embedded database on SIGTERM, so the folder can then be copied).
 */
export async function generateDemoDataDir(dataDir: string): Promise<void> {
  let output = '';
  const port = await freePort();
  const server = spawnServer(dataDir, port, true);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  try {
    // Generous: on a shared two-core machine under load the demo district takes several minutes.
    await waitForHealth(`http://127.0.0.1:${port}`, server, () => output, 1_800_000);
  } finally {
    await stopChild(server);
  }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build` before the browser tests');
  }
  const workDir = await mkdtemp(join(tmpdir(), 'zhijian-e2e-'));
  const dataDir = join(workDir, 'data');
  const demoTemplate = options.demo ? inject('demoDataDir') : undefined;
  if (demoTemplate) await cp(demoTemplate, dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawnServer(dataDir, port, options.demo ?? false);
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const serverLog = () => output;

  const stopServer = async () => {
    await stopChild(server);
    await rm(workDir, { recursive: true, force: true });
  };

  let browser: Browser;
  try {
    await waitForHealth(baseUrl, server, serverLog, options.demo ? 240_000 : 90_000);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await stopServer();
    throw error;
  }

  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    serverLog,
    newPage: async (viewport = { width: 1280, height: 800 }, options = {}) => {
      const context = await browser.newContext({
        viewport,
        baseURL: baseUrl,
        isMobile: options.isMobile,
        hasTouch: options.isMobile,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    stop: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await stopServer();
    },
  };
}

/** Signs in through the login page and waits for the shell's Home page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

/** Where screenshots go when E2E_SCREENSHOT_DIR is set (for looking at the UI by eye). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOT_DIR;
  if (!directory) return;
  await page.waitForTimeout(400); // let drawers and menus finish their animation
  await page.screenshot({ path: join(directory, `${name}.png`), fullPage: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo district's data folder made by e2e/global-setup.ts; undefined when a file runs without it. */
    demoDataDir: string | undefined;
  }
}
