import type { VNode } from 'preact';
import { encode } from 'uqr';

/**
 * A QR code as one SVG path (crisp at any size, prints well). Import this module lazily: the encoder is ≈ 8 KB and
 * only the last wizard step and the lookup page need it.
 */
export function QrCode(props: { text: string; label: string; size?: number }): VNode {
  const qr = encode(props.text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => row.forEach((on, x) => {
    if (on) d += `M${x} ${y}h1v1h-1z`;
  }));
  return (
    <svg class="qr" role="img" aria-label={props.label} viewBox={`0 0 ${qr.size} ${qr.size}`} width={props.size ?? 220} height={props.size ?? 220} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
