import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { saveFromApi } from './download';
import { ProblemAlert } from './ProblemAlert';

/**
 * An attachment shown by its file name, as a link that downloads it. A refusal (the file withheld, a lost session)
 * shows the server's message under the link instead of failing silently.
 */
export function FileLink({ id, filename }: { id: string; filename: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = () => {
    setError(null);
    setBusy(true);
    saveFromApi(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id } }, parseAs: 'blob' }), filename)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <span data-testid="file-link">
      {/* A long file name wraps rather than pushing the page wider than a phone. */}
      <Button type="link" onClick={open} loading={busy} aria-label={t('file.download', { name: filename })}
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', wordBreak: 'break-all' }}>
        {filename}
      </Button>
      <ProblemAlert error={error} />
    </span>
  );
}
