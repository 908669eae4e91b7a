import type { ProjectNoticePayload } from './project-notices';

/** Events the projects module raises (see libs/queue DomainEventMap). */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'projects.notice': ProjectNoticePayload;
  }
}
export {};
