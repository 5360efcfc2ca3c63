#!/usr/bin/env node
// End-to-end run of the Shop web client against a running API (which also serves the built
// client). Plain Node + playwright-core driving Debian's Chromium: `npx playwright install`
// cannot download browsers on our machines, and @playwright/test is not needed for one runner.
//
//   SHOP_URL=http://127.0.0.1:5000 SHOP_ADMIN_EMAIL=... SHOP_ADMIN_PASSWORD=... npm run e2e
//
// Scenarios: an admin creates a product; a new shopper finds it by search, filters, buys two,
// is declined with 4000000000000002, pays with 4242424242424242, sees the paid order in the
// personal center and cancels it (Refunded). Then screenshots (desktop + phone) of the main
// pages go to docs/screenshots/, and the time until home and product list show content is printed.
// Exit code 0 only if every step passed.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.SHOP_URL ?? 'http://127.0.0.1:5000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN_EMAIL = process.env.SHOP_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.SHOP_ADMIN_PASSWORD;
const LANGUAGE = process.env.SHOP_E2E_LANG ?? 'zh-CN'; // the shop's default
const SHOTS_DIR = path.resolve(here, process.env.SHOP_SCREENSHOTS_DIR ?? '../../docs/screenshots');
const FAILURES_DIR = path.resolve(here, '../test-results');
const TIMEOUT = Number(process.env.SHOP_E2E_TIMEOUT_MS ?? 20_000);
const BENCH_RUNS = Number(process.env.SHOP_E2E_BENCH_RUNS ?? 3);
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

const CARD_DECLINED = '4000000000000002';
const CARD_OK = '4242424242424242';
const runId = `e2e${Date.now().toString(36)}`; // one searchable word, unique per run

// ---------------------------------------------------------------- reporting

const results = [];
let browser;

function log(message) {
  process.stdout.write(`${message}\n`);
}

async function step(page, name, fn) {
  const started = performance.now();
  try {
    const value = await fn();
    const ms = Math.round(performance.now() - started);
    results.push({ name, ok: true, ms });
    log(`  ✓ ${name} (${ms} ms)`);
    return value;
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    results.push({ name, ok: false, ms, error });
    log(`  ✗ ${name} (${ms} ms)\n    ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n    ')}`);
    if (page) {
      await mkdir(FAILURES_DIR, { recursive: true });
      const file = path.join(FAILURES_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      log(`    screenshot: ${file}  url: ${page.url()}`);
      for (const line of (page.shopErrors ?? []).slice(-5)) log(`    browser ${line.slice(0, 400)}`);
    }
    throw new StepFailed(name);
  }
}

class StepFailed extends Error {}

async function scenario(name, fn) {
  log(`\n▶ ${name}`);
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof StepFailed)) {
      results.push({ name: `${name} (setup)`, ok: false, ms: 0, error });
      log(`  ✗ ${name}: ${error?.stack ?? error}`);
    }
    return undefined;
  }
}

function skip(name, reason) {
  results.push({ name, ok: false, skipped: true, ms: 0, error: new Error(reason) });
  log(`  - ${name}: SKIPPED (${reason})`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------- helpers

async function newPage({ viewport = DESKTOP, token, isMobile = false } = {}) {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport,
    isMobile,
    hasTouch: isMobile,
    deviceScaleFactor: isMobile ? 2 : 1,
    locale: LANGUAGE,
  });
  // Language (and, for screenshot pages, the session) as the app keeps them: in localStorage.
  await context.addInitScript(
    ([language, jwt]) => {
      if (!window.localStorage.getItem('shop.lang')) window.localStorage.setItem('shop.lang', language);
      if (jwt && !window.localStorage.getItem('shop.token')) window.localStorage.setItem('shop.token', jwt);
    },
    [LANGUAGE, token ?? null],
  );
  const page = await context.newPage();
  // Browser-side errors explain most failures ("blank page"); keep them for the report.
  page.shopErrors = [];
  page.on('pageerror', (error) => page.shopErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && page.shopErrors.push(`console: ${message.text()}`));
  page.setDefaultTimeout(TIMEOUT);
  page.setDefaultNavigationTimeout(TIMEOUT * 2);
  return page;
}

