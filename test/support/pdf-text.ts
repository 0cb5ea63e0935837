import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox refuses: it reads the PDF in
// a plain Node process instead.
// One process reads a batch, since starting pdf.js costs more than reading a few pages.
const READ = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const texts = [];
  for (const base64 of JSON.parse(Buffer.concat(chunks).toString())) {
    const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) });
    texts.push((await parser.getText()).text);
    await parser.destroy();
  }
  process.stdout.write(JSON.stringify(texts));
});`;

/** The texts of PDFs as a reader extracts them, with the line breaks the layout made removed. */
export function pdfTexts(...pdfs: Buffer[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve((JSON.parse(stdout) as string[]).map((t) => t.replace(/\s*\n\s*/g, '')));
    });
    child.stdin!.end(JSON.stringify(pdfs.map((b) => b.toString('base64'))));
  });
}

export const pdfText = async (bytes: Buffer): Promise<string> => (await pdfTexts(bytes))[0];

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
