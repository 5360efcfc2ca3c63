// Shared setup of the browser tests: the shop's API (admin token, a product, new shoppers), the UI
// language in every page, the browser's own errors (an uncaught one fails the test), and small helpers for
// the shop's antd forms. Specs import { test, expect } from here.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page, type Request } from '@playwright/test';

export { expect };

const here = path.dirname(fileURLToPath(import.meta.url));

export const LANGUAGE = process.env.SHOP_E2E_LANG ?? 'zh-CN'; // the shop's default
export const OTHER_LANGUAGE = LANGUAGE === 'zh-CN' ? 'en-US' : 'zh-CN';
/** Where the page screenshots go: the repo's docs/screenshots unless SHOP_SCREENSHOTS_DIR says otherwise. */
export const SHOTS_DIR = path.resolve(here, process.env.SHOP_SCREENSHOTS_DIR ?? '../../docs/screenshots');
export const TIMEOUT = Number(process.env.SHOP_E2E_TIMEOUT_MS ?? 20_000);
export const CARD_DECLINED = '4000000000000002';
export const CARD_OK = '4242424242424242';

/** Money as the shop shows it: ¥1,234.50 from fen. */
export const formatFen = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** Shipping is free from ¥99.00, else ¥10.00. */
export const orderTotal = (subtotal: number) => subtotal + (subtotal >= 9900 ? 0 : 1000);

export type Product = { id: string; name: string; price: number; category: string; stock: number };
export type Account = { email: string; password: string; token: string; expiresAt?: string };
export type Order = { id: string; status: string; total: number };

// ---------------------------------------------------------------- the API

/** The few API calls the tests set up and check state with. */
export class ShopApi {
  constructor(private readonly request: APIRequestContext) {}

