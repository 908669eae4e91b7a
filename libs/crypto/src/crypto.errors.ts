import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum CryptoErrorCode {
  CRYPTO_NOT_CONFIGURED = 'CRYPTO_NOT_CONFIGURED',
  CRYPTO_KEY_UNAVAILABLE = 'CRYPTO_KEY_UNAVAILABLE',
  CRYPTO_INTEGRITY = 'CRYPTO_INTEGRITY',
}

/** Server-side conditions: the service cannot protect or read personal data right now. Never carries values. */
export const CRYPTO_ERRORS: ErrorCatalogue<CryptoErrorCode> = {
  CRYPTO_NOT_CONFIGURED: { status: 503, zh: '系统未配置加密主密钥，暂不能处理个人信息', en: 'The master key is not configured; personal data cannot be processed' },
  CRYPTO_KEY_UNAVAILABLE: { status: 503, zh: '加密密钥不可用，请联系系统管理员', en: 'The encryption key is unavailable; contact the operator' },
  CRYPTO_INTEGRITY: { status: 500, zh: '加密数据校验失败，请联系系统管理员', en: 'Encrypted data failed its integrity check; contact the operator' },
};

export const cryptoError = errorFactory(CRYPTO_ERRORS);
