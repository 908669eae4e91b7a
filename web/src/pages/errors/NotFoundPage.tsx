import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError, problemMessage, type Problem } from '../../components/problem';

/** 403 and 404: with the server's own message when the refusal came from the server. */
export function RefusalPage({ problem, status = 404 }: { problem?: Problem | null; status?: 403 | 404 }) {
  const { t, i18n } = useTranslation();
  const code = (problem?.status === 403 ? 403 : problem?.status === 404 ? 404 : status) as 403 | 404;
  return (
    <Result
      status={code === 403 ? '403' : '404'}
      title={<h1 style={{ fontSize: 24 }}>{code}</h1>}
      subTitle={problem ? problemMessage(problem, i18n.language) : t(code === 403 ? 'error.forbidden' : 'error.notFound')}
      extra={<Link to="/workbench"><Button type="primary">{t('error.backHome')}</Button></Link>}
    />
  );
}

export function refusalOf(error: unknown): Problem | null {
  return error instanceof ProblemError && (error.problem.status === 403 || error.problem.status === 404) ? error.problem : null;
}

export default function NotFoundPage() {
  return <RefusalPage status={404} />;
}
