import { describe, expect, it } from 'vitest';
import { checkRegistration, isSymptomatic, needsFollowUp } from './registration-check.ts';

const good = {
  buyerName: ' 张三 ',
  idNumber: '11010519491231002x',
  phone: '138 0013 8000',
  temperature: 37.5,
  symptoms: ['cough', 'fever'],
  medicineClass: 'antipyretic',
  quantity: 2,
};

describe('a pharmacy registration', () => {
  it('is normalised: name trimmed, ID upper-case, phone digits only, symptoms in the list order', () => {
    const { value, errors } = checkRegistration(good);
    expect(errors).toEqual([]);
    expect(value).toMatchObject({
      buyerName: '张三',
      idKind: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      symptoms: ['fever', 'cough'],
      isForOther: false,
      hasContactHistory: false,
      travelHistory: '',
    });
  });

  it('names every bad field at once, in the row it came from', () => {
    const { value, errors } = checkRegistration(
      {
        buyerName: '',
        idNumber: '110105194912310021',
        phone: '12345',
        temperature: 45,
        symptoms: ['sneezing'],
        medicineClass: 'x',
        quantity: 0,
      },
      'rows.3',
    );
    expect(value).toBeNull();
    expect(errors.map((error) => error.field)).toEqual([
      'buyerName',
      'idNumber',
      'phone',
      'temperature',
      'symptoms',
      'medicineClass',
      'quantity',
    ]);
    expect(errors.every((error) => error.in === 'rows.3')).toBe(true);
    expect(errors.find((error) => error.field === 'idNumber')?.code).toBe('check_character');
  });

  it('takes a passport number; refuses a temperature with two decimals and a fractional quantity', () => {
    expect(checkRegistration({ ...good, idKind: 'passport', idNumber: 'e12345678' }).value?.idNumber).toBe('E12345678');
    expect(checkRegistration({ ...good, temperature: 36.55 }).errors.map((error) => error.field)).toEqual(['temperature']);
    expect(checkRegistration({ ...good, quantity: 1.5 }).errors.map((error) => error.field)).toEqual(['quantity']);
    expect(checkRegistration({ ...good, temperature: null }).value?.temperature).toBeNull();
  });

  it('puts a buyer on the follow-up list at 37.3 °C, not at 37.2; contact history alone is enough', () => {
    expect(needsFollowUp({ temperature: 37.3, hasContactHistory: false })).toBe(true);
    expect(needsFollowUp({ temperature: 37.2, hasContactHistory: false })).toBe(false);
    expect(needsFollowUp({ temperature: null, hasContactHistory: true })).toBe(true);
    expect(isSymptomatic({ temperature: 36.5, symptoms: [] })).toBe(false);
    expect(isSymptomatic({ temperature: 36.5, symptoms: ['cough'] })).toBe(true);
    expect(isSymptomatic({ temperature: 38, symptoms: [] })).toBe(true);
  });
});
