/** Events the casework module raises (see libs/queue DomainEventMap). Payloads carry ids only: no personal data. */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'casework.case.status_changed': { caseId: string; organisationId: string; workerMembershipId: string; action: string; from: string; to: string };
    'casework.referral.created': { referralId: string; fromOrganisationId: string; toOrganisationId: string };
    'casework.referral.decided': { referralId: string; status: 'accepted' | 'declined'; fromOrganisationId: string; toOrganisationId: string };
  }
}
export {};
