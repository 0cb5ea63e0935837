import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useDiagramZoom } from './diagram-zoom';

let renders = 0;

/**
 * The Mermaid ids of the states a persisted state value has active, innermost only: `registered`; `trial.simple` is
 * `trial__simple` in the diagram (Mermaid ids cannot hold dots); a value with parallel regions (JSON) gives one per
 * region. Mirrors `stateValueToString` and `mermaidStateId` of libs/workflow.
 */
export function activeDiagramIds(state: string): string[] {
  const paths = (value: unknown, path: string[]): string[][] => {
    if (typeof value === 'string') return [[...path, value]];
    if (!value || typeof value !== 'object') return [];
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([key, inner]) => paths(inner, [...path, key])) : [path];
  };
  let leaves: string[][];
  try {
    leaves = state.startsWith('{') ? paths(JSON.parse(state), []) : [state.split('.')];
  } catch {
    return [];
  }
  return leaves.map((p) => p.join('__')).filter((id) => /^[A-Za-z][A-Za-z0-9_]*$/.test(id));
}

/** The Mermaid `stateDiagram-v2` text the API gives, with the case's current state (each region's, if parallel) picked out. */
export function highlightState(mermaidText: string, state: string): string {
  const ids = activeDiagramIds(state);
  if (!ids.length) return mermaidText;
  return [mermaidText, '  classDef current fill:#fff1b8,stroke:#d4380d,stroke-width:3px,color:#000,font-weight:bold', ...ids.map((id) => `  class ${id} current`)].join('\n');
}

/**
 * Draws a workflow as a state diagram. Mermaid is large, so it is loaded only when a diagram is shown. The diagram is
 * drawn to fit its card; on a phone that makes it small, so it zooms (the buttons, two fingers, Ctrl and the wheel)
 * and, zoomed, pans inside its card (one finger, or the scroll bars) rather than widening the page.
 */
export function WorkflowDiagram({ mermaid, state, stateLabel }: { mermaid: string; state: string; stateLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);
  const zoom = useDiagramZoom(box, drawn);

  useEffect(() => {
    let live = true;
    setDrawn(false);
    (async () => {
      const { default: engine } = await import('mermaid');
      engine.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: getComputedStyle(document.body).fontFamily });
      const { svg } = await engine.render(`workflow-diagram-${++renders}`, highlightState(mermaid, state));
      if (live && box.current) {
        box.current.innerHTML = svg;
        setDrawn(true);
      }
    })().catch(() => live && setError('流程图暂时无法显示，请刷新页面重试'));
    return () => {
      live = false;
    };
  }, [mermaid, state]);

  return (
    <div>
      {error ? <Alert type="warning" showIcon title={error} /> : null}
      {!drawn && !error ? <Spin tip="正在绘制流程图…"><div style={{ height: 80 }} /></Spin> : null}
      {drawn ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }} data-testid="diagram-zoom">
          <Button size="small" icon={<ZoomOutOutlined />} aria-label="缩小流程图" onClick={zoom.zoomOut} disabled={!zoom.canZoomOut} />
          <Typography.Text style={{ minWidth: 48, textAlign: 'center' }} data-testid="diagram-zoom-level">
            {Math.round(zoom.level * 100)}%
          </Typography.Text>
          <Button size="small" icon={<ZoomInOutlined />} aria-label="放大流程图" onClick={zoom.zoomIn} disabled={!zoom.canZoomIn} />
          <Button size="small" icon={<CompressOutlined />} onClick={zoom.reset} disabled={zoom.level === 1}>
            适合宽度
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {zoom.level > 1 ? '拖动或滑动查看其他部分' : '可双指缩放'}
          </Typography.Text>
        </Flex>
      ) : null}
      <div
        ref={box}
        className="workflow-diagram"
        data-testid="workflow-diagram"
        data-current-state={state}
        role="img"
        aria-label={`流程图，当前环节：${stateLabel}`}
      />
    </div>
  );
}
