import type { AccommodationType } from '@resettle/contracts';

export type { AccommodationType };

export interface Accommodation {
  type: AccommodationType;
  localAuthority: string | null;
  /** UK outward code, e.g. 'BS1', 'M14', 'SW1A'. */
  postcodeDistrict: string | null;
  /** 'YYYY-MM-DD', Europe/London. */
  confirmedFrom: string | null;
  womenOnly: boolean;
  confirmedBy: string | null;
}

/** Area where something is: used to compare her accommodation with her treatment provider. */
export interface Area {
  localAuthority: string | null;
}

/** Case- and space-insensitive form for comparing names and codes. */
export function normalise(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
