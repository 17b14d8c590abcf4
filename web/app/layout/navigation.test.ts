import { describe, expect, test } from 'vitest';
import { menuSelectionFor, navigation, visibleNavigation } from './navigation.ts';

describe('the side menu', () => {
  test('an admin sees Home and the Admin group with Users, Audit log and Jobs', () => {
    const items = visibleNavigation(['admin']);
    expect(items.map((item) => item.key)).toEqual(['/', 'admin']);
    expect(items[1]?.children?.map((item) => item.key)).toEqual(['/admin/users', '/admin/audit', '/admin/jobs']);
  });

  test('an inspector sees no Admin group at all, not an empty one', () => {
    expect(visibleNavigation(['inspector']).map((item) => item.key)).toEqual(['/']);
  });

  test('a group with no child visible to the user is dropped', () => {
    const items = visibleNavigation(['section'], [{ key: 'g', labelKey: 'x', children: [{ key: '/a', labelKey: 'a', roles: ['admin'] }] }]);
    expect(items).toEqual([]);
  });

  test('a page deep under a menu item selects that item and opens its group', () => {
    expect(menuSelectionFor('/admin/users/42', visibleNavigation(['admin']))).toEqual({ selected: ['/admin/users'], open: ['admin'] });
    expect(menuSelectionFor('/', navigation)).toEqual({ selected: ['/'], open: [] });
    expect(menuSelectionFor('/nowhere', navigation).selected).toEqual([]);
  });
});
