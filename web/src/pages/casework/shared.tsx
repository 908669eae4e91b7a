import type { ReactNode } from 'react';

/** An empty list's text in a grey that meets contrast (antd's placeholder grey does not). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}
