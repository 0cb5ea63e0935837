import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

let renders = 0;

/** The Mermaid `stateDiagram-v2` text the API gives, with the case's current state picked out. */
export function highlightState(mermaidText: string, state: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(state)) return mermaidText;
  return `${mermaidText}\n  classDef current fill:#fff1b8,stroke:#d4380d,stroke-width:3px,color:#000,font-weight:bold\n  class ${state} current`;
}

/**
 * Draws a workflow as a state diagram. Mermaid is large, so it is loaded only when a diagram is shown; the diagram
 * scrolls sideways inside its card rather than widening the page.
 */
export function WorkflowDiagram({ mermaid, state, stateLabel }: { mermaid: string; state: string; stateLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(false);

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
