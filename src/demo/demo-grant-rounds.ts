import { Logger, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Actor, Role, addDays, createValidationPipe, currentContext, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { TenantContext } from '@sanshe/tenancy';
import { ApplicationContentDto } from '../modules/applications/dto/application.dto';
import { ApplicationScreeningService } from '../modules/applications/application-screening.service';
import { ApplicationSubmissionService } from '../modules/applications/application-submission.service';
import { ApplicationsService } from '../modules/applications/applications.service';
import { CallsService } from '../modules/calls/calls.service';
import { CallDraftDto } from '../modules/calls/dto/call.dto';
import { GrantAwardedPayload } from '../modules/calls/grant-awarded.event';
import { AwardService } from '../modules/calls/outcome/award.service';
import { SelectionDto } from '../modules/calls/outcome/outcome.dto';
import { SelectionService } from '../modules/calls/outcome/selection.service';
import { AssignEvaluatorDto } from '../modules/evaluations/evaluation.dto';
import { EvaluationsService } from '../modules/evaluations/evaluations.service';
import { AppropriationDto } from '../modules/funds/funds.dto';
import { ProgrammeFundService } from '../modules/funds/programme-fund.service';
import { SignAgreementDto } from '../modules/projects/dto/project.dto';
import { ProjectAccess } from '../modules/projects/project-access.service';
import { ProjectCreationService } from '../modules/projects/project-creation.service';
import { ProjectLifecycleService } from '../modules/projects/project-lifecycle.service';
import { ScoresDto } from '../modules/reviews/dto/review.dto';
import { RankingService } from '../modules/reviews/ranking.service';
import { ReviewPanelService } from '../modules/reviews/review-panel.service';
import { ReviewScoringService } from '../modules/reviews/review-scoring.service';
import {
  CallTimeline, DEMO_APPLICATIONS, DEMO_CALL_TITLES, DemoCallKind, JINYANG_ADMIN, YULIN_ADMIN, demoCallBody, finishedCallTimeline,
  openCallTimeline, screeningCallTimeline, shanghaiAt,
} from './demo-calls';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The demo people who act in a grant round (demo-accounts.ts). */
const PHONES = {
  admin: '13800510101', officer: '13800510102', finance: '13800510103', reviewer: '13800510104', evaluator: '13800510105',
  jinyang: JINYANG_ADMIN, yulin: YULIN_ADMIN,
} as const;
type People = Record<keyof typeof PHONES, Actor>;

/**
 * Drives the demo's venture calls through the grant-making modules' own services, as the people of the demo would
 * over HTTP: every body passes the HTTP validation pipe and every rule (deadlines, eligibility, states, the pool, the
 * ledger) is checked by the service that owns it. The services are found across the module graph (`strict: false`)
 * because the seeder is a composition root like the HTTP layer, not a module with a place in the dependency graph.
 *
 * A call that happened in the past is driven with this process's clock moved to each moment (the seed runs in its
 * own CLI process, or a test's app), and the clock is let run again afterwards whatever happens. Each round runs in
 * one transaction of the district (the caller's), so a round is either all there or not at all; a round whose call
 * already exists (found by the end of its title) is left as it is.
 */
export class DemoGrantRounds {
  private readonly logger = new Logger('DemoSeeder');
  private readonly pipe = createValidationPipe();

  constructor(private readonly moduleRef: ModuleRef, private readonly ctx: TenantContext) {}

  private svc<T>(type: Type<T>): T {
    return this.moduleRef.get(type, { strict: false });
  }

  private get clock(): Clock {
    return this.svc(Clock);
  }

  /** The existing call of this kind in the current district, if any. */
  async existing(kind: DemoCallKind): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.ctx.manager().query(
      `SELECT id FROM calls WHERE title LIKE '%' || $1 ORDER BY created_at LIMIT 1`, [DEMO_CALL_TITLES[kind]]);
    return rows[0]?.id;
  }

  /** The open call: drafted by the officer, published by the district admin, accepting applications now. */
  async open(): Promise<boolean> {
    if (await this.existing('open')) return false;
    const p = await this.people();
    if (!p) return false;
    await this.publishCall('open', openCallTimeline(this.clock.now()), p);
    return true;
  }

  /** A call that closed two days ago with two submitted applications, waiting for the officer's screening. */
  async screening(): Promise<boolean> {
    if (await this.existing('screening')) return false;
    const p = await this.people();
    if (!p) return false;
    const t = screeningCallTimeline(this.clock.now());
    try {
      this.clock.set(new Date(t.opensAt.getTime() + HOUR));
      const callId = await this.publishCall('screening', t, p);
      this.clock.set(shanghaiAt(addDays(shanghaiDay(t.opensAt), 12), '10:30'));
      await this.apply('screening', callId, p);
      this.clock.set(new Date(t.closesAt.getTime() + MINUTE));
      await this.svc(CallsService).closeIfDue(callId);
    } finally {
      this.clock.set(undefined);
    }
    return true;
  }

  /**
   * A call taken all the way: screened, reviewed by the demo reviewer, ranked, selected, on notice, awarded, the award
   * accepted by 晋阳; then, today, the project made from the award by the projects module's own handler, its agreement
   * signed (so its first tranche is ready for finance) and the demo evaluator assigned.
   */
  async finished(): Promise<boolean> {
    if (await this.existing('finished')) return false;
    const p = await this.people();
    if (!p) return false;
    const t = finishedCallTimeline(this.clock.now());
    let award: { payload: GrantAwardedPayload; acceptedOn: string };
    try {
      this.clock.set(new Date(t.opensAt.getTime() + HOUR));
      const callId = await this.publishCall('finished', t, p);
      this.clock.set(shanghaiAt(addDays(shanghaiDay(t.opensAt), 10), '10:30'));
      const apps = await this.apply('finished', callId, p);

      this.clock.set(new Date(t.closesAt.getTime() + MINUTE));
      await this.svc(CallsService).closeIfDue(callId);
      this.clock.advance(DAY);
      await this.passScreening(apps.map((a) => a.id), p);
      await this.as(p.officer, () => this.svc(ReviewPanelService).setPanel(callId, [p.reviewer.membershipId!], p.officer));
      await this.as(p.officer, () => this.svc(ReviewPanelService).assign(callId));

      this.clock.advance(4 * DAY);
      await this.score(callId, new Map(apps.map((a) => [a.referenceNo, a.scores!])), p);

      this.clock.advance(DAY);
      const ranking = await this.svc(RankingService).ranking(callId);
      const selection = await this.validated(SelectionDto, {
        version: await this.callVersion(callId),
        items: ranking.items.filter((r) => r.proposed).map((r) => ({ applicationId: r.applicationId, amountFen: r.proposedFen })),
      });
      const selected = await this.as(p.officer, () => this.svc(SelectionService).select(callId, selection, p.officer));

      this.clock.set(shanghaiAt(t.noticeOn, '09:00'));
      const notice = await this.as(p.officer, () => this.svc(SelectionService).publishNotice(callId, selected.version));

      this.clock.set(new Date(new Date(notice.noticeEndsAt).getTime() + HOUR));
      const awarded = await this.as(p.officer, () => this.svc(AwardService).award(callId, notice.version));
      // 财政专项拨入 before the award is accepted, so the project is funded the moment it exists.
      const appropriation = await this.validated(AppropriationDto, { amountFen: '100000000', documentNo: `武财社〔${shanghaiDay(this.clock.now()).slice(0, 4)}〕18号（演示）` });
      await this.as(p.finance, () => this.svc(ProgrammeFundService).appropriate(appropriation, undefined, p.finance));

      this.clock.advance(2 * DAY);
      // Only 晋阳's application passes the call's mark (demo-calls.ts); 玉林's is declined with its score.
      const jinyang = apps.find((a) => a.phone === PHONES.jinyang)!;
      const offer = awarded.awards.find((a) => a.applicationId === jinyang.id);
      if (!offer) throw new Error(`The demo call's award did not go to 晋阳 (${jinyang.referenceNo}): check its scores against minScoreToFund`);
      const accepted = await this.as(p.jinyang, () => this.svc(AwardService).accept(offer.id, p.jinyang));
      award = { payload: accepted.record as GrantAwardedPayload, acceptedOn: shanghaiDay(this.clock.now()) };
    } finally {
      this.clock.set(undefined);
    }

    // Acceptance raised calls.grant_awarded through the outbox; the worker would make the project when it relays the
    // event. The seed runs the handler's own path now, so the project exists as soon as the seed ends (with or
    // without a worker); the relayed event later finds it by its award id and does nothing.
    const projectId = await this.as(undefined, () => this.svc(ProjectCreationService).createFromAward(award.payload));
    const project = await this.svc(ProjectAccess).load(projectId, p.officer);
    const signed = await this.validated(SignAgreementDto, { signedOn: award.acceptedOn, version: project.version });
    await this.as(p.officer, () => this.svc(ProjectLifecycleService).signAgreement(projectId, signed, p.officer));
    const evaluator = await this.validated(AssignEvaluatorDto, { evaluatorMembershipId: p.evaluator.membershipId });
    await this.as(p.officer, () => this.svc(EvaluationsService).assign(projectId, evaluator, p.officer));
    return true;
  }

  // ---- steps ----

  private async publishCall(kind: DemoCallKind, t: CallTimeline, p: People): Promise<string> {
    const body = await this.validated(CallDraftDto, demoCallBody(kind, t));
    const draft = await this.as(p.officer, () => this.svc(CallsService).create(body, p.officer));
    await this.as(p.admin, () => this.svc(CallsService).publish(draft.id, draft.version, p.admin));
    this.logger.log(`Published the demo call "${draft.title}"`);
    return draft.id;
  }

  /** Each demo applicant drafts its application and submits it (half an hour apart). */
  private async apply(kind: Exclude<DemoCallKind, 'open'>, callId: string, p: People) {
    const out: Array<{ id: string; referenceNo: string; phone: string; scores?: [number, number, number] }> = [];
    for (const spec of DEMO_APPLICATIONS[kind]) {
      const applicant = spec.applicantPhone === PHONES.jinyang ? p.jinyang : p.yulin;
      const [community]: Array<{ id: string }> = await this.ctx.manager().query(
        `SELECT id FROM places WHERE name = $1 AND level = 'community' AND status = 'active' LIMIT 1`, [spec.community]);
      const content = await this.validated(ApplicationContentDto, spec.content(await this.callTimeline(callId), community.id));
      const draft = await this.as(applicant, () => this.svc(ApplicationsService).create(callId, content, applicant));
      const submitted = await this.as(applicant, () => this.svc(ApplicationSubmissionService).submit(draft.id, draft.version, undefined, applicant));
      out.push({ id: submitted.id, referenceNo: submitted.referenceNo!, phone: spec.applicantPhone, scores: spec.scores });
      this.clock.advance(30 * MINUTE);
    }
    return out;
  }

  private async passScreening(applicationIds: string[], p: People): Promise<void> {
    for (const id of applicationIds) {
      const app = await this.svc(ApplicationsService).require(id);
      await this.as(p.officer, () => this.svc(ApplicationScreeningService).screen(id, 'pass', '材料齐全，符合申报条件（演示）', app.version, p.officer));
    }
  }

  /** The reviewer scores each of their open assignments on the call and submits it. */
  private async score(callId: string, scores: Map<string, [number, number, number]>, p: People): Promise<void> {
    const scoring = this.svc(ReviewScoringService);
    const mine = await this.as(p.reviewer, () => scoring.mine(p.reviewer));
    for (const a of mine.items.filter((x: { callId: string; status: string }) => x.callId === callId && x.status === 'assigned')) {
      const [need, design, budget] = scores.get(a.referenceNo)!;
      const dto = await this.validated(ScoresDto, {
        version: (await scoring.get(a.id, p.reviewer)).version, comment: '需求清楚，方案可行（演示）',
        scores: [{ code: 'need', score: need }, { code: 'design', score: design }, { code: 'budget', score: budget }],
      });
      const saved = await this.as(p.reviewer, () => scoring.save(a.id, dto.scores, dto.comment, dto.version, p.reviewer));
      await this.as(p.reviewer, () => scoring.submit(a.id, saved.version, p.reviewer));
    }
  }

  // ---- helpers ----

  private async callVersion(callId: string): Promise<number> {
    return (await this.svc(CallsService).require(callId)).version;
  }

  private async callTimeline(callId: string): Promise<CallTimeline> {
    const c = await this.svc(CallsService).require(callId);
    return { opensAt: c.opensAt, closesAt: c.closesAt, reviewBy: c.reviewBy, noticeOn: c.noticeOn, awardBy: c.awardBy, projectStartsOn: c.projectStartsOn, projectEndsOn: c.projectEndsOn };
  }

  /** The same checks an HTTP body gets (unknown fields, types, ranges), so demo data can never be what a client could not send. */
  private async validated<T>(type: Type<T>, body: object): Promise<T> {
    return (await this.pipe.transform(body, { type: 'body', metatype: type })) as T;
  }

  /** Runs `fn` with `actor` as the context's actor (the audit trail's "who"); `undefined` acts as the system, like the worker. */
  private async as<T>(actor: Actor | undefined, fn: () => Promise<T>): Promise<T> {
    const state = currentContext()!;
    const before = state.actor;
    state.actor = actor;
    try {
      return await fn();
    } finally {
      state.actor = before;
    }
  }

  /**
   * The round's people, or undefined (with a warning) when one of them no longer works here — a demo database where
   * someone was suspended before a newer demo added its round: the round is left out rather than the start failing.
   */
  private async people(): Promise<People | undefined> {
    const rows: Array<{ phone: string; user_id: string; id: string; roles: Role[]; organisation_id: string | null }> = await this.ctx.manager().query(
      `SELECT u.phone, m.user_id, m.id, m.roles, m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE u.phone = ANY($1) AND m.status = 'active'`, [Object.values(PHONES)]);
    const out = {} as People;
    for (const [who, phone] of Object.entries(PHONES) as Array<[keyof People, string]>) {
      const r = rows.find((x) => x.phone === phone);
      if (!r) {
        this.logger.warn(`Demo account ${phone} (${who}) has no active membership in this district: demo call left out`);
        return undefined;
      }
      out[who] = { userId: r.user_id, membershipId: r.id, roles: r.roles, isPlatformOperator: false, organisationId: r.organisation_id };
    }
    return out;
  }
}
