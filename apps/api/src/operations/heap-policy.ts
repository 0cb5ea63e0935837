import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in per cent
 * (FENGQIAO_HEAP_GROWING_PERCENT). V8 otherwise scales the growth with how fast it collects, up to four times the live
 * heap, and far from its limit (several GB on a large machine) it lets request garbage promoted between scavenges pile
 * up: the engine's RSS under load rose to 320–380 MB over a live heap of about 60 MB. Capped, the heap stays near
 * its live size (docs/benchmarks.md, "Memory") for about the same work per request. V8 reads the setting at every
 * full collection, so it takes effect when set after start; 0 leaves V8's own policy.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
