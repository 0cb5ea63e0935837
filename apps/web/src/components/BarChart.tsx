/** One bar per row, drawn as SVG: enough for the bureau's comparisons without a charting library. */
export function BarChart({ rows, format = (v) => String(v), max, title }: { rows: { label: string; value: number | null }[]; format?: (v: number) => string; max?: number; title: string }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  const barHeight = 22;
  const labelWidth = 140;
  const width = 520;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${rows.length * (barHeight + 8) + 8}`} style={{ width: '100%', maxWidth: width }}>
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = 8 + i * (barHeight + 8);
        const w = r.value === null ? 0 : ((width - labelWidth - 70) * r.value) / top;
        return (
          <g key={r.label}>
            <text x={labelWidth - 8} y={y + barHeight * 0.7} textAnchor="end" fontSize="13">
              {r.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, r.value ? 2 : 0)} height={barHeight} rx="3" fill="#b7472a" />
            <text x={labelWidth + w + 6} y={y + barHeight * 0.7} fontSize="12" fill="#555">
              {r.value === null ? '—' : format(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
