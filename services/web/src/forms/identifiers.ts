import { PersonId } from '@resettle/contracts';

const PRISON_NUMBER = new RegExp(PersonId.pattern ?? '^$');
/** Our ids (a release's reference, a subject access request) as the services write them: lower-case UUIDs. */
const REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value is a prison number as the contracts define it (1 letter, 4 numbers, 2 letters: A1234BC). */
export function isPrisonNumber(value: string): boolean {
  return PRISON_NUMBER.test(value);
}

/** What a form says when the prison number it was given is not one. */
export const ENTER_PRISON_NUMBER = 'Enter her prison number, like A1234BC';

/**
 * A prison number as staff typed it, made comparable: every space dropped (copied from a letter, it may read
 * "A 1234 BC") and capitals throughout. Whether it is one is `isPrisonNumber`'s to say.
 */
export function typedPrisonNumber(typed: string | undefined): string {
  return (typed ?? '').replace(/\s+/g, '').toUpperCase();
}

/** Whether a value is one of our ids (a lower-case UUID). */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}
