import { describe, expect, test } from 'vitest';
import { menuSelectionFor, navigation, visibleNavigation } from './navigation.ts';

describe('the side menu', () => {
  test('an admin sees Home and the Admin group with Users, Audit log and Jobs', () => {
    const items = visibleNavigation(['admin']);
    expect(items.map((item) => item.key)).toEqual(expect.arrayContaining(['/', 'admin']));
    expect(items.find((item) => item.key === 'admin')?.children?.map((item) => item.key)).toEqual([
      '/admin/users',
      '/admin/audit',
      '/admin/jobs',
    ]);
  });

  test('an inspector sees no Admin group at all, not an empty one', () => {
    expect(visibleNavigation(['inspector']).map((item) => item.key)).not.toContain('admin');
  });

  test('the registry: everyone who looks entities up sees the list; statistics and import only where the role allows', () => {
    const childrenFor = (role: Parameters<typeof visibleNavigation>[0][number]) =>
      visibleNavigation([role])
        .find((item) => item.key === 'registry')
        ?.children?.map((item) => item.key);
    expect(childrenFor('section')).toEqual(['/registry', '/registry/statistics', '/registry/import']);
    expect(childrenFor('leader')).toEqual(['/registry', '/registry/statistics']);
    expect(childrenFor('inspector')).toEqual(['/registry']);
    expect(childrenFor('lab')).toBeUndefined();
    expect(menuSelectionFor('/registry/entities/7', visibleNavigation(['inspector'])).selected).toEqual(['/registry']);
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
