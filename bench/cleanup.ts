/**
 * Ctrl-C (or SIGTERM) during a bench: every part that made a cluster, a database or a temporary
 * directory registers how to remove it; one handler runs them all, then exits with 130.
 */
type Cleanup = () => Promise<void> | void;
const registered = new Set<Cleanup>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up…`);
      const all = [...registered].reverse();
      registered.clear();
      void (async () => {
        for (const c of all) await Promise.resolve().then(c).catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
      })().finally(() => process.exit(130));
    });
  }
}

/** Runs `fn` on Ctrl-C; returns the function that unregisters it (call it once the thing is cleaned up). */
export function onInterrupt(fn: Cleanup): () => void {
  install();
  registered.add(fn);
  return () => void registered.delete(fn);
}
