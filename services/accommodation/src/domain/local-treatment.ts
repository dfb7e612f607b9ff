import { type Area, normalise } from './accommodation.js';

/** True when she would live in one local authority and be treated in another (unknown areas do not count). */
export function localTreatmentMismatch(accommodationArea: Area, providerArea: Area): boolean {
  const home = accommodationArea.localAuthority;
  const provider = providerArea.localAuthority;
  if (!home?.trim() || !provider?.trim()) return false;
  return normalise(home) !== normalise(provider);
}
