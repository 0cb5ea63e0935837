import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const MIN = 1;
const MAX = 4;
const STEP = 1.5;

const clamp = (z: number) => Math.min(MAX, Math.max(MIN, z));

/**
 * Zoom for the diagram in `box`: level 1 is the width Mermaid draws to fit the box; above it the SVG is drawn wider
 * (its own vector drawing, so text stays sharp) and the box scrolls, keeping the point at its centre in place. Two
 * fingers pinch (the box leaves one-finger panning to the browser and takes pinching itself), Ctrl and the wheel zoom
 * on a desktop.
 */
export function useDiagramZoom(box: RefObject<HTMLDivElement | null>, drawn: boolean) {
  const [level, setLevel] = useState(1);
  const levelRef = useRef(1);
  /** The SVG's width at level 1, measured when the diagram is drawn or the level returns to 1. */
  const fit = useRef(0);

  const apply = useCallback(
    (next: number) => {
      const el = box.current;
      const svg = el?.querySelector('svg');
      const to = clamp(next);
      if (!el || !svg) return;
      if (levelRef.current === 1) fit.current = svg.getBoundingClientRect().width;
      const ratio = to / levelRef.current;
      const centreX = el.scrollLeft + el.clientWidth / 2;
      const centreY = el.scrollTop + el.clientHeight / 2;
      if (to === 1) {
        svg.style.removeProperty('width');
        svg.style.maxWidth = svg.dataset.fitMaxWidth ?? '';
      } else {
        svg.dataset.fitMaxWidth ??= svg.style.maxWidth;
        svg.style.maxWidth = 'none';
        svg.style.width = `${fit.current * to}px`;
      }
      el.classList.toggle('zoomed', to > 1);
      el.scrollLeft = centreX * ratio - el.clientWidth / 2;
      el.scrollTop = centreY * ratio - el.clientHeight / 2;
      levelRef.current = to;
      setLevel(to);
    },
    [box],
  );

  // A new drawing starts at the fitted width.
  useEffect(() => {
    levelRef.current = 1;
    setLevel(1);
    box.current?.classList.remove('zoomed');
  }, [drawn, box]);

  useEffect(() => {
    const el = box.current;
    if (!el || !drawn) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let pinch: { distance: number; level: number } | null = null;
    const distance = () => {
      const [a, b] = [...pointers.values()];
      return Math.hypot(a.x - b.x, a.y - b.y) || 1;
    };
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.size === 2) pinch = { distance: distance(), level: levelRef.current };
    };
    const move = (e: PointerEvent) => {
      if (!pointers.has(e.pointerId)) return;
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch && pointers.size === 2) apply(pinch.level * (distance() / pinch.distance));
    };
    const up = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = null;
    };
    const wheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      apply(levelRef.current * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('wheel', wheel, { passive: false });
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      el.removeEventListener('wheel', wheel);
    };
  }, [box, drawn, apply]);

  return {
    level,
    canZoomIn: level < MAX,
    canZoomOut: level > MIN,
    zoomIn: () => apply(levelRef.current * STEP),
    zoomOut: () => apply(levelRef.current / STEP),
    reset: () => apply(1),
  };
}
