export { changedSettings, originOf } from './audit/admin-changes.js';
export { type AuditFacts, audit, auditEntry, type DataCategory } from './audit/audit.js';
export {
  type BrokenLink,
  type BrokenLinkReason,
  type ChainHead,
  type ChainVerdict,
  canonicalAuditRow,
  linkAuditChain,
  verifyAuditChain,
} from './audit/chain.js';
export { auditLog } from './audit/schema.js';
export { auditHeadWitness } from './audit/witness.js';
export { eventBusFor } from './bus.js';
export { brokerList, kafkaSecurity, loadConfig, type PlatformConfig, PlatformConfigSchema } from './config.js';
export { connectDatabase, migrateDatabase, prepareDatabase } from './db.js';
export { type Caller, ROLES, type Role } from './http/auth.js';
export { refuseOutsideCaseload, visibleRecord } from './http/caseload-access.js';
export { ConflictProblem, InvalidRequest, Problem, problemsFor, Refusal } from './http/problem-schemas.js';
export { Conflict, httpError, InvalidField, NotFound, RuleRefusal, refuseFirstBroken } from './http/problems.js';
export { changeableRecord, type RecordChange, recordChangeRoute } from './http/record-changes.js';
export { type ReleaseRecord, type ReleaseRecords, recordAudit, releaseRecordReads } from './http/release-records.js';
export { buildServer, type Server } from './http/server.js';
export type { Consumption, EventFold, EventHandlers } from './kernel/consumption.js';
export { readLocked } from './kernel/read-locked.js';
export { type Clock, personLockKey, type UnitOfWork } from './kernel/unit-of-work.js';
export { everyInterval, type Worker } from './kernel/workers.js';
export { createLogger, loggerOptions } from './logger.js';
export { runServiceProcess } from './main.js';
export type { ScrapedFigure } from './observability/metrics.js';
export { ANONYMISE_ACTION, anonymiseDue } from './privacy/anonymisation.js';
export { anonymisationDue } from './privacy/anonymisation-rule.js';
export {
  ANONYMISED,
  type HeldRecord,
  type PersonalData,
  type Purge,
  type ReleasesHeld,
  releaseCopyHeld,
} from './privacy/personal-data.js';
export { purgeExpired } from './privacy/purge.js';
export { SUBJECT_ACCESS_SERVICES } from './privacy/subject-access.js';
export { type ReleaseCopy, usableRelease } from './release-copy/usable-release.js';
export { type Violation, violation } from './rules.js';
export {
  consumedEventKeys,
  type RunningService,
  type ServiceContext,
  type ServiceDefinition,
  startService,
} from './runtime.js';
export { localTokenIssuer } from './tokens.js';
