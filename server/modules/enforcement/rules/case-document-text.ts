/**
 * What a case document states beside its body: the date it bears, its number and clean sentences. A document
 * records one step of the procedure, so it bears that step's day, not the day it is printed (《市场监督管理行政
 * 处罚程序规定》: the 告知书 is dated when served, the 决定书 when decided, and the decision's number and legal
 * basis are stated on it, 《中华人民共和国行政处罚法》 Art. 59).
 */
import type { CaseDocumentKind } from './case-procedure.ts';

export interface CaseStepDates {
  filedOn: string | null;
  notifiedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  policeTransferredOn: string | null;
}

/** The day of the step the document belongs to (null while the step has not happened). */
export function documentDate(kind: CaseDocumentKind, dates: CaseStepDates): string | null {
  switch (kind) {
    case 'filing':
      return dates.filedOn;
    case 'not_filing':
    case 'closing':
      return dates.closedOn;
    case 'notice':
      return dates.notifiedOn;
    case 'decision':
      return dates.decidedOn;
    case 'police_transfer':
      return dates.policeTransferredOn;
  }
}

const numberSuffix: Record<Exclude<CaseDocumentKind, 'decision'>, string> = {
  filing: '立',
  not_filing: '不立',
  notice: '告',
  closing: '结',
  police_transfer: '移',
};

/** The decision carries its 文号; the other documents the case number with the document's mark, e.g. AJ2020-0365-告. */
export function documentNumber(kind: CaseDocumentKind, caseNumber: string, decisionNumber: string | null): string {
  if (kind === 'decision') return decisionNumber ?? caseNumber;
  return `${caseNumber}-${numberSuffix[kind]}`;
}

/** 2020-12-16 → 2020年12月16日 (the way a document is dated; no time zone involved). */
export function chineseDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${year}年${Number(month)}月${Number(date)}日`;
}

/**
 * Text typed by staff placed inside a sentence of the template: trimmed, without its own closing punctuation,
 * so "证据确凿。" in "经查，…。" gives one full stop, not "。。". Empty text gives the fallback.
 */
export function clause(text: string, fallback: string): string {
  const trimmed = text.trim().replace(/[\s。．.，,；;、]+$/u, '');
  return trimmed === '' ? fallback : trimmed;
}
