/*
 * Evidence files are checked by what they are, not what they claim: the
 * first bytes must match the type the file name's extension names. Only
 * document and image formats an auditor reads are accepted; nothing that a
 * browser would run (HTML, SVG, scripts) is.
 */

interface FileType {
  mime: string;
  magic: number[];
}

const PDF = { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] }; // %PDF
const PNG = { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] };
const JPEG = { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] };
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // Office Open XML files are zip containers
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .doc/.xls

const BY_EXTENSION: Record<string, FileType> = {
  pdf: PDF,
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: ZIP,
  },
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
};

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The MIME type to store and serve, or null when the bytes do not match the extension. */
export function detectType(name: string, bytes: Uint8Array): string | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  // Own keys only: an "extension" such as `constructor` must not find Object.prototype.
  const t = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  if (!t || bytes.length < t.magic.length) return null;
  return t.magic.every((b, i) => bytes[i] === b) ? t.mime : null;
}

/**
 * A display name safe to store and show: no directories, no control or
 * bidirectional-override characters, at most 200 characters.
 */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean.slice(-200);
}
