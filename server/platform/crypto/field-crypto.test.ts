import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName, maskPhone } from '../../../shared/masking.ts';
import { createFieldCrypto } from './field-crypto.ts';

describe('field encryption', () => {
  const crypto = createFieldCrypto(randomBytes(32));

  it('round-trips any text and never stores it in the clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const sealed = crypto.encrypt(text);
        // A one- or two-character text can turn up inside base64 by chance; real values are longer.
        const isHidden = text.length < 8 || !sealed.includes(text);
        return crypto.decrypt(sealed) === text && isHidden && sealed !== crypto.encrypt(text);
      }),
    );
  });

  it('rejects a tampered ciphertext', () => {
    const sealed = crypto.encrypt('330212199001011234');
    // Another character in the sealed body's second-to-last place (the last one carries padding bits in base64url).
    const changed = sealed.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${sealed.slice(0, -2)}${changed}${sealed.slice(-1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => crypto.decrypt(tampered)).toThrow();
  });

  it('reads values sealed with the previous key after a rotation', () => {
    const oldKey = randomBytes(32);
    const sealed = createFieldCrypto(oldKey).encrypt('13800001234');
    expect(createFieldCrypto(randomBytes(32), oldKey).decrypt(sealed)).toBe('13800001234');
    expect(() => createFieldCrypto(randomBytes(32)).decrypt(sealed)).toThrow(/unknown key/);
  });

  it('gives equal blind indexes for equal values (ignoring case and spaces) and different ones otherwise', () => {
    expect(crypto.blindIndex('33021219900101123x')).toBe(crypto.blindIndex(' 33021219900101123X '));
    expect(crypto.blindIndex('330212199001011234')).not.toBe(crypto.blindIndex('330212199001011235'));
  });
});

describe('masking', () => {
  it('masks ID numbers, phones and names for lists', () => {
    expect(maskIdNumber('330212199001011234')).toBe('330212********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('87654321')).toBe('******21');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳建国')).toBe('欧阳**');
  });
});
