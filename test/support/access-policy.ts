import { ROLES, type Role } from '@mase/shared';

/**
 * Who may call each root field of the API: the declarative policy the schema walk checks the
 * running server against. A field missing here fails the walk, so a new field cannot ship
 * without a decision about who may call it.
 */
export type Access = 'PUBLIC' | readonly Role[];

const ALL = ROLES;
const ADMIN = ['ADMIN'] as const;
/** Roles that may read young people (the analyst pseudonymously). */
const LIST_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;
/** Roles that keep the MASE list. */
const LIST_KEEPERS = ['CO_CHAIR', 'COORDINATOR'] as const;
/** Roles that read police intelligence on places, and the map's boundary geometry. */
const INTELLIGENCE_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'] as const;
/** Roles that see aggregate figures (agency leads through disclosure control). */
const AGGREGATE_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE', 'AGENCY_LEAD'] as const;
/** Roles that read agency returns (agency leads: their own agency's only). */
const RETURN_READERS = ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'AGENCY_LEAD'] as const;

export const ACCESS_POLICY: { Query: Record<string, Access>; Mutation: Record<string, Access> } = {
  Query: {
    me: ALL,
    agencies: ALL,
    agency: ALL,
    users: ADMIN,
    user: ADMIN,
    auditEvents: ADMIN,
    auditActions: ADMIN,
    auditChainStatus: ADMIN,
    youngPeople: LIST_READERS,
    youngPerson: LIST_READERS,
    signOffQueue: LIST_KEEPERS,
    reviewsDue: LIST_KEEPERS,
    importJob: LIST_KEEPERS,
    boundaries: ALL,
    boundaryGeometry: INTELLIGENCE_READERS,
    locations: INTELLIGENCE_READERS,
    location: INTELLIGENCE_READERS,
    peopleOfConcern: INTELLIGENCE_READERS,
    personOfConcern: INTELLIGENCE_READERS,
    links: INTELLIGENCE_READERS,
    network: INTELLIGENCE_READERS,
    neighbourhood: INTELLIGENCE_READERS,
    complexAbuseGroups: INTELLIGENCE_READERS,
    hotSpotReports: INTELLIGENCE_READERS,
    policeReports: INTELLIGENCE_READERS,
    hotSpotMap: INTELLIGENCE_READERS,
    agencyReturn: RETURN_READERS,
    agencyReturnFor: RETURN_READERS,
    agencyReturns: RETURN_READERS,
    returnPeriods: RETURN_READERS,
    returnTotals: RETURN_READERS,
    returnCompliance: LIST_KEEPERS,
    overdueReturns: LIST_KEEPERS,
    returnYoungPeopleToScreen: LIST_KEEPERS,
    returnSettings: [...RETURN_READERS, 'ADMIN'],
    victimProfile: AGGREGATE_READERS,
    listTrends: AGGREGATE_READERS,
    activityTrends: AGGREGATE_READERS,
    themes: INTELLIGENCE_READERS,
    savedViews: AGGREGATE_READERS,
    meetings: AGGREGATE_READERS,
    meeting: AGGREGATE_READERS,
    agendaChanges: AGGREGATE_READERS,
    openActions: AGGREGATE_READERS,
  },
  Mutation: {
    signIn: 'PUBLIC',
    signOut: ALL,
    changePassword: ALL,
    createUser: ADMIN,
    updateUser: ADMIN,
    setUserStatus: ADMIN,
    resetUserPassword: ADMIN,
    createAgency: ADMIN,
    updateAgency: ADMIN,
    createYoungPerson: LIST_KEEPERS,
    updateYoungPerson: LIST_KEEPERS,
    endListMembership: LIST_KEEPERS,
    createAssessment: LIST_KEEPERS,
    signOffAssessment: LIST_KEEPERS,
    recordAssessmentOutcome: LIST_KEEPERS,
    recordMissingEpisode: [...LIST_KEEPERS, 'POLICE'],
    updateMissingEpisode: [...LIST_KEEPERS, 'POLICE'],
    previewYoungPeopleImport: LIST_KEEPERS,
    startYoungPeopleImport: LIST_KEEPERS,
    importBoundaries: ADMIN,
    createLocation: ['POLICE'],
    updateLocation: ['POLICE'],
    createPersonOfConcern: ['POLICE'],
    updatePersonOfConcern: ['POLICE'],
    recordDisruption: ['POLICE'],
    recordLink: ['POLICE'],
    previewLinksImport: ['POLICE'],
    importLinks: ['POLICE'],
    previewHotSpotReportsImport: ['POLICE'],
    importHotSpotReports: ['POLICE'],
    recordHotSpotReport: ['POLICE'],
    recordPoliceReport: ['POLICE'],
    saveReturnDraft: ['AGENCY_LEAD'],
    submitReturn: ['AGENCY_LEAD'],
    amendReturn: ['AGENCY_LEAD'],
    previewReturnCsv: ['AGENCY_LEAD'],
    reviewReturn: LIST_KEEPERS,
    updateReturnSettings: ['CO_CHAIR'],
    exportAnalytics: AGGREGATE_READERS,
    saveView: AGGREGATE_READERS,
    deleteView: AGGREGATE_READERS,
    scheduleMeeting: ['CO_CHAIR'],
    scheduleMonthlyMeetings: ['CO_CHAIR'],
    moveMeeting: ['CO_CHAIR'],
    cancelMeeting: ['CO_CHAIR'],
    recordAttendance: LIST_KEEPERS,
    generateAgenda: ['CO_CHAIR', 'COORDINATOR', 'ANALYST'],
    updateAgendaItem: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'],
    addAgendaItem: ['CO_CHAIR', 'COORDINATOR', 'ANALYST', 'POLICE'],
    moveAgendaItem: ['CO_CHAIR', 'COORDINATOR', 'ANALYST'],
    removeAgendaItem: ['CO_CHAIR', 'COORDINATOR', 'ANALYST'],
    issueAgenda: ['CO_CHAIR'],
    markMeetingHeld: ['CO_CHAIR'],
    recordDecision: ['CO_CHAIR'],
    recordAction: ['CO_CHAIR'],
    updateAction: [...LIST_KEEPERS, 'AGENCY_LEAD'],
    raiseBlockage: LIST_KEEPERS,
    resolveBlockage: ['CO_CHAIR'],
    saveMinutes: ['CO_CHAIR'],
    approveMinutes: ['CO_CHAIR'],
  },
};
