import { type CertificateKind, certificateKinds } from '../../../../shared/vocabularies/cold-chain.ts';

/**
 * The three certificates of an imported cold-chain batch (Zhejiang's 进口冷链食品 practice: 入境货物检验检疫证明,
 * 核酸检测报告, 消毒证明). Files are judged by their first bytes, never by the declared type: PDF starts with `%PDF-`
 * (ISO 32000-1 §7.5.2), JPEG with the SOI marker FF D8 FF (ISO/IEC 10918-1 B.1.1.3), PNG with its 8-byte signature
 * (ISO/IEC 15948 §5.2). At most 5 MB each: a scanned certificate, not an archive.
 */
export const certificateLimits = { fileSize: 5 * 1024 * 1024 } as const;

export type CertificateType = 'application/pdf' | 'image/jpeg' | 'image/png';
export type CertificateProblem = 'not_certificate_file' | 'empty' | 'too_large';

const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffCertificateType(content: Uint8Array): CertificateType | undefined {
  if (pdf.every((byte, index) => content[index] === byte)) return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (png.every((byte, index) => content[index] === byte)) return 'image/png';
  return undefined;
}

/** Size from a base64 text's length, so an oversize upload is refused before it is decoded. */
export function base64Size(base64: string): number {
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

/** A data URL checked: its bytes and real type, or the problem. */
export function checkCertificateDataUrl(dataUrl: string): { content: Buffer; type: CertificateType } | { problem: CertificateProblem } {
  const match = /^data:[a-z]+\/[a-z0-9+.-]+;base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  if (!match) return { problem: 'not_certificate_file' };
  const base64 = match[1] as string;
  if (base64Size(base64) > certificateLimits.fileSize) return { problem: 'too_large' };
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) return { problem: 'empty' };
  const type = sniffCertificateType(content);
  return type ? { content, type } : { problem: 'not_certificate_file' };
}

/** Which of the three certificates a batch still lacks; it may be marked sellable only when none is missing. */
export function missingCertificates(present: readonly CertificateKind[]): CertificateKind[] {
  return certificateKinds.filter((kind) => !present.includes(kind));
}

/** The certificates' names, for the consumer page and the refusal to mark a batch sellable (the web's are in its locales). */
export const certificateKindNames: Record<'zh-CN' | 'en', Record<CertificateKind, string>> = {
  'zh-CN': { quarantine: '入境货物检验检疫证明', nucleic_acid: '核酸检测报告', disinfection: '消毒证明' },
  en: { quarantine: 'Inspection and quarantine', nucleic_acid: 'Nucleic-acid test', disinfection: 'Disinfection' },
};
