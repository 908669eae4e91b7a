import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { FileLink } from './FileLink';
import { Money } from './Money';

type Question = Schemas['FormQuestion'];
export interface FileRef { id: string; filename: string }

/**
 * One answer to a call's form question, read-only, shown as the person meant it: money in yuan, a file by its name
 * (a link that downloads it), table rows one a line. A file answer holds attachment ids; `files` are the attachments
 * the reader may see — an id not among them (removed since, or withheld from a blind reviewer) is said so, never
 * shown as a bare id.
 */
export function Answer({ q, value, files }: { q: Question; value: unknown; files: readonly FileRef[] }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return <>—</>;
  switch (q.type) {
    case 'money':
      return typeof value === 'string' ? <Money fen={value} /> : <>{String(value)}</>;
    case 'file': {
      const ids = (Array.isArray(value) ? value : [value]).map(String);
      return (
        <>
          {ids.map((id) => {
            const f = files.find((x) => x.id.toLowerCase() === id.toLowerCase());
            return <div key={id}>{f ? <FileLink id={f.id} filename={f.filename} /> : <span data-testid="file-unavailable">{t('file.unavailable')}</span>}</div>;
          })}
        </>
      );
    }
    case 'budget_table':
      return <>{rows(value).map((r, i) => <div key={i}>{String(r.name ?? '')} {typeof r.amountFen === 'string' && <Money fen={r.amountFen} />}</div>)}</>;
    case 'indicator_table':
      return <>{rows(value).map((r, i) => <div key={i}>{String(r.name ?? '')}: {String(r.target ?? '')}</div>)}</>;
    default:
      if (Array.isArray(value)) return <>{value.map((x, i) => <Fragment key={i}>{i > 0 && '、'}{String(x)}</Fragment>)}</>;
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}

function rows(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
}
