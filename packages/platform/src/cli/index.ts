// For CLIs in packages that do not depend on @resettle/infra (the services): the command-line conventions, and the
// one spelling of probation regions.
export { commandLine, HELP, helpOption, listWrapped, UsageError } from '@resettle/infra';
export { PROBATION_REGIONS, type ProbationRegion, probationRegionNamed, regionSlug } from './regions.js';
