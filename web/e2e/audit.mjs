#!/usr/bin/env node
// Lighthouse (mobile and desktop) and axe-core over the shop's main pages, against a running shop that
// serves the built client (scripts/web-audit.sh starts one). Prints two tables; exit code 1 when a score
// is below its threshold or axe finds a violation.
//
//   SHOP_URL=http://127.0.0.1:5000 node e2e/audit.mjs
//
// Lighthouse 12.2.3 (13 needs Node 22) with its default mobile profile (a mid-range phone on slow 4G,
// simulated) and its desktop preset, each page run LIGHTHOUSE_RUNS times (default 3) in a fresh browser,
// the median run (by performance score) reported. /cart is measured signed in with two products in the cart.
// axe-core (WCAG 2.0/2.1 A and AA, plus best practices) checks every page in both languages, at desktop and
// phone size, also with the popups open: selects, the account menu, the phone's menu, a form's errors.

import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const BASE = (process.env.SHOP_URL ?? 'http://127.0.0.1:5000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ONLY = process.env.AUDIT_ONLY; // "lighthouse" or "axe", to run one half
// Chromium here: no sandbox (root in CI), nothing that phones home during a measurement.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// The goals are mobile performance 90, desktop 98, accessibility 100, best practices 100, SEO 95. The
// thresholds guard what is reached today (docs/performance.md) against regressions, with room for a machine
// busy with other work: performance is mostly CPU time (mobile: under a 4× slowdown); the same build's cart
// page scored 64-72 on mobile and 88-97 on desktop as the load average moved between 3 and 14. Accessibility,
// best practices and SEO are at 100.
const THRESHOLDS = {
  mobile: { performance: 60, accessibility: 95, 'best-practices': 95, seo: 90 },
  desktop: { performance: 85, accessibility: 95, 'best-practices': 95, seo: 90 },
};

const failures = [];
let checks = 0;

// ------------------------------------------------------------------ a shopper with a cart

async function api(path, { method = 'GET', body, token } = {}) {
  const response = await fetch(BASE + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

async function shopperWithCart() {
  const auth = await api('/api/auth/register', {
    method: 'POST',
    body: { email: `audit-${Date.now().toString(36)}@example.com`, password: 'audit-password-1', name: '审计用户' },
  });
  const products = await api('/api/products?inStock=true&sort=popular&pageSize=2');
  for (const product of products.items) await api('/api/cart/items', { method: 'POST', token: auth.token, body: { productId: product.id, quantity: 1 } });
  return { token: auth.token, expiresAt: auth.expiresAt, productId: products.items[0].id };
}

/** Another shopper's paid order, so that the admin's order list has a row with its actions. */
async function paidOrder() {
  const auth = await api('/api/auth/register', {
    method: 'POST',
    body: { email: `audit-order-${Date.now().toString(36)}@example.com`, password: 'audit-password-1', name: '审计买家' },
  });
  const products = await api('/api/products?inStock=true&sort=popular&pageSize=1');
  await api('/api/cart/items', { method: 'POST', token: auth.token, body: { productId: products.items[0].id, quantity: 1 } });
  const shippingAddress = { name: '审计买家', phone: '13800138000', province: '上海', city: '上海市', line1: '人民路 1 号', postalCode: '200000' };
  const order = await api('/api/orders', { method: 'POST', token: auth.token, body: { shippingAddress } });
  await api(`/api/orders/${order.id}/pay`, { method: 'POST', token: auth.token, body: { method: 'card', cardNumber: '4242424242424242' } });
}

// ------------------------------------------------------------------ Lighthouse

async function lighthouseRun(url, formFactor, session) {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, '--headless=new'] });
  try {
    const page = await browser.newPage();
    if (session) {
      // Signed in as the shopper: Lighthouse clears caches but keeps localStorage, where the client keeps the token.
      await page.goto(`${BASE}/robots.txt`);
      await page.evaluate(({ token, expiresAt }) => {
        localStorage.setItem('shop.token', token);
        localStorage.setItem('shop.tokenExpiresAt', expiresAt);
      }, session);
    }
    const result = await lighthouse(url, { output: 'json', logLevel: 'error' }, formFactor === 'desktop' ? desktopConfig : undefined, page);
    const { categories, audits } = result.lhr;
    return {
      ok: categories.performance.score !== null && !result.lhr.runtimeError,
      error: result.lhr.runtimeError?.code ?? 'no performance score',
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      'best-practices': Math.round(categories['best-practices'].score * 100),
      seo: Math.round(categories.seo.score * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      finalUrl: result.lhr.finalDisplayedUrl,
      failing: Object.entries(audits)
        .filter(([id, audit]) => audit.score !== null && audit.score < 1 && ['accessibility', 'best-practices', 'seo'].some((c) => categories[c].auditRefs.some((ref) => ref.id === id && ref.weight > 0)))
        .map(([id]) => id),
    };
  } finally {
    await browser.close();
  }
}

/** A run that Lighthouse could not complete (no score: a page that did not paint in time) is run again, twice at most. */
async function measured(run) {
  for (let attempt = 1; ; attempt++) {
    const result = await run();
    if (result.ok || attempt === 3) return result;
    console.log(`  (a run without a score: ${result.error}; again)`);
  }
}

async function runLighthouse(pages) {
  const rows = [];
  for (const formFactor of ['mobile', 'desktop']) {
    for (const { name, path, session } of pages) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measured(() => lighthouseRun(BASE + path, formFactor, session)));
      // A busy machine can sink one run: a page under a threshold gets two more tries, and is judged by
      // its best run (a real regression sinks every run). The table still shows the median.
      const passes = (run) => Object.entries(THRESHOLDS[formFactor]).every(([category, minimum]) => run[category] >= minimum);
      for (let retry = 0; retry < 2 && !runs.some(passes); retry++) {
        console.log(`  (${name} ${formFactor} is under a threshold; another run)`);
        runs.push(await measured(() => lighthouseRun(BASE + path, formFactor, session)));
      }
      const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
      const best = runs.find(passes) ?? [...runs].sort((a, b) => b.performance - a.performance)[0];
      if (new URL(median.finalUrl).pathname !== new URL(BASE + path).pathname) failures.push(`${name}: Lighthouse ended on ${median.finalUrl}`);
      for (const [category, minimum] of Object.entries(THRESHOLDS[formFactor])) {
        checks++;
        if (best[category] < minimum) failures.push(`${name} (${formFactor}): ${category} ${best[category]} < ${minimum}${best.failing.length ? ` (failing: ${best.failing.join(', ')})` : ''}`);
      }
      rows.push({ name, formFactor, ...median, spread: runs.map((r) => r.performance).join('/') });
      console.log(`  lighthouse ${formFactor} ${name}: ${median.performance} (runs ${rows.at(-1).spread})`);
    }
  }
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log('\n| page | device | performance | FCP | LCP | TBT | CLS | accessibility | best practices | SEO |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.formFactor} | ${r.performance} (${r.spread}) | ${seconds(r.fcp)} | ${seconds(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${r.accessibility} | ${r['best-practices']} | ${r.seo} |`);
  }
}

