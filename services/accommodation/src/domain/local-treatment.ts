import type { Area } from './accommodation.js';
import { sameLocalAuthority } from './local-authority.js';

/** True when she would live in one local authority and be treated in another (by the place, not the spelling; unknown areas do not count). */
export function localTreatmentMismatch(accommodationArea: Area, providerArea: Area): boolean {
  const home = accommodationArea.localAuthority;
  const provider = providerArea.localAuthority;
  if (!home?.trim() || !provider?.trim()) return false;
  return !sameLocalAuthority(home, provider);
}
