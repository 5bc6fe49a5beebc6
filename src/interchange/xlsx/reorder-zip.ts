/**
 * Puts a workbook's parts in the order exceljs's streaming reader needs. That reader takes entries
 * as they come; a worksheet met before the workbook, its relationships and the shared strings is
 * spooled to a temporary file and read back later, a path that fails intermittently (a missing
 * workbook model, or an unhandled ENOENT that takes the process down). Writers commonly store
 * workbook.xml last, and workbooks with inline strings have no sharedStrings.xml at all. So the
 * archive, already inspected by zip-guard.ts (whose entries tile it exactly), is rebuilt with the
 * workbook parts first, worksheets last, and an empty shared-strings part when there is none.
 * Entry data is copied byte for byte; only offsets in the directory change.
 */
import { crc32 } from 'node:zlib';

const CD_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const SST_NAME = 'xl/sharedStrings.xml';
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

interface Part {
  name: string;
  local: Buffer;
  central: Buffer;
}

/** The archive with its parts reordered for streaming; unchanged when it cannot be (ZIP64). */
export function reorderForStreaming(buf: Buffer): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || buf.readUInt32LE(eocd) !== EOCD_SIG) return buf;
  const count = buf.readUInt16LE(eocd + 10);
  const cdStart = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdStart === 0xffffffff) return buf;
  const parts: Part[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    const part = readPart(buf, p);
    if (!part) return buf;
    parts.push(part.part);
    p = part.next;
  }
  if (!parts.some((x) => x.name === SST_NAME)) parts.push(storedPart(SST_NAME, Buffer.from(EMPTY_SST)));
  parts.sort((a, b) => rank(a.name) - rank(b.name));
  return assemble(parts, buf.subarray(eocd + 22, eocd + 22 + buf.readUInt16LE(eocd + 20)));
}

function readPart(buf: Buffer, p: number): { part: Part; next: number } | null {
  if (buf.readUInt32LE(p) !== CD_SIG) return null;
  const n = buf.readUInt16LE(p + 28);
  const m = buf.readUInt16LE(p + 30);
  const k = buf.readUInt16LE(p + 32);
  const compressed = buf.readUInt32LE(p + 20);
  const offset = buf.readUInt32LE(p + 42);
  if (compressed === 0xffffffff || offset === 0xffffffff) return null;
  const dataStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  let end = dataStart + compressed;
  if ((buf.readUInt16LE(p + 8) & 0x8) !== 0) end += buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
  const central = Buffer.from(buf.subarray(p, p + 46 + n + m + k));
  const name = buf.subarray(p + 46, p + 46 + n).toString('utf8');
  return { part: { name, local: buf.subarray(offset, end), central }, next: p + 46 + n + m + k };
}

/** Workbook parts first, shared strings and styles next, worksheets last in sheet order. */
function rank(name: string): number {
  const fixed = [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    SST_NAME,
    'xl/styles.xml',
  ];
  const i = fixed.indexOf(name);
  if (i >= 0) return i;
  const sheet = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
  return sheet ? 1000 + Number(sheet[1]) : 100;
}

/** A stored (uncompressed) entry: local header, data, and its directory record. */
function storedPart(name: string, data: Buffer): Part {
  const nameBuf = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(CD_SIG, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  return { name, local: Buffer.concat([local, nameBuf, data]), central: Buffer.concat([central, nameBuf]) };
}

function assemble(parts: Part[], comment: Buffer): Buffer {
  let offset = 0;
  for (const part of parts) {
    part.central.writeUInt32LE(offset, 42);
    offset += part.local.length;
  }
  const directory = Buffer.concat(parts.map((x) => x.central));
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD_SIG, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts.map((x) => x.local), directory, eocd, comment]);
}
