/**
 * The Forge bridge as UI Kit tests see it. In Jira the platform defines `globalThis.__bridge`
 * (checked by @forge/bridge when imported) and `self.__bridge.callBridge` (called by the
 * @forge/react reconciler with every rendered ForgeDoc). Import this module before any UI
 * module: it defines both, keeps the last `reconcile`d ForgeDoc and answers `invoke` and
 * `getContext`.
 */
import { state, type ForgeDoc } from './bridge-globals';
import ForgeReconciler from '@forge/react';
import { act, type ReactElement } from 'react';

export type { ForgeDoc };
type Invoke = (functionKey: string, payload: unknown) => unknown;

/** Sets how resolver calls are answered (sync value, promise or throw). */
export function answerInvoke(handler: Invoke) {
  state.onInvoke = handler;
}

/** Sets what `view.getContext()` (and so `useProductContext`) returns. */
export function setProductContext(context: Record<string, unknown>) {
  state.productContext = context;
}

/** What the rendered view submitted with `view.submit`, oldest first. */
export function submitted(): unknown[] {
  return state.submitted;
}

/** Renders a UI Kit element through the Forge reconciler and lets effects and promises settle. */
export async function render(element: ReactElement) {
  state.latest = undefined;
  state.submitted = [];
  await act(async () => {
    ForgeReconciler.render(element);
  });
  await settle();
}

/** Lets pending promises (resolver answers) and the state updates they cause run. */
export async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise(resolve => setImmediate(resolve));
    });
  }
}

/** The ForgeDoc of the last `reconcile` call (with live event handlers). */
export function doc(): ForgeDoc {
  if (!state.latest) throw new Error('Nothing was rendered');
  return state.latest;
}

/** All nodes of a type in the last ForgeDoc, depth first. */
export function findAll(type: string, root: ForgeDoc = doc()): ForgeDoc[] {
  const found = root.type === type ? [root] : [];
  return found.concat(...root.children.map(child => findAll(type, child)));
}

/** The text of a node: its strings, depth first, joined. */
export function textOf(node: ForgeDoc = doc()): string {
  if (node.type === 'String') return String(node.props.text);
  return node.children.map(textOf).join('');
}

/** The texts of all nodes of a type. */
export const textsOf = (type: string) => findAll(type).map(node => textOf(node));

/** Finds the button whose text is `label`. */
export function button(label: string): ForgeDoc {
  const found = findAll('Button').find(b => textOf(b) === label);
  if (!found) throw new Error(`No button "${label}" in: ${textsOf('Button').join(' | ')}`);
  return found;
}

/** Clicks a button and lets what it started settle. */
export async function click(label: string) {
  const onClick = button(label).props.onClick as () => unknown;
  await act(async () => {
    onClick();
  });
  await settle();
}

/** Types into the text field with the given name. */
export async function type(name: string, value: string) {
  const field = findAll('Textfield').find(f => f.props.name === name);
  if (!field) throw new Error(`No text field ${name}`);
  await act(async () => {
    (field.props.onChange as (e: { target: { value: string } }) => void)({ target: { value } });
  });
}

/**
 * Chooses options (by value) in the Select with the given input id, as a user would. The
 * reconciler prefixes ids with the app's, so the id is matched at the end.
 */
export async function choose(inputId: string, values: string[]) {
  const select = findAll('Select').find(f => String(f.props.inputId).endsWith(inputId));
  if (!select) throw new Error(`No select ${inputId}`);
  const options = (select.props.options as { label: string; value: string }[]).filter(o => values.includes(o.value));
  await act(async () => {
    (select.props.onChange as (value: unknown) => void)(select.props.isMulti ? options : (options[0] ?? null));
  });
}
