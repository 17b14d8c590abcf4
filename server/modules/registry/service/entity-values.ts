import { maskIdNumber, maskPhone } from '../../../../shared/masking.ts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { searchGrams } from '../rules/search-grams.ts';

/** Encrypted value, blind index and mask of the legal representative's ID-card number. */
export function protectIdNumber(crypto: FieldCrypto, idNumber: string | null | undefined) {
  if (!idNumber) return { legalRepIdEnc: null, legalRepIdBlind: null, legalRepIdMask: null };
  return {
    legalRepIdEnc: crypto.encrypt(idNumber),
    legalRepIdBlind: crypto.blindIndex(idNumber),
    legalRepIdMask: maskIdNumber(idNumber),
  };
}

export function protectPhone(crypto: FieldCrypto, phone: string | null | undefined) {
  if (!phone) return { phoneEnc: null, phoneBlind: null, phoneMask: null };
  return { phoneEnc: crypto.encrypt(phone), phoneBlind: crypto.blindIndex(phone), phoneMask: maskPhone(phone) };
}

export function entitySearchGrams(name: string, address: string): string[] {
  return searchGrams(name, address);
}
