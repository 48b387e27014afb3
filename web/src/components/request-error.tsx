import { Alert, Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** A failed request as one friendly sentence, with a retry button. */
export function RequestError({ error, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error, t, i18n.language)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((error: unknown) => errorMessage(error, t, language), [t, language]);
}
