/**
 * A value made on first use rather than at start: for libraries only a few requests need (the xlsx writer, the PDF
 * renderer), each of which costs every engine process megabytes of heap and code for as long as it runs, whether or
 * not anyone exports a workbook (docs/benchmarks.md, "Memory").
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
