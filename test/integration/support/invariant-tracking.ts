/**
 * Runs the storage invariant checker (./invariants.ts) on every LocalForge an integration test uses: each forge is
 * checked when the test closes it (synchronously, just before its emulator closes) and, if still open, after each
 * test. Installed for test/integration/** by ./after-each-invariants.ts (jest setupFilesAfterEnv).
 *
 * A test that deliberately stores data breaking the invariants (old layouts, hand-made corruption) opts out
 * explicitly, with a reason: `exemptFromInvariants(forge, reason)` for one backend, or
 * `optOutOfInvariants(reason)` at the top of a file for every backend it creates.
 */
import { LocalForge } from '../../../dev/local-forge';
import { checkRawInvariants, isOpen, readRawStorage } from './invariants';

const exempt = new WeakMap<LocalForge, string>();
const open = new Set<LocalForge>();
let fileOptOut: string | null = null;
const pending: Array<{ where: string; violations: string[] }> = [];
let installed = false;

function requireReason(reason: string): void {
  if (typeof reason !== 'string' || reason.trim().length < 10) throw new Error('Opting out of the storage invariants needs a reason (a sentence)');
}

/** This backend's storage is broken on purpose: skip the invariant checks for it. */
export function exemptFromInvariants(forge: LocalForge, reason: string): void {
  requireReason(reason);
  exempt.set(forge, reason);
  open.delete(forge);
}

/** Every backend of this test file stores data that breaks the invariants on purpose (call at the top of the file). */
export function optOutOfInvariants(reason: string): void {
  requireReason(reason);
  fileOptOut = reason;
}

const skipped = (forge: LocalForge) => fileOptOut !== null || exempt.has(forge);

function check(forge: LocalForge, when: string): void {
  if (skipped(forge) || !isOpen(forge)) return;
  const violations = checkRawInvariants(readRawStorage(forge));
  if (violations.length) pending.push({ where: when, violations });
}

/** Patches LocalForge so every backend the test file creates is tracked (idempotent). */
export function installInvariantTracking(): void {
  if (installed) return;
  installed = true;
  const proto = LocalForge.prototype as unknown as {
    invoke: (...args: unknown[]) => Promise<unknown>;
    trigger: (...args: unknown[]) => Promise<unknown>;
    close: () => void;
  };
  const { invoke, trigger, close } = proto;
  proto.invoke = function (this: LocalForge, ...args: unknown[]) {
    if (!skipped(this)) open.add(this);
    return invoke.apply(this, args);
  };
  proto.trigger = function (this: LocalForge, ...args: unknown[]) {
    if (!skipped(this)) open.add(this);
    return trigger.apply(this, args);
  };
  proto.close = function (this: LocalForge) {
    open.delete(this);
    try {
      check(this, 'when the test closed the backend');
    } finally {
      close.call(this);
    }
  };
}

/** Checks the backends still open, then fails with every violation found since the last call. */
export function assertInvariantsHeld(when: string): void {
  for (const forge of open) check(forge, when);
  const found = pending.splice(0);
  if (found.length === 0) return;
  const lines = found.flatMap((f) => [
    `storage invariants broken (${f.where}):`,
    ...f.violations.slice(0, 30).map((x) => `  - ${x}`),
    ...(f.violations.length > 30 ? [`  … and ${f.violations.length - 30} more`] : []),
  ]);
  throw new Error(
    `${lines.join('\n')}\n(If this test breaks storage on purpose, call exemptFromInvariants(forge, reason) or optOutOfInvariants(reason) from test/integration/support/harness.ts.)`,
  );
}
