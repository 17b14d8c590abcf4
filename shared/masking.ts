/** Masks an ID-card number for lists: first six and last four characters (330211********1234). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** Masks a phone number: 138****1234; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}

/** Masks a person's name: 张*, 欧阳** ; the family name stays. */
export function maskPersonName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return name;
  const keep = characters.length >= 4 ? 2 : 1;
  return characters.slice(0, keep).join('') + '*'.repeat(characters.length - keep);
}
