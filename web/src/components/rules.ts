import type { Rule } from 'antd/es/form';

/**
 * "Choose something" for a Select, Radio.Group or Checkbox.Group field. Not `required: true`: Form.Item would then
 * put aria-required on the group's plain wrapper div, which axe reports as a critical ARIA misuse; the check is the
 * same, only the attribute is left out.
 */
export function chosen(message: string): Rule {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) throw new Error(message);
    },
  };
}
