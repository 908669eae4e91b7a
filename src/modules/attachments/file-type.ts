/**
 * What a file really is, read from its first bytes — never from the name or the Content-Type header a client sends.
 * Only the document formats the platform accepts are recognised; anything else is `undefined`.
 */
export type AllowedExtension = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';

export interface DetectedType {
  ext: AllowedExtension;
  mime: string;
  label: string;
}

export const ALLOWED_TYPES: Record<AllowedExtension, DetectedType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  jpg: { ext: 'jpg', mime: 'image/jpeg', label: 'JPG' },
  png: { ext: 'png', mime: 'image/png', label: 'PNG' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (docx)' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (xlsx)' },
};

/** Extensions a person may give each type (the name must agree with the content). */
const EXTENSIONS: Record<string, AllowedExtension> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', docx: 'docx', xlsx: 'xlsx' };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function sniffFileType(buf: Buffer): DetectedType | undefined {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return ALLOWED_TYPES.pdf;
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return ALLOWED_TYPES.jpg;
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG)) return ALLOWED_TYPES.png;
  if (buf.length >= 30 && buf.subarray(0, 4).equals(ZIP)) {
    // Office Open XML is a zip whose entry names (stored uncompressed in the headers) name the part types.
    if (!buf.includes('[Content_Types].xml', 0, 'latin1')) return undefined;
    if (buf.includes('word/document', 0, 'latin1')) return ALLOWED_TYPES.docx;
    if (buf.includes('xl/workbook', 0, 'latin1')) return ALLOWED_TYPES.xlsx;
  }
  return undefined;
}

/** The allowed type a file name claims, if any. */
export function extensionType(filename: string): AllowedExtension | undefined {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(filename);
  return m ? EXTENSIONS[m[1].toLowerCase()] : undefined;
}

/**
 * multer (busboy) reads a part's filename as latin1; browsers send UTF-8. Re-decode when the bytes form valid
 * UTF-8, so "登记证书.pdf" is not stored as mojibake. Path parts and control characters are removed.
 */
export function cleanFilename(raw: string): string {
  let name = raw;
  const bytes = Buffer.from(raw, 'latin1');
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD') && Buffer.from(utf8, 'utf8').equals(bytes)) name = utf8;
  name = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return Array.from(name).slice(-120).join('') || 'file';
}
