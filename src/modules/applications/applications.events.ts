/** Events the applications module raises (see libs/queue DomainEventMap). */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'applications.submitted': { applicationId: string; referenceNo: string; callId: string; callTitle: string; projectTitle: string; submittedAt: string; userIds: string[] };
    'applications.screened': { applicationId: string; referenceNo: string | null; decision: 'pass' | 'return' | 'reject'; reason: string | null; callTitle: string; userIds: string[] };
  }
}
export {};
