import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { adminPassword, type Harness, screenshot, signIn, startHarness } from './harness.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('the staff shell on a desktop', () => {
  test('an admin signs in, sees Home, switches to English, opens Admin → Users and logs out', async () => {
    const page = await harness.newPage({ width: 1280, height: 800 });

    // A visitor without a session is sent to sign in, in Chinese by default.
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByText('智监 · 智慧市场监管平台').waitFor();

    await signIn(page, 'admin', adminPassword);
    await page.getByText('欢迎').first().waitFor();
    const menu = page.getByTestId('nav-menu');
    await menu.getByText('首页').waitFor();
    await menu.getByText('系统管理').waitFor();
    await screenshot(page, 'shell-desktop-zh');

    // English, from the user menu; remembered on this device.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-language').click();
    // The English texts are fetched on the switch: allow a loaded machine its time.
    await menu.getByText('Home').waitFor({ timeout: 60_000 });
    await menu.getByText('Administration').waitFor();
    await page.getByText(/Welcome, /).waitFor();
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('zhijian.language'),
      ),
    ).toBe('en');

    // Admin → Users lists the admin account.
    await menu.getByText('Administration').click();
    await menu.getByText('Users').click();
    await page.waitForURL(/\/admin\/users$/);
    const table = page.getByTestId('user-table');
    await table.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await screenshot(page, 'users-desktop-en');

    // Log out: back on the sign-in page, still in English.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await page.waitForURL(/\/login/);
    await page.getByText('Zhijian · Smart Market Supervision').waitFor();

    // The session is gone: a page of the shell sends the browser back to sign in.
    await page.goto('/admin/users');
    await page.waitForURL(/\/login/);
  });

  test('an admin creates a user, sees the initial password once, and finds the user by search', async () => {
    const page = await harness.newPage();
    await signIn(page, 'admin', adminPassword);
    await page.goto('/admin/users');
    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('用户名').fill('e2e.inspector');
    await form.getByLabel('姓名').fill('测试执法员');
    await form.getByLabel('角色').click();
    // antd renders the visible options outside the accessible listbox, so pick the visible one.
    await page.locator('.ant-select-item-option', { hasText: '基层所执法人员' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /保\s*存/ }).click();

    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    expect((await secret.textContent())?.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'initial-password');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await secret.waitFor({ state: 'detached' });

    await page.getByPlaceholder('搜索用户名或姓名').fill('e2e');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=e2e/);
    await page.getByTestId('user-table').getByRole('cell', { name: 'e2e.inspector', exact: true }).waitFor();
    // The search result replaces the full list: the admin account drops out.
    await page.getByTestId('user-table').getByRole('cell', { name: 'admin', exact: true }).waitFor({ state: 'detached' });
  });

  test('a wrong password shows the server’s message and stays on the sign-in page', async () => {
    const page = await harness.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await screenshot(page, 'login');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});

describe('the staff shell on a phone', () => {
  test('the side menu is a drawer opened from the header', async () => {
    const page = await harness.newPage({ width: 390, height: 844 }, { isMobile: true });
    await signIn(page, 'admin', adminPassword);

    // No side menu on a phone until the hamburger opens the drawer.
    expect(await page.getByTestId('nav-menu').count()).toBe(0);
    await screenshot(page, 'shell-phone');
    await page.getByTestId('nav-toggle').click();
    const drawerMenu = page.getByTestId('nav-menu');
    await drawerMenu.waitFor();
    await screenshot(page, 'shell-phone-drawer');

    await drawerMenu.getByText('系统管理').click();
    await drawerMenu.getByText('审计日志').click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByTestId('audit-table').waitFor();
    // Choosing a page closes the drawer.
    await drawerMenu.waitFor({ state: 'detached' });
    await screenshot(page, 'audit-phone');
  });
});
