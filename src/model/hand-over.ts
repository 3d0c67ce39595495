/**
 * `value`, given once: the function returns it on its first call and keeps no reference to it
 * afterwards (a second call throws: a bug, the value is gone). Passing a large structure this way
 * leaves its receiver the only holder, so it can be freed while the receiver still runs (the
 * priced history of a million-row report: see `computeReport`'s `onHistory`).
 */
export function handOver<T>(value: T): () => T {
  let held: { value: T } | undefined = { value };
  return () => {
    if (!held) throw new Error('handOver: the value was already taken');
    const taken = held.value;
    held = undefined;
    return taken;
  };
}
