/**
 * German bank data from before SEPA (Bankleitzahl and Kontonummer) as an IBAN, by the standard
 * rule: DE, two check digits (ISO 7064 mod 97-10), the 8-digit bank code, the account number
 * padded to 10 digits. Some banks have their own rules (IBAN-Regeln of the Bundesbank), so an
 * IBAN computed here is always flagged for review.
 */

/** The IBAN, or null when the bank code or the account number cannot be one. */
export function germanIbanFromAccount(bankCode: string, account: string): string | null {
  const blz = bankCode.replace(/\s/g, '');
  const konto = account.replace(/[\s-]/g, '');
  if (!/^\d{8}$/.test(blz) || !/^\d{1,10}$/.test(konto) || /^0+$/.test(konto)) return null;
  const bban = `${blz}${konto.padStart(10, '0')}`;
  // D=13, E=14, then "00" in place of the check digits.
  const remainder = BigInt(`${bban}131400`) % 97n;
  const check = String(98n - remainder).padStart(2, '0');
  return `DE${check}${bban}`;
}
