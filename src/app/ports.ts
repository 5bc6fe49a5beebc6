/** What the use cases need from the outside world. The composition root supplies real ones; tests supply fixed ones. */
import { createHash, randomBytes, randomFillSync } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new time-ordered UUID (version 7 layout), so ids sort by creation. */
  next(): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** The subset of pino's logger the app uses. Never pass personal data to it. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export const systemClock: Clock = { now: () => new Date() };

/** UUID v7: 48-bit millisecond time, then random bits; monotonic within a process. */
export function uuidV7Generator(clock: Clock = systemClock): IdGenerator {
  let lastMs = 0;
  let counter = 0;
  // Random bytes are drawn in bulk: one system call per 256 ids instead of one per id.
  const pool = Buffer.alloc(16 * 256);
  let offset = pool.length;
  return {
    next() {
      let ms = clock.now().getTime();
      if (ms <= lastMs) {
        ms = lastMs;
        counter++;
      } else {
        lastMs = ms;
        counter = 0;
      }
      if (offset >= pool.length) {
        randomFillSync(pool);
        offset = 0;
      }
      const bytes = pool.subarray(offset, offset + 16);
      offset += 16;
      bytes.writeUIntBE(ms, 0, 6);
      bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
      bytes[7] = counter & 0xff;
      bytes[8] = 0x80 | (bytes[8]! & 0x3f);
      const h = bytes.toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

export const noopLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return noopLogger;
  },
};

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random secret for tokens, URL-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
