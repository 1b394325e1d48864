import { Injectable } from '@nestjs/common';
import { AGENDA_SECTION_LABELS, AGENDA_SECTIONS, MEETING_STATUS_LABELS, PROTECTIVE_MARKING } from '@mase/shared';
import PDFDocument from 'pdfkit';
import type { Actor } from '../../common/auth/actor.js';
import { conflict } from '../../common/graphql/errors.js';
import { isSuppressed } from '../analytics/analytics.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AgendaGenerator, longDate } from './agenda.generator.js';
import { mayViewHotSpotMap, ragChartView } from './figures.js';
import type { PackFigures } from './meeting.entities.js';
import { MeetingsService } from './meetings.service.js';

type Ring = [number, number][];
const RAG_COLOURS: Record<string, string> = { RED: '#d4351c', AMBER: '#f47738', GREEN: '#00703c', NONE: '#b1b4b6' };
const RISK_COLOURS: Record<string, string> = { HIGH: '#d4351c', MEDIUM: '#f47738', LOW: '#1d70b8' };

/**
 * The meeting pack: the issued agenda as a PDF, with a table of attendance, a chart of the list by
 * RAG, and a map of the wards and hot spots. Young people appear by initials and reference (the
 * analyst's pack by pseudonym); every page carries the protective marking. Generating it is audited.
 */
