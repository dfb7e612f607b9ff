export { type AuditFacts, audit, auditEntry, type DataCategory } from './audit/audit.js';
export { auditLog } from './audit/schema.js';
export { brokerList, loadConfig, type PlatformConfig, PlatformConfigSchema } from './config.js';
export { connectDatabase, migrateDatabase } from './db.js';
export { type Caller, ROLES, type Role } from './http/auth.js';
export { Conflict, httpError, InvalidField, NotFound, RuleRefusal } from './http/problems.js';
export { buildServer, type Server } from './http/server.js';
export { createLogger, loggerOptions } from './logger.js';
export { runServiceProcess } from './main.js';
export {
  type Clock,
  type RunningService,
  type ServiceContext,
  type ServiceDefinition,
  startService,
} from './runtime.js';
export { localTokenIssuer } from './tokens.js';
