import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';
import { onFirstUse } from '@app/shared';
import type { DocumentLayout } from './document-layout';

// Loaded by the first document, not at start (libs/shared/src/on-first-use.ts).
const pdfkit = onFirstUse<typeof PDFDocument>(() => require('pdfkit'));

let fonts: { regular: Buffer; bold: Buffer } | undefined;

declare const __non_webpack_require__: NodeRequire | undefined;
/**
 * Node's own require: in the webpack bundle `npm start` runs, `require.resolve` gives a module number, not the
 * package's path on disk.
 */
const nodeRequire: NodeRequire = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

/** Noto Sans SC from the installed package, read once: nothing is fetched at run time. */
function loadFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = dirname(nodeRequire.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    fonts = {
      regular: readFileSync(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf')),
      bold: readFileSync(join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return fonts;
}

export interface PdfMeta {
  /** Fixes the PDF's creation date, and through it the file identifier: the same case renders the same bytes. */
  createdAt: string;
  author: string;
}

/** Renders a layout as an A4 PDF with the glyphs it uses embedded. Synchronous: pdfkit buffers the whole file. */
export function renderPdf(layout: DocumentLayout, meta: PdfMeta): Buffer {
  const { regular, bold } = loadFonts();
  const created = new Date(meta.createdAt);
  const doc = new (pdfkit())({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
    info: { Title: layout.title, Author: meta.author, Subject: layout.number, Creator: 'Fengqiao', Producer: 'Fengqiao', CreationDate: created, ModDate: created },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.font('bold').fontSize(20).text(layout.title, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11).text(`编号：${layout.number}`, { align: 'right' });
  doc.moveDown(0.8);
  for (const block of layout.blocks) {
    switch (block.type) {
      case 'heading':
        doc.moveDown(0.4).font('bold').fontSize(13).text(`${block.text}：`).font('regular');
        break;
      case 'field':
        doc.fontSize(12).font('bold').text(`${block.label}：`, { continued: true }).font('regular').text(block.value || ' ');
        break;
      case 'paragraph':
        doc.fontSize(12).text(block.text, { indent: 24, lineGap: 3 });
        break;
      case 'signature':
        doc.moveDown(0.6).fontSize(12).text(`${block.label}：${block.value}`, { lineGap: 3 });
        break;
      case 'right':
        doc.moveDown(0.4).fontSize(12).text(block.text, { align: 'right' });
        break;
    }
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null = doc.read(); chunk !== null; chunk = doc.read()) chunks.push(chunk);
  return Buffer.concat(chunks);
}
