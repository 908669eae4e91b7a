import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The form's values once every field passes its rules. Otherwise scrolls to the first refused field, says so in a
 * message, and gives null: on a phone the refused field is often far above the button, and without this pressing
 * "submit" would seem to do nothing at all.
 */
export function useCheckedValues<T>(form: FormInstance<T>): () => Promise<T | null> {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async () => {
    try {
      return await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields?.[0];
      if (!first) throw e;
      form.scrollToField(first.name, { block: 'center' });
      void message.error(t('checkForm.fix'));
      return null;
    }
  };
}
