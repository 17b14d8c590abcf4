import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomFillSync } from 'node:crypto';

/**
 * Field-level protection of personal information (sensitive personal data is encrypted at rest, masked in lists): AES-256-GCM for storage, an HMAC
 * blind index for exact lookup, and a key for the audit chain, all derived from one data key.
 * A ciphertext names the key it was made with, so a rotated-out key can still be read.
 */
export interface FieldCrypto {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** Deterministic keyed hash of a normalised value: equal inputs give equal indexes, nothing else leaks. */
  blindIndex(value: string): string;
  /** The value's blind index under every readable key, current first: a lookup during a rotation finds both. */
  blindIndexes(value: string): string[];
  /** HMAC key of the audit chain (new events). */
  readonly auditKey: Buffer;
  /** Audit keys by key id, the current and (during a rotation) the previous: events sealed with either verify. */
  readonly auditKeys: ReadonlyMap<string, Buffer>;
  readonly keyId: string;
}

interface DerivedKeys {
  id: string;
  encryption: Buffer;
  blind: Buffer;
  audit: Buffer;
}

function derive(dataKey: Buffer): DerivedKeys {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes');
  const sub = (label: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `zhijian:${label}`, 32));
  return {
    id: createHash('sha256').update(dataKey).digest('hex').slice(0, 8),
    encryption: sub('field-encryption'),
    blind: sub('blind-index'),
    audit: sub('audit-chain'),
  };
}

function blindIndexWith(keys: DerivedKeys, value: string): string {
  return createHmac('sha256', keys.blind).update(value.trim().toUpperCase()).digest('base64url');
}

/**
 * Fresh random 96-bit GCM nonces, cut from a buffer refilled 1,024 at a time: a bulk ingest seals two fields a row, and
 * one small randomBytes call per field cost more than the cipher. Every nonce is used once.
 */
function nonceSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let next = 0;
  return () => {
    if (next + 12 > pool.length) {
      pool = randomFillSync(Buffer.allocUnsafe(12 * 1024));
      next = 0;
    }
    next += 12;
    return pool.subarray(next - 12, next);
  };
}

export function createFieldCrypto(dataKey: Buffer, previousKey?: Buffer): FieldCrypto {
  const current = derive(dataKey);
  const encryptionKey = createSecretKey(current.encryption);
  const nonce = nonceSource();
  const readable = new Map([[current.id, current]]);
  if (previousKey) {
    const previous = derive(previousKey);
    readable.set(previous.id, previous);
  }
  return {
    keyId: current.id,
    auditKey: current.audit,
    auditKeys: new Map([...readable.values()].map((keys) => [keys.id, keys.audit])),
    encrypt(plaintext) {
      const iv = nonce();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(ciphertext) {
      const [version, keyId, payload] = ciphertext.split('.');
      const keys = keyId ? readable.get(keyId) : undefined;
      if (version !== 'v1' || !keys || !payload) throw new Error('Ciphertext made with an unknown key or format');
      const raw = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return blindIndexWith(current, value);
    },
    blindIndexes(value) {
      return [...readable.values()].map((keys) => blindIndexWith(keys, value));
    },
  };
}
