/**
 * One of `count` parts of the women, chosen by her message key: a rebuild run in parallel gives each worker one share,
 * so each folds the events of its own women and no passport is folded twice. Every event is keyed by her person id
 * (`partitionKeyOf` in contracts), which is also what keeps her events in order on one partition; the key is read
 * without parsing the message, so the events of the other shares cost a worker only their decoding.
 */
export interface Share {
  index: number;
  count: number;
}

export const WHOLE: Share = { index: 0, count: 1 };

/** Which share a key falls in (FNV-1a over its characters); a message without a key is the first share's. */
export function shareOfKey(key: string | null, count: number): number {
  if (key === null || count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) {
    hash ^= key.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

export function holds(share: Share, key: string | null): boolean {
  return share.count <= 1 || shareOfKey(key, share.count) === share.index;
}
