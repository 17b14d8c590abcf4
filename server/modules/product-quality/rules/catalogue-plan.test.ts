import { describe, expect, it } from 'vitest';
import { catalogueFields } from '../../../../shared/vocabularies/product-quality.ts';
import { samplingCompletionPercent as completionPercent } from '../../sampling/index.ts';
import { cataloguePlan, fieldOfLink } from './catalogue-plan.ts';

describe('plans laid over the catalogue', () => {
  it('maps sampling links to fields: catering is not a field of product quality; no link is the whole plan', () => {
    expect(['production', 'circulation', 'e_commerce', 'catering', null].map(fieldOfLink)).toEqual([
      'production',
      'circulation',
      'e_commerce',
      null,
      'all',
    ]);
  });

  it('counts planned and done batches per plan, category and product, and the batches outside the catalogue', () => {
    const products = [
      { id: 1, category: '家具', name: '木家具', status: 'active' as const },
      { id: 2, category: '家具', name: '办公椅', status: 'retired' as const },
      { id: 3, category: '灯具', name: 'LED筒灯', status: 'active' as const },
    ];
    const view = cataloguePlan(
      catalogueFields,
      products,
      {
        plans: [{ id: 10, name: '计划', kind: 'routine' }],
        targets: [
          { planId: 10, link: 'production', category: null, targetBatches: 4 },
          { planId: 10, link: 'circulation', category: null, targetBatches: 2 },
          { planId: 10, link: 'production', category: '家具', targetBatches: 3 },
          { planId: 10, link: null, category: '灯具', targetBatches: 1 },
        ],
        batches: [
          { planId: 10, link: 'production', category: '家具', productType: '木家具', batches: 2 },
          { planId: 10, link: 'circulation', category: '家具', productType: '办公椅', batches: 1 },
          { planId: 10, link: 'circulation', category: '灯具', productType: 'LED筒灯', batches: 1 },
          { planId: 10, link: 'production', category: '鞋类', productType: '运动鞋', batches: 1 },
        ],
      },
      completionPercent,
    );
    expect(view.plans).toEqual([
      {
        id: 10,
        name: '计划',
        kind: 'routine',
        byField: {
          production: { planned: 7, done: 3 },
          circulation: { planned: 2, done: 2 },
          e_commerce: { planned: null, done: 0 },
        },
        targetBatches: 10,
        doneBatches: 5,
        completionPercent: '50.00',
      },
    ]);
    expect(view.categories).toEqual([
      {
        category: '家具',
        byField: {
          production: { planned: 3, done: 2 },
          circulation: { planned: null, done: 1 },
          e_commerce: { planned: null, done: 0 },
        },
        products: [
          { id: 1, name: '木家具', status: 'active', byField: { production: 2, circulation: 0, e_commerce: 0 }, batches: 2 },
          { id: 2, name: '办公椅', status: 'retired', byField: { production: 0, circulation: 1, e_commerce: 0 }, batches: 1 },
        ],
      },
      {
        category: '灯具',
        byField: {
          production: { planned: null, done: 0 },
          circulation: { planned: null, done: 1 },
          e_commerce: { planned: null, done: 0 },
        },
        products: [{ id: 3, name: 'LED筒灯', status: 'active', byField: { production: 0, circulation: 1, e_commerce: 0 }, batches: 1 }],
      },
    ]);
    expect(view.outsideCatalogue).toBe(1);
  });
});
