import { Injectable } from '@nestjs/common';
import { instantOf, stamp, type AsRecorded } from '../common/as-recorded.js';
import { checkRange, dayBefore } from '../common/date-range.js';
import type { Page } from '../common/pagination/connection.js';
import { decodeCursor, toPage } from '../common/pagination/paginate.js';
import type { UnitArgs } from '../common/unit.args.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { AppointmentsRepository, type HeldFilter, type PostsQuery, type PostRowBetweenDays, type PostRowOnDay, type RetirementRow } from './appointments.repository.js';
import type { BetweenDaysArgs, OnDayArgs, PastRetirementArgs, RetirementFilterArgs, RetirementsArgs, SnapshotArgs } from './dto/appointment-views.js';
import { echelonsOf } from '../positions/echelon-filter.js';

/** A post's row in a snapshot, before its position and acting holders are loaded. */
export interface PostOnDay extends PostRowOnDay, AsRecorded {
  on: string;
}

export type PostBetweenDays = PostRowBetweenDays;

/** Who held what when, for journalists: snapshots, vacancies and changes, paged by post; relations come through the loaders. */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly repository: AppointmentsRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Every post active on `on` in the unit and its sub-units, with its holder or since when it is vacant. */
  snapshot(args: SnapshotArgs): Promise<Page<PostOnDay>> {
    return this.postsOnDay(args, false, { as: args.heldAs, longerThanDays: args.heldLongerThanDays });
  }

  /** The posts of `snapshot` with no definitive holder that day. */
  vacancies(args: OnDayArgs): Promise<Page<PostOnDay>> {
    return this.postsOnDay(args, true);
  }

  /** Posts whose head on `to` is not the one on `from`, or that exist on only one of the two days. */
  async changes(args: BetweenDaysArgs): Promise<Page<PostBetweenDays>> {
    checkRange(args.from, args.to);
    const { rows, count } = await this.repository.changedPosts(args.from, args.to, await this.postsQuery(args));
    return toPage(rows, args, count, (r) => [r.positionId]);
  }

  /** Posts whose holder on `from` reaches the post's retirement age by `to`: the vacancies to come. */
  async retirements(args: RetirementsArgs): Promise<Page<RetirementRow>> {
    checkRange(args.from, args.to);
    return this.retirementPage(args, args.from, { from: args.from, to: args.to });
  }

  /** Posts held on `on` by someone whose last day of service has passed: past the retirement age, still in office. */
  pastRetirementAge(args: PastRetirementArgs): Promise<Page<RetirementRow>> {
    return this.retirementPage(args, args.on, { from: null, to: dayBefore(args.on) });
  }

  private async retirementPage(args: RetirementFilterArgs, heldOn: string, lastDay: { from: string | null; to: string }): Promise<Page<RetirementRow>> {
    const unitId = await this.organizations.unitId(args);
    const after = args.after ? (decodeCursor(args.after, ['date', 'id']) as [string, string]) : undefined;
    const { rows, count } = await this.repository.retirements(heldOn, lastDay, unitId, echelonsOf(args), after, args.first + 1);
    return toPage(rows, args, count, (r) => [r.lastDayOfService, r.appointmentId]);
  }

  private async postsOnDay(args: OnDayArgs, vacantOnly: boolean, held?: HeldFilter): Promise<Page<PostOnDay>> {
    const at = instantOf(args.asRecordedAt);
    const { rows, count } = await this.repository.postsOnDay(args.on, vacantOnly, await this.postsQuery(args), held, at);
    return toPage(
      rows.map((r) => ({ ...r, holder: r.holder && stamp([r.holder], at)[0], lastHolder: r.lastHolder && stamp([r.lastHolder], at)[0], on: args.on, recordedAt: at })),
      args,
      count,
      (r) => [r.positionId],
    );
  }

  /** The unit (checked to exist) and the page window: one more row than asked, to know whether there is a next page. */
  private async postsQuery(args: UnitArgs): Promise<PostsQuery> {
    const unitId = await this.organizations.unitId(args);
    const after = args.after ? String(decodeCursor(args.after, ['id'])[0]) : '0';
    return { unitId, after, limit: args.first + 1 };
  }
}
