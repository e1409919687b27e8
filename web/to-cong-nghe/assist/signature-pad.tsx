import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../ui/components';
import { tf } from '../i18n';

/**
 * The citizen signs with a finger. Pointer events cover touch, pen and mouse; the PNG is small (a few KB: black
 * strokes on white, 600×240) so it uploads in seconds on 3G. A signature must have some ink: an empty pad is refused.
 */
const W = 600;
const H = 240;

export function SignaturePad(props: { onSigned: (png: Blob) => void; busy?: boolean }): VNode {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [ink, setInk] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const c = canvas.current!;
    const g = c.getContext('2d')!;
    clear(g);
    let last: { x: number; y: number } | undefined;
    const at = (e: PointerEvent) => {
      const r = c.getBoundingClientRect();
      return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H };
    };
    const down = (e: PointerEvent) => {
      c.setPointerCapture(e.pointerId);
      last = at(e);
      e.preventDefault();
    };
    const move = (e: PointerEvent) => {
      if (!last) return;
      const p = at(e);
      g.beginPath();
      g.moveTo(last.x, last.y);
      g.lineTo(p.x, p.y);
      g.stroke();
      setInk((n) => n + Math.hypot(p.x - last!.x, p.y - last!.y));
      last = p;
      e.preventDefault();
    };
    const up = () => {
      last = undefined;
    };
    c.addEventListener('pointerdown', down);
    c.addEventListener('pointermove', move);
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    return () => {
      c.removeEventListener('pointerdown', down);
      c.removeEventListener('pointermove', move);
      c.removeEventListener('pointerup', up);
      c.removeEventListener('pointercancel', up);
    };
  }, []);

  const reset = () => {
    clear(canvas.current!.getContext('2d')!);
    setInk(0);
    setError(undefined);
  };
  const confirm = () => {
    // A dot or a slip of the finger is not a signature.
    if (ink < 60) return setError(tf('field.assist.signFirst'));
    canvas.current!.toBlob((b) => b && props.onSigned(b), 'image/png');
  };

  return (
    <div class="field">
      <p class="label" id="sig-label">{tf('field.assist.signHere')}</p>
      <canvas ref={canvas} width={W} height={H} class="signature" role="img" aria-labelledby="sig-label" data-testid="signature-pad" />
      {error && <p class="error-text" role="alert">{error}</p>}
      <div class="row">
        <Button variant="secondary" onClick={reset}>{tf('field.assist.signAgain')}</Button>
        <Button busy={props.busy} onClick={confirm}>{tf('field.assist.signDone')}</Button>
      </div>
    </div>
  );
}

function clear(g: CanvasRenderingContext2D): void {
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  g.strokeStyle = '#000';
  g.lineWidth = 3;
  g.lineCap = 'round';
  g.lineJoin = 'round';
}
