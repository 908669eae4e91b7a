import { fenToYuan } from './money';

/** An amount in yuan from a fen string: "¥1,234.56". */
export function Money({ fen }: { fen: string | null | undefined }) {
  if (fen === null || fen === undefined) return <span>—</span>;
  return <span className="money">¥{fenToYuan(fen)}</span>;
}
