import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';

export type SignaturePadHandle = { isEmpty: () => boolean; toDataUrl: () => string | null; clear: () => void };

/**
 * A signature drawn on screen (DOC-3): pointer events, so a finger, a stylus and a mouse all
 * work; `touch-action: none` keeps the page from scrolling while signing. Saved as a PNG data URL.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { height?: number; testId?: string; onChange?: (empty: boolean) => void }>(function SignaturePad(
  { height = 180, testId = 'signature-pad', onChange },
  ref,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Draw at the device's pixel density so the line is sharp on a tablet.
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = height * ratio;
    const ctx = c.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [height]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    if (empty) {
      setEmpty(false);
      onChange?.(false);
    }
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    const c = canvas.current;
    if (!c) return;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange?.(true);
  };

  useImperativeHandle(ref, () => ({
    isEmpty: () => empty,
    clear,
    toDataUrl: () => {
      const c = canvas.current;
      if (!c || empty) return null;
      // White background: a transparent PNG prints as black on some viewers.
      const out = document.createElement('canvas');
      out.width = c.width;
      out.height = c.height;
      const ctx = out.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(c, 0, 0);
      return out.toDataURL('image/png');
    },
  }));

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        style={{ height, touchAction: 'none' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
        data-testid={testId}
        aria-label="签名区：请在此处手写签名"
      />
      <div className="signature-pad-foot">
        <span className="muted">{empty ? '请在框内签名' : '已签名'}</span>
        <Button size="small" icon={<ClearOutlined />} onClick={clear} data-testid={`${testId}-clear`}>
          清除重签
        </Button>
      </div>
    </div>
  );
});