// ------------------------------------------------------------------ axe

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } };

const SELECT_OPEN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/**
 * Each page, and the states worth checking on it beyond the first screen (popups, form errors). A state's
 * action returns the parts of the page it opened or changed (the popup and what opened it, whose ARIA state
 * changed too): axe checks only those, since the page around them was checked in its first state (a whole
 * page costs several seconds of axe on this machine).
 */
function axePages(productId) {
  const byTestId = (testId) => `[data-testid="${testId}"]`;
  const open = (testId) => async (page) => {
    await page.getByTestId(testId).locator('.ant-select-selector, [role=combobox]').first().click();
    await page.locator(SELECT_OPEN).first().waitFor();
    return [byTestId(testId), SELECT_OPEN];
  };
  const dialog = (testId) => async (page) => {
    await page.getByTestId(testId).first().click();
    await page.getByRole('dialog').first().waitFor();
    return [byTestId(testId), '.ant-modal-root'];
  };
  return [
    { name: '/', path: '/', ready: 'featured-products' },
    {
      name: '/products',
      path: '/products',
      ready: 'product-grid',
      states: { 'category select open': open('filter-category'), 'sort select open': open('sort-select') },
    },
    { name: '/products?q=耳机', path: `/products?q=${encodeURIComponent('耳机')}`, ready: 'product-grid' },
    {
      name: 'product page',
      path: `/products/${productId}`,
      ready: 'product-detail',
      // The reviews render as the reader scrolls near them: scrolled to, so that axe checks them too.
      prepare: async (page) => {
        await page.getByTestId('reviews-place').scrollIntoViewIfNeeded();
        await page.locator('[data-testid="rating-summary"], [data-testid="reviews-empty"]').first().waitFor({ timeout: 30_000 });
      },
    },
    {
      name: '/login',
      path: '/login',
      ready: 'login-form',
      states: {
        'errors shown': async (page) => {
          await page.getByTestId('login-submit').click();
          await page.locator('.ant-form-item-explain-error').first().waitFor();
          return '[data-testid="login-form"]';
        },
      },
    },
    { name: '/register', path: '/register', ready: 'register-form' },
    { name: '/cart', path: '/cart', ready: 'cart-line', signedIn: true },
    { name: '/checkout', path: '/checkout', ready: 'place-order', signedIn: true },
    { name: '/account', path: '/account', ready: 'account-layout', signedIn: true },
    { name: '/account/orders', path: '/account/orders', ready: 'account-layout', signedIn: true },
    { name: '/admin (dashboard)', path: '/admin', ready: 'sales-chart', admin: true },
    {
      name: '/admin/products',
      path: '/admin/products',
      ready: 'admin-product-row',
      admin: true,
      states: {
        'product form open': dialog('admin-product-create'),
        'stock dialog open': dialog('admin-product-stock-edit'),
      },
    },
    {
      name: '/admin/orders',
      path: '/admin/orders',
      ready: 'admin-order-row',
      admin: true,
      states: {
        'status select open': open('admin-order-status-filter'),
        'order expanded': async (page) => {
          await page.getByTestId('admin-order-row').first().locator('.ant-table-row-expand-icon').click();
          await page.locator('.shop-order-detail').first().waitFor();
          return [byTestId('admin-order-row'), '.shop-order-detail'];
        },
        'ship dialog open': dialog('admin-order-ship'),
      },
    },
    {
      name: '/admin/categories',
      path: '/admin/categories',
      ready: 'admin-category-row',
      admin: true,
      states: {
        'category form open': dialog('new-category'),
      },
    },
    // Reviews or none: the list, or its empty state, once loaded.
    { name: '/admin/reviews', path: '/admin/reviews', ready: 'admin-reviews', settled: '[data-testid="admin-review-row"], [data-testid="admin-reviews"] .ant-empty', admin: true },
  ];
}

