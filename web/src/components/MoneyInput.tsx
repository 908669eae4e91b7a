import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { fenToYuan, yuanToFen } from './money';

/**
 * Entered in yuan, held as fen. Use inside a Form.Item whose value is the API's fen string: the person types
 * "1234.5", the form holds "123450". Text that is not an amount stays in the form as typed so `moneyRules` can say
 * so on the field (and the server would refuse it anyway). No floating point anywhere.
 */
export function MoneyInput({ value, onChange, id, disabled, placeholder, ...aria }: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(() => (value && /^-?\d+$/.test(value) ? fenToYuan(value, { group: false }) : (value ?? '')));
  // A value set from outside (form reset, loaded record) replaces what is shown.
  useEffect(() => {
    if (value === undefined || value === '') {
      if (yuanToFen(text) !== null) setText('');
      return;
    }
    if (/^-?\d+$/.test(value) && yuanToFen(text) !== value) setText(fenToYuan(value, { group: false }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Input
      id={id}
      {...aria}
      inputMode="decimal"
      disabled={disabled}
      placeholder={placeholder}
      addonAfter={t('money.unit')}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        if (raw.trim() === '') onChange?.(undefined);
        else onChange?.(yuanToFen(raw) ?? `invalid:${raw}`);
      }}
    />
  );
}

/** Field rules for a MoneyInput: an amount in yuan with at most two decimals, optionally required and positive. */
export function moneyRules(t: TFunction, opts: { required?: boolean; positive?: boolean } = {}): Rule[] {
  return [
    ...(opts.required ? [{ required: true, message: t('money.required') }] : []),
    {
      validator: async (_r, v: string | undefined) => {
        if (v === undefined || v === '') return;
        if (!/^-?\d+$/.test(v)) throw new Error(t('money.invalid'));
        if (opts.positive && BigInt(v) <= 0n) throw new Error(t('money.positive'));
        if (BigInt(v) < 0n) throw new Error(t('money.invalid'));
      },
    },
  ];
}
