import { type Static, Type } from '@sinclair/typebox';

/**
 * A published count: the number, '<5' (1 to 4), or '[c]' (withheld: with the total beside it a reader could work out a
 * number under 5). What the passport's /api/continuity and /api/outcomes publish, and the staff pages read.
 */
export const ShownCount = Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('<5'), Type.Literal('[c]')], {
  description: "a count; '<5' for 1 to 4; '[c]' for a count withheld because its total would give away a rest under 5",
});
export type Shown = Static<typeof ShownCount>;

const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

/** Continuity of care for one prison and month of release. */
export const ContinuityFigureV1 = Type.Object({
  prisonCode: Type.String(),
  month: Type.String({ description: 'YYYY-MM of the release date' }),
  releases: ShownCount,
  releasedComplete: ShownCount,
  withTreatmentNeed: ShownCount,
  firstAppointmentAttended: ShownCount,
  startedWithin21Days: ShownCount,
  /**
   * Released complete as a share of releases; the treatment measures as shares of releases with a treatment need.
   * Null where a count behind them is not published.
   */
  shares: Type.Object({ releasedComplete: Share, firstAppointmentAttended: Share, startedWithin21Days: Share }),
});
export type ContinuityFigure = Static<typeof ContinuityFigureV1>;

export const NationalFigureV1 = Type.Object({ year: Type.String(), share: Type.Number() });
export type NationalFigure = Static<typeof NationalFigureV1>;

/** GET /api/continuity: the figures, the rules they were made by, and England's beside them. */
export const ContinuityAnswerV1 = Type.Object({
  items: Type.Array(ContinuityFigureV1),
  withinDays: Type.Integer(),
  suppressedUnder: Type.Integer(),
  national: Type.Object({ source: Type.String(), figures: Type.Array(NationalFigureV1) }),
});
export type ContinuityAnswer = Static<typeof ContinuityAnswerV1>;