/** Popups of the header: the account menu on a desktop, the menu drawer on a phone. */
const headerStates = {
  desktop: async (page) => {
    await page.getByTestId('account-menu').click();
    const menu = '.ant-dropdown:not(.ant-dropdown-hidden)';
    await page.locator(menu).first().waitFor();
    return ['[data-testid="account-menu"]', menu];
  },
  phone: async (page) => {
    await page.getByTestId('mobile-menu-button').click();
    await page.locator('.ant-drawer-open, .ant-drawer-content').first().waitFor();
    return ['[data-testid="mobile-menu-button"]', '.ant-drawer'];
  },
};

async function axeCombo(browser, pages, session, language, device, viewport, rows) {
  for (const spec of pages) {
    const context = await browser.newContext({ viewport, ...(device === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
    await context.addInitScript(
      ({ language, session }) => {
        localStorage.setItem('shop.lang', language);
        if (session) {
          localStorage.setItem('shop.token', session.token);
          localStorage.setItem('shop.tokenExpiresAt', session.expiresAt);
        }
      },
      { language, session: spec.admin ? adminSession : spec.signedIn || spec.path === '/' ? session : undefined },
    );
    try {
      const page = await context.newPage();
      const states = { '': null, ...(spec.states ?? {}), ...(spec.path === '/' ? { 'header menu open': headerStates[device] } : {}) };
      for (const [state, act] of Object.entries(states)) {
        await page.goto(BASE + spec.path);
        await page.getByTestId(spec.ready).first().waitFor({ timeout: 30_000 });
        if (spec.settled) await page.locator(spec.settled).first().waitFor({ timeout: 30_000 });
        if (spec.prepare) await spec.prepare(page);
        const scope = act ? await act(page) : null;
        await page.waitForTimeout(300); // popups' opening animations
        // Only the violations' nodes collected in full (each other result keeps one node): the same findings
        // for less work (the whole axe half: ~258 s before, 249 s after, one run each).
        const axe = new AxeBuilder({ page })
          .options({ resultTypes: ['violations'] }) // first: options() replaces what withTags() set
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
        for (const part of scope ? [scope].flat() : []) axe.include(part);
        const result = await axe.analyze();
        const label = `${spec.name}${state ? ` (${state})` : ''}`;
        checks++;
        rows.push({ label, language, device, violations: result.violations });
        for (const violation of result.violations) {
          failures.push(`axe ${label}, ${language}, ${device}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
        }
      }
    } finally {
      await context.close();
    }
  }
}

async function runAxe(pages, session) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const rows = [];
  // One language and device at a time spends most of its time waiting on the page: the four run side by side.
  const combos = ['zh-CN', 'en-US'].flatMap((language) => Object.entries(VIEWPORTS).map(([device, viewport]) => ({ language, device, viewport })));
  try {
    // Settled, not all: a run that fails is reported, and the others still finish before the browser closes.
    const runs = await Promise.allSettled(combos.map(({ language, device, viewport }) => axeCombo(browser, pages, session, language, device, viewport, rows)));
    runs.forEach((run, i) => run.status === 'rejected' && failures.push(`axe ${combos[i].language} ${combos[i].device}: ${run.reason?.message ?? run.reason}`));
  } finally {
    await browser.close();
  }
  const cell = (label, language, device) => {
    const row = rows.find((r) => r.label === label && r.language === language && r.device === device);
    return row ? (row.violations.length ? row.violations.map((v) => v.id).join(', ') : '0') : '—';
  };
  const labels = [...new Set(rows.map((r) => r.label))];
  console.log('\n| axe: page (state) | zh-CN desktop | zh-CN phone | en-US desktop | en-US phone |');
  console.log('|---|---:|---:|---:|---:|');
  for (const label of labels) {
    console.log(`| ${label} | ${cell(label, 'zh-CN', 'desktop')} | ${cell(label, 'zh-CN', 'phone')} | ${cell(label, 'en-US', 'desktop')} | ${cell(label, 'en-US', 'phone')} |`);
  }
  console.log(`\naxe: ${rows.length} checks, ${rows.filter((r) => r.violations.length).length} with violations`);
}

// ------------------------------------------------------------------ main

const session = await shopperWithCart();
// The admin pages are checked as the admin scripts/web-audit.sh creates.
const adminSession = await api('/api/auth/login', {
  method: 'POST',
  body: { email: process.env.AUDIT_ADMIN_EMAIL ?? 'audit-admin@shop.local', password: process.env.AUDIT_ADMIN_PASSWORD ?? 'audit-admin-password-1' },
});
console.log(`Auditing ${BASE} (Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, runs per page: ${RUNS})`);
if (ONLY !== 'axe') {
  await runLighthouse([
    { name: '/', path: '/' },
    { name: '/products', path: '/products' },
    { name: 'product page', path: `/products/${session.productId}` },
    { name: '/cart', path: '/cart', session },
  ]);
}
if (ONLY !== 'lighthouse') {
  await paidOrder();
  await runAxe(axePages(session.productId), session);
}

if (failures.length) {
  console.log(`\nFailed:`);
  for (const failure of failures) console.log(`  - ${failure}`);
}
// Checks: each Lighthouse category of each page and device, each axe run; a check can fail more than once.
const failed = Math.min(checks, failures.length);
console.log(`\n${checks - failed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
