// A number beside the hidden layer's map, so it is not only a picture: how often a point's label is the majority
// label of its k nearest neighbours in the 2D map (leave-one-out: a point never votes for itself). Separable
// classes score 1; a map that mixes ten classes at random scores about 0.1. Pure; O(n² log k), for ~2,000 points.

/**
 * The share of points whose label wins the vote of their `k` nearest other points (Euclidean, in `coords`: n × 2,
 * row-major). A tied vote goes to the tied label of the nearest voter. 0 for fewer than k + 1 points.
 */
export function knnAccuracy(coords: ArrayLike<number>, labels: ArrayLike<number>, k = 5): number {
  const n = labels.length;
  if (n <= k || coords.length < n * 2) return 0;
  let right = 0;
  const nearD = new Float64Array(k);
  const nearL = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    nearD.fill(Infinity);
    const xi = coords[i * 2],
      yi = coords[i * 2 + 1];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = coords[j * 2] - xi,
        dy = coords[j * 2 + 1] - yi;
      const dist = dx * dx + dy * dy;
      if (dist >= nearD[k - 1]) continue;
      // Insert into the sorted list of the k nearest so far.
      let p = k - 1;
      while (p > 0 && nearD[p - 1] > dist) {
        nearD[p] = nearD[p - 1];
        nearL[p] = nearL[p - 1];
        p--;
      }
      nearD[p] = dist;
      nearL[p] = labels[j];
    }
    const votes = new Map<number, number>();
    let most = 0;
    for (let q = 0; q < k; q++) {
      const v = (votes.get(nearL[q]) ?? 0) + 1;
      votes.set(nearL[q], v);
      most = Math.max(most, v);
    }
    // Among the labels with the most votes, the nearest voter's.
    let best = nearL[0];
    for (let q = 0; q < k; q++)
      if (votes.get(nearL[q]) === most) {
        best = nearL[q];
        break;
      }
    if (best === labels[i]) right++;
  }
  return right / n;
}
