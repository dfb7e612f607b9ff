/** What she typed, kept as typed so a refused form comes back as she left it. */
export type FormValues = Record<string, string | undefined>;

/** A posted form as strings: repeated fields (ticked checkboxes) joined with commas; the CSRF token left out. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((item) => typeof item === 'string').join(',');
  }
  return values;
}
