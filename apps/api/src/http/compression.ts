import fastifyCompress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Compresses answers of text types (JSON, HTML, JS, CSS) for clients that accept it: brotli first, then gzip. Village
 * offices often work over slow mobile links, where a case list's JSON shrinks to a fifth. The console's built files
 * are compressed once at build (`.br`/`.gz` beside them) and sent as they are; this compresses everything else on the
 * fly at a level that costs little CPU. Small answers (< 1 KB) gain nothing and are left alone.
 */
export async function compressResponses(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
}
