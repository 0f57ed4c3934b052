import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './errors.js';

/**
 * Loads data for a page and reloads it on demand; a failure shows the server's message.
 * `deps` decide when to load again (e.g. the selected agency); `enabled` false skips loading.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], enabled = true) {
  const { message } = App.useApp();
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) {
      setData(undefined);
      return;
    }
    let live = true;
    setLoading(true);
    load()
      .then((d) => live && setData(d))
      .catch((err) => live && void message.error(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, reload };
}
