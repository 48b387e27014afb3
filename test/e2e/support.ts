// Shared plumbing of the end-to-end tests: a demo county in a temp directory, `leitai serve`
// on a free port, Debian's chromium through playwright-core, and the page's console errors.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');
const CLI = path.join(REPO_ROOT, 'bin', 'leitai.js');
const CHROMIUM = process.env.LEITAI_CHROMIUM ?? '/usr/bin/chromium';

// The servers of these tests run on their own SQLite file: settings meant for a developer's
// own server must not leak in.
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['DATABASE_URL', 'LEITAI_DATA', 'HOST', 'PORT']) delete env[name];
  return env;
}

export interface TempDir {
  dir: string;
  remove: () => void;
}

export function makeTempDir(prefix = 'leitai-e2e-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `leitai <args>` to its end; rejects, with its output, unless it exits 0. */
export function runCli(args: string[], timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code === 0) resolve(result);
      else reject(new Error(`leitai ${args.join(' ')} exited ${code}\n${stdout}\n${stderr}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `leitai serve` on the data directory and a free port, and resolves once
 * /api/v1/health answers. The web app must be built first (`npm run build`).
 */
export async function startServer(dataDir: string, timeoutMs = 60_000): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build` before the e2e tests');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['serve', '--data', dataDir, '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: childEnv() });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`leitai serve exited ${child.exitCode} before it was ready\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return { url, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stop();
  throw new Error(`leitai serve did not answer /api/v1/health within ${timeoutMs} ms\n${output}`);
}

/** Debian's chromium, headless. Install it with `apt-get install -y chromium fonts-wqy-microhei`. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: apt-get install -y chromium fonts-wqy-microhei (or set LEITAI_CHROMIUM)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A desktop-sized context, as a county office's screen, in China's locale and time zone. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Well inside vitest's 30 s per test, so a stuck step fails with Playwright's own message.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Console errors and uncaught exceptions of a page, as they happen. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/** Saves a full-page PNG under test-output/e2e/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  // From the top, so the sticky header is not stitched into the middle of a long page.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Animations finished at once: no half-faded loading overlay or tooltip in the picture.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * Resolves once every chart on the page has been drawn and stopped moving: ECharts grows its bars
 * on a timer of its own, which CSS cannot switch off, so a screenshot waits until three readings
 * of the canvases in a row are the same.
 */
export async function chartsAtRest(page: Page, timeout = 10_000): Promise<void> {
  const canvases = page.locator('canvas');
  await canvases.first().waitFor();
  const read = () =>
    canvases.evaluateAll((list) =>
      list.map((c) => (c as HTMLCanvasElement).toDataURL('image/png')).join('\n'),
    );
  let last = '';
  let same = 0;
  await expect
    .poll(
      async () => {
        const now = await read();
        same = now === last ? same + 1 : 0;
        last = now;
        return same;
      },
      { timeout, interval: 150 },
    )
    .toBeGreaterThanOrEqual(2);
}

/**
 * The visible text of the page that is written in Latin letters, brand name excepted.
 * `ignore` drops data that is Latin by nature (indicator codes such as A1, user names).
 */
export async function latinTextOnPage(
  page: Page,
  allowed: string[] = ['Leitai'],
  ignore: RegExp[] = [],
): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts
  const text = await page.locator('body').innerText();
  const kept = allowed.reduce((s, word) => s.replaceAll(word, ' '), text);
  const rest = ignore.reduce((s, pattern) => s.replace(pattern, ' '), kept);
  return rest.match(/[A-Za-z][A-Za-z\s.,'’-]*/g)?.map((s) => s.trim()) ?? [];
}

/** Indicator codes (A1, B2, V1), file sizes and units of measure: Latin by nature, not UI text. */
export const DATA_CODES: RegExp[] = [/\b[A-Z]\d{1,2}\b/g, /\b\d+(\.\d+)?\s?(KB|MB|B)\b/g];

/** The demo users and their fresh passwords, from `leitai demo`'s lines `  <user> <password>  <name>`. */
export function demoPasswords(stdout: string): Record<string, string> {
  const passwords: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^ {2}([a-z][a-z0-9_.-]*)\s+(\S+)\s{2,}\S/.exec(line);
    if (match?.[1] && match[2]) passwords[match[1]] = match[2];
  }
  return passwords;
}

/** A command's secret: `init` and `token create` print it alone on their last line. */
export function lastLine(stdout: string): string {
  const lines = stdout.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim();
}

/** The JSON API as a script sees it: a bearer token, no cookie, no CSRF token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** What a browser suite works with: the demo county served from a temp folder, and a tab per test. */
export interface DemoSite {
  data: TempDir;
  server: RunningServer;
  browser: Browser;
  /** The demo users' passwords, as `leitai demo` printed them. */
  passwords: Record<string, string>;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

/**
 * Registers the hooks every browser suite needs: `leitai demo` into a temp folder, `leitai serve`
 * on it, chromium, and a fresh context and page for each test (console errors collected).
 * The returned object is filled in by the hooks; read it inside tests and hooks only.
 */
export function useDemoSite(): DemoSite {
  const site = {} as DemoSite;
  beforeAll(async () => {
    site.data = makeTempDir();
    // The demo builds five months of 35 contests: minutes on a busy machine.
    site.passwords = demoPasswords(
      (await runCli(['demo', '--data', site.data.dir], 300_000)).stdout,
    );
    site.server = await startServer(site.data.dir);
    site.browser = await launchBrowser();
  }, 420_000);
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
    site.data?.remove();
  });
  beforeEach(async () => {
    if (!site.browser || !site.server) throw new Error('set-up failed');
    site.context = await newContext(site.browser);
    site.page = await site.context.newPage();
    site.consoleErrors = collectConsoleErrors(site.page);
  });
  afterEach(async () => {
    await site.context?.close();
  });
  return site;
}
