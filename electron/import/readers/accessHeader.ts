/**
 * Which kind of Access file a buffer holds, told by its first bytes. Apart from the reader,
 * so that recognising a file does not load mdb-reader.
 */
export type AccessKind = 'jet' | 'ace' | 'office-encrypted' | 'unknown';

export function accessKind(buffer: Buffer): AccessKind {
  // An .accdb encrypted by Office is an OLE compound file (so is an old .xls: the caller
  // tells those apart by the file name first).
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) return 'office-encrypted';
  const name = buffer.subarray(4, 19).toString('latin1');
  if (name === 'Standard Jet DB') return 'jet';
  if (name === 'Standard ACE DB') return 'ace';
  return 'unknown';
}

export function isAccessFile(buffer: Buffer): boolean {
  return accessKind(buffer) !== 'unknown';
}
