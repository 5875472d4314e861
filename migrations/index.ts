import { EnableExtensions1764000000000 } from './1764000000000-enable-extensions';
import { CreateSystemPings1764000000001 } from './1764000000001-create-system-pings';
import { CreateIdentityAndAudit1764000000002 } from './1764000000002-create-identity-and-audit';
import { CreateDirectory1764000000003 } from './1764000000003-create-directory';
import { CreateCases1764000000004 } from './1764000000004-create-cases';
import { CreateStatisticsExports1764000000005 } from './1764000000005-create-statistics-exports';
import { TunePersonNameIndex1764000000006 } from './1764000000006-tune-person-name-index';
import { IndexPersonNameWords1764000000007 } from './1764000000007-index-person-name-words';
import { AddCaseHistoryReason1764000000008 } from './1764000000008-add-case-history-reason';
import { AddMfaRecovery1764000000009 } from './1764000000009-add-mfa-recovery';
import { AddMfaReplacement1764000000010 } from './1764000000010-add-mfa-replacement';
import { AuditDigestCoreSha2561764000000011 } from './1764000000011-audit-digest-core-sha256';
import { SealAuditEvents1764000000012 } from './1764000000012-seal-audit-events';
import { CaseRowSecurity1764000000013 } from './1764000000013-case-row-security';
import { PublishStatisticsViews1764000000014 } from './1764000000014-publish-statistics-views';
import { AddCaseNextStep1764000000015 } from './1764000000015-add-case-next-step';
import { IndexCaseload1764000000016 } from './1764000000016-index-caseload';
import { IndexCaseWorkQueue1764000000017 } from './1764000000017-index-case-work-queue';
import { PersonPolicyCountryFirst1764000000018 } from './1764000000018-person-policy-country-first';
import { CreateCaseTransfers1764000000019 } from './1764000000019-create-case-transfers';
import { CreateCaseConsents1764000000020 } from './1764000000020-create-case-consents';
import { AddOrganisationFocalPoint1764000000021 } from './1764000000021-add-organisation-focal-point';
import { CreateReferrals1764000000022 } from './1764000000022-create-referrals';
import { CreateAssistanceRequests1764000000023 } from './1764000000023-create-assistance-requests';
import { PublishCooperationStatisticsViews1764000000024 } from './1764000000024-publish-cooperation-statistics-views';
import { CreateCrisisEvents1764000000025 } from './1764000000025-create-crisis-events';
import { CreateCrisisImports1764000000026 } from './1764000000026-create-crisis-imports';
import { CreateReturnMovements1764000000027 } from './1764000000027-create-return-movements';
import { CreateCaseDetentions1764000000028 } from './1764000000028-create-case-detentions';
import { CreateChildSafeguards1764000000029 } from './1764000000029-create-child-safeguards';
import { CreateRegionalWorkspace1764000000030 } from './1764000000030-create-regional-workspace';
import { CreateGoodPractices1764000000031 } from './1764000000031-create-good-practices';
import { AddStatisticsDimensions1764000000032 } from './1764000000032-add-statistics-dimensions';
import { CreateRegionalReports1764000000033 } from './1764000000033-create-regional-reports';
import { IndexPersonsByBirthYearAndName1764000000034 } from './1764000000034-index-persons-by-birth-year-and-name';
import { CurrentCallerCheck1764000000035 } from './1764000000035-current-caller-check';
import { EstimateCandidateIds1764000000036 } from './1764000000036-estimate-candidate-ids';
import { CaseScopeOnRows1764000000037 } from './1764000000037-case-scope-on-rows';
import { PersonCaseScopeFromLinks1764000000038 } from './1764000000038-person-case-scope-from-links';

/** Every migration, in order. A unit test fails when a file in this folder is missing here. */
export const MIGRATIONS = [
  EnableExtensions1764000000000,
  CreateSystemPings1764000000001,
  CreateIdentityAndAudit1764000000002,
  CreateDirectory1764000000003,
  CreateCases1764000000004,
  CreateStatisticsExports1764000000005,
  TunePersonNameIndex1764000000006,
  IndexPersonNameWords1764000000007,
  AddCaseHistoryReason1764000000008,
  AddMfaRecovery1764000000009,
  AddMfaReplacement1764000000010,
  AuditDigestCoreSha2561764000000011,
  SealAuditEvents1764000000012,
  CaseRowSecurity1764000000013,
  PublishStatisticsViews1764000000014,
  AddCaseNextStep1764000000015,
  IndexCaseload1764000000016,
  IndexCaseWorkQueue1764000000017,
  PersonPolicyCountryFirst1764000000018,
  CreateCaseTransfers1764000000019,
  CreateCaseConsents1764000000020,
  AddOrganisationFocalPoint1764000000021,
  CreateReferrals1764000000022,
  CreateAssistanceRequests1764000000023,
  PublishCooperationStatisticsViews1764000000024,
  CreateCrisisEvents1764000000025,
  CreateCrisisImports1764000000026,
  CreateReturnMovements1764000000027,
  CreateCaseDetentions1764000000028,
  CreateChildSafeguards1764000000029,
  CreateRegionalWorkspace1764000000030,
  CreateGoodPractices1764000000031,
  AddStatisticsDimensions1764000000032,
  CreateRegionalReports1764000000033,
  IndexPersonsByBirthYearAndName1764000000034,
  CurrentCallerCheck1764000000035,
  EstimateCandidateIds1764000000036,
  CaseScopeOnRows1764000000037,
  PersonCaseScopeFromLinks1764000000038,
];
