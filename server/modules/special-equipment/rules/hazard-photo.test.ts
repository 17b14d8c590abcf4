import { describe, expect, it } from 'vitest';
import { base64Size, checkPhotoDataUrl, hazardPhotoLimits, sniffPhotoType } from './hazard-photo.ts';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const dataUrl = (bytes: Buffer, declared = 'image/png') => `data:${declared};base64,${bytes.toString('base64')}`;

describe('hazard photos: JPEG or PNG by their first bytes, at most 5 MB', () => {
  it('knows JPEG and PNG by their magic numbers, whatever type is declared', () => {
    expect(sniffPhotoType(jpeg)).toBe('image/jpeg');
    expect(sniffPhotoType(png)).toBe('image/png');
    expect(sniffPhotoType(Buffer.from('%PDF-1.7'))).toBeUndefined();
    const checked = checkPhotoDataUrl(dataUrl(jpeg, 'image/png'));
    expect('type' in checked && checked.type).toBe('image/jpeg');
  });

  it('refuses a PDF renamed to .png, an empty file and text that is not a data URL', () => {
    expect(checkPhotoDataUrl(dataUrl(Buffer.from('%PDF-1.7 xxx')))).toEqual({ problem: 'not_image' });
    expect(checkPhotoDataUrl('data:image/png;base64,')).toEqual({ problem: 'empty' });
    expect(checkPhotoDataUrl('hello')).toEqual({ problem: 'not_image' });
  });

  it('measures the size from the base64 text: 5,242,880 bytes pass, one more is too large', () => {
    expect(base64Size('AAAA')).toBe(3);
    expect(base64Size('AA==')).toBe(1);
    const atLimit = Buffer.alloc(hazardPhotoLimits.fileSize, 0);
    jpeg.copy(atLimit);
    expect('type' in checkPhotoDataUrl(dataUrl(atLimit))).toBe(true);
    const over = Buffer.alloc(hazardPhotoLimits.fileSize + 1, 0);
    jpeg.copy(over);
    expect(checkPhotoDataUrl(dataUrl(over))).toEqual({ problem: 'too_large' });
  });
});