/** antd puts data-testid on the <input> for plain inputs and on a wrapper for composite ones. */
function field(page, testId) {
  return page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function api(method, url, { token, body } = {}) {
  const response = await fetch(`${BASE}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const formatFen = (fen) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

async function login(page, email, password) {
  await page.goto('/login');
  await field(page, 'login-email').fill(email);
  await field(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page.evaluate(() => window.localStorage.getItem('shop.token'));
}

/** Opens an antd Select (by its data-testid) and picks the option with this data-testid, or the first. */
async function choose(page, selectTestId, optionTestId) {
  const select = page.getByTestId(selectTestId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const option = optionTestId ? dropdown.getByTestId(optionTestId) : dropdown.locator('.ant-select-item-option').first();
    await option.waitFor();
    await page.waitForTimeout(250); // the dropdown slides in; a click mid-animation can miss
    await option.click();
    // Picked when the select shows a value and the dropdown has closed.
    const picked = await select
      .locator('.ant-select-content-has-value, .ant-select-selection-item')
      .first()
      .waitFor({ timeout: 2000 })
      .then(() => true, () => false);
    if (picked || attempt >= 3) return;
    await page.keyboard.press('Escape');
  }
}

/** Search can lag behind a write (the catalog index is eventually consistent): retry a little. */
async function waitForSearchHit(page, url, productId, attempts = 10) {
  for (let i = 1; ; i++) {
    await page.goto(url);
    const card = page.locator(`[data-testid="product-card"][data-product-id="${productId}"]`);
    const empty = page.getByTestId('products-empty');
    await card.or(empty).first().waitFor();
    if (await card.isVisible()) return card;
    if (i >= attempts) throw new Error(`product ${productId} not found at ${url} after ${attempts} tries`);
    await page.waitForTimeout(1000);
  }
}

// ---------------------------------------------------------------- scenarios

async function preflight() {
  const response = await fetch(`${BASE}/api/categories`).catch((error) => ({ ok: false, status: String(error.cause ?? error) }));
  expect(response.ok, `the API is not answering at ${BASE}/api/categories (${response.status}); start it or set SHOP_URL`);
  const index = await fetch(`${BASE}/products?from=e2e`).then((r) => r.text());
  expect(index.includes('id="root"'), `${BASE}/products does not serve the web client's index.html (build web/ and let the API serve it)`);
}

async function adminCreatesProduct() {
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
    skip('admin creates a product', 'set SHOP_ADMIN_EMAIL and SHOP_ADMIN_PASSWORD');
    return undefined;
  }
  const page = await newPage();
  const name = `E2E Desk Lamp ${runId}`;
  const token = await step(page, 'admin logs in', async () => {
    const jwt = await login(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.locator('[data-testid="account-menu"][data-role="admin"]').waitFor();
    return jwt;
  });
  await step(page, 'admin sees admin navigation', async () => {
    await page.getByTestId('nav-admin-products').click();
    await page.getByTestId('admin-products').waitFor();
  });
  await step(page, 'admin creates a product', async () => {
    await page.getByTestId('admin-product-create').click();
    await field(page, 'product-form-name').fill(name);
    await field(page, 'product-form-description').fill(`Created by the end-to-end run ${runId}.`);
    await field(page, 'product-form-price').fill('45.50');
    await field(page, 'product-form-stock').fill('20');
    await choose(page, 'product-form-category');
    await field(page, 'product-form-brand').fill('E2E');
    await page.getByTestId('product-form-submit').click();
    await page.getByTestId('product-form').waitFor({ state: 'hidden' });
  });
  const product = await step(page, 'the new product is in the catalog', async () => {
    for (let i = 0; i < 10; i++) {
      const found = await api('GET', `/api/products?q=${runId}`);
      const hit = found.items.find((p) => p.name === name);
      if (hit) return hit;
      await page.waitForTimeout(1000);
    }
    throw new Error(`GET /api/products?q=${runId} does not list "${name}"`);
  });
  await step(page, 'admin orders page loads', async () => {
    await page.getByTestId('nav-admin-orders').click();
    await page.getByTestId('admin-orders').waitFor();
  });
  await page.context().close();
  return { product, adminToken: token };
}

async function pickCatalogProduct() {
  const page = await api('GET', '/api/products?inStock=true&pageSize=50');
  const product = page.items.find((p) => p.stock >= 5);
  expect(product, 'no product with at least 5 in stock in the catalog');
  return product;
}

async function shopperJourney(product) {
  const page = await newPage();
  const email = `${runId}@example.com`;
  const password = `Pw-${runId}-ok`;
  const searchWord = product.name.includes(runId) ? runId : product.name;
  const minYuan = Math.floor(product.price / 100);
  const maxYuan = Math.ceil(product.price / 100) + 1;

  await step(page, 'home shows categories and products', async () => {
    await page.goto('/');
    await page.locator('[data-testid="featured-categories"] [data-testid="category-card"]').first().waitFor();
    await page.locator('[data-testid="featured-products"] [data-testid="product-card"]').first().waitFor();
  });
  await step(page, "antd's build-time styles style the page in the theme", async () => {
    // antd runs without its CSS-in-JS (theme.zeroRuntime): a component whose styles the build did not give
    // to the page's chunk (build/antd-css.ts) would render unstyled, which no other step would notice.
    const button = await page.getByTestId('home-search').locator('.ant-btn').evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, radius: style.borderTopRightRadius, cursor: style.cursor };
    });
    expect(button.background === 'rgb(196, 51, 10)', `search button background is ${button.background}`);
    expect(button.radius !== '0px' && button.cursor === 'pointer', `search button not styled: ${JSON.stringify(button)}`);
    const layout = await page.locator('.ant-layout').first().evaluate((el) => getComputedStyle(el).display);
    expect(layout === 'flex', `antd layout is display:${layout}`);
  });
  await step(page, 'shopper registers', async () => {
    await page.getByTestId('header-register').click();
    await page.waitForURL('**/register');
    await field(page, 'register-name').fill('E2E Shopper');
    await field(page, 'register-email').fill(email);
    await field(page, 'register-password').fill(password);
    await field(page, 'register-confirm').fill(password);
    await page.getByTestId('register-submit').click();
    await page.getByTestId('account-menu').waitFor();
    expect(!new URL(page.url()).pathname.startsWith('/register'), 'still on the register page');
  });
  await step(page, 'searches from the home page', async () => {
    await page.goto('/');
    const box = page.getByTestId('home-search').locator('input');
    await box.fill(searchWord);
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/products' && url.searchParams.get('q') === searchWord);
    await waitForSearchHit(page, `/products?q=${encodeURIComponent(searchWord)}`, product.id);
  });
  await step(page, 'filters by category, stock, price and sort (all in the URL)', async () => {
    await choose(page, 'filter-category', `category-option-${product.category}`);
    await page.waitForURL((url) => url.searchParams.get('category') === product.category);
    await page.getByTestId('filter-in-stock').click(); // not check(): the box follows the URL, a moment later
    await page.waitForURL((url) => url.searchParams.get('inStock') === 'true');
    await field(page, 'filter-min-price').fill(String(minYuan));
    await field(page, 'filter-max-price').fill(String(maxYuan));
    await page.getByTestId('filter-price-apply').click();
    await page.waitForURL((url) => url.searchParams.get('minPrice') === String(minYuan) && url.searchParams.get('maxPrice') === String(maxYuan));
    await choose(page, 'sort-select', 'sort-option-price_asc');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'price_asc');
    await page.locator(`[data-testid="product-card"][data-product-id="${product.id}"]`).waitFor();
  });
  await step(page, 'the filtered URL survives a reload', async () => {
    await page.reload();
    await page.locator(`[data-testid="product-card"][data-product-id="${product.id}"]`).waitFor();
    expect((await field(page, 'filter-min-price').inputValue()) === String(minYuan), 'min price not restored from the URL');
    expect(await page.getByTestId('filter-in-stock').isChecked(), 'in-stock not restored from the URL');
  });
  await step(page, 'opens the product', async () => {
    await page.locator(`[data-testid="product-card"][data-product-id="${product.id}"]`).click();
    await page.waitForURL(`**/products/${product.id}`);
    await page.getByTestId('product-detail').waitFor();
    const price = await page.getByTestId('product-detail-price').textContent();
    expect(price?.includes(formatFen(product.price)), `price shows ${price}, expected ${formatFen(product.price)}`);
  });
  await step(page, 'adds it to the cart', async () => {
    await page.getByTestId('add-to-cart').click();
    await page.locator('[data-testid="cart-badge"]:not([data-count="0"])').waitFor();
  });
  await step(page, 'changes the quantity in the cart', async () => {
    await page.getByTestId('cart-badge').click();
    await page.waitForURL('**/cart');
    const line = page.locator(`[data-testid="cart-line"][data-product-id="${product.id}"]`);
    await line.waitFor();
    await line.getByTestId('quantity-increase').click();
    const expected = formatFen(product.price * 2);
    await page.waitForFunction(
      ([id, text]) => document.querySelector(`[data-testid="cart-line"][data-product-id="${id}"] [data-testid="cart-line-total"]`)?.textContent?.includes(text),
      [product.id, expected],
    );
    const subtotal = await page.getByTestId('cart-subtotal').textContent();
    expect(subtotal?.includes(expected), `subtotal ${subtotal}, expected ${expected}`);
  });
  const orderId = await step(page, 'checks out with an address', async () => {
    await page.getByTestId('checkout-button').click();
    await page.waitForURL('**/checkout');
    await field(page, 'address-name').fill('E2E Shopper');
    await field(page, 'address-phone').fill('13800138000');
    await field(page, 'address-province').fill('上海');
    await field(page, 'address-city').fill('上海市');
    await field(page, 'address-line1').fill('人民路 1 号');
    await field(page, 'address-postal-code').fill('200000');
    await page.getByTestId('place-order').click();
    await page.waitForURL((url) => url.searchParams.has('order'));
    await page.getByTestId('payment-panel').waitFor();
    return new URL(page.url()).searchParams.get('order');
  });
  await step(page, 'a declined card is shown and the order stays payable', async () => {
    await field(page, 'card-number').fill(CARD_DECLINED);
    await page.getByTestId('pay-button').click();
    await page.getByTestId('payment-declined').waitFor();
    await page.getByTestId('payment-panel').waitFor();
    await mkdir(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'payment-declined-desktop.png'), fullPage: true });
    const order = await page.evaluate(async (id) => {
      const res = await fetch(`/api/orders/${id}`, { headers: { Authorization: `Bearer ${localStorage.getItem('shop.token')}` } });
      return res.json();
    }, orderId);
    expect(order.status === 'PendingPayment', `order status after decline is ${order.status}`);
  });
  await step(page, 'pays with a good card', async () => {
    await field(page, 'card-number').fill(CARD_OK);
    await page.getByTestId('pay-button').click();
    await page.getByTestId('payment-success').waitFor();
  });
  await step(page, 'the paid order is in the personal center', async () => {
    await page.goto('/account/orders');
    await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"][data-status="Paid"]`).waitFor();
    await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).getByTestId('order-details-link').click();
    await page.locator(`[data-testid="order-detail"][data-status="Paid"]`).waitFor();
    const subtotal = product.price * 2;
    const expected = formatFen(subtotal + (subtotal >= 9900 ? 0 : 1000));
    const total = await page.getByTestId('order-total').textContent();
    expect(total?.includes(expected), `order total ${total}, expected ${expected} (subtotal + shipping rule)`);
    await page.locator('[data-testid="timeline-entry"][data-status="Paid"]').waitFor();
  });
  await step(page, 'cancelling the paid order refunds it', async () => {
    await page.getByTestId('cancel-order').click();
    await page.getByTestId('cancel-order-confirm').click();
    await page.locator('[data-testid="order-detail"][data-status="Refunded"]').waitFor();
    await page.locator('[data-testid="timeline-entry"][data-status="Refunded"]').waitFor();
  });
  await step(page, 'switching language updates the page and is remembered', async () => {
    const other = LANGUAGE === 'zh-CN' ? 'en-US' : 'zh-CN';
    await page.getByTestId(`lang-${other}`).click();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, other);
    await page.reload();
    await page.waitForFunction((lang) => document.documentElement.lang === lang, other);
    await page.getByTestId(`lang-${LANGUAGE}`).click();
  });
  const token = await page.evaluate(() => window.localStorage.getItem('shop.token'));
  await page.context().close();
  return { token, orderId };
}

