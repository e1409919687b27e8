/**
 * Numbers as Vietnamese readers write them: '.' between thousands, ',' before decimals
 * (1.234,5). Formatted by hand, so the result does not depend on the ICU data of the machine.
 */
export function formatVnNumber(n: number, decimals = 1): string {
  const negative = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int = '0', frac = ''] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

export function formatVnPercent(n: number | null): string {
  return n === null ? '–' : `${formatVnNumber(n, 1)}%`;
}
