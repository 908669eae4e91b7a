import { RefusalPage } from './NotFoundPage';

export default function ForbiddenPage() {
  return <RefusalPage status={403} />;
}
