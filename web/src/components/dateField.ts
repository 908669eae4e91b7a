import dayjs from 'dayjs';

/** Form.Item props for a DatePicker whose value travels as YYYY-MM-DD (a Beijing calendar day); the picker holds dayjs. */
export const dateField = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};
