import { useEffect, useState } from 'react';

type Forms = typeof import('./forms');

let loaded: Forms | null = null;
let loading: Promise<Forms> | null = null;

/** Loads the forms chunk once per frame. */
export function loadForms(): Promise<Forms> {
  loading ??= import('./forms').then((forms) => (loaded = forms));
  return loading;
}

/**
 * The panel's forms, once their chunk is here (null until then); a component that may show a form asks for it when
 * it mounts, so the chunk comes while the user reads. Once loaded a form renders in the same commit as the click
 * that opens it, as before the split: focus moves and returns exactly as it did.
 */
export function useForms(): Forms | null {
  const [forms, setForms] = useState(loaded);
  useEffect(() => {
    if (forms) return;
    let live = true;
    void loadForms().then((found) => {
      if (live) setForms(found);
    });
    return () => {
      live = false;
    };
  }, [forms]);
  return forms;
}
