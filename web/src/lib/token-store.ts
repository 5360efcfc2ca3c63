// The JWT lives in localStorage so a reload (or a second tab) stays logged in. Components
// subscribe through useSyncExternalStore, so logging in or out anywhere re-renders everything
// that depends on it.

const TOKEN_KEY = 'shop.token';
const EXPIRES_KEY = 'shop.tokenExpiresAt';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify() {
  listeners.forEach((listener) => listener());
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (private mode, sandboxed iframe)
  }
}

export const tokenStore = {
  get(): string | null {
    const storage = safeStorage();
    const token = storage?.getItem(TOKEN_KEY) ?? null;
    if (!token) return null;
    const expiresAt = storage?.getItem(EXPIRES_KEY);
    // An expired token would only earn a 401 and a redirect; drop it up front instead.
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
      storage?.removeItem(TOKEN_KEY);
      storage?.removeItem(EXPIRES_KEY);
      return null;
    }
    return token;
  },
  set(token: string, expiresAt?: string) {
    const storage = safeStorage();
    storage?.setItem(TOKEN_KEY, token);
    if (expiresAt) storage?.setItem(EXPIRES_KEY, expiresAt);
    else storage?.removeItem(EXPIRES_KEY);
    notify();
  },
  clear() {
    const storage = safeStorage();
    const had = storage?.getItem(TOKEN_KEY) !== null;
    storage?.removeItem(TOKEN_KEY);
    storage?.removeItem(EXPIRES_KEY);
    if (had) notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_KEY) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};
