import { Args, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/current-actor.decorator.js';
import { IdPipe, MonthPipe, OptionalDatePipe } from '../../common/graphql/validation.js';
import { MeetingsService } from './meetings.service.js';
import {
  ActionView,
  AddAgendaItemInput,
  AgendaChange,
  AgendaFiguresView,
  AgendaItemView,
  AttendanceView,
  BlockageView,
  CancelMeetingInput,
  ChangeBaseEnum,
  DecisionView,
  MeetingView,
  MoveAgendaItemInput,
  MoveMeetingInput,
  RaiseBlockageInput,
  RecordActionInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  ResolveBlockageInput,
  SaveMinutesInput,
  ScheduleMeetingInput,
  UpdateActionInput,
  UpdateAgendaItemInput,
} from './meetings.types.js';

/** Everyone on the panel; agency leads see issued agendas only, young people redacted as in the pack. */
const MEMBERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'] as const;
const PREPARERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST'] as const;

@ObjectType()
export class AgendaPersonOption {
  @Field(() => ID) id: string;
  @Field(() => String) label: string;
}

@Resolver(() => MeetingView)
@Roles(...MEMBERS)
export class MeetingsResolver {
  constructor(private readonly service: MeetingsService) {}

  @Query(() => [MeetingView], { description: 'Meetings, latest first (agency leads: those with an issued agenda)' })
  meetings(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => String, nullable: true, description: 'yyyy-mm-dd' }, OptionalDatePipe) from: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'yyyy-mm-dd' }, OptionalDatePipe) to: string | null,
  ): Promise<MeetingView[]> {
    return this.service.list(actor, from, to);
  }

  @Query(() => MeetingView)
  meeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<MeetingView> {
    return this.service.get(actor, id);
  }

  @Query(() => [AgendaChange], { description: 'What moved: the data now against the issued agenda, or this agenda against the last meeting’s' })
  agendaChanges(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }, IdPipe) meetingId: string,
    @Args('against', { type: () => ChangeBaseEnum }) against: 'ISSUED' | 'LAST_MEETING',
  ): Promise<AgendaChange[]> {
    return this.service.changes(actor, meetingId, against);
  }

  @Query(() => [ActionView], { description: 'Open actions (agency leads: their own agency’s)' })
  openActions(@CurrentActor() actor: Actor, @Args('agencyId', { type: () => ID, nullable: true }) agencyId: string | null): Promise<ActionView[]> {
    return this.service.actions(actor, { openOnly: true, agencyId });
  }

  @ResolveField('agenda', () => [AgendaItemView])
  agenda(@CurrentActor() actor: Actor, @Parent() m: MeetingView): Promise<AgendaItemView[]> {
    return this.service.agenda(actor, m.id);
  }

  @ResolveField('figures', () => AgendaFiguresView, {
    nullable: true,
    description: 'The Themes key chart and the Locations map: live until the agenda is issued, then frozen with it (agency leads: the chart through disclosure control, no map)',
  })
  figures(@CurrentActor() actor: Actor, @Parent() m: MeetingView): Promise<AgendaFiguresView | null> {
    return this.service.figures(actor, m.id);
  }

  @ResolveField('attendance', () => [AttendanceView])
  attendance(@Parent() m: MeetingView): Promise<AttendanceView[]> {
    return this.service.attendance(m.id);
  }

  @ResolveField('decisions', () => [DecisionView], { description: 'Empty for agency leads' })
  decisions(@CurrentActor() actor: Actor, @Parent() m: MeetingView): Promise<DecisionView[]> {
    return this.service.decisions(actor, m.id);
  }

  @ResolveField('actions', () => [ActionView], { description: 'Actions raised at this meeting (agency leads: their own agency’s)' })
  actions(@CurrentActor() actor: Actor, @Parent() m: MeetingView): Promise<ActionView[]> {
    return this.service.actions(actor, { meetingId: m.id });
  }

  @ResolveField('blockages', () => [BlockageView])
  blockages(@Parent() m: MeetingView): Promise<BlockageView[]> {
    return this.service.blockages(m.id);
  }

  @ResolveField('agendaPeople', () => [AgendaPersonOption], { description: 'The young people on the agenda, for recording decisions' })
  @Roles(...PREPARERS, 'POLICE')
  agendaPeople(@CurrentActor() actor: Actor, @Parent() m: MeetingView): Promise<AgendaPersonOption[]> {
    return this.service.agendaPeople(actor, m.id);
  }

  @Mutation(() => MeetingView)
  @Roles('CO_CHAIR')
  scheduleMeeting(@CurrentActor() actor: Actor, @Args('input') input: ScheduleMeetingInput): Promise<MeetingView> {
    return this.service.schedule(actor, input);
  }

  @Mutation(() => [MeetingView], { description: 'Schedules the usual monthly meeting for each month that has none' })
  @Roles('CO_CHAIR')
  scheduleMonthlyMeetings(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => String, description: 'yyyy-mm' }, MonthPipe) from: string,
    @Args('months', { type: () => Int }) months: number,
  ): Promise<MeetingView[]> {
    return this.service.scheduleMonthly(actor, from, months);
  }

  @Mutation(() => MeetingView)
  @Roles('CO_CHAIR')
  moveMeeting(@CurrentActor() actor: Actor, @Args('input') input: MoveMeetingInput): Promise<MeetingView> {
    return this.service.move(actor, input);
  }

  @Mutation(() => MeetingView)
  @Roles('CO_CHAIR')
  cancelMeeting(@CurrentActor() actor: Actor, @Args('input') input: CancelMeetingInput): Promise<MeetingView> {
    return this.service.cancel(actor, input);
  }

  @Mutation(() => [AttendanceView])
  @Roles('CO_CHAIR', 'COORDINATOR')
  recordAttendance(@CurrentActor() actor: Actor, @Args('input') input: RecordAttendanceInput): Promise<AttendanceView[]> {
    return this.service.recordAttendance(actor, input);
  }

  @Mutation(() => [AgendaItemView], { description: 'Builds the agenda from the data as it stands (again keeps notes, order and added items)' })
  @Roles(...PREPARERS)
  generateAgenda(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, IdPipe) meetingId: string): Promise<AgendaItemView[]> {
    return this.service.generate(actor, meetingId);
  }

  @Mutation(() => AgendaItemView)
  @Roles(...PREPARERS, 'POLICE')
  updateAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgendaItemInput): Promise<AgendaItemView> {
    return this.service.updateItem(actor, input);
  }

  @Mutation(() => [AgendaItemView])
  @Roles(...PREPARERS, 'POLICE')
  addAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: AddAgendaItemInput): Promise<AgendaItemView[]> {
    return this.service.addItem(actor, input);
  }

  @Mutation(() => [AgendaItemView])
  @Roles(...PREPARERS)
  moveAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: MoveAgendaItemInput): Promise<AgendaItemView[]> {
    return this.service.moveItem(actor, input);
  }

  @Mutation(() => [AgendaItemView])
  @Roles(...PREPARERS)
  removeAgendaItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, IdPipe) id: string): Promise<AgendaItemView[]> {
    return this.service.removeItem(actor, id);
  }

  @Mutation(() => MeetingView, { description: 'Freezes the agenda: later changes in the data do not alter it' })
  @Roles('CO_CHAIR')
  issueAgenda(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, IdPipe) meetingId: string, @Args('version', { type: () => Int }) version: number): Promise<MeetingView> {
    return this.service.issue(actor, meetingId, version);
  }

  @Mutation(() => MeetingView)
  @Roles('CO_CHAIR')
  markMeetingHeld(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, IdPipe) meetingId: string, @Args('version', { type: () => Int }) version: number): Promise<MeetingView> {
    return this.service.markHeld(actor, meetingId, version);
  }

  @Mutation(() => DecisionView)
  @Roles('CO_CHAIR')
  recordDecision(@CurrentActor() actor: Actor, @Args('input') input: RecordDecisionInput): Promise<DecisionView> {
    return this.service.recordDecision(actor, input);
  }

  @Mutation(() => ActionView)
  @Roles('CO_CHAIR')
  recordAction(@CurrentActor() actor: Actor, @Args('input') input: RecordActionInput): Promise<ActionView> {
    return this.service.recordAction(actor, input);
  }

  @Mutation(() => ActionView, { description: 'Updates an action’s progress (agency leads: their own agency’s actions)' })
  @Roles('CO_CHAIR', 'COORDINATOR', 'AGENCY_LEAD')
  updateAction(@CurrentActor() actor: Actor, @Args('input') input: UpdateActionInput): Promise<ActionView> {
    return this.service.updateAction(actor, input);
  }

  @Mutation(() => BlockageView)
  @Roles('CO_CHAIR', 'COORDINATOR')
  raiseBlockage(@CurrentActor() actor: Actor, @Args('input') input: RaiseBlockageInput): Promise<BlockageView> {
    return this.service.raiseBlockage(actor, input);
  }

  @Mutation(() => BlockageView)
  @Roles('CO_CHAIR')
  resolveBlockage(@CurrentActor() actor: Actor, @Args('input') input: ResolveBlockageInput): Promise<BlockageView> {
    return this.service.resolveBlockage(actor, input);
  }

  @Mutation(() => MeetingView)
  @Roles('CO_CHAIR')
  saveMinutes(@CurrentActor() actor: Actor, @Args('input') input: SaveMinutesInput): Promise<MeetingView> {
    return this.service.saveMinutes(actor, input);
  }

  @Mutation(() => MeetingView, { description: 'Approves the minutes of a held meeting and locks it' })
  @Roles('CO_CHAIR')
  approveMinutes(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }, IdPipe) meetingId: string, @Args('version', { type: () => Int }) version: number): Promise<MeetingView> {
    return this.service.approveMinutes(actor, meetingId, version);
  }
}
