import { useCallback, useState } from 'react';
import { useErrorMessage } from './request-error.tsx';

/**
 * A dialog's submit: `busy` while the call runs (the OK button's spinner), and a refusal as one
 * sentence to show inside the dialog (`error`, null while there is none), so the user can put
 * it right and try again. `run(async () => onDone(await addMember(…)))`.
 */
export function useModalSubmit() {
  const errorText = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<void> => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [errorText],
  );
  return { busy, error, setError, run };
}
