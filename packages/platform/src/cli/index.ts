// For CLIs in packages that do not depend on @resettle/infra (the services): the command-line conventions, and the
// one spelling of probation regions.
// From the command-line module alone: the whole of @resettle/infra (brokers, embedded PostgreSQL, the build) would
// otherwise be bundled into a built CLI such as passport's dist/rebuild.js.
export { commandLine, HELP, helpOption, listWrapped, UsageError } from '@resettle/infra/cli';
export { PROBATION_REGIONS, type ProbationRegion, probationRegionNamed, regionSlug } from './regions.js';
export { startWorkerThread } from './worker-thread.js';
