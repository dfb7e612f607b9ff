export { type AuditFacts, audit, auditEntry, type DataCategory } from './audit/audit.js';
export { auditLog } from './audit/schema.js';
export { brokerList, loadConfig, type PlatformConfig, PlatformConfigSchema } from './config.js';
export { connectDatabase, migrateDatabase } from './db.js';
export { type Caller, ROLES, type Role } from './http/auth.js';
export { Conflict, httpError, InvalidField, NotFound, RuleRefusal, refuseFirstBroken } from './http/problems.js';
export { type ReleaseCopy, usableRelease } from './http/release-copy.js';
export { buildServer, type Server } from './http/server.js';
export { createLogger, loggerOptions } from './logger.js';
export { runServiceProcess } from './main.js';
export { type Violation, violation } from './rules.js';
export {
  type Clock,
  type RunningService,
  type ServiceContext,
  type ServiceDefinition,
  startService,
} from './runtime.js';
export { localTokenIssuer } from './tokens.js';
