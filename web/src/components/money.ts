/**
 * Money travels as integer fen in decimal strings. These conversions use string and BigInt arithmetic only, so
 * 0.1 + 0.2 never happens to anyone's grant.
 */
const FEN = /^-?\d+$/;
const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** "123456" fen → "1,234.56" yuan (two decimals, thousands grouped). Throws on anything but an integer string. */
export function fenToYuan(fen: string, opts: { group?: boolean } = {}): string {
  const s = String(fen).trim();
  if (!FEN.test(s)) throw new Error(`not an amount in fen: ${fen}`);
  const negative = s.startsWith('-');
  const digits = BigInt(negative ? s.slice(1) : s).toString().padStart(3, '0');
  let yuan = digits.slice(0, -2);
  const cents = digits.slice(-2);
  if (opts.group !== false) yuan = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative && BigInt(s) !== 0n ? '-' : '';
  return `${sign}${yuan}.${cents}`;
}

/** "1234.5" yuan (as typed; commas allowed) → "123450" fen, or null when it is not a yuan amount with ≤ 2 decimals. */
export function yuanToFen(yuan: string): string | null {
  const m = YUAN.exec(String(yuan).replace(/[,\s，]/g, ''));
  if (!m) return null;
  const [, minus, whole, frac = ''] = m;
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return (minus && fen !== 0n ? -fen : fen).toString();
}
