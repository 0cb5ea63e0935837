import { contentDisposition } from './content-disposition';

describe('Content-Disposition of a download', () => {
  it('carries the Chinese name in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '调解协议书.pdf')).toBe(`attachment; filename="_____.pdf"; filename*=UTF-8''%E8%B0%83%E8%A7%A3%E5%8D%8F%E8%AE%AE%E4%B9%A6.pdf`);
  });

  it('escapes what RFC 5987 does not allow bare, and keeps quotes out of the fallback', () => {
    expect(contentDisposition('inline', `photo (1)'s "x".png`)).toBe(`inline; filename="photo (1)'s _x_.png"; filename*=UTF-8''photo%20%281%29%27s%20%22x%22.png`);
  });
});
