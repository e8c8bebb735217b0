/**
 * The numbers of the zip format (PKWARE's APPNOTE) that the package reader, its consistency checks and the
 * report's writer share, so the three cannot disagree on a signature or a flag.
 */

/** Record signatures (APPNOTE 4.3.7, 4.3.12, 4.3.14, 4.3.15, 4.3.16). */
export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const EOCD_SIGNATURE = 0x06054b50;
export const ZIP64_EOCD_SIGNATURE = 0x06064b50;
export const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

/** The header id of the zip64 extended information extra field (APPNOTE 4.5.3). */
export const ZIP64_EXTRA = 0x0001;

/** General-purpose flags (APPNOTE 4.4.4): encrypted, sizes in a data descriptor, UTF-8 name. */
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;

/** A 32-bit or 16-bit field saturated: the value is in the zip64 records instead. */
export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;
