/** One radio or select option, as GOV.UK Frontend's macros take it. */
export interface Choice {
  value: string;
  text: string;
}

/** Options from each value and its words, in the order they are shown. */
export function choices(words: Record<string, string>): Choice[] {
  return Object.entries(words).map(([value, text]) => ({ value, text }));
}

/** Whether what she picked is one of the options offered (a posted form can carry anything). */
export function isChoice(options: readonly Choice[], value: string): boolean {
  return options.some((option) => option.value === value);
}
