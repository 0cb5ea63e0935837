import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox refuses: it reads the PDF in
// a plain Node process instead.
const READ = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

/** The text of a PDF as a reader extracts it, with the line breaks the layout made removed. */
export function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', READ], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.replace(/\s*\n\s*/g, ''));
    });
    child.stdin!.end(bytes);
  });
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
