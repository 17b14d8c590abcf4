import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChecklistAnswer, type GradedInspection, gradeChangeReason, gradeEntity, scoreInspection } from './entity-grade.ts';
import { gradingRulesFor } from './grading-rule-sets.ts';

const rules = gradingRulesFor('330212', '2020-06-01');
const answer = (result: ChecklistAnswer['result'], isKey = false): ChecklistAnswer => ({
  result,
  isKey,
  passTenths: 100,
  partialTenths: 50,
  failTenths: 0,
});
const inspection = (id: number, inspectedOn: string, scoreTenths: number, over: Partial<GradedInspection> = {}): GradedInspection => ({
  id,
  inspectedOn,
  scoreTenths,
  failedKeyItems: 0,
  dynamicGrade: scoreTenths >= 90 ? 'excellent' : scoreTenths >= 75 ? 'good' : scoreTenths >= 60 ? 'fair' : null,
  outcome: scoreTenths >= 75 ? 'compliant' : scoreTenths >= 60 ? 'basically-compliant' : 'non-compliant',
  ...over,
});

describe('scoring an inspection', () => {
  it('all pass → 10.0 优秀 符合; one partial of 8 → 9.4; na left out', () => {
    expect(scoreInspection(Array(8).fill(answer('pass')), rules)).toMatchObject({
      grade: { scoreTenths: 100, grade: 'excellent' },
      outcome: 'compliant',
      needsRectification: false,
    });
    const mixed = [...Array(7).fill(answer('pass')), answer('partial'), answer('na')];
    expect(scoreInspection(mixed, rules).grade).toMatchObject({ scoreTenths: 94, itemsInspected: 8 });
  });
  it('judges the result from the items, apart from the score: one failed key item is 不符合 at 9.2 优秀', () => {
    const healthCertificateFails = [answer('pass'), answer('pass'), answer('fail', true), ...Array(7).fill(answer('pass'))];
    healthCertificateFails[2] = { ...answer('fail', true), failTenths: 20 };
    expect(scoreInspection(healthCertificateFails, rules)).toMatchObject({
      grade: { isGraded: true, scoreTenths: 92, grade: 'excellent', failedKeyItems: 1 },
      outcome: 'non-compliant',
      needsRectification: true,
      needsInvestigation: true,
    });
  });
  it('general items wanting → 基本符合 with rectification whatever the grade; two failed key items → no grade, 不符合', () => {
    const fair = [...Array(6).fill(answer('pass')), ...Array(3).fill(answer('partial')), answer('fail')];
    expect(scoreInspection(fair, rules)).toMatchObject({ grade: { scoreTenths: 75, grade: 'good' }, outcome: 'basically-compliant' });
    const fairer = [...Array(5).fill(answer('pass')), ...Array(4).fill(answer('partial')), answer('fail')];
    expect(scoreInspection(fairer, rules)).toMatchObject({
      grade: { scoreTenths: 70, grade: 'fair' },
      outcome: 'basically-compliant',
      needsRectification: true,
    });
    const keyFails = [...Array(8).fill(answer('pass')), answer('fail', true), answer('fail', true)];
    expect(scoreInspection(keyFails, rules)).toMatchObject({
      grade: { isGraded: false, reason: 'key-items-failed', scoreTenths: 80 },
      outcome: 'non-compliant',
    });
  });
  it('property: every answer set yields a rectification exactly when the result is not 符合', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('pass', 'partial', 'fail', 'na'), fc.boolean()), { maxLength: 30 }), (rows) => {
        const result = scoreInspection(
          rows.map(([r, k]) => answer(r as ChecklistAnswer['result'], k)),
          rules,
        );
        return result.needsRectification === (result.outcome !== 'compliant');
      }),
    );
  });
});

