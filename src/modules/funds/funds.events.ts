/** Events the funds module raises (see libs/queue DomainEventMap). */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'funds.programme_appropriated': { entryId: string; amountFen: string };
  }
}
export {};
