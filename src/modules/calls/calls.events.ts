import type { GrantAwardedPayload } from './grant-awarded.event';

/** Events the calls module raises (see libs/queue DomainEventMap). */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'calls.grant_awarded': GrantAwardedPayload;
    'calls.award_offered': { awardId: string; referenceNo: string; callTitle: string; projectTitle: string; amountFen: string; userIds: string[] };
    'calls.application_declined': {
      applicationId: string; referenceNo: string | null; callTitle: string; projectTitle: string;
      score: number | null; rank: number | null; ranked: number; reviewCount: number; userIds: string[];
    };
  }
}
export {};