async function screenshots({ product, shopperToken, adminToken, orderId }) {
  await mkdir(SHOTS_DIR, { recursive: true });
  // Something in the cart, so the cart and checkout pages show content.
  if (shopperToken) await api('POST', '/api/cart/items', { token: shopperToken, body: { productId: product.id, quantity: 1 } }).catch(() => {});
  const q = encodeURIComponent(product.name.includes(runId) ? runId : product.name.split(/\s+/)[0]);
  const pages = [
    { name: 'home', url: '/', ready: '[data-testid="featured-products"] [data-testid="product-card"]' },
    { name: 'products', url: '/products?sort=popular', ready: '[data-testid="product-card"]' },
    { name: 'search', url: `/products?q=${q}`, ready: '[data-testid="product-card"], [data-testid="products-empty"]' },
    { name: 'product', url: `/products/${product.id}`, ready: '[data-testid="product-detail"]' },
    { name: 'login', url: '/login', ready: '[data-testid="login-form"]', anonymous: true },
    { name: 'register', url: '/register', ready: '[data-testid="register-form"]', anonymous: true },
    { name: 'cart', url: '/cart', ready: '[data-testid="cart-line"], [data-testid="cart-empty"]', token: shopperToken },
    { name: 'checkout', url: '/checkout', ready: '[data-testid="checkout-form"], [data-testid="checkout-empty"]', token: shopperToken },
    { name: 'account', url: '/account', ready: '[data-testid="account-page"]', token: shopperToken },
    { name: 'orders', url: '/account/orders', ready: '[data-testid="order-row"], [data-testid="orders-empty"]', token: shopperToken },
    ...(orderId ? [{ name: 'order-detail', url: `/account/orders/${orderId}`, ready: '[data-testid="order-detail"]', token: shopperToken }] : []),
    ...(adminToken
      ? [
          { name: 'admin-products', url: '/admin/products', ready: '[data-testid="admin-product-row"]', token: adminToken },
          { name: 'admin-orders', url: '/admin/orders', ready: '[data-testid="admin-order-row"], [data-testid="admin-orders"] .ant-empty', token: adminToken },
        ]
      : []),
  ];
  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    for (const shot of pages) {
      if ('token' in shot && !shot.token) {
        skip(`screenshot ${shot.name}-${device}`, 'no logged-in user from the earlier scenarios');
        continue;
      }
      const page = await newPage({ viewport, token: shot.anonymous ? undefined : shot.token, isMobile: device === 'phone' });
      await step(page, `screenshot ${shot.name}-${device}`, async () => {
        await page.goto(shot.url);
        await page.locator(shot.ready).first().waitFor();
        await page.waitForLoadState('networkidle').catch(() => {});
        // Walk down the page so lazy images load before the full-page shot, then back up.
        await page.evaluate(async () => {
          for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
            window.scrollTo(0, y);
            await new Promise((resolve) => setTimeout(resolve, 60));
          }
          window.scrollTo(0, 0);
        });
        await page.waitForLoadState('networkidle').catch(() => {});
        await page.waitForTimeout(300); // let skeletons and images settle
        const box = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(box <= viewport.width + 1, `${shot.url} is ${box}px wide on a ${viewport.width}px screen (horizontal scrolling)`);
        await page.screenshot({ path: path.join(SHOTS_DIR, `${shot.name}-${device}.png`), fullPage: true });
      }).catch(() => {});
      if (device === 'phone' && shot.name === 'home') {
        await step(page, 'screenshot menu-phone (header drawer)', async () => {
          await page.getByTestId('mobile-menu-button').click();
          await page.locator('.ant-drawer-open [data-testid="drawer-nav-products"], .ant-drawer-content [data-testid="drawer-nav-products"]').first().waitFor();
          await page.waitForTimeout(400);
          await page.screenshot({ path: path.join(SHOTS_DIR, 'menu-phone.png') });
        }).catch(() => {});
      }
      await page.context().close();
    }
  }
  if (shopperToken) await api('DELETE', '/api/cart', { token: shopperToken }).catch(() => {});
  log(`  screenshots in ${SHOTS_DIR}`);
}

