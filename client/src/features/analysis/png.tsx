import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ChartView } from './ChartView';
import { hasHidden, SUPPRESSED_NOTE, type ChartSpec } from './data';

const WIDTH = 900;
const SCALE = 2;
const FONT = 'Arial, sans-serif';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits until Recharts has drawn the chart (its SVG stops changing). */
async function drawnSvg(host: HTMLElement): Promise<SVGSVGElement> {
  let last = '';
  let steady = 0;
  for (let i = 0; i < 120; i++) {
    await frame();
    const svg = host.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
    const now = svg?.innerHTML ?? '';
    steady = svg && now === last && now.length > 0 ? steady + 1 : 0;
    last = now;
    if (svg && steady >= 2) return svg;
  }
  throw new Error('The chart could not be drawn');
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The chart could not be turned into an image'));
    img.src = url;
  });
}

/**
 * Draws a chart as a PNG: the chart is rendered off screen from `spec` (made from the exported,
 * disclosure-controlled figures, so the image shows no count from 1 to 5), its SVG painted on a
 * canvas with the title, the key and the note on hidden counts.
 */
export async function chartPng(spec: ChartSpec, title: string, subtitle: string): Promise<Blob> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.position = 'absolute';
  host.style.left = '-10000px';
  host.style.top = '0';
  host.style.width = `${WIDTH}px`;
  document.body.appendChild(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(<ChartView spec={spec} label={title} width={WIDTH} />));
    const svg = (await drawnSvg(host)).cloneNode(true) as SVGSVGElement;
    const height = Number(svg.getAttribute('height')) || 300;
    svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    svg.setAttribute('font-family', FONT);
    svg.setAttribute('width', String(WIDTH));
    svg.setAttribute('height', String(height));
    svg.removeAttribute('style');
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    let image: HTMLImageElement;
    try {
      image = await loadImage(url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const keyRows = spec.series.length > 1 ? Math.ceil(spec.series.length / 3) : 0;
    const top = 80;
    const canvasHeight = top + height + keyRows * 24 + 50;
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH * SCALE;
    canvas.height = canvasHeight * SCALE;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw images');
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, canvasHeight);
    ctx.fillStyle = '#0b0c0c';
    ctx.font = `bold 22px ${FONT}`;
    ctx.fillText(title, 16, 32);
    ctx.font = `15px ${FONT}`;
    ctx.fillText(subtitle, 16, 58);
    ctx.drawImage(image, 0, top, WIDTH, height);
    let y = top + height + 16;
    spec.series.forEach((s, i) => {
      if (keyRows === 0) return;
      const x = 16 + (i % 3) * 290;
      const row = Math.floor(i / 3);
      ctx.fillStyle = s.colour;
      ctx.fillRect(x, y + row * 24 - 11, 14, 14);
      ctx.fillStyle = '#0b0c0c';
      ctx.font = `14px ${FONT}`;
      ctx.fillText(`${s.label}${s.dashed ? ' (dashed)' : ''}`.slice(0, 38), x + 20, y + row * 24 + 1);
    });
    y += keyRows * 24 + 10;
    ctx.font = `14px ${FONT}`;
    ctx.fillStyle = '#0b0c0c';
    ctx.fillText(`${hasHidden(spec) ? `${SUPPRESSED_NOTE}. ` : ''}Counts from 1 to 5 are never shown in exported images. MASE Hub — OFFICIAL-SENSITIVE`, 16, y + 8);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be made'))), 'image/png'));
  } finally {
    root.unmount();
    host.remove();
  }
}
