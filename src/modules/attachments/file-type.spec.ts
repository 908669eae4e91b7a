import { cleanFilename, extensionType, sniffFileType } from './file-type';

describe('recognising uploaded documents by their content', () => {
  it('knows a PDF, a JPEG and a PNG by their first bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))?.ext).toBe('pdf');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))?.ext).toBe('jpg');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))?.ext).toBe('png');
  });

  it('tells a Word document from an Excel workbook, both being zip files', () => {
    const zip = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(`[Content_Types].xml${entry}`)]);
    expect(sniffFileType(zip('word/document.xml'))?.ext).toBe('docx');
    expect(sniffFileType(zip('xl/workbook.xml'))?.ext).toBe('xlsx');
    expect(sniffFileType(zip('content.xml'))).toBeUndefined();
  });

  it('refuses an executable or a script renamed to .pdf', () => {
    expect(sniffFileType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeUndefined();
    expect(sniffFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffFileType(Buffer.alloc(0))).toBeUndefined();
  });

  it('reads the type a file name claims, case-insensitively, jpeg being jpg', () => {
    expect(extensionType('章程.PDF')).toBe('pdf');
    expect(extensionType('photo.jpeg')).toBe('jpg');
    expect(extensionType('report.doc')).toBeUndefined();
    expect(extensionType('noextension')).toBeUndefined();
  });

  it('restores a Chinese file name that arrived as latin1, and drops path parts and control characters', () => {
    expect(cleanFilename(Buffer.from('登记证书.pdf', 'utf8').toString('latin1'))).toBe('登记证书.pdf');
    expect(cleanFilename('C:\\Users\\x\\charter.pdf')).toBe('charter.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b"c.pdf')).toBe('abc.pdf');
    expect(cleanFilename('résumé.pdf')).toBe('résumé.pdf');
  });
});
