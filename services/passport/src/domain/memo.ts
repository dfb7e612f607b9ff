/**
 * Remembers a pure function's answers. The fold formats the same few hundred dates and instants over and over, and
 * luxon's time-zone arithmetic is the dearest part of it. Bounded: forgets everything once it holds `limit` answers.
 */
export function remembered<T>(compute: (input: string) => T, limit = 20_000): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    const known = answers.get(input);
    if (known !== undefined) return known;
    const answer = compute(input);
    if (answers.size >= limit) answers.clear();
    answers.set(input, answer);
    return answer;
  };
}
