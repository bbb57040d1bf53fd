/** Who this browser is in the presence list and on remote cursors, until people sign in (issue 3). */
export interface LocalUser {
  name: string;
  color: string;
}

const KEY = 'akkoord.user';

/** Distinct, readable cursor colours (dark enough for white text on them). */
const COLORS = ['#1f6feb', '#2da44e', '#bf3989', '#cf222e', '#8250df', '#bc4c00', '#0a7c86', '#6e7781'];

export function loadUser(): LocalUser {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as LocalUser | null;
    if (stored && typeof stored.name === 'string' && typeof stored.color === 'string') return stored;
  } catch {
    // a damaged entry is replaced below
  }
  const user = {
    name: `Gast ${Math.floor(100 + Math.random() * 900)}`,
    color: COLORS[Math.floor(Math.random() * COLORS.length)]!,
  };
  saveUser(user);
  return user;
}

export function saveUser(user: LocalUser): void {
  localStorage.setItem(KEY, JSON.stringify(user));
}
