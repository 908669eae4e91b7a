import { shanghaiDay } from '@sanshe/common';
/**
 * Names of the encrypted fields. The name is bound into each ciphertext (AES-GCM associated data), so a value can
 * only be decrypted as the field it was written for. Renaming one makes existing values unreadable: don't.
 */
export const F = {
  name: 'beneficiary.name',
  idNumber: 'beneficiary.id_number',
  phone: 'beneficiary.phone',
  address: 'beneficiary.address',
  household: 'beneficiary.household',
  vulnerability: 'beneficiary.vulnerability',
  guardian: 'beneficiary.guardian',
  notes: 'beneficiary.notes',
  giverName: 'consent.giver_name',
  presentingProblem: 'case.presenting_problem',
  declineReason: 'case.decline_reason',
  assessment: 'case.assessment',
  plan: 'case.plan',
  evaluation: 'case.evaluation',
  closureSummary: 'case.closure_summary',
  approvalComment: 'case.approval_comment',
  comment: 'case.comment',
  recordPlace: 'service_record.place',
  recordContent: 'service_record.content',
  recordResponse: 'service_record.response',
  recordNextStep: 'service_record.next_step',
  recordPrevious: 'service_record.previous',
  sessionRecord: 'group_session.record',
  supervisionNotes: 'supervision_session.notes',
  referralReason: 'referral.reason',
  referralShared: 'referral.shared',
  referralDecision: 'referral.decision_note',
  accessReason: 'pii_access_log.reason',
} as const;

/** Blind-index names (HMAC sub-keys). */
export const IDX = { idNumber: 'beneficiary.id_number', name: 'beneficiary.name' } as const;

/** Vulnerability tags (困境类型) a worker can pick. Stored encrypted; aggregates read casework_tag_counts. */
export const VULNERABILITY_TAGS = {
  dibao: { zh: '低保', en: 'Minimum living allowance (dibao)' },
  low_income: { zh: '低收入', en: 'Low income' },
  tekun: { zh: '特困', en: 'Extreme hardship (tekun)' },
  disability: { zh: '残疾', en: 'Disability' },
  serious_illness: { zh: '重病/慢性病', en: 'Serious or chronic illness' },
  mental_health: { zh: '精神障碍', en: 'Mental disorder' },
  elderly_living_alone: { zh: '独居老人', en: 'Older person living alone' },
  empty_nest: { zh: '空巢老人', en: 'Empty-nest older person' },
  left_behind_child: { zh: '留守儿童', en: 'Left-behind child' },
  distressed_child: { zh: '困境儿童', en: 'Child in distress' },
  single_parent: { zh: '单亲家庭', en: 'Single-parent family' },
  unemployed: { zh: '失业', en: 'Unemployed' },
  domestic_violence: { zh: '家庭暴力', en: 'Domestic violence' },
} as const;
export type VulnerabilityTag = keyof typeof VULNERABILITY_TAGS;
export const VULNERABILITY_TAG_CODES = Object.keys(VULNERABILITY_TAGS) as VulnerabilityTag[];

/** What a referral may carry to the receiving organisation, each only if the referral consent's scope names it. */
export const SHAREABLE_FIELDS = ['name', 'gender', 'age', 'phone', 'id_number', 'address', 'community', 'vulnerability_tags', 'presenting_problem', 'assessment_summary'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** Fields a reveal may open (each logged with its reason). */
export const REVEALABLE_FIELDS = ['id_number', 'phone', 'address', 'household', 'vulnerability_notes', 'guardian', 'notes'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** The first day of this month and of the next, Beijing calendar. */
export function shanghaiMonth(now: Date): { from: string; to: string } {
  const today = shanghaiDay(now);
  const [y, m] = today.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${today.slice(0, 7)}-01`, to: next };
}

/** Full years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}


/** People counts shown to district officials: 1-4 become "<5" so a small group cannot be singled out. */
export const SMALL_COUNT = 5;
export function suppress(n: number): number | '<5' {
  return n > 0 && n < SMALL_COUNT ? '<5' : n;
}

/** Every ciphertext column of casework, for key rotation (EncryptedColumnRegistry). */
export const CASEWORK_ENCRYPTED_COLUMNS = [
  { table: 'beneficiaries', column: 'name_enc', field: F.name },
  { table: 'beneficiaries', column: 'id_number_enc', field: F.idNumber },
  { table: 'beneficiaries', column: 'phone_enc', field: F.phone },
  { table: 'beneficiaries', column: 'address_enc', field: F.address },
  { table: 'beneficiaries', column: 'household_enc', field: F.household },
  { table: 'beneficiaries', column: 'vulnerability_enc', field: F.vulnerability },
  { table: 'beneficiaries', column: 'guardian_enc', field: F.guardian },
  { table: 'beneficiaries', column: 'notes_enc', field: F.notes },
  { table: 'beneficiary_consents', column: 'giver_name_enc', field: F.giverName },
  { table: 'cases', column: 'presenting_problem_enc', field: F.presentingProblem },
  { table: 'cases', column: 'decline_reason_enc', field: F.declineReason },
  { table: 'cases', column: 'assessment_enc', field: F.assessment },
  { table: 'cases', column: 'plan_enc', field: F.plan },
  { table: 'cases', column: 'evaluation_enc', field: F.evaluation },
  { table: 'cases', column: 'closure_summary_enc', field: F.closureSummary },
  { table: 'case_approvals', column: 'comment_enc', field: F.approvalComment },
  { table: 'case_comments', column: 'body_enc', field: F.comment, appendOnly: true },
  { table: 'service_records', column: 'place_enc', field: F.recordPlace },
  { table: 'service_records', column: 'content_enc', field: F.recordContent },
  { table: 'service_records', column: 'response_enc', field: F.recordResponse },
  { table: 'service_records', column: 'next_step_enc', field: F.recordNextStep },
  { table: 'service_record_corrections', column: 'previous_enc', field: F.recordPrevious, appendOnly: true },
  { table: 'group_sessions', column: 'record_enc', field: F.sessionRecord },
  { table: 'supervision_sessions', column: 'notes_enc', field: F.supervisionNotes, appendOnly: true },
  { table: 'referrals', column: 'reason_enc', field: F.referralReason },
  { table: 'referrals', column: 'shared_enc', field: F.referralShared },
  { table: 'referrals', column: 'decision_note_enc', field: F.referralDecision },
  { table: 'pii_access_log', column: 'reason_enc', field: F.accessReason, appendOnly: true },
] as const;
