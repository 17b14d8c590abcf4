import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUpload, maxUploadBytes } from './file-signature.ts';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('upload signature check', () => {
  it('accepts PDF, PNG and JPEG whose bytes match the declared type', () => {
    expect(checkUpload('application/pdf', pdf)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkUpload('image/png', png)).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkUpload('IMAGE/JPEG; charset=binary', jpeg)).toEqual({ ok: true, contentType: 'image/jpeg' });
  });
  it('refuses a file whose bytes do not match, another type, empty and oversized files', () => {
    expect(checkUpload('application/pdf', png)).toEqual({ ok: false, reason: 'signature' });
    expect(checkUpload('image/png', Buffer.from('<html><script>'))).toEqual({ ok: false, reason: 'signature' });
    expect(checkUpload('text/html', pdf)).toEqual({ ok: false, reason: 'type' });
    expect(checkUpload(undefined, pdf)).toEqual({ ok: false, reason: 'type' });
    expect(checkUpload('application/pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    expect(checkUpload('application/pdf', Buffer.concat([pdf, Buffer.alloc(maxUploadBytes)]))).toEqual({ ok: false, reason: 'too_large' });
  });
  it('property: random bytes not starting with a signature are refused for every type', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        fc.pre(bytes[0] !== 0x25 && bytes[0] !== 0x89 && bytes[0] !== 0xff);
        for (const type of ['application/pdf', 'image/png', 'image/jpeg']) expect(checkUpload(type, bytes).ok).toBe(false);
      }),
    );
  });
});
