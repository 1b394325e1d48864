import { AgencyEntity } from '../modules/agencies/agency.entity.js';
import { BoundaryEntity } from '../modules/geography/boundary.entity.js';
import { LocationEntity } from '../modules/geography/location.entity.js';
import { HotSpotReportEntity, PoliceReportEntity } from '../modules/intelligence/hot-spot.entities.js';
import { LinkEntity, LinkGradingEntity } from '../modules/intelligence/link.entity.js';
import { DisruptionActionEntity, PersonOfConcernEntity } from '../modules/intelligence/person-of-concern.entity.js';
import { AgencyReturnEntity, AgencyReturnVersionEntity, ReturnFigureEntity, ReturnSettingsEntity, ReturnYoungPersonEntity } from '../modules/returns/return.entities.js';
import { SavedViewEntity } from '../modules/analytics/saved-view.entity.js';
import { ActionEntity, AgendaItemEntity, BlockageEntity, DecisionEntity, MeetingAttendanceEntity, MeetingEntity } from '../modules/meetings/meeting.entities.js';
import { RetentionPolicyEntity, RetentionRunEntity } from '../modules/retention/retention.entities.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { ImportJobEntity } from '../modules/imports/import-job.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { SignInThrottleEntity } from '../modules/auth/sign-in-throttle.entity.js';
import { SignInChallengeEntity } from '../modules/auth/sign-in-challenge.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { ListMembershipEntity } from '../modules/young-people/list-membership.entity.js';
import { MissingEpisodeEntity } from '../modules/young-people/missing-episode.entity.js';
import { RiskAssessmentEntity } from '../modules/young-people/risk-assessment.entity.js';
import { YoungPersonEntity } from '../modules/young-people/young-person.entity.js';

/** Every TypeORM entity, registered as classes so the same list serves the app, the CLI and the tests. */
export const ENTITIES = [AgencyEntity, UserEntity, SessionEntity, SignInThrottleEntity, SignInChallengeEntity, AuditEventEntity, YoungPersonEntity, RiskAssessmentEntity, ListMembershipEntity, MissingEpisodeEntity, ImportJobEntity, BoundaryEntity, LocationEntity, PersonOfConcernEntity, DisruptionActionEntity, LinkEntity, LinkGradingEntity, HotSpotReportEntity, PoliceReportEntity, AgencyReturnEntity, AgencyReturnVersionEntity, ReturnFigureEntity, ReturnYoungPersonEntity, ReturnSettingsEntity, SavedViewEntity, MeetingEntity, MeetingAttendanceEntity, AgendaItemEntity, DecisionEntity, ActionEntity, BlockageEntity, RetentionPolicyEntity, RetentionRunEntity];
