/**
 * The probation regions of England and Wales, spelled as release records and probation tokens carry them: the
 * passport service compares a token's `region` with a release's `probationRegion` exactly, so there is one spelling.
 */
export const PROBATION_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'Greater Manchester',
  'East Midlands',
  'West Midlands',
  'East of England',
  'Kent, Surrey and Sussex',
  'London',
  'South West',
  'South Central',
  'Wales',
] as const;
export type ProbationRegion = (typeof PROBATION_REGIONS)[number];

/** A region as typed on a command line (`south-west`, `"South West"`, `SOUTH_WEST`), in its one spelling. */
export function probationRegionNamed(typed: string): ProbationRegion | undefined {
  const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
  return PROBATION_REGIONS.find((region) => letters(region) === letters(typed));
}

/** The command-line friendly form: `South West` → `south-west`. */
export function regionSlug(region: ProbationRegion): string {
  return region
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