/** Time from starting navigation until the page shows real content (not a skeleton). */
async function benchmark() {
  const targets = [
    { name: 'home', url: '/', ready: '[data-testid="featured-products"] [data-testid="product-card"]' },
    { name: 'product list', url: '/products?sort=popular', ready: '[data-testid="product-grid"] [data-testid="product-card"]' },
  ];
  const rows = [];
  for (const target of targets) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < BENCH_RUNS; i++) {
      const page = await newPage();
      for (const bucket of [cold, warm]) {
        const started = performance.now();
        await page.goto(target.url, { waitUntil: 'commit' });
        await page.locator(target.ready).first().waitFor();
        bucket.push(performance.now() - started);
      }
      await page.context().close();
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    rows.push({ page: target.name, 'cold median ms': Math.round(median(cold)), 'cold max ms': Math.round(Math.max(...cold)), 'warm median ms': Math.round(median(warm)) });
  }
  log(`\nTime until content is visible (${BENCH_RUNS} runs each; cold = new browser context, warm = same context again):`);
  console.table(rows);
  return rows;
}

// ---------------------------------------------------------------- main

async function main() {
  log(`Shop e2e against ${BASE} (run ${runId}, language ${LANGUAGE}, Chromium ${CHROMIUM})`);
  await scenario('preflight', () => step(null, 'API and web client are served', preflight));
  if (results.some((r) => !r.ok)) return;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.HEADED,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const created = await scenario('admin: create a product', adminCreatesProduct);
    const product = created?.product ?? (await scenario('pick a catalog product (no admin product)', () => step(null, 'pick an in-stock product', pickCatalogProduct)));
    if (!product) return;
    const shopper = await scenario('shopper: search → filter → buy → decline → pay → cancel', () => shopperJourney(product));
    await scenario('screenshots', () =>
      screenshots({ product, shopperToken: shopper?.token ?? undefined, adminToken: created?.adminToken ?? undefined, orderId: shopper?.orderId }),
    );
    await scenario('benchmark', benchmark);
  } finally {
    await browser.close();
  }
}

await main().catch((error) => {
  results.push({ name: 'runner', ok: false, ms: 0, error });
  log(`runner crashed: ${error?.stack ?? error}`);
});

const failed = results.filter((r) => !r.ok);
const passed = results.length - failed.length;
log(`\n${passed} passed, ${failed.length} failed`);
for (const r of failed) log(`  ${r.skipped ? 'skipped' : 'failed'}: ${r.name}${r.error ? ` — ${String(r.error.message ?? r.error).split('\n')[0]}` : ''}`);
process.exit(failed.length ? 1 : 0);
