import { EventEmitter } from 'node:events';
import type { AppDeps } from '../../platform/http';
import type { QueueSnapshot } from './counter.contracts';

/** What the display board hears: a fresh snapshot after every change, and each call to play the chime on. */
export type QueueEvent =
  | { type: 'snapshot'; snapshot: QueueSnapshot }
  | { type: 'call'; call: { number: string; groupKey: string; counterNumber: number; counterName: string; recall: boolean; at: string } };

/**
 * In-process publish/subscribe per commune. xaso is one process (docs/ARCHITECTURE.md),
 * so every display connected to it hears every counter; events are published only
 * after the change is committed.
 */
export class QueueBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per connected screen; a commune may have several TVs and counter pages.
    this.emitter.setMaxListeners(0);
  }

  publish(communeCode: string, event: QueueEvent): void {
    this.emitter.emit(communeCode, event);
  }

  subscribe(communeCode: string, listener: (e: QueueEvent) => void): () => void {
    this.emitter.on(communeCode, listener);
    return () => this.emitter.off(communeCode, listener);
  }

  listenerCount(communeCode: string): number {
    return this.emitter.listenerCount(communeCode);
  }
}

const buses = new WeakMap<object, QueueBus>();

/** One bus per database, so two apps in one process (tests) never hear each other. */
export function getQueueBus(deps: AppDeps): QueueBus {
  let bus = buses.get(deps.db);
  if (!bus) buses.set(deps.db, (bus = new QueueBus()));
  return bus;
}
