import { defineError } from '../errors/app-error.ts';

export const figureNotFound = defineError('figures.not_found', 404, {
  'zh-CN': '没有这个统计指标',
  en: 'There is no such figure',
});
