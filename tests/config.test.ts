import { describe, expect, it } from 'vitest';
import { AppError } from '../src/core/errors.js';
import { loadConfig } from '../src/core/config.js';

describe('KIEMTIN_DB_POOL_SIZE', () => {
  it('defaults to 10 and takes a whole number from the environment', () => {
    expect(loadConfig({}).dbPoolSize).toBe(10);
    expect(loadConfig({ KIEMTIN_DB_POOL_SIZE: '32' }).dbPoolSize).toBe(32);
  });

  it.each(['0', '-1', '2.5', 'ten', '1001'])('rejects %s with CONFIG_INVALID naming the setting', (value) => {
    const err = (() => {
      try {
        loadConfig({ KIEMTIN_DB_POOL_SIZE: value });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFIG_INVALID');
    expect((err as AppError).message).toContain('KIEMTIN_DB_POOL_SIZE');
  });
});
