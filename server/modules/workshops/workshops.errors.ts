import { defineError } from '../../platform/errors/app-error.ts';

export const appealNotFound = defineError('workshops.appeal_not_found', 404, { 'zh-CN': '找不到该申诉', en: 'Appeal not found' });
export const snapshotExists = defineError('workshops.snapshot_exists', 409, {
  'zh-CN': '{period} 的红黑榜已发布，已发布的榜单不能修改',
  en: 'The {period} lists are already published; published lists cannot change',
});
