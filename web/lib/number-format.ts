/**
 * Figures as a person reads them in tables: 12,280 and 1,416,850.00, not 12280 and 1416850.00. Amounts come from
 * the server as exact decimal text (fen precision): grouped as text, never through a float.
 */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return '—';
  return count.toLocaleString('en-US');
}

export function formatAmount(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${(match[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}