describe('grading a business', () => {
  const base = { formats: [], licenceIssuedOn: '2015-01-01', incidentDates: [], since: '2015-01-01' };
  it('never inspected: no dynamic grade, risk from static 15 + half dynamic 30 = 45 → B, due since the licence', () => {
    expect(gradeEntity({ ...base, inspections: [] }, '2020-06-01', rules)).toMatchObject({
      dynamicGrade: null,
      annualGrade: null,
      riskGrade: 'B',
      riskPoints: 45,
      nextDueOn: '2015-01-01',
    });
  });
  it('latest inspection decides the dynamic grade; annual over 12 months; risk A after a 10.0 → due in 12 months', () => {
    const graded = gradeEntity(
      { ...base, inspections: [inspection(1, '2019-05-01', 70), inspection(2, '2020-03-10', 100), inspection(3, '2019-09-01', 80)] },
      '2020-06-01',
      rules,
    );
    expect(graded).toMatchObject({
      dynamicGrade: 'excellent',
      dynamicScoreTenths: 100,
      annualGrade: 'A',
      annualMeanTenths: 90,
      riskGrade: 'A',
      riskPoints: 15,
      lastInspectedOn: '2020-03-10',
      nextDueOn: '2021-03-10',
    });
  });
  it('a bad inspection raises the risk grade and pulls the due date in (C → 6 months, D → 4 months)', () => {
    // score 4.0 → dynamic 36 + static 15 = 51 → C; 4.0 with two failed key items → 36 + 20 + 15 = 71 → D.
    const c = gradeEntity({ ...base, inspections: [inspection(1, '2020-03-10', 40)] }, '2020-06-01', rules);
    expect(c).toMatchObject({ riskGrade: 'C', riskPoints: 51, nextDueOn: '2020-09-10' });
    const d = gradeEntity({ ...base, inspections: [inspection(1, '2020-03-10', 40, { failedKeyItems: 2 })] }, '2020-06-01', rules);
    expect(d).toMatchObject({ riskGrade: 'D', riskPoints: 71, nextDueOn: '2020-07-10' });
  });
  it('blackout: within 3 months of a new licence the dynamic grade is not shown, the score still counts', () => {
    const graded = gradeEntity(
      { ...base, licenceIssuedOn: '2020-02-01', inspections: [inspection(1, '2020-04-30', 95)] },
      '2020-06-01',
      rules,
    );
    expect(graded).toMatchObject({ dynamicGrade: null, blackoutReason: 'new-licence', annualGrade: 'A' });
  });
  it('the history reason names what changed, in both languages, and nothing when nothing did', () => {
    const before = gradeEntity({ ...base, inspections: [] }, '2020-06-01', rules);
    const after = gradeEntity({ ...base, inspections: [inspection(1, '2020-05-01', 100)] }, '2020-06-01', rules);
    const cause = (zh: string, en: string) => ({ 'zh-CN': zh, en });
    expect(gradeChangeReason(before, after, cause('检查#1', 'inspection #1'))).toEqual({
      'zh-CN': '检查#1；动态等级 不评级→优秀；年度等级 无→A；风险等级 B→A；下次检查 2021-05-01',
      en: 'inspection #1; dynamic grade not rated→excellent; annual grade none→A; risk grade B→A; next inspection 2021-05-01',
    });
    const fair = gradeEntity(
      { ...base, inspections: [inspection(1, '2020-05-01', 100), inspection(2, '2020-05-20', 65)] },
      '2020-06-01',
      rules,
    );
    expect(gradeChangeReason(after, fair, cause('检查#2', 'inspection #2'))?.['zh-CN']).toMatch(/^检查#2；动态等级 优秀→一般；/);
    expect(gradeChangeReason(after, fair, cause('检查#2', 'inspection #2'))?.en).toMatch(/^inspection #2; dynamic grade excellent→fair; /);
    expect(gradeChangeReason(null, after, cause('演示', 'demo'))?.['zh-CN']).toMatch(/^演示；动态等级 无→优秀；/);
    expect(gradeChangeReason(after, after, cause('x', 'x'))).toBeNull();
  });
});
