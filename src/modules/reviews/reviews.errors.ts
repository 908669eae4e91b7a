import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum ReviewsErrorCode {
  ASSIGNMENT_NOT_FOUND = 'ASSIGNMENT_NOT_FOUND',
  NOT_A_REVIEWER = 'NOT_A_REVIEWER',
  NOT_ENOUGH_REVIEWERS = 'NOT_ENOUGH_REVIEWERS',
  APPLICATIONS_NOT_SCREENED = 'APPLICATIONS_NOT_SCREENED',
  NOTHING_TO_REVIEW = 'NOTHING_TO_REVIEW',
  CONFLICT_DECLARED = 'CONFLICT_DECLARED',
  REVIEW_ALREADY_SUBMITTED = 'REVIEW_ALREADY_SUBMITTED',
  REVIEW_DEADLINE_PASSED = 'REVIEW_DEADLINE_PASSED',
  REVIEW_NOT_OPEN = 'REVIEW_NOT_OPEN',
  SCORES_INVALID = 'SCORES_INVALID',
}

export const REVIEWS_ERRORS: ErrorCatalogue<ReviewsErrorCode> = {
  ASSIGNMENT_NOT_FOUND: { status: 404, zh: '找不到该评审任务', en: 'Review assignment not found' },
  NOT_A_REVIEWER: { status: 400, zh: '只能邀请在册的评审专家加入评审组', en: 'Only active members with the reviewer role can join the panel' },
  NOT_ENOUGH_REVIEWERS: { status: 409, zh: '评审专家人数不足（已排除利益冲突），无法为每份申报书分配足够的专家', en: 'Not enough reviewers (after conflicts) to staff every application' },
  APPLICATIONS_NOT_SCREENED: { status: 409, zh: '仍有申报书未完成资格审查', en: 'Some applications have not been screened yet' },
  NOTHING_TO_REVIEW: { status: 409, zh: '没有通过资格审查的申报书', en: 'No application passed screening' },
  CONFLICT_DECLARED: { status: 409, zh: '您已就该申报书声明利益冲突，不能评分', en: 'You declared a conflict of interest on this application' },
  REVIEW_ALREADY_SUBMITTED: { status: 409, zh: '评分已提交，不能修改', en: 'The review has been submitted and cannot change' },
  REVIEW_DEADLINE_PASSED: { status: 409, zh: '评审已截止', en: 'The review deadline has passed' },
  REVIEW_NOT_OPEN: { status: 409, zh: '该征集不在评审阶段', en: 'The call is not under review' },
  SCORES_INVALID: { status: 400, zh: '评分有误，请检查标出的内容', en: 'The scores are invalid; see the listed problems' },
};

export const reviewsError = errorFactory(REVIEWS_ERRORS);
