/*
 * Evidence files are checked by what they are, not what they claim: the
 * `file-type` package reads the content (magic numbers, and for Office Open
 * XML the zip's [Content_Types].xml), and the type it finds must be the one
 * the file name's extension names. Only document and image formats an
 * auditor reads are accepted; nothing that a browser would run (HTML, SVG,
 * scripts) is.
 */
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';

interface Accepted {
  /** What file-type may report for such a file (its `ext`). */
  detected: readonly string[];
  /** The MIME type to store and serve. */
  mime: string;
}

const JPEG: Accepted = { detected: ['jpg'], mime: 'image/jpeg' };
// file-type cannot tell legacy Word from Excel: both are OLE compound files ("cfb").
const OLE = ['cfb'];

const BY_EXTENSION: Record<string, Accepted> = {
  pdf: { detected: ['pdf'], mime: 'application/pdf' },
  // An animated PNG is still a PNG (same signature, extra chunks), as before.
  png: { detected: ['png', 'apng'], mime: 'image/png' },
  jpg: JPEG,
  jpeg: JPEG,
  docx: {
    detected: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    detected: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  pptx: {
    detected: ['pptx'],
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  doc: { detected: OLE, mime: 'application/msword' },
  xls: { detected: OLE, mime: 'application/vnd.ms-excel' },
};

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The MIME type to store and serve, or null when the content does not match the extension. */
export async function detectType(name: string, bytes: Uint8Array): Promise<string | null> {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  // Own keys only: an "extension" such as `constructor` must not find Object.prototype.
  const t = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  if (!t) return null;
  // A file the parser cannot make sense of is refused, not a server error.
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  return found && t.detected.includes(found.ext) ? t.mime : null;
}

/** The same check for a file already written to `path` (uploads stream to disk). */
export async function detectFileType(name: string, path: string): Promise<string | null> {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const t = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  if (!t) return null;
  const found = await fileTypeFromFile(path).catch(() => undefined);
  return found && t.detected.includes(found.ext) ? t.mime : null;
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
