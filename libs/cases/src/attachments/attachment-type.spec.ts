import { checkType, cleanFileName, declaredType, sniffType } from './attachment-type';
import { formatBytes } from './attachment';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PDF = bytes('%PDF-1.7\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const TIFF_LE = bytes([0x49, 0x49, 0x2a, 0x00, 0x08]);
const TIFF_BE = bytes([0x4d, 0x4d, 0x00, 0x2a, 0x00]);
const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0]);
const ALL = ['pdf', 'jpeg', 'png', 'heic', 'tiff'] as const;

describe('telling a file’s type by its first bytes', () => {
  it.each([
    [PDF, 'pdf'],
    [JPEG, 'jpeg'],
    [PNG, 'png'],
    [TIFF_LE, 'tiff'],
    [TIFF_BE, 'tiff'],
    [HEIC, 'heic'],
    [MP4, null],
    [bytes('<html><script>'), null],
    [bytes('%PD'), null],
    [Buffer.alloc(0), null],
  ])('%#: finds %s', (content, type) => {
    expect(sniffType(content)).toBe(type);
  });

  it('reads the declared type, its aliases and parameters, and treats octet-stream as saying nothing', () => {
    expect(declaredType('application/pdf')).toBe('pdf');
    expect(declaredType('IMAGE/JPG')).toBe('jpeg');
    expect(declaredType('image/png; charset=binary')).toBe('png');
    expect(declaredType('application/octet-stream')).toBeNull();
    expect(declaredType(undefined)).toBeNull();
    expect(declaredType('text/html')).toBeUndefined();
  });

  it('accepts content of an allowed type whatever the name, when the declared type agrees or says nothing', () => {
    expect(checkType(PDF, 'application/pdf', ALL)).toEqual({ ok: true, type: 'pdf' });
    expect(checkType(HEIC, 'application/octet-stream', ALL)).toEqual({ ok: true, type: 'heic' });
    expect(checkType(JPEG, '', ALL)).toEqual({ ok: true, type: 'jpeg' });
  });

  it('refuses content of an unknown or disallowed type, naming what is allowed', () => {
    expect(checkType(bytes('MZ\x90\x00'), 'application/pdf', ALL)).toEqual({
      ok: false,
      message: 'is of an unknown type; allowed are PDF, JPEG, PNG, HEIC, TIFF',
      messageZh: '的内容是无法识别的类型，只接受 PDF、JPEG、PNG、HEIC、TIFF 文件',
    });
    expect(checkType(TIFF_LE, 'image/tiff', ['pdf', 'jpeg'])).toEqual({ ok: false, message: 'is TIFF; allowed are PDF, JPEG', messageZh: '的内容是TIFF，只接受 PDF、JPEG 文件' });
  });

  it('refuses content that contradicts its declared type, or is declared as something else entirely', () => {
    expect(checkType(PDF, 'image/png', ALL)).toMatchObject({ ok: false, message: 'is declared as image/png but its content is PDF' });
    expect(checkType(PNG, 'text/html', ALL)).toMatchObject({ ok: false, message: 'is declared as text/html but its content is PNG' });
  });
});

describe('file names kept and sent back', () => {
  it('drop folders, quotes and control characters, keep Chinese, and name a nameless file by its type', () => {
    expect(cleanFileName('C:\\扫描\\调解协议书.pdf', 'pdf')).toBe('调解协议书.pdf');
    expect(cleanFileName('../../etc/"passwd"\r\n.png', 'png')).toBe('passwd.png');
    expect(cleanFileName('', 'jpeg')).toBe('附件.jpg');
    expect(cleanFileName('..', 'pdf')).toBe('附件.pdf');
  });

  it('keep the last 200 characters, so the extension survives', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.pdf`, 'pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('sizes in messages', () => {
  it('are in bytes, KB or MB', () => {
    expect([formatBytes(512), formatBytes(65_536), formatBytes(10 * 1024 * 1024), formatBytes(1_572_864)]).toEqual(['512 B', '64 KB', '10 MB', '1.5 MB']);
  });
});
