import type { EventCatalogue } from '@sanshe/queue';

const AUDITED = 'recorded in the audit log and the organisation history; no one needs to act on it';

/**
 * Every domain event the application raises and who consumes it. The type makes this list complete (an event added to
 * a module's `*.events.ts` must appear here); the handler registry checks at start-up that `handled` events have a
 * handler and the others have none. Before declaring `noSubscriber`, ask whether a person would expect to be told.
 */
export const DOMAIN_EVENT_CATALOGUE: EventCatalogue = {
  'membership.invited': 'handled',
  'funds.programme_appropriated': 'handled',
  'projects.notice': 'handled',
  'calls.grant_awarded': 'handled',
  'calls.award_offered': 'handled',
  'calls.application_declined': 'handled',
  'applications.submitted': 'handled',
  'applications.screened': 'handled',
  // The receiving organisation must learn that a case waits for it; the referring one, of the answer.
  'casework.referral.created': 'handled',
  'casework.referral.decided': 'handled',
  // Re-encryption after a key rotation runs as a chain of batches, each raising the next.
  'crypto.reencrypt_batch': 'handled',
  'casework.case.status_changed': { noSubscriber: 'the worker changed it themselves; the access log and audit record it' },
  // Decisions an organisation waits for are told to its admins; its own actions are not echoed back to it.
  'organisation.verified': 'handled',
  'organisation.returned': 'handled',
  'organisation.standing_changed': 'handled',
  'organisation.qualification_approved': 'handled',
  'organisation.qualification_rejected': 'handled',
  'organisation.qualification_revoked': 'handled',
  'organisation.registered': { noSubscriber: `the registrant is invited by the members module; ${AUDITED}` },
  'organisation.submitted': { noSubscriber: `officials work from the registry's "submitted" list; ${AUDITED}` },
  'organisation.closed': { noSubscriber: `closing ends the record and its members' access; ${AUDITED}` },
  'organisation.changed': { noSubscriber: `the organisation made the change itself; ${AUDITED}` },
  'organisation.grade_recorded': { noSubscriber: `the grade comes from an evaluation the organisation took part in; ${AUDITED}` },
  'organisation.qualification_applied': { noSubscriber: `officials work from the qualification queue; ${AUDITED}` },
  'organisation.qualification_withdrawn': { noSubscriber: `the organisation withdrew it itself; ${AUDITED}` },
  'organisation.qualification_expiry_set': { noSubscriber: `an end date on the record, shown on it; ${AUDITED}` },
};