  async call<T>(method: string, url: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<T> {
    const response = await this.request.fetch(url, {
      method,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      data: body,
    });
    const text = await response.text();
    if (!response.ok()) throw new Error(`${method} ${url} → ${response.status()} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async signIn(email: string, password: string): Promise<Account> {
    const answer = await this.call<{ token: string; expiresAt: string }>('POST', '/api/auth/login', { body: { email, password } });
    return { email, password, token: answer.token, expiresAt: answer.expiresAt };
  }

  async register(email: string, password: string, name: string): Promise<Account> {
    const answer = await this.call<{ token: string; expiresAt: string }>('POST', '/api/auth/register', {
      body: { email, password, name, language: LANGUAGE },
    });
    return { email, password, token: answer.token, expiresAt: answer.expiresAt };
  }

  search(word: string) {
    return this.call<{ items: Product[] }>('GET', `/api/products?q=${encodeURIComponent(word)}`);
  }

  order(id: string, token: string) {
    return this.call<Order>('GET', `/api/orders/${id}`, { token });
  }
}

// ---------------------------------------------------------------- pages

/** Signs the page's browser context in as the app does itself: the JWT in localStorage. */
export async function signIn(context: BrowserContext, account: Pick<Account, 'token' | 'expiresAt'>) {
  await context.addInitScript(([jwt, expiresAt]) => {
    if (!window.localStorage.getItem('shop.token')) {
      window.localStorage.setItem('shop.token', jwt);
      if (expiresAt) window.localStorage.setItem('shop.tokenExpiresAt', expiresAt);
    }
  }, [account.token, account.expiresAt ?? ''] as const);
}

/**
 * Waits until no request has been in flight for `quietMs`, like waitForLoadState('networkidle') but
 * not counting the live stream (GET /api/live), which a signed-in page keeps open for good.
 */
export async function waitForQuietNetwork(page: Page, quietMs = 500, timeout = 10_000) {
  const inflight = new Set<Request>();
  const onRequest = (request: Request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/live')) inflight.add(request);
  };
  const onDone = (request: Request) => inflight.delete(request);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    const deadline = Date.now() + timeout;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await page.waitForTimeout(100);
      if (inflight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
    }
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
}

/**
 * The path of the link in the newest email of `kind` the shop wrote to `to` (scripts/e2e.sh points
 * the shop's MAIL_PICKUP_DIR at SHOP_MAIL_DIR), waiting for it to be written.
 * `to` is matched in the To header, `linkPath` is where the link starts (e.g. /verify-email).
 */
export async function mailedLink(to: string, kind: string, linkPath: string): Promise<string> {
  const dir = process.env.SHOP_MAIL_DIR;
  if (!dir) throw new Error('set SHOP_MAIL_DIR (scripts/e2e.sh does)');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const file of (await readdir(dir)).filter((f) => f.includes(`-${kind}-`)).sort().reverse()) {
      const text = decodeMail(await readFile(path.join(dir, file), 'utf8'));
      if (!text.split(/\r?\n/).some((line) => /^To: /i.test(line) && line.includes(to))) continue;
      const link = text.match(new RegExp(`https?://[^/\\s]+(${linkPath}\\S*)`));
      if (link) return link[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${kind} email to ${to} in ${dir}`);
}

/** The headers and the decoded text parts of an .eml (base64 or quoted-printable). */
function decodeMail(eml: string): string {
  const parts = eml.split(/\r?\n\r?\n/);
  return parts
    .map((part, i) => {
      const headers = parts[i - 1] ?? '';
      if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(part.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
        return Buffer.from(part.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
      }
      return part;
    })
    .join('\n\n');
}

/** The UI language as the app keeps it (localStorage), unless the page already chose one. */
export async function useLanguage(context: BrowserContext, language = LANGUAGE) {
  await context.addInitScript((lang) => {
    if (!window.localStorage.getItem('shop.lang')) window.localStorage.setItem('shop.lang', lang);
  }, language);
}

/** antd puts data-testid on the <input> for plain inputs and on a wrapper for composite ones. */
export function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

export function productCard(page: Page, productId: string) {
  return page.locator(`[data-testid="product-card"][data-product-id="${productId}"]`);
}

/** Opens an antd Select (by its data-testid) and picks the option with this data-testid, or the first. */
export async function choose(page: Page, selectTestId: string, optionTestId?: string) {
  const select = page.getByTestId(selectTestId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const option = optionTestId ? dropdown.getByTestId(optionTestId) : dropdown.locator('.ant-select-item-option').first();
    await expect(option).toBeVisible();
    await page.waitForTimeout(250); // the dropdown slides in; a click mid-animation can miss
    await option.click();
    // Picked when the select shows a value.
    const value = select.locator('.ant-select-content-has-value, .ant-select-selection-item').first();
    const picked = await value.waitFor({ timeout: 2000 }).then(() => true, () => false);
    if (picked || attempt >= 3) return;
    await page.keyboard.press('Escape');
  }
}

/** Search can lag behind a write (the catalog index is eventually consistent): reload until the card is listed. */
export async function expectSearchHit(page: Page, url: string, productId: string) {
  const card = productCard(page, productId);
  await expect(async () => {
    await page.goto(url);
    await expect(card.or(page.getByTestId('products-empty')).first()).toBeVisible({ timeout: TIMEOUT });
    await expect(card, `product ${productId} listed at ${url}`).toBeVisible({ timeout: 100 });
  }).toPass({ intervals: [1000], timeout: 30_000 });
  return card;
}

// ---------------------------------------------------------------- fixtures

type WorkerFixtures = {
  /** One searchable word, unique per worker (so per run and project). */
  runId: string;
  api: ShopApi;
  /** The known admin of scripts/e2e.sh (SHOP_ADMIN_EMAIL / SHOP_ADMIN_PASSWORD), signed in through the API. */
  admin: Account;
  /** A product made for this run through the admin API (¥45.50, 20 in stock), already searchable. */
  product: Product;
};

type TestFixtures = {
  /** A shopper registered through the API for this test only. */
  shopper: Account;
  /**
   * pageerror and console errors of `page`, attached to the report when the test fails. A pageerror (an
   * uncaught exception) fails the test; one that a test provokes on purpose it removes from this list.
   */
  browserErrors: string[];
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  runId: [async ({}, use, workerInfo) => use(`e2e${Date.now().toString(36)}w${workerInfo.workerIndex}`), { scope: 'worker' }],

  api: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(new ShopApi(request));
      await request.dispose();
    },
    { scope: 'worker' },
  ],

  admin: [
    async ({ api }, use) => {
      const email = process.env.SHOP_ADMIN_EMAIL;
      const password = process.env.SHOP_ADMIN_PASSWORD;
      if (!email || !password) throw new Error('set SHOP_ADMIN_EMAIL and SHOP_ADMIN_PASSWORD (scripts/e2e.sh does)');
      await use(await api.signIn(email, password));
    },
    { scope: 'worker' },
  ],

  product: [
    async ({ api, admin, runId }, use) => {
      const [category] = await api.call<{ id: string }[]>('GET', '/api/categories');
      const name = `E2E Reading Lamp ${runId}`;
      const created = await api.call<Product>('POST', '/api/admin/products', {
        token: admin.token,
        body: { name, description: `Made for the browser tests ${runId}.`, price: 4550, stock: 20, category: category.id, brand: 'E2E' },
      });
      await expect
        .poll(async () => (await api.search(runId)).items.some((p) => p.id === created.id), {
          message: `GET /api/products?q=${runId} lists "${name}"`,
          intervals: [500, 1000],
          timeout: 15_000,
        })
        .toBe(true);
      await use(created);
    },
    { scope: 'worker' },
  ],

  context: async ({ context }, use) => {
    await useLanguage(context);
    await use(context);
  },

  shopper: async ({ api, runId }, use, testInfo) => {
    const email = `${runId}-t${testInfo.testId.slice(0, 8)}@example.com`.toLowerCase();
    await use(await api.register(email, `Pw-${runId}-ok`, 'E2E Shopper'));
  },

  browserErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      await use(errors);
      const uncaught = errors.filter((line) => line.startsWith('pageerror: '));
      if ((testInfo.status !== testInfo.expectedStatus || uncaught.length) && errors.length) {
        await testInfo.attach('browser errors', { body: errors.map((line) => line.slice(0, 400)).join('\n'), contentType: 'text/plain' });
      }
      // An exception the page did not catch is a bug even when the test's steps went through (a toast that
      // threw instead of showing). Console errors stay informational: the browser logs every 4xx the tests
      // provoke on purpose (a declined card, a wrong password, a visitor's 401) as one.
      expect(uncaught, 'uncaught exceptions in the page (pageerror)').toEqual([]);
    },
    { auto: true },
  ],
});