@Injectable()
export class PackService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly generator: AgendaGenerator,
    private readonly audit: AuditService,
  ) {}

  async pack(actor: Actor, meetingId: string): Promise<{ filename: string; pdf: Buffer }> {
    const meeting = await this.meetings.get(actor, meetingId);
    if (meeting.status === 'PLANNED' || meeting.status === 'CANCELLED') throw conflict('The pack is made from the issued agenda: issue the agenda first.');
    const [agenda, attendance] = await Promise.all([this.meetings.agenda(actor, meetingId), this.meetings.attendance(meetingId)]);
    // The chart and the map are drawn from the figures frozen when the agenda was issued; an agenda
    // issued before packs kept them gets them from the data as it stands, and says so.
    const kept = await this.meetings.packFigures(meetingId);
    const figures = kept ?? (await this.generator.packFigures(actor, meeting.date));
    const frozen = kept !== null;
    const showMap = mayViewHotSpotMap(actor);

    const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 60, left: 50, right: 50 }, bufferPages: true, info: { Title: `MASE meeting ${meeting.date}`, Subject: PROTECTIVE_MARKING } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const width = doc.page.width - 100;

    doc.font('Helvetica-Bold').fontSize(20).text('MASE meeting');
    doc.font('Helvetica').fontSize(12).text(`${longDate(meeting.date)} — ${MEETING_STATUS_LABELS[meeting.status]}`);
    if (meeting.chairs.length) doc.text(`Co-chairs: ${meeting.chairs.join(' and ')}`);
    if (meeting.venue) doc.text(`Venue: ${meeting.venue}`);
    doc.moveDown(0.5).fontSize(9).fillColor('#505a5f').text(actor.role === 'ANALYST' ? 'Young people appear by pseudonym.' : 'Young people appear by initials and reference only.').fillColor('black');

    for (const section of AGENDA_SECTIONS) {
      const items = agenda.filter((i) => i.section === section);
      doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text(AGENDA_SECTION_LABELS[section]);
      if (section === 'WELCOME' && attendance.length) this.table(doc, ['Agency', 'Attendance', 'Representative'], attendance.map((a) => [a.agency.name, a.status.charAt(0) + a.status.slice(1).toLowerCase(), a.representative ?? '']), width);
      for (const item of items) {
        if (section === 'WELCOME' && attendance.length && item.generator === 'attendance') continue;
        doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(item.title);
        doc.font('Helvetica').fontSize(10);
        if (!item.entries.length && !item.notes) doc.fillColor('#505a5f').text('Nothing to report.').fillColor('black');
        for (const e of item.entries) {
          doc.text(`•  ${e.person ? `${e.person}: ` : ''}${e.text}`, { indent: 8 });
          if (e.detail) doc.fillColor('#505a5f').fontSize(9).text(e.detail, { indent: 20 }).fontSize(10).fillColor('black');
        }
        if (item.notes) doc.moveDown(0.2).font('Helvetica-Oblique').text(`Notes: ${item.notes}`).font('Helvetica');
      }
      if (section === 'THEMES') this.ragChart(doc, figures.rag, isSuppressed(actor), frozen, width);
      if (section === 'LOCATIONS' && showMap) this.map(doc, figures.map, width);
    }

    // The protective marking and page numbers on every page.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
      doc.text(PROTECTIVE_MARKING, 50, 25, { width, align: 'center' });
      doc.text(PROTECTIVE_MARKING, 50, doc.page.height - 40, { width, align: 'center' });
      doc.font('Helvetica').fontSize(8).text(`Page ${i + 1} of ${range.count}`, 50, doc.page.height - 28, { width, align: 'right' });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    await done;
    await this.audit.recordAlone({ action: 'meeting.pack_generated', actor, entityType: 'meeting', entityId: meetingId, details: { pages: range.count, redaction: actor.role === 'ANALYST' ? 'pseudonyms' : 'initials and reference' } });
    return { filename: `mase-meeting-pack-${meeting.date}.pdf`, pdf: Buffer.concat(chunks) };
  }

  private ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  }

  private table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], width: number): void {
    const col = width / header.length;
    const draw = (cells: string[], bold: boolean) => {
      this.ensureSpace(doc, 16);
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((c, i) => doc.text(c, 50 + i * col, y, { width: col - 6, lineBreak: false, ellipsis: true }));
      doc.moveTo(50, y + 13).lineTo(50 + width, y + 13).strokeColor('#b1b4b6').lineWidth(0.5).stroke();
      doc.x = 50;
      doc.y = y + 16;
    };
    doc.moveDown(0.3);
    draw(header, true);
    for (const r of rows) draw(r, false);
  }

  /**
   * The list by RAG over six months, as stacked bars. Under disclosure control the product's rule
   * applies to the table of months by rating with each month's total: hidden counts are drawn as
   * nothing, and a hidden total reads c.
   */
  private ragChart(doc: PDFKit.PDFDocument, rag: PackFigures['rag'], suppress: boolean, frozen: boolean, width: number): void {
    const view = ragChartView(rag, suppress);
    const value = (i: number, j: number) => view.series[j].counts[i].value ?? 0;
    this.ensureSpace(doc, 200);
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('The MASE list by RAG rating, month by month', 50);
    const top = doc.y + 8;
    const height = 130;
    const max = Math.max(1, ...view.totals.map((t) => t.value ?? 0), ...rag.periods.map((_, i) => rag.cells[i].reduce((a, _c, j) => a + value(i, j), 0)));
    const bar = width / rag.periods.length;
    rag.periods.forEach((period, i) => {
      let y = top + height;
      for (const key of ['RED', 'AMBER', 'GREEN', 'NONE']) {
        const j = rag.categories.indexOf(key);
        const h = ((j < 0 ? 0 : value(i, j)) / max) * height;
        if (h > 0) doc.rect(50 + i * bar + 8, y - h, bar - 16, h).fill(RAG_COLOURS[key]);
        y -= h;
      }
      const total = view.totals[i].display;
      doc.fillColor('black').font('Helvetica').fontSize(8).text(`${period} (${total})`, 50 + i * bar, top + height + 4, { width: bar, align: 'center' });
    });
    doc.x = 50;
    doc.y = top + height + 20;
    const note = `Red, amber, green and not yet screened, bottom to top. Totals in brackets${suppress ? '; counts of 1 to 5 are not shown (c)' : ''}.`;
    doc.fontSize(8).fillColor('#505a5f').text(`${note} ${frozen ? 'As the figures stood when the agenda was issued.' : 'From the data as it stands.'}`, 50).fillColor('black');
  }

  /** Ward outlines shaded by incidents, and the hot spots as circles: drawn as vectors, no tiles needed. */
  private map(doc: PDFKit.PDFDocument, map: PackFigures['map'], width: number): void {
    const wards = map.wards;
    const rings = (g: { type: string; coordinates: unknown }): Ring[] => (g.type === 'Polygon' ? [(g.coordinates as Ring[])[0]] : (g.coordinates as Ring[][]).map((p) => p[0]));
    const all = wards.flatMap((w) => rings(w.geometry)).flat();
    this.ensureSpace(doc, all.length ? 260 : 30);
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('Hot spots this month', 50);
    if (!all.length) {
      doc.font('Helvetica').fontSize(9).text('No ward boundaries are imported, so there is no map: the hot spots are listed above.', 50);
      return;
    }
    const [minX, maxX] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
    const [minY, maxY] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
    const h = 220;
    const scale = Math.min(width / (maxX - minX || 1), h / (maxY - minY || 1));
    const top = doc.y + 6;
    const at = (p: [number, number]): [number, number] => [50 + (p[0] - minX) * scale, top + h - (p[1] - minY) * scale];
    const most = Math.max(1, ...wards.map((w) => w.incidents));
    for (const w of wards) {
      const total = w.incidents;
      for (const ring of rings(w.geometry)) {
        const [first, ...rest] = ring.map(at);
        doc.moveTo(...first);
        for (const p of rest) doc.lineTo(...p);
        doc.closePath().fillOpacity(0.15 + 0.6 * (total / most)).fillAndStroke('#1d70b8', '#505a5f');
      }
    }
    doc.fillOpacity(1);
    for (const l of map.locations) {
      if (l.lat === null || l.lng === null) continue;
      const [x, y] = at([l.lng, l.lat]);
      doc.circle(x, y, 3 + Math.min(6, l.incidents)).fill(RISK_COLOURS[l.highestRisk] ?? '#1d70b8');
    }
    doc.fillColor('black');
    doc.x = 50;
    doc.y = top + h + 8;
    const attribution = [...new Set(wards.map((w) => w.attribution).filter(Boolean))].join('; ');
    doc.fontSize(8).fillColor('#505a5f').text(`Wards shaded by incidents; circles are places reported this month, sized by incidents, coloured by risk.${attribution ? ` Boundaries: ${attribution}` : ''}`, 50).fillColor('black');
  }
}
