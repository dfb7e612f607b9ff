import type { PassportSettings } from './domain/index.js';

/** The passport's own settings (declared in app.ts), as its config holds them. */
export interface PassportServiceSettings {
  AT_RISK_WORKING_DAYS: number;
  EVENING_CUTOFF: string;
}

export function domainSettings(config: PassportServiceSettings): PassportSettings {
  return { atRiskWorkingDays: config.AT_RISK_WORKING_DAYS, eveningCutoff: config.EVENING_CUTOFF };
}
