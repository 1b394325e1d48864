import { ReturnTotalsIndexes1795590000011 } from './1795590000011-ReturnTotalsIndexes.js';
import { LatestScreeningIndex1795590000010 } from './1795590000010-LatestScreeningIndex.js';
import { MeetingPackFigures1795590000003 } from './1795590000003-MeetingPackFigures.js';
import { AnalyticsSnapshots1795590000002 } from './1795590000002-AnalyticsSnapshots.js';
import { BenchIndexes1795590000001 } from './1795590000001-BenchIndexes.js';
import { AddMfa1795582326005 } from './1795582326005-AddMfa.js';
import { Retention1795582276315 } from './1795582276315-Retention.js';
import { Meetings1795581615974 } from './1795581615974-Meetings.js';
import { SavedViews1795580695875 } from './1795580695875-SavedViews.js';
import { AgencyReturns1795580073161 } from './1795580073161-AgencyReturns.js';
import { PoliceReference1795579628476 } from './1795579628476-PoliceReference.js';
import { HotSpotsAndPoliceReports1795575082926 } from './1795575082926-HotSpotsAndPoliceReports.js';
import { Intelligence1795574545225 } from './1795574545225-Intelligence.js';
import { GeographyAndLocations1795573758835 } from './1795573758835-GeographyAndLocations.js';
import { ImportJobs1795572375658 } from './1795572375658-ImportJobs.js';
import { MissingEpisodes1795571717815 } from './1795571717815-MissingEpisodes.js';
import { FinalAssessmentsImmutable1795571718815 } from './1795571718815-FinalAssessmentsImmutable.js';
import { MaseListAndScreening1795570487214 } from './1795570487214-MaseListAndScreening.js';
import { Initial1795569153437 } from './1795569153437-Initial.js';
import { AuditChain1795569154437 } from './1795569154437-AuditChain.js';
/** Every migration, in order. `npm run db:generate -- Name` appends new ones here. */
export const MIGRATIONS: Function[] = [
  Initial1795569153437,
  AuditChain1795569154437,
  MaseListAndScreening1795570487214,
  MissingEpisodes1795571717815,
  FinalAssessmentsImmutable1795571718815,
  ImportJobs1795572375658,
  GeographyAndLocations1795573758835,
  Intelligence1795574545225,
  HotSpotsAndPoliceReports1795575082926,
  PoliceReference1795579628476,
  AgencyReturns1795580073161,
  SavedViews1795580695875,
  Meetings1795581615974,
  Retention1795582276315,
  AddMfa1795582326005,
  BenchIndexes1795590000001,
  AnalyticsSnapshots1795590000002,
  MeetingPackFigures1795590000003,
  LatestScreeningIndex1795590000010,
  ReturnTotalsIndexes1795590000011,
];
