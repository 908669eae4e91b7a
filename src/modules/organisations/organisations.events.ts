/** Events the organisation registry raises (see libs/queue DomainEventMap). */
type OrganisationId = { organisationId: string };
type QualificationRef = { organisationId: string; qualificationId: string };

declare module '@sanshe/queue' {
  interface DomainEventMap {
    'organisation.registered': OrganisationId & { source: 'self_registration' | 'district' };
    'organisation.submitted': OrganisationId;
    'organisation.verified': OrganisationId & { reason: string | null };
    'organisation.returned': OrganisationId & { reason: string | null };
    'organisation.closed': OrganisationId & { reason: string | null };
    'organisation.changed': OrganisationId & { fields: string[] };
    'organisation.grade_recorded': OrganisationId & { grade: number; validUntil: string };
    'organisation.standing_changed': OrganisationId & { from: string; to: string; reason: string };
    'organisation.qualification_applied': QualificationRef;
    'organisation.qualification_approved': QualificationRef;
    'organisation.qualification_rejected': QualificationRef;
    'organisation.qualification_withdrawn': QualificationRef;
    'organisation.qualification_expiry_set': QualificationRef;
    'organisation.qualification_revoked': QualificationRef;
  }
}
export {};
