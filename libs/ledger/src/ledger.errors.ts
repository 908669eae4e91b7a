import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum LedgerErrorCode {
  INSUFFICIENT_FUNDS = 'INSUFFICIENT_FUNDS',
  TRANSFER_ID_REUSED = 'TRANSFER_ID_REUSED',
  RESERVATION_ID_REUSED = 'RESERVATION_ID_REUSED',
  RESERVATION_NOT_ACTIVE = 'RESERVATION_NOT_ACTIVE',
  RESERVATION_NOT_FOUND = 'RESERVATION_NOT_FOUND',
  RESERVATION_POST_TOO_LARGE = 'RESERVATION_POST_TOO_LARGE',
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  ACCOUNT_TERMS_DIFFER = 'ACCOUNT_TERMS_DIFFER',
  ENTRY_NOT_FOUND = 'ENTRY_NOT_FOUND',
  ENTRY_ALREADY_REVERSED = 'ENTRY_ALREADY_REVERSED',
  AMOUNT_INVALID = 'AMOUNT_INVALID',
  SAME_ACCOUNT = 'SAME_ACCOUNT',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  LEDGER_REQUEST_INVALID = 'LEDGER_REQUEST_INVALID',
}

export const LEDGER_ERRORS: ErrorCatalogue<LedgerErrorCode> = {
  INSUFFICIENT_FUNDS: { status: 409, zh: '账户可用余额不足', en: 'The account does not have enough available funds' },
  TRANSFER_ID_REUSED: { status: 409, zh: '该转账编号已用于内容不同的另一笔转账', en: 'This transfer id was already used for a different transfer' },
  RESERVATION_ID_REUSED: { status: 409, zh: '该预留编号已用于内容不同的另一笔预留', en: 'This reservation id was already used for a different reservation' },
  RESERVATION_NOT_ACTIVE: { status: 409, zh: '该预留资金已入账或已释放，不能再次操作', en: 'This reservation has already been posted or released' },
  RESERVATION_NOT_FOUND: { status: 404, zh: '找不到该预留资金', en: 'Reservation not found' },
  RESERVATION_POST_TOO_LARGE: { status: 409, zh: '入账金额超过预留金额', en: 'The amount to post exceeds the reserved amount' },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '找不到该资金账户', en: 'Ledger account not found' },
  ACCOUNT_TERMS_DIFFER: { status: 409, zh: '该主体已有同类账户，但币种或下限不同', en: 'An account of this kind already exists for this owner with a different currency or floor' },
  ENTRY_NOT_FOUND: { status: 404, zh: '找不到该记账凭证', en: 'Journal entry not found' },
  ENTRY_ALREADY_REVERSED: { status: 409, zh: '该记账凭证已被冲正', en: 'This journal entry has already been reversed' },
  AMOUNT_INVALID: { status: 400, zh: '金额必须是大于零的整数（单位：分）', en: 'The amount must be a positive whole number of fen' },
  SAME_ACCOUNT: { status: 400, zh: '转出和转入不能是同一账户', en: 'A transfer cannot go from an account to itself' },
  CURRENCY_MISMATCH: { status: 400, zh: '两个账户的币种不同，不能直接转账', en: 'The two accounts hold different currencies' },
  LEDGER_REQUEST_INVALID: { status: 400, zh: '记账请求不完整或格式有误', en: 'The ledger request is incomplete or malformed' },
};

export const ledgerError = errorFactory(LEDGER_ERRORS);
