/**
 * Maximum bipartite matching (Kuhn's augmenting paths) between expected list elements and actual ones.
 * Unordered list matching needs it: with a greedy first-fit, expected [{a: 1}, {a: 1, b: 2}] against actual
 * [{a: 1, b: 2}, {a: 1}] would give the first actual element to {a: 1} and wrongly fail; an augmenting path
 * moves {a: 1} to the second element instead. Lists in lab checks are small, so O(E·V) is plenty.
 */

/** For each left index, the right index it is assigned to, or -1. `fits[i][j]` says left i may take right j. */
export function maxAssignment(fits: readonly (readonly boolean[])[], rightCount: number): number[] {
  const ownerOfRight = new Array<number>(rightCount).fill(-1);
  const tryAssign = (left: number, visited: boolean[]): boolean => {
    for (let right = 0; right < rightCount; right++) {
      if (!fits[left]![right] || visited[right]) continue;
      visited[right] = true;
      const owner = ownerOfRight[right]!;
      if (owner === -1 || tryAssign(owner, visited)) {
        ownerOfRight[right] = left;
        return true;
      }
    }
    return false;
  };
  fits.forEach((_, left) => tryAssign(left, new Array<boolean>(rightCount).fill(false)));
  const assigned = new Array<number>(fits.length).fill(-1);
  ownerOfRight.forEach((left, right) => {
    if (left !== -1) assigned[left] = right;
  });
  return assigned;
}
