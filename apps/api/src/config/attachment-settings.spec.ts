import { loadConfig } from './app-config';

describe('upload settings', () => {
  it('default to 10 MB of PDF, JPEG, PNG, HEIC or TIFF kept in the database', () => {
    expect(loadConfig({}).attachments).toEqual({ maxBytes: 10 * 1024 * 1024, types: ['pdf', 'jpeg', 'png', 'heic', 'tiff'], directory: null });
  });

  it('read the limit, the types and the directory', () => {
    const config = loadConfig({ FENGQIAO_ATTACHMENTS_MAX_BYTES: '2097152', FENGQIAO_ATTACHMENTS_TYPES: 'PDF, jpeg', FENGQIAO_ATTACHMENTS_DIR: '/var/lib/fengqiao/files' });
    expect(config.attachments).toEqual({ maxBytes: 2_097_152, types: ['pdf', 'jpeg'], directory: '/var/lib/fengqiao/files' });
  });

  it.each([
    [{ FENGQIAO_ATTACHMENTS_MAX_BYTES: '10MB' }, 'FENGQIAO_ATTACHMENTS_MAX_BYTES must be a whole number from 1024 to 104857600, not "10MB"'],
    [{ FENGQIAO_ATTACHMENTS_TYPES: 'pdf,docx' }, 'FENGQIAO_ATTACHMENTS_TYPES must be a comma-separated list of pdf, jpeg, png, heic, tiff, not "pdf,docx"'],
  ])('refuse %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
